import { describe, expect, it } from 'vitest';
import { macrophageSpillover, simulateMacrophageSample } from '../src/index.js';

/** Inverse of an n×n row-major matrix by Gauss-Jordan elimination with partial pivoting. */
function invert(values: Float64Array, n: number): Float64Array {
  const a = Array.from({ length: n }, (_, r) => [
    ...Array.from({ length: n }, (_, c) => values[r * n + c]!),
    ...Array.from({ length: n }, (_, c) => (r === c ? 1 : 0)),
  ]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) {
        pivot = r;
      }
    }
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const row = a[col]!;
    const p = row[col]!;
    for (let c = 0; c < 2 * n; c++) {
      row[c] = row[c]! / p;
    }
    for (let r = 0; r < n; r++) {
      if (r !== col) {
        const f = a[r]![col]!;
        for (let c = 0; c < 2 * n; c++) {
          a[r]![c] = a[r]![c]! - f * row[c]!;
        }
      }
    }
  }
  const out = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      out[r * n + c] = a[r]![n + c]!;
    }
  }
  return out;
}

describe('spillover', () => {
  it('is a unit-diagonal matrix over the seven fluorescence detectors with real off-diagonal spill', () => {
    const s = macrophageSpillover();
    expect(s.detectors).toEqual(['BV421-A', 'FITC-A', 'BV605-A', 'PE-A', 'PerCP-Cy5.5-A', 'APC-A', 'APC-Cy7-A']);
    expect(s.source).toBe('$SPILLOVER');
    const n = s.detectors.length;
    for (let i = 0; i < n; i++) {
      expect(s.values[i * n + i]).toBe(1);
    }
    // FITC into the PE detector: the classic large spill (row FITC-A = 1, column PE-A = 3).
    expect(s.values[1 * n + 3]).toBeGreaterThan(0.1);
  });

  it('the self-check inverse is right on a hand-inverted 2×2', () => {
    // [[1, 0.2], [0.1, 1]]⁻¹ = 1/0.98 · [[1, -0.2], [-0.1, 1]]
    const inv = invert(new Float64Array([1, 0.2, 0.1, 1]), 2);
    const expected = [1 / 0.98, -0.2 / 0.98, -0.1 / 0.98, 1 / 0.98];
    expected.forEach((v, i) => expect(inv[i]).toBeCloseTo(v, 12));
  });

  it('is applied to the data: compensating with S⁻¹ recovers the pre-spillover values (noise off)', () => {
    const sample = simulateMacrophageSample({
      seed: 21,
      events: 3000,
      condition: 'TCM',
      electronicNoise: 0,
      photonNoise: 0,
    });
    const { detectors, values } = sample.spillover;
    const n = detectors.length;
    const inv = invert(values, n);
    const cols = detectors.map((d) => sample.table.columns[sample.table.channels.findIndex((c) => c.name === d)]!);
    let checked = 0;
    let changedBySpill = 0;
    for (let i = 0; i < sample.table.eventCount; i++) {
      if (cols.some((c) => c[i]! >= 262143)) {
        continue; // saturated: spillover cannot be undone
      }
      checked++;
      for (let d = 0; d < n; d++) {
        let comp = 0;
        for (let k = 0; k < n; k++) {
          comp += cols[k]![i]! * inv[k * n + d]!;
        }
        const truth = sample.truth.preSpillover[d]![i]!;
        // Observed values are stored as float32 (relative rounding 6e-8), so allow 1e-5 relative.
        expect(Math.abs(comp - truth)).toBeLessThan(1e-5 * Math.max(1, Math.abs(truth)) + 1e-3);
        if (Math.abs(cols[d]![i]! - truth) > 0.01 * truth) {
          changedBySpill++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2900);
    // Spillover moved a good share of the values by more than 1 %.
    expect(changedBySpill).toBeGreaterThan(checked);
  });

  it('with detector noise, compensated values scatter around the truth with the noise SD', () => {
    const sample = simulateMacrophageSample({ seed: 22, events: 4000, condition: 'M0', photonNoise: 0 });
    const { detectors, values } = sample.spillover;
    const n = detectors.length;
    const inv = invert(values, n);
    const cols = detectors.map((d) => sample.table.columns[sample.table.channels.findIndex((c) => c.name === d)]!);
    // Residual in detector FITC-A after compensation: sum over k of noise_k · inv[k][FITC]; with
    // independent noise of SD 50 its SD is 50 · sqrt(sum_k inv[k][1]²) (about 50, S being near identity).
    const d = 1;
    let sumSq = 0;
    let m = 0;
    for (let i = 0; i < sample.table.eventCount; i++) {
      let comp = 0;
      for (let k = 0; k < n; k++) {
        comp += cols[k]![i]! * inv[k * n + d]!;
      }
      const r = comp - sample.truth.preSpillover[d]![i]!;
      sumSq += r * r;
      m++;
    }
    let expectedVar = 0;
    for (let k = 0; k < n; k++) {
      expectedVar += (50 * inv[k * n + d]!) ** 2;
    }
    const ratio = sumSq / m / expectedVar;
    // Sample variance of 4000 normal residuals: relative SD sqrt(2/4000) ≈ 0.022; allow ±10 %.
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
  });
});
