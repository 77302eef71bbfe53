/**
 * The one adapter between tamkit's typed-array columns and simple-statistics, whose functions take
 * `readonly number[]` (its types reject Float32Array/Float64Array). Copies: O(n) time and memory.
 *
 * @example
 * quantileSorted(toNumberArray(sortedColumn), 0.5);
 */
export function toNumberArray(values: ArrayLike<number>): readonly number[] {
  return Array.from(values);
}
