/** Average ranks (1-based, ties get the mean of their positions) and the sizes of tied groups. */
export interface Ranking {
  readonly ranks: Float64Array;
  /** Size of every tied group with more than one member. */
  readonly ties: number[];
}

/**
 * Ranks values ascending with average ranks for ties (R `rank(ties.method = "average")`).
 * O(n log n).
 *
 * @example
 * rankAverage([3, 1, 3]).ranks; // [2.5, 1, 2.5]
 */
export function rankAverage(values: readonly number[]): Ranking {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  const ties: number[] = [];
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) {
      j += 1;
    }
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) {
      ranks[order[k]!] = avg;
    }
    if (j > i) {
      ties.push(j - i + 1);
    }
    i = j + 1;
  }
  return { ranks, ties };
}
