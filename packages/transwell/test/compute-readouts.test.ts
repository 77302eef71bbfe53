import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeReadouts,
  doseResponsePoints,
  fit4pl,
  parseCountTable,
  readoutGroups,
  type ConditionReadout,
  type TranswellDataError,
} from '../src/index.js';

const parse = (text: string) => parseCountTable(text, { sourceName: 'counts.csv' }).records;
const byName = (cs: readonly ConditionReadout[], name: string, coating: string | null = null): ConditionReadout => {
  const c = cs.find((x) => x.condition === name && x.coating === coating);
  if (c === undefined) {
    throw new Error(`no ${name}`);
  }
  return c;
};

const INSERTS = `condition,replicate,field,count,cells_seeded,field_area_mm2
medium,1,1,10,100000,0.5
medium,1,2,14,100000,0.5
medium,2,1,12,100000,0.5
CCL2,1,1,100,100000,0.5
CCL2,1,2,110,100000,0.5
CCL2,2,1,90,100000,0.5
mab,1,1,50,100000,0.5
mab,2,1,56,100000,0.5
`;

describe('computeReadouts with inserts as the unit', () => {
  const r = computeReadouts(parse(INSERTS), { baseline: 'medium', positiveControl: 'CCL2' });

  it('averages fields per insert, then inserts per condition (hand-computed)', () => {
    expect(r.unit).toBe('insert');
    const ccl2 = byName(r.conditions, 'CCL2');
    // Inserts: (100 + 110)/2 = 105 and 90 → mean 97.5, SD = |105 − 90|/√2, SEM = SD/√2 = 7.5.
    expect(ccl2.unitValues.map((u) => u.value)).toEqual([105, 90]);
    expect(ccl2.meanPerField.mean).toBeCloseTo(97.5, 12);
    expect(ccl2.meanPerField.sd).toBeCloseTo(15 / Math.SQRT2, 12);
    expect(ccl2.meanPerField.sem).toBeCloseTo(7.5, 12);
    expect(ccl2.n).toBe(2);
    // Total = mean per field × 33 mm² (default insert) / 0.5 mm² = × 66; % migration = total / 100 000 × 100.
    expect(ccl2.totalMigrated?.mean).toBeCloseTo(97.5 * 66, 9);
    expect(ccl2.percentMigration?.mean).toBeCloseTo((97.5 * 66) / 1000, 12);
    expect(r.wells.map((w) => [w.condition, w.replicate, w.nFields])).toEqual([
      ['medium', '1', 2],
      ['medium', '2', 1],
      ['CCL2', '1', 2],
      ['CCL2', '2', 1],
      ['mab', '1', 1],
      ['mab', '2', 1],
    ]);
  });

  it('computes chemotactic index, % of control and % inhibition per insert against reference means', () => {
    // Baseline mean 12, positive control mean 97.5.
    const ccl2 = byName(r.conditions, 'CCL2');
    expect(ccl2.chemotacticIndex?.mean).toBeCloseTo((105 / 12 + 90 / 12) / 2, 12);
    const mab = byName(r.conditions, 'mab');
    // (1 − (50 − 12)/85.5)·100 = 55.556 and (1 − (56 − 12)/85.5)·100 = 48.538.
    expect(mab.percentInhibition?.mean).toBeCloseTo(((1 - 38 / 85.5) * 100 + (1 - 44 / 85.5) * 100) / 2, 10);
    expect(mab.percentOfControl?.mean).toBeCloseTo(((50 / 97.5) * 100 + (56 / 97.5) * 100) / 2, 10);
    expect(byName(r.conditions, 'medium').percentInhibition?.mean).toBeCloseTo(100, 12);
    expect(ccl2.percentInhibition?.mean).toBeCloseTo(0, 12);
    expect(mab.invasionIndex).toBeNull();
  });

  it('feeds per-unit values to the statistics as groups', () => {
    expect(readoutGroups(r)).toEqual([
      { name: 'medium', values: [12, 12] },
      { name: 'CCL2', values: [105, 90] },
      { name: 'mab', values: [50, 56] },
    ]);
  });

  it('is JSON-serialisable', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('computeReadouts with experiments as the unit', () => {
  it('averages inserts within each experiment and normalises within the experiment', () => {
    const text = `experiment,condition,replicate,count
e1,medium,1,10
e1,medium,2,14
e1,CCL2,1,96
e1,CCL2,2,104
e2,medium,1,20
e2,medium,2,20
e2,CCL2,1,150
e2,CCL2,2,170
`;
    const r = computeReadouts(parse(text), { baseline: 'medium' });
    expect(r.unit).toBe('experiment');
    const ccl2 = byName(r.conditions, 'CCL2');
    // e1: 100 / 12; e2: 160 / 20 → chemotactic indices 8.333… and 8.
    expect(ccl2.unitValues).toEqual([
      { unit: 'e1', value: 100 },
      { unit: 'e2', value: 160 },
    ]);
    expect(ccl2.n).toBe(2);
    expect(ccl2.nInserts).toBe(4);
    expect(ccl2.chemotacticIndex?.mean).toBeCloseTo((100 / 12 + 8) / 2, 12);
    expect(ccl2.chemotacticIndex?.sd).toBeCloseTo(Math.abs(100 / 12 - 8) / Math.SQRT2, 12);
    expect(ccl2.totalMigrated).toBeNull();
  });
});

describe('computeReadouts: invasion index', () => {
  it('divides % invasion through Matrigel by % migration through uncoated inserts', () => {
    const text = `condition,replicate,count,coating,cells_seeded,field_area_mm2
CCL2,1,30,Matrigel,100000,0.5
CCL2,2,34,Matrigel,100000,0.5
CCL2,1,100,uncoated,100000,0.5
CCL2,2,110,uncoated,100000,0.5
`;
    const r = computeReadouts(parse(text));
    const coated = byName(r.conditions, 'CCL2', 'matrigel');
    // Same seeding and areas: (30/105 + 34/105)/2 = 32/105.
    expect(coated.invasionIndex?.mean).toBeCloseTo(32 / 105, 12);
    expect(byName(r.conditions, 'CCL2', 'uncoated').invasionIndex).toBeNull();
    expect(readoutGroups(r).map((g) => g.name)).toEqual(['CCL2 [matrigel]', 'CCL2 [uncoated]']);
  });
});

describe('computeReadouts: properties', () => {
  it('% inhibition averages 0 at the positive control and 100 at the baseline', () => {
    const counts = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(counts, counts, (base, pos) => {
        const meanB = base.reduce((a, b) => a + b, 0) / base.length;
        const meanP = pos.reduce((a, b) => a + b, 0) / pos.length;
        fc.pre(Math.abs(meanP - meanB) > 1);
        const rows = [
          ...base.map((c, i) => `medium,${i},${c}`),
          ...pos.map((c, i) => `CCL2,${i},${c}`),
        ];
        const r = computeReadouts(parse(`condition,replicate,count\n${rows.join('\n')}\n`), {
          baseline: 'medium',
          positiveControl: 'CCL2',
        });
        expect(byName(r.conditions, 'CCL2').percentInhibition?.mean).toBeCloseTo(0, 8);
        expect(byName(r.conditions, 'medium').percentInhibition?.mean).toBeCloseTo(100, 8);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('computeReadouts: errors', () => {
  const fail = (f: () => unknown): TranswellDataError => {
    try {
      f();
    } catch (e) {
      return e as TranswellDataError;
    }
    throw new Error('expected an error');
  };

  it('rejects uncounted image records', () => {
    const e = fail(() => computeReadouts(parse('condition,replicate,image\nA,1,a1.png\n')));
    expect(e.code).toBe('TRANSWELL_UNRESOLVED_IMAGE');
    expect(e.context).toEqual({ file: 'counts.csv', line: 2, image: 'a1.png', condition: 'A', replicate: '1' });
    expect(e.message).toMatchInlineSnapshot(`"counts.csv:2: image 'a1.png' has not been counted; expected a count (count the images first)"`);
  });

  it('rejects an unknown reference condition', () => {
    const e = fail(() => computeReadouts(parse(INSERTS), { baseline: 'vehicle' }));
    expect(e.code).toBe('TRANSWELL_UNKNOWN_CONDITION');
    expect(e.context).toEqual({ condition: 'vehicle', available: ['medium', 'CCL2', 'mab'] });
    expect(e.message).toMatchInlineSnapshot(`"no condition named 'vehicle'; available: medium, CCL2, mab"`);
  });

  it('rejects a metric that needs a field area it does not have', () => {
    const e = fail(() => computeReadouts(parse('condition,replicate,count\nA,1,3\n'), { metric: 'totalMigrated' }));
    expect(e.code).toBe('TRANSWELL_BAD_AREA');
    expect(e.context).toEqual({ condition: 'A', replicate: '1', metric: 'totalMigrated' });
  });

  it('rejects experiments named on only some records', () => {
    const e = fail(() => computeReadouts(parse('experiment,condition,replicate,count\ne1,A,1,3\n,A,2,4\n')));
    expect(e.code).toBe('TRANSWELL_MISSING_EXPERIMENT');
    expect(e.context).toEqual({ file: 'counts.csv', line: 3 });
  });
});

describe('doseResponsePoints', () => {
  it('collects one point per unit of every dosed condition and fits an IC50', () => {
    // Counts follow 5 + 95/(1 + dose/1.5) per insert (hill 1, IC50 1.5 ug/mL), two identical inserts each;
    // the untreated CCL2 condition is dose 0.
    const doses = [0, 0.1, 0.3, 1, 3, 10, 30];
    const rows = doses.flatMap((d) => {
      const count = Math.round(1000 * (5 + 95 / (1 + d / 1.5)));
      return [1, 2].map((rep) => `${d === 0 ? 'CCL2' : `mAb ${d}`},${rep},${count},${d === 0 ? '' : 'carlumab'},${d},ug/mL`);
    });
    const text = `condition,replicate,count,inhibitor,dose,dose_unit\n${rows.join('\n')}\nmedium,1,900,,,\n`;
    const r = computeReadouts(parse(text));
    const points = doseResponsePoints(r, { inhibitor: 'carlumab' });
    expect(points.doseUnit).toBe('ug/mL');
    expect(points.doses).toEqual(doses.flatMap((d) => [d, d]));
    expect(points.conditions).not.toContain('medium');
    const fit = fit4pl(points.doses, points.responses);
    expect(fit.potency).toBeCloseTo(1.5, 2);
  });

  it('warns when inserts of one condition disagree on their dose', () => {
    const r = computeReadouts(parse('condition,replicate,count,dose\nA,1,3,1\nA,2,4,2\n'));
    expect(r.warnings.map((w) => w.code)).toEqual(['TRANSWELL_INCONSISTENT_METADATA']);
    expect(r.conditions[0]?.dose).toBe(1);
  });
});
