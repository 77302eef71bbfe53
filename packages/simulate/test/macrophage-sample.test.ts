import { describe, expect, it } from 'vitest';
import { MACROPHAGE_CLASS_NAMES, simulateMacrophageSample } from '../src/index.js';
import type { MacrophageClass, MacrophageSample } from '../src/index.js';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

function column(sample: MacrophageSample, name: string): Float32Array | Float64Array {
  const i = sample.table.channels.findIndex((c) => c.name === name);
  const col = sample.table.columns[i];
  if (col === undefined) {
    throw new Error(`no channel ${name}`);
  }
  return col;
}

function valuesOf(sample: MacrophageSample, col: ArrayLike<number>, cls: MacrophageClass): number[] {
  const code = MACROPHAGE_CLASS_NAMES.indexOf(cls);
  const out: number[] = [];
  for (let i = 0; i < col.length; i++) {
    if (sample.truth.eventClass[i] === code) {
      out.push(col[i]!);
    }
  }
  return out;
}

/** Pre-spillover signal of one detector (truth), by class. */
function preOf(sample: MacrophageSample, detector: string, cls: MacrophageClass): number[] {
  const d = sample.spillover.detectors.indexOf(detector);
  return valuesOf(sample, sample.truth.preSpillover[d]!, cls);
}

describe('simulateMacrophageSample', () => {
  it('is deterministic by seed', () => {
    const a = simulateMacrophageSample({ seed: 11, events: 2000, condition: 'TCM' });
    const b = simulateMacrophageSample({ seed: 11, events: 2000, condition: 'TCM' });
    const c = simulateMacrophageSample({ seed: 12, events: 2000, condition: 'TCM' });
    expect(b.truth.eventClass).toEqual(a.truth.eventClass);
    expect(b.table.columns).toEqual(a.table.columns);
    expect(c.table.columns[0]).not.toEqual(a.table.columns[0]);
  });

  it('writes FCS-style channels with $PnS labels, float32 columns and a Time channel', () => {
    const s = simulateMacrophageSample({ seed: 1, events: 500, condition: 'M0' });
    expect(s.table.channels.map((c) => [c.name, c.label, c.kind])).toEqual([
      ['FSC-A', '', 'scatter'],
      ['FSC-H', '', 'scatter'],
      ['SSC-A', '', 'scatter'],
      ['BV421-A', 'CD86', 'fluorescence'],
      ['FITC-A', 'CD14', 'fluorescence'],
      ['BV605-A', 'CD80', 'fluorescence'],
      ['PE-A', 'CD206', 'fluorescence'],
      ['PerCP-Cy5.5-A', 'HLA-DR', 'fluorescence'],
      ['APC-A', 'CD163', 'fluorescence'],
      ['APC-Cy7-A', 'Live/Dead', 'fluorescence'],
      ['Time', '', 'time'],
    ]);
    expect(s.table.columns.every((c) => c instanceof Float32Array)).toBe(true);
    expect(s.table.stage).toBe('raw');
    expect(s.truth.classNames).toEqual([
      'debris', 'doublet', 'dead', 'non_macrophage', 'M1', 'M2', 'double_positive', 'double_negative',
    ]);
    const time = column(s, 'Time');
    for (let i = 1; i < time.length; i++) {
      expect(time[i]!).toBeGreaterThanOrEqual(time[i - 1]!);
    }
  });

  it('keeps scatter within 0..262143 and gives some negative fluorescence (background-subtracted noise)', () => {
    const s = simulateMacrophageSample({ seed: 2, events: 5000, condition: 'M0' });
    for (const name of ['FSC-A', 'FSC-H', 'SSC-A']) {
      const col = column(s, name);
      expect(Math.min(...col)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...col)).toBeLessThanOrEqual(262143);
    }
    expect(column(s, 'BV605-A').some((v) => v < 0)).toBe(true);
  });

  it('draws classes with the requested composition (within 4.5 binomial SDs)', () => {
    const n = 20000;
    const s = simulateMacrophageSample({
      seed: 5,
      events: n,
      condition: 'M1',
      composition: {
        debris: 0.1,
        doublet: 0.05,
        dead: 0.15,
        nonMacrophage: 0.1,
        phenotype: { M1: 0.4, M2: 0.3, double_positive: 0.1, double_negative: 0.2 },
      },
    });
    // Macrophages are 1 - 0.1 - 0.05 - 0.15 - 0.1 = 0.6 of events, so M1 = 0.6 × 0.4 = 0.24, etc.
    const expected: Record<MacrophageClass, number> = {
      debris: 0.1,
      doublet: 0.05,
      dead: 0.15,
      non_macrophage: 0.1,
      M1: 0.24,
      M2: 0.18,
      double_positive: 0.06,
      double_negative: 0.12,
    };
    let total = 0;
    for (const cls of MACROPHAGE_CLASS_NAMES) {
      const p = expected[cls];
      const sd = Math.sqrt(n * p * (1 - p)); // e.g. M1: sqrt(20000 × 0.24 × 0.76) ≈ 60.4
      expect(Math.abs(s.truth.counts[cls] - n * p), cls).toBeLessThan(4.5 * sd);
      total += s.truth.counts[cls];
    }
    expect(total).toBe(n);
    // counts agree with the per-event codes
    expect(s.truth.counts.M2).toBe(s.truth.eventClass.filter((c) => c === 5).length);
  });

  it('uses the documented default mix of a condition', () => {
    const n = 20000;
    const s = simulateMacrophageSample({ seed: 9, events: n, condition: 'M2' });
    // Defaults: macrophages 1 - 0.08 - 0.05 - 0.10 - 0.07 = 0.70; M2 condition: 75 % M2 → 0.525.
    const p = 0.7 * 0.75;
    expect(Math.abs(s.truth.counts.M2 - n * p)).toBeLessThan(4.5 * Math.sqrt(n * p * (1 - p)));
    const pd = 0.08;
    expect(Math.abs(s.truth.counts.debris - n * pd)).toBeLessThan(4.5 * Math.sqrt(n * pd * (1 - pd)));
  });

  it('makes doublets with FSC-A about twice a singlet while FSC-H is not', () => {
    const s = simulateMacrophageSample({ seed: 3, events: 20000, condition: 'M0' });
    const a = column(s, 'FSC-A');
    const h = column(s, 'FSC-H');
    const ratio = Array.from(a, (v, i) => h[i]! / v);
    const singlet = median(valuesOf(s, ratio, 'double_negative'));
    const doublet = median(valuesOf(s, ratio, 'doublet'));
    expect(singlet).toBeGreaterThan(0.78);
    expect(singlet).toBeLessThan(0.86);
    expect(doublet).toBeLessThan(0.6);
    const areaRatio = median(valuesOf(s, a, 'doublet')) / median(valuesOf(s, a, 'double_negative'));
    expect(areaRatio).toBeGreaterThan(1.8);
    expect(areaRatio).toBeLessThan(2.2);
    expect(median(valuesOf(s, a, 'debris'))).toBeLessThan(0.25 * median(valuesOf(s, a, 'double_negative')));
  });

  it('defines phenotypes from the true marker state: M1 markers high on M1, M2 markers high on M2', () => {
    const s = simulateMacrophageSample({ seed: 4, events: 20000, condition: 'TCM' });
    // Separation 1.3 decades: a positive stain is backgroundLevel × (10^1.3 − 1) ≈ 19 × 100–300, while
    // negatives carry autofluorescence (10–150) plus 5–20% of it: ratios far above 5.
    for (const m1 of ['BV421-A', 'BV605-A', 'PerCP-Cy5.5-A']) {
      expect(median(preOf(s, m1, 'M1')) / median(preOf(s, m1, 'M2')), m1).toBeGreaterThan(5);
      expect(median(preOf(s, m1, 'double_positive')) / median(preOf(s, m1, 'double_negative')), m1).toBeGreaterThan(5);
    }
    for (const m2 of ['PE-A', 'APC-A']) {
      expect(median(preOf(s, m2, 'M2')) / median(preOf(s, m2, 'M1')), m2).toBeGreaterThan(5);
    }
    // Pan-macrophage CD14 is high on macrophages and low on non-macrophages; the viability dye on dead cells.
    expect(median(preOf(s, 'FITC-A', 'M2')) / median(preOf(s, 'FITC-A', 'non_macrophage'))).toBeGreaterThan(5);
    expect(median(preOf(s, 'APC-Cy7-A', 'dead')) / median(preOf(s, 'APC-Cy7-A', 'M2'))).toBeGreaterThan(10);
  });

  it('separation 0 puts positives on the negatives', () => {
    const s = simulateMacrophageSample({ seed: 4, events: 20000, condition: 'TCM', separation: 0 });
    const r = median(preOf(s, 'PE-A', 'M2')) / median(preOf(s, 'PE-A', 'M1'));
    expect(r).toBeGreaterThan(0.8);
    expect(r).toBeLessThan(1.25);
  });

  it('leaves the FMO marker unstained (autofluorescence only) and every marker in the unstained control', () => {
    const stained = simulateMacrophageSample({ seed: 6, events: 10000, condition: 'M2' });
    const fmo = simulateMacrophageSample({ seed: 6, events: 10000, condition: 'M2', fmoMarker: 'CD206' });
    const none = simulateMacrophageSample({ seed: 6, events: 10000, condition: 'M2', unstained: true });
    // CD206 positives: 150 × (10^1.3 − 1) ≈ 2840 plus nonspecific 6; macrophage PE autofluorescence
    // median 60, all the FMO keeps in PE-A (its stain, nonspecific binding included, is absent).
    expect(median(preOf(stained, 'PE-A', 'M2'))).toBeGreaterThan(1500);
    expect(median(preOf(fmo, 'PE-A', 'M2'))).toBeLessThan(150);
    // The other stains are still there in the FMO.
    expect(median(preOf(fmo, 'APC-A', 'M2'))).toBeGreaterThan(1000);
    for (const d of none.spillover.detectors) {
      // Largest autofluorescence median: FITC 150 × dead-cell factor 2 = 300.
      expect(median(preOf(none, d, 'M2')), d).toBeLessThan(200);
      expect(median(preOf(none, d, 'dead')), d).toBeLessThan(400);
    }
    expect(fmo.keywords.TAMKIT_ROLE).toBe('FMO CD206');
  });

  it("makes a stained sample's negatives look like the FMO control in that detector", () => {
    // Double-negative macrophages carry the same stains in the stained sample and in the CD206 FMO,
    // except CD206's nonspecific binding (median 10% × PE autofluorescence 60 = 6 units) against a
    // detector noise SD of at least 50: a shift of about 0.1 SD, so about 0.5–1% of the stained
    // negatives exceed the FMO's 99.5th percentile (the old model's negative stain of median 150, ≈ 3
    // SD, put about half above it). Required: at most 2%, and medians within 20 units.
    const events = 40000;
    const stained = simulateMacrophageSample({ seed: 7, events, condition: 'M0' });
    const fmo = simulateMacrophageSample({ seed: 8, events, condition: 'M0', fmoMarker: 'CD206' });
    const neg = valuesOf(stained, column(stained, 'PE-A'), 'double_negative');
    const ctl = valuesOf(fmo, column(fmo, 'PE-A'), 'double_negative').sort((a, b) => a - b);
    const cut = ctl[Math.floor(0.995 * (ctl.length - 1))]!;
    const above = neg.filter((v) => v > cut).length / neg.length;
    expect(above).toBeLessThanOrEqual(0.02);
    expect(Math.abs(median(neg) - median(ctl))).toBeLessThan(20);
  });

  it('rejects bad options as programmer errors', () => {
    expect(() => simulateMacrophageSample({ seed: 1, events: 0, condition: 'M0' })).toThrow(RangeError);
    expect(() => simulateMacrophageSample({ seed: 1, events: 10, condition: 'M9' as 'M0' })).toThrow(TypeError);
    expect(() => simulateMacrophageSample({ seed: 1, events: 10, condition: 'M0', fmoMarker: 'CD3' })).toThrow(TypeError);
    expect(() =>
      simulateMacrophageSample({ seed: 1, events: 10, condition: 'M0', composition: { debris: 0.6, dead: 0.5, doublet: 0, nonMacrophage: 0 } }),
    ).toThrow(/sum to 1.1/);
    expect(() =>
      simulateMacrophageSample({
        seed: 1,
        events: 10,
        condition: 'M0',
        composition: { phenotype: { M1: 0.5, M2: 0.5, double_positive: 0.5, double_negative: 0 } },
      }),
    ).toThrow(RangeError);
  });

  it('simulates one event', () => {
    const s = simulateMacrophageSample({ seed: 1, events: 1, condition: 'M1' });
    expect(s.table.eventCount).toBe(1);
    expect(Object.values(s.truth.counts).reduce((a, b) => a + b, 0)).toBe(1);
  });
});
