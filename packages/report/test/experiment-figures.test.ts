import { describe, expect, it } from 'vitest';
import {
  clusterHeatmapFigure,
  compositionByConditionFigure,
  compositionBySampleFigure,
  conditionMeans,
  doseResponseFigure,
  formatP,
  fourPl,
  bracketLevels,
  migrationFigure,
  migrationFigureHeight,
  significanceStars,
} from '../src/index.js';
import type { FourPlCurve } from '../src/index.js';

const composition = {
  classes: ['M1', 'M2'],
  samples: [
    { sample: 'a', condition: 'LPS', percents: [70, 30] },
    { sample: 'b', condition: 'LPS', percents: [60, 40] },
    { sample: 'c', condition: 'IL-4', percents: [20, 80] },
  ],
};

describe('composition', () => {
  it('averages replicates per condition (hand-derived: LPS (70+60)/2 = 65, (30+40)/2 = 35)', () => {
    expect(conditionMeans(composition).map((g) => [g.condition, g.means])).toEqual([
      ['LPS', [65, 35]],
      ['IL-4', [20, 80]],
    ]);
  });
  it('stacks one bar per class over samples', () => {
    const fig = compositionBySampleFigure(composition);
    expect(fig.layout.barmode).toBe('stack');
    expect(fig.data.map((t) => t.y)).toEqual([
      [70, 60, 20],
      [30, 40, 80],
    ]);
  });
  it('shows every replicate as a point with its condition bar', () => {
    const fig = compositionByConditionFigure(composition);
    expect(fig.data.map((t) => [t.type, t.y])).toEqual([
      ['bar', [65, 35]],
      ['scatter', [70, 30, 60, 40]],
      ['bar', [20, 80]],
      ['scatter', [20, 80]],
    ]);
  });
  it('puts the stars of significant marks above their bar', () => {
    // Classes M1, M2 (composition classes above); conditions LPS (j = 0), IL-4 (j = 1) of m = 2.
    // IL-4 in M2: bar centre 1 − 0.4 + 0.8 · 1.5 / 2 = 1.2, above its highest value 80; p 0.0004 is ***.
    // LPS in M1: centre 0 − 0.4 + 0.8 · 0.5 / 2 = −0.2, above max(65, 70, 60) = 70. p 0.2 is not marked.
    const fig = compositionByConditionFigure(composition, [
      { className: 'M2', condition: 'IL-4', pValue: 0.0004 },
      { className: 'M1', condition: 'LPS', pValue: 0.03 },
      { className: 'M2', condition: 'LPS', pValue: 0.2 },
      { className: 'M3', condition: 'LPS', pValue: 0.001 },
    ]);
    expect((fig.layout.annotations as { x: number; y: number; text: string }[]).map((a) => [a.x, a.y, a.text])).toEqual([
      [1.2, 80, '***'],
      [-0.2, 70, '*'],
    ]);
    expect(compositionByConditionFigure(composition).layout.annotations).toBeUndefined();
  });
  it('rejects percentages that do not match the classes', () => {
    expect(() => compositionBySampleFigure({ classes: ['M1'], samples: [{ sample: 'x', condition: 'y', percents: [1, 2] }] })).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: sample 'x' has 2 percentages for 1 classes]`,
    );
  });
});

describe('clusterHeatmapFigure', () => {
  it('puts one row per cluster, labelled with its annotation and share', () => {
    const fig = clusterHeatmapFigure({ markers: ['CD80', 'CD206'], clusters: [{ id: 'C1', annotation: 'M1', percent: 40, centre: [3, 1] }] });
    expect(fig.data[0]).toMatchObject({ type: 'heatmap', x: ['CD80', 'CD206'], y: ['C1: M1 (40.0%)'], z: [[3, 1]] });
  });
});

describe('significance', () => {
  it('uses the GraphPad thresholds, boundaries belonging to the less significant class', () => {
    expect([0.00001, 0.0001, 0.0009, 0.001, 0.0099, 0.01, 0.049, 0.05, 1].map(significanceStars)).toEqual(['****', '***', '***', '**', '**', '*', '*', 'ns', 'ns']);
    expect([formatP(0.012345), formatP(0.00001)]).toEqual(['p = 0.0123', 'p < 0.0001']);
  });
});

describe('migrationFigure', () => {
  const groups = [
    { condition: 'medium', values: [10, 12, 14], mean: 12, sem: 1.1547 },
    { condition: 'CCL2', values: [40, 50], mean: 45, sem: 5 },
  ];
  it('shows the mean ± SEM bars and every replicate point', () => {
    const fig = migrationFigure({ groups, yLabel: 'cells/field' });
    expect(fig.data[0]).toMatchObject({ type: 'bar', x: [0, 1], y: [12, 45], error_y: { array: [1.1547, 5] } });
    expect(fig.data[1]).toMatchObject({ type: 'scatter', y: [10, 12, 14, 40, 50], x: [-0.2, 0, 0.2, 0.8, 1.2] });
  });
  it('draws a bracket between the compared conditions above the highest value', () => {
    const fig = migrationFigure({ groups, yLabel: 'cells/field', comparisons: [{ a: 'medium', b: 'CCL2', pValue: 0.003 }] });
    // Highest value 50 (= mean + SEM too). One level in a 360 px figure: the plot is 360 − 20 − 60 =
    // 280 px, and a 20 px level needs step = 20 · 50 / (280 − 20 · 2.5) = 4.3478 (more than 8 % of 50):
    // bracket at 54.3478 with ticks a quarter step (1.0870) long.
    expect(fig.layout.shapes).toEqual([{ type: 'path', xref: 'x', yref: 'y', path: 'M0,53.2609 L0,54.3478 L1,54.3478 L1,53.2609', line: { color: '#000', width: 1 } }]);
    expect((fig.layout.annotations as { text: string }[])[0]!.text).toBe('** (p = 0.003)');
  });
  it('packs brackets on levels, narrow first, and keeps levels 20 px apart', () => {
    // [0,1] and [2,3] share a level; [1,2] overlaps both (shared ends count), [0,3] spans all.
    expect(bracketLevels([[0, 1], [2, 3], [1, 2], [0, 3]])).toEqual({ levels: [0, 0, 1, 2], count: 3 });
    // Many-to-one (Dunnett): every bracket meets the control, one level each, nearest first.
    expect(bracketLevels([[2, 0], [2, 1], [2, 3], [2, 4]])).toEqual({ levels: [2, 0, 1, 3], count: 4 });
    const many = Array.from({ length: 8 }, (_, i) => ({ condition: `c${i}`, values: [10 + i, 12 + i], mean: 11 + i, sem: 1 }));
    const input = { groups: many, yLabel: 'x', test: 'Dunnett', comparisons: many.filter((_, i) => i !== 2).map((g) => ({ a: 'c2', b: g.condition, pValue: 0.01 })) };
    // 7 levels: 360 + 22 · 5 px.
    const height = migrationFigureHeight(input);
    expect(height).toBe(470);
    const fig = migrationFigure({ ...input, height });
    const range = (fig.layout.yaxis as { range: number[] }).range[1]!;
    const ys = (fig.layout.annotations as { y: number }[]).map((a) => a.y).sort((a, b) => a - b);
    // Plot height 470 − 40 − 60 = 370 px; neighbouring levels at least 20 px apart.
    ys.slice(1).forEach((y, i) => expect(((y - ys[i]!) / range) * 370).toBeGreaterThanOrEqual(20 - 1e-9));
    expect(new Set(ys).size).toBe(7);
  });
  it('draws boxes when asked', () => {
    expect(migrationFigure({ groups, yLabel: 'x', style: 'box' }).data.filter((t) => t.type === 'box')).toHaveLength(2);
  });
  it('rejects a comparison of a condition that is not plotted', () => {
    expect(() => migrationFigure({ groups, yLabel: 'x', comparisons: [{ a: 'medium', b: 'TGF', pValue: 0.5 }] })).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: comparison medium vs TGF names a condition that is not plotted]`,
    );
  });
});

describe('doseResponseFigure', () => {
  const fit: FourPlCurve = { bottom: 0, top: 100, hill: 1, direction: 'decreasing', potencyLabel: 'IC50', potency: 2, potencyCi: [1, 4], confidenceLevel: 0.95 };
  it('evaluates the 4PL: half-way at the IC50, (top − bottom)/(1 + 2) at twice it with hill 1', () => {
    expect(fourPl(fit, 2)).toBe(50);
    expect(fourPl(fit, 4)).toBeCloseTo(100 / 3, 12);
    expect(fourPl({ ...fit, direction: 'increasing' }, 4)).toBeCloseTo(200 / 3, 12);
  });
  it('plots replicates, the curve over the positive doses, the IC50 and its CI, and says zero doses are left out', () => {
    const fig = doseResponseFigure({ title: 'inhibitor', points: [0, 0.1, 1, 10].map((dose) => ({ dose, response: 50 })), fit, doseUnit: 'µM', responseLabel: '%' });
    expect(fig.data.map((t) => t.name)).toEqual(['replicates', '4PL fit', 'IC50 95% CI', 'IC50 = 2 µM']);
    const curve = fig.data[1]!.x as number[];
    expect([curve[0], curve[curve.length - 1]]).toEqual([0.1, 10]);
    expect(fig.data[2]!.x).toEqual([1, 4, 4, 1, 1]);
    expect(fig.layout.title).toMatchObject({ text: 'inhibitor (1 zero-dose point not on the log axis)' });
  });
});
