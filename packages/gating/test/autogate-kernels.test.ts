import { createRng } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import { fitDebrisGate } from '../src/autogate/debris-gate.js';
import { AUTO_PREGATE_DEFAULTS } from '../src/autogate/auto-pregate-options.js';
import { fitSingletGate } from '../src/autogate/singlet-gate.js';
import { sampleValues } from '../src/autogate/sample-values.js';

describe('fitSingletGate on a hand-built ratio distribution', () => {
  // 900 singlets with FSC-H/FSC-A = 0.8 + d, d in {-0.02, -0.01, 0, 0.01, 0.02} (180 each), and 100
  // doublets at 0.45. By symmetry the ratio mode is 0.8; |r − 0.8| is 0 for 18% of events, 0.01 for
  // 36%, 0.02 for 36% and 0.35 for 10%, so its median is 0.01 and the robust spread
  // s = 1.4826 × 0.01; the band is 0.8 ± 4s = [0.7407, 0.8593].
  const n = 1000;
  const area = new Float64Array(n);
  const height = new Float64Array(n);
  const offsets = [-0.02, -0.01, 0, 0.01, 0.02];
  for (let i = 0; i < n; i++) {
    area[i] = 20000 + 100 * i;
    const ratio = i < 900 ? 0.8 + offsets[i % 5]! : 0.45;
    height[i] = ratio * area[i]!;
  }
  const fit = fitSingletGate(
    area,
    height,
    { area: 'FSC-A', height: 'FSC-H', compensation: 'uncompensated' },
    10000,
    262144,
    null,
    createRng(1),
    {
      sampleSize: 5000,
      widthSds: 4,
    },
  );

  it('finds the mode and the robust spread', () => {
    expect(fit.params.ratioMode as number).toBeCloseTo(0.8, 3);
    expect(fit.params.ratioSpread as number).toBeCloseTo(0.014826, 3);
  });

  it('draws the wedge between FSC-H = (k ± w)·FSC-A', () => {
    const [v0, v1, v2, v3] = fit.gate.vertices;
    const k = fit.params.ratioMode as number;
    const w = fit.params.halfWidth as number;
    expect(v0).toEqual([10000, (k - w) * 10000]);
    expect(v1).toEqual([262144, (k - w) * 262144]);
    expect(v2).toEqual([262144, (k + w) * 262144]);
    expect(v3).toEqual([10000, (k + w) * 10000]);
    expect(k - w).toBeCloseTo(0.7407, 2);
    expect(k + w).toBeCloseTo(0.8593, 2);
  });
});

describe('fitDebrisGate on a seeded two-population mixture', () => {
  // log10 FSC-A: debris N(4.0, 0.2) 15%, cells N(5.0, 0.08) 85%. The mixture density's minimum between
  // the modes is found by direct evaluation on a fine grid (an independent computation).
  const rng = createRng(3);
  const n = 40000;
  const fsc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    fsc[i] = 10 ** (i < 0.15 * n ? 4 + 0.2 * rng.normal() : 5 + 0.08 * rng.normal());
  }
  const pdf = (x: number, m: number, s: number): number => Math.exp(-0.5 * ((x - m) / s) ** 2) / s;
  let valley = 4;
  for (let x = 4; x <= 5; x += 1e-4) {
    const d = (u: number): number => 0.15 * pdf(u, 4, 0.2) + 0.85 * pdf(u, 5, 0.08);
    if (d(x) < d(valley)) {
      valley = x;
    }
  }

  it('cuts at the density valley between debris and cells', () => {
    const fit = fitDebrisGate(
      fsc,
      { fsc: 'FSC-A', ssc: 'SSC-A', compensation: 'uncompensated' },
      262144,
      null,
      createRng(2),
      AUTO_PREGATE_DEFAULTS.debris,
    );
    expect(valley).toBeGreaterThan(4.3);
    expect(Math.log10(fit.params.cut as number)).toBeCloseTo(valley, 1);
    expect(fit.params.valleyFound).toBe(true);
    expect(fit.warnings).toEqual([]);
    expect(fit.gate.vertices[0]).toEqual([fit.params.cut, -1]);
  });

  it('falls back to mode − 4 SD without debris, with a warning', () => {
    const cells = fsc.slice(0.15 * n);
    const fit = fitDebrisGate(
      cells,
      { fsc: 'FSC-A', ssc: 'SSC-A', compensation: 'uncompensated' },
      262144,
      null,
      createRng(2),
      AUTO_PREGATE_DEFAULTS.debris,
    );
    // mode 5, SD 0.08 decade: cut near 10^(5 − 0.32).
    expect(Math.log10(fit.params.cut as number)).toBeCloseTo(4.68, 1);
    expect(fit.warnings.map((w) => w.code)).toEqual(['AUTOGATE_NO_DEBRIS_VALLEY']);
  });
});

describe('sampleValues', () => {
  it('returns every masked value when the mask is smaller than the sample size, ascending', () => {
    const col = new Float64Array([5, 1, Number.NaN, 3, 2]);
    const mask = new Uint8Array([1, 1, 1, 0, 1]);
    expect(Array.from(sampleValues(col, mask, 10, createRng(1)))).toEqual([1, 2, 5]);
    expect(Array.from(sampleValues(col, mask, 10, createRng(1), (v) => -v))).toEqual([-5, -2, -1]);
  });

  it('draws about the requested number from a large mask, all inside it, and the same for the same seed', () => {
    const n = 100000;
    const col = Float64Array.from({ length: n }, (_, i) => i);
    const mask = Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const a = sampleValues(col, mask, 5000, createRng(7));
    expect(a.every((v) => v % 2 === 0)).toBe(true);
    expect(Math.abs(a.length - 5000)).toBeLessThan(300);
    expect(Array.from(sampleValues(col, mask, 5000, createRng(7)))).toEqual(Array.from(a));
  });
});
