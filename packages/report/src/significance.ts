/**
 * Stars for a p-value, GraphPad convention: `****` p < 0.0001, `***` < 0.001, `**` < 0.01,
 * `*` < 0.05, `ns` otherwise.
 *
 * @throws {RangeError} when p is not in [0, 1].
 * @example significanceStars(0.003) // '**'
 */
export function significanceStars(p: number): string {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`p must be in [0, 1], got ${p}`);
  }
  if (p < 0.0001) {
    return '****';
  }
  if (p < 0.001) {
    return '***';
  }
  if (p < 0.01) {
    return '**';
  }
  return p < 0.05 ? '*' : 'ns';
}

/** `p = 0.012`, `p < 0.0001` (3 significant digits). @example formatP(0.01234) // 'p = 0.0123' */
export function formatP(p: number): string {
  return p < 0.0001 ? 'p < 0.0001' : `p = ${Number(p.toPrecision(3))}`;
}
