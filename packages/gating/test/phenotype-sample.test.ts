import { replaceColumns, type EventTable } from '@tamkit/core';
import { simulateMacrophageExperiment, type MacrophageExperimentSample } from '@tamkit/simulate';
import { describe, expect, it } from 'vitest';
import {
  PHENOTYPE_CLASSES,
  phenotypeSample,
  PhenotypePipelineError,
  type PhenotypeResult,
} from '../src/index.js';

const scaled = (t: EventTable): EventTable => ({ ...t, stage: 'scaled' });

/** Agreement of the per-event classes with the simulator's truth on kept macrophages, and true/called %. */
function score(
  r: PhenotypeResult,
  s: MacrophageExperimentSample,
): { agreement: number; truePct: number[]; calledPct: number[] } {
  const cls = s.sample.truth.eventClass;
  let agree = 0;
  let kept = 0;
  const truth = [0, 0, 0, 0];
  let macrophages = 0;
  for (let i = 0; i < cls.length; i++) {
    const c = cls[i]!;
    if (c >= 4) {
      macrophages++;
      truth[c - 4]!++;
      if (r.codes[i] !== 255) {
        kept++;
        agree += r.codes[i] === c - 4 ? 1 : 0;
      }
    }
  }
  return {
    agreement: (100 * agree) / kept,
    truePct: truth.map((t) => (100 * t) / macrophages),
    calledPct: PHENOTYPE_CLASSES.map((k) => r.percentages.percent[k]),
  };
}

function experiment(
  seed: number,
  separation: number,
): {
  samples: MacrophageExperimentSample[];
  fmo: Record<string, EventTable>;
  unstained: EventTable;
} {
  const exp = simulateMacrophageExperiment({
    seed,
    eventsPerSample: 20000,
    replicates: 1,
    separation,
    conditions: ['M0', 'M1', 'M2', 'TCM'],
  });
  const fmo: Record<string, EventTable> = {};
  let unstained: EventTable | undefined;
  for (const s of exp.samples) {
    if (s.role === 'fmo') {
      fmo[s.fmoMarker!] = scaled(s.sample.table);
    } else if (s.role === 'unstained') {
      unstained = scaled(s.sample.table);
    }
  }
  return { samples: exp.samples.filter((s) => s.role === 'sample'), fmo, unstained: unstained! };
}

describe('phenotypeSample accuracy against the simulator truth', () => {
  for (const [seed, separation] of [
    [21, 1.3],
    [22, 1.5],
    [25, 1.2],
  ] as const) {
    const { samples, fmo, unstained } = experiment(seed, separation);
    for (const s of samples) {
      it(`rules with FMO controls: ${s.fileName}, seed ${seed}, separation ${separation}`, () => {
        const r = phenotypeSample(
          { table: scaled(s.sample.table), spillover: s.sample.spillover, name: s.fileName },
          { seed: 1, controls: { fmo, unstained } },
        );
        const { agreement, truePct, calledPct } = score(r, s);
        expect(agreement).toBeGreaterThanOrEqual(97);
        expect(Math.abs(calledPct[0]! - truePct[0]!)).toBeLessThanOrEqual(2);
        expect(Math.abs(calledPct[1]! - truePct[1]!)).toBeLessThanOrEqual(2);
        expect(r.thresholds.every((t) => t.source === 'fmo')).toBe(true);
        expect(r.warnings.some((w) => w.code === 'THRESHOLD_NO_CONTROL')).toBe(false);
      });
    }
    it(`thresholds come from the FMO controls themselves, not the above-control safety net, seed ${seed}`, () => {
      // The simulator's negatives carry only a small nonspecific stain (5–20% of autofluorescence), so
      // each FMO's 99.5th percentile sits at the upper edge of the stained sample's negatives and the
      // sample's own cut-off should replace it only rarely. Required: at least 90% of the 4 samples × 5
      // M1/M2 markers cut at the FMO percentile, with agreement >= 97% in every sample.
      let fromFmo = 0;
      let markers = 0;
      for (const s of samples) {
        const r = phenotypeSample(
          { table: scaled(s.sample.table), spillover: s.sample.spillover, name: s.fileName },
          { seed: 1, controls: { fmo, unstained } },
        );
        const raised = new Set(
          r.warnings
            .filter((w) => w.code === 'THRESHOLD_ABOVE_CONTROL')
            .map((w) => (w.context as { channel: string }).channel),
        );
        for (const t of r.thresholds) {
          markers++;
          if (t.source === 'fmo' && t.method === 'percentile' && !raised.has(t.channel)) {
            fromFmo++;
          }
        }
        expect(score(r, s).agreement).toBeGreaterThanOrEqual(97);
      }
      expect(markers).toBe(20);
      expect(fromFmo / markers).toBeGreaterThanOrEqual(0.9);
    });
    it(`k-means (k = 8) agrees >= 95% after annotation, seed ${seed}`, () => {
      const s = samples[3]!;
      const r = phenotypeSample(
        { table: scaled(s.sample.table), spillover: s.sample.spillover, name: s.fileName },
        { seed: 2, method: 'kmeans', controls: { fmo, unstained } },
      );
      expect(score(r, s).agreement).toBeGreaterThanOrEqual(95);
      expect(r.method).toBe('kmeans');
    });
  }

  it('falls back to the sample cut-off when a control lies below the sample negatives', () => {
    // A CD206 "FMO" whose PE-A values are lowered by 300 units (6 × the 50-unit electronic noise SD)
    // puts its 99.5th percentile below nearly every negative of the stained sample, far beyond the
    // nominal 0.5% + 5 points: the safety net must replace that cut-off and say so.
    const { samples, fmo } = experiment(26, 1.3);
    const s = samples[2]!;
    const pe = fmo.CD206!.channels.findIndex((c) => c.name === 'PE-A');
    const lowered = Float32Array.from(fmo.CD206!.columns[pe]!, (v) => v - 300);
    const shifted = replaceColumns(fmo.CD206!, new Map([[pe, lowered]]), 'scaled');
    const r = phenotypeSample(
      { table: scaled(s.sample.table), spillover: s.sample.spillover, name: s.fileName },
      { seed: 5, controls: { fmo: { ...fmo, CD206: shifted } } },
    );
    const raised = r.warnings.filter((w) => w.code === 'THRESHOLD_ABOVE_CONTROL');
    expect(raised.map((w) => (w.context as { channel: string }).channel)).toEqual(['PE-A']);
    const cd206 = r.thresholds.find((t) => t.marker === 'CD206')!;
    expect(cd206.source).toBe('fmo');
    expect(cd206.method).not.toBe('percentile');
    expect(score(r, s).agreement).toBeGreaterThanOrEqual(97);
  });

  it('works without controls and says so', () => {
    const { samples } = experiment(23, 1.3);
    const s = samples[2]!;
    const r = phenotypeSample(
      { table: scaled(s.sample.table), spillover: s.sample.spillover, name: s.fileName },
      { seed: 3 },
    );
    expect(r.thresholds.every((t) => t.source === 'data')).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'THRESHOLD_NO_CONTROL')).toHaveLength(5);
    const { agreement, truePct, calledPct } = score(r, s);
    expect(agreement).toBeGreaterThanOrEqual(97);
    expect(Math.abs(calledPct[0]! - truePct[0]!)).toBeLessThanOrEqual(2);
    expect(Math.abs(calledPct[1]! - truePct[1]!)).toBeLessThanOrEqual(2);
  });
});

describe('phenotypeSample result shape', () => {
  const { samples, fmo } = experiment(24, 1.3);
  const s = samples[1]!;
  const r = phenotypeSample(
    { table: scaled(s.sample.table), spillover: s.sample.spillover, name: s.fileName },
    { seed: 4, controls: { fmo } },
  );

  it('is JSON-serialisable apart from codes, with counts that add up', () => {
    const { codes, ...rest } = r;
    expect((JSON.parse(JSON.stringify(rest)) as { name: string }).name).toBe('D1_M1.fcs');
    const macrophages = r.pregates.at(-1)!.count;
    const classified = Object.values(r.counts).reduce((a, b) => a + b, 0);
    expect(classified).toBe(macrophages);
    expect(codes.filter((c) => c !== 255).length).toBe(macrophages);
    const pct = r.percentages.percent;
    expect(pct.M1 + pct.M2 + pct.double_positive + pct.double_negative).toBeCloseTo(100, 9);
    expect(r.percentages.m1m2Ratio).toBeCloseTo(r.counts.M1 / r.counts.M2, 12);
  });

  it('reports per marker and class the MFI against the FMO with the stain index', () => {
    const cd86 = r.markers.find((m) => m.marker === 'CD86')!;
    expect(cd86.role).toBe('m1');
    expect(cd86.control).not.toBeNull();
    const m1 = cd86.classes.M1;
    // Definitions (Maecker et al. 2004): ratio = median / FMO median, SI = (median − FMO median) / (2 rSD).
    expect(m1.ratioToControl).toBeCloseTo(m1.median / cd86.control!.median, 9);
    expect(m1.stainIndex).toBeCloseTo(
      (m1.median - cd86.control!.median) / (2 * cd86.control!.robustSd),
      9,
    );
  });

  it('rejects an FMO of a marker outside the panel', () => {
    try {
      phenotypeSample(
        { table: scaled(s.sample.table), spillover: s.sample.spillover, name: 'x' },
        { seed: 1, controls: { fmo: { CD3: scaled(s.sample.table) } } },
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PhenotypePipelineError);
      const err = e as PhenotypePipelineError;
      expect(err.code).toBe('PHENOTYPE_UNKNOWN_CONTROL');
      expect(err.context).toEqual({
        marker: 'CD3',
        available: ['CD86', 'CD80', 'HLA-DR', 'CD206', 'CD163'],
      });
      expect(err.message).toMatchInlineSnapshot(
        `"FMO control given for 'CD3', which is not an M1 or M2 marker of the panel; expected one of CD86, CD80, HLA-DR, CD206, CD163"`,
      );
    }
  });
});
