/**
 * Inverts a small dense symmetric positive-definite matrix (row-major arrays) by Gauss–Jordan
 * elimination with partial pivoting; returns `null` when it is singular (pivot below 1e-300 or
 * relative 1e-14). O(p³).
 */
export function invertMatrix(a: readonly (readonly number[])[]): number[][] | null {
  const p = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(...a.map((row, i) => Math.abs(row[i] ?? 0)), 1e-300);
  for (let col = 0; col < p; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < p; r += 1) {
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) {
        pivot = r;
      }
    }
    const pv = m[pivot]![col]!;
    if (Math.abs(pv) < 1e-14 * scale || Math.abs(pv) < 1e-300) {
      return null;
    }
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const row = m[col]!;
    for (let j = 0; j < 2 * p; j += 1) {
      row[j] = row[j]! / pv;
    }
    for (let r = 0; r < p; r += 1) {
      if (r !== col) {
        const f = m[r]![col]!;
        if (f !== 0) {
          const target = m[r]!;
          for (let j = 0; j < 2 * p; j += 1) {
            target[j] = target[j]! - f * row[j]!;
          }
        }
      }
    }
  }
  return m.map((row) => row.slice(p));
}
