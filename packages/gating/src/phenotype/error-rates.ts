/**
 * Per-marker control percentile that keeps a role's false-positive rate at `familyAlpha` when the
 * role is called positive if ANY of its `markerCount` markers is positive (Šidák 1967, J. Am. Stat.
 * Assoc. 62:626): per-marker α = 1 − (1 − familyAlpha)^(1/n), percentile = 100 · (1 − α). Assumes the
 * negatives' marker values are independent; positively correlated markers make the true rate lower.
 *
 * @throws {RangeError} when familyAlpha is outside (0, 1) or markerCount is not a positive integer.
 * @example
 * sidakPercentile(0.01, 3); // 99.6655 (per-marker α ≈ 0.335%)
 */
export function sidakPercentile(familyAlpha: number, markerCount: number): number {
  if (!(familyAlpha > 0 && familyAlpha < 1)) {
    throw new RangeError(`familyAlpha must be in (0, 1), got ${familyAlpha}`);
  }
  if (!Number.isInteger(markerCount) || markerCount < 1) {
    throw new RangeError(`markerCount must be a positive integer, got ${markerCount}`);
  }
  return 100 * (1 - familyAlpha) ** (1 / markerCount);
}

/**
 * False-positive rate of a role call for a true-negative event when each of its `markerCount`
 * markers is independently positive with probability `perMarkerAlpha` (e.g. 0.005 for a 99.5th
 * percentile FMO cut-off) and the role is positive when at least `k` markers are:
 * P(Binomial(n, α) ≥ k) = Σ_{j=k..n} C(n, j) α^j (1 − α)^(n − j). `k = 1` is the `any` rule
 * (1 − (1 − α)^n), `k = n` is `all` (α^n).
 *
 * @throws {RangeError} on α outside [0, 1] or k outside 1..n.
 * @example
 * roleFalsePositiveRate(0.01, 3, 1); // 0.029701 = 1 − 0.99³
 * roleFalsePositiveRate(0.01, 3, 2); // 0.000298 = 3 · 0.01² · 0.99 + 0.01³
 */
export function roleFalsePositiveRate(perMarkerAlpha: number, markerCount: number, k: number): number {
  if (!(perMarkerAlpha >= 0 && perMarkerAlpha <= 1)) {
    throw new RangeError(`perMarkerAlpha must be in [0, 1], got ${perMarkerAlpha}`);
  }
  if (!Number.isInteger(markerCount) || markerCount < 1 || !Number.isInteger(k) || k < 1 || k > markerCount) {
    throw new RangeError(`need integers 1 <= k <= markerCount, got k=${k}, markerCount=${markerCount}`);
  }
  let total = 0;
  let binom = 1; // C(n, j), updated incrementally
  for (let j = 0; j <= markerCount; j++) {
    if (j > 0) {
      binom = (binom * (markerCount - j + 1)) / j;
    }
    if (j >= k) {
      total += binom * perMarkerAlpha ** j * (1 - perMarkerAlpha) ** (markerCount - j);
    }
  }
  return total;
}
