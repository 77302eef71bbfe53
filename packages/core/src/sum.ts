/**
 * Sum of the values with Neumaier's compensated summation (the error of a plain loop does not
 * accumulate with n). NaN propagates. Complexity O(n).
 *
 * @example
 * fsum([1e100, 1, -1e100]); // 1
 */
export function fsum(values: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}
