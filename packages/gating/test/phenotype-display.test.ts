import type { EventTable, Mask } from '@tamkit/core';
import { simulateMacrophageExperiment } from '@tamkit/simulate';
import { describe, expect, it } from 'vitest';
import {
  compensate,
  createTransform,
  displayHistogram1d,
  displayHistogram2d,
  displayRange,
  displayTicks,
  phenotypeDisplay,
  evaluateStrategy,
  phenotypeSample,
  type DisplayAxisData,
  type DisplayHistogram1d,
  type DisplayHistogram2d,
} from '../src/index.js';

const scaled = (t: EventTable): EventTable => ({ ...t, stage: 'scaled' });

/**
 * Independent binning: bin edges listed explicitly, each value placed by a linear scan for the last
 * edge not above it (values below the first edge go to bin 0, at or above the last to the last bin).
 */
function naiveBin(v: number, axis: Pick<DisplayAxisData, 'range' | 'bins'>): number {
  const edges = Array.from(
    { length: axis.bins + 1 },
    (_, i) => axis.range[0] + ((axis.range[1] - axis.range[0]) * i) / axis.bins,
  );
  let b = 0;
  for (let i = 0; i < axis.bins; i++) {
    if (v >= edges[i]!) {
      b = i;
    }
  }
  return b;
}

function full1d(h: DisplayHistogram1d, bins: number): number[] {
  const out = new Array<number>(bins).fill(0);
  h.counts.forEach((c, i) => (out[h.first + i] = c));
  return out;
}

function full2d(h: DisplayHistogram2d, xBins: number, yBins: number): number[][] {
  const out = Array.from({ length: yBins }, () => new Array<number>(xBins).fill(0));
  h.counts.forEach((row, r) => row.forEach((c, j) => (out[h.yFirst + r]![h.xFirst + j] = c)));
  return out;
}

const count = (m: Mask): number => m.reduce((s, v) => s + v, 0);

describe('display histograms on hand-derived cases', () => {
  it('clamps out-of-range values into the edge bins, skips NaN and drops empty edge bins', () => {
    // range [0, 1), 4 bins of 0.25: -5 → bin 0 (clamped), 0.1 → 0, 0.5 → 2, 0.99 → 3, 2 → 3 (clamped).
    const h = displayHistogram1d([-5, 0.1, 0.5, 0.99, 2, Number.NaN], null, [0, 1], 4);
    expect(h).toEqual({ first: 0, counts: [2, 0, 1, 2], total: 5, clamped: 2, nan: 1 });
    // 0.6 → bin 2 only: bins 0, 1 and 3 are empty edges.
    expect(displayHistogram1d([0.6, 0.1], Uint8Array.of(1, 0), [0, 1], 4)).toEqual({
      first: 2,
      counts: [1],
      total: 1,
      clamped: 0,
      nan: 0,
    });
  });
  it('bins 2-D events row-major along y', () => {
    // x 0.7 → column 1 of 2, y 0.2 → row 0 of 2; second event masked out.
    const h = displayHistogram2d(
      [0.7, 0.1],
      [0.2, 0.9],
      Uint8Array.of(1, 0),
      { range: [0, 1], bins: 2 },
      { range: [0, 1], bins: 2 },
    );
    expect(h).toEqual({ xFirst: 1, yFirst: 0, counts: [[1]], total: 1, clamped: 0, nan: 0 });
  });
  it('takes the axis range from quantiles, widened to the extras and padded by 5 %', () => {
    // Quantile 0 of 0..10 → [0, 10]; 5 % of the width 10 is 0.5 on each side.
    expect(
      displayRange([{ values: [0, 5, 10], mask: null }], [], {
        sampleSize: 100,
        quantile: 0,
        seed: 1,
      }),
    ).toEqual([-0.5, 10.5]);
    // A threshold at 30 widens it to [0, 30], padded by 1.5; masked-out values do not count.
    expect(
      displayRange([{ values: [0, 10, 1000], mask: Uint8Array.of(1, 1, 0) }], [30], {
        sampleSize: 100,
        quantile: 0,
        seed: 1,
      }),
    ).toEqual([-1.5, 31.5]);
  });
  it('rejects bad bin counts and quantiles', () => {
    const input = {
      table: { eventCount: 0, channels: [], columns: [], stage: 'scaled' as const },
      spillover: null,
      strategy: { transforms: {}, matrices: {}, gates: [] },
      populations: [],
      markers: [],
    };
    expect(() => phenotypeDisplay(input, { bins: 0 })).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: bins must be a positive integer, got 0]`,
    );
    expect(() =>
      phenotypeDisplay(input, { rangeQuantile: 0.5 }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: rangeQuantile must be in [0, 0.5), got 0.5]`,
    );
    expect(phenotypeDisplay(input)).toEqual({ pregates: [], markers: [], seed: 1 });
  });
  it('ticks sit at the transform of 0 and ±10^k, linear axes have none', () => {
    // asinh with T = 1000, M = 3, A = 0: f(x) = asinh(x·sinh(3 ln10)/1000)/(3 ln10); f(0) = 0, f(1000) = 1.
    const t = createTransform({ kind: 'asinh', t: 1000, m: 3, a: 0 });
    const ticks = displayTicks(t, [0, 1]);
    expect(ticks.map((k) => k.value)).toEqual([0, 1, 10, 100, 1000]);
    expect(ticks.at(-1)!.position).toBeCloseTo(1, 5);
    expect(displayTicks(null, [0, 1])).toEqual([]);
  });
});

describe('phenotypeSample display on a simulated sample', () => {
  const exp = simulateMacrophageExperiment({
    seed: 31,
    eventsPerSample: 4000,
    replicates: 1,
    separation: 1.4,
    conditions: ['M1', 'M2'],
  });
  const fmo: Record<string, EventTable> = {};
  for (const s of exp.samples) {
    if (s.role === 'fmo') {
      fmo[s.fmoMarker!] = scaled(s.sample.table);
    }
  }
  const s = exp.samples.find((x) => x.role === 'sample')!;
  const table = scaled(s.sample.table);
  const r = phenotypeSample(
    { table, spillover: s.sample.spillover, name: s.fileName },
    { seed: 3, controls: { fmo }, display: true },
  );
  const display = r.display!;
  // Second algorithm for the populations: the strategy evaluated on its own.
  const tree = evaluateStrategy(r.strategy, table, { fcsSpillover: s.sample.spillover });

  it('has one plot per pre-gate with the strategy gate spec, its dimensions and its % of parent', () => {
    expect(display.pregates.map((p) => p.gateId)).toEqual(r.strategy.gates.map((g) => g.id));
    for (const p of display.pregates) {
      const node = r.strategy.gates.find((g) => g.id === p.gateId)!;
      expect(p.gate).toEqual(node.gate);
      const dims =
        node.gate.kind === 'polygon' || node.gate.kind === 'range' || node.gate.kind === 'rectangle'
          ? node.gate.dimensions
          : [];
      const d0 = dims[0];
      expect(p.x.channel).toBe('channel' in d0 ? d0.channel : '');
      expect(p.x.transform).toEqual(
        d0.transform === undefined ? null : r.strategy.transforms[d0.transform],
      );
      expect(p.percentOfParent).toBeCloseTo(tree.byId.get(p.gateId)!.percentOfParent, 3);
      expect(p.y === undefined).toBe(dims.length < 2);
    }
  });

  it('histogram counts sum to the parent population (NaN events aside)', () => {
    for (const p of display.pregates) {
      const parentCount = p.parent === null ? table.eventCount : tree.byId.get(p.parent)!.count;
      expect(p.parentCount).toBe(parentCount);
      const h = p.density ?? p.histogram!;
      const sum = p.density
        ? p.density.counts.flat().reduce((a, b) => a + b, 0)
        : p.histogram!.counts.reduce((a, b) => a + b, 0);
      expect(sum).toBe(h.total);
      expect(h.total + h.nan).toBe(parentCount);
    }
  });

  it('2-D bins match an independent binning of the parent events', () => {
    const p = display.pregates.find((x) => x.density && x.x.transform === null)!;
    const xi = table.channels.findIndex((c) => c.name === p.x.channel);
    const yi = table.channels.findIndex((c) => c.name === p.y!.channel);
    const parent = p.parent === null ? null : tree.byId.get(p.parent)!.mask;
    const want = Array.from({ length: p.y!.bins }, () => new Array<number>(p.x.bins).fill(0));
    for (let i = 0; i < table.eventCount; i++) {
      if (parent === null || parent[i] === 1) {
        want[naiveBin(table.columns[yi]![i]!, p.y!)]![naiveBin(table.columns[xi]![i]!, p.x)]! += 1;
      }
    }
    expect(full2d(p.density!, p.x.bins, p.y!.bins)).toEqual(want);
  });

  it('marker histograms match an independent binning of the classified population and of the FMO', () => {
    expect(display.markers.map((m) => m.channel)).toEqual(r.thresholds.map((t) => t.channel));
    const comp = compensate(table, s.sample.spillover);
    const gate = tree.byId.get(r.strategy.gates.at(-1)!.id)!.mask;
    for (const m of display.markers) {
      const t = createTransform(m.axis.transform!);
      const ci = comp.channels.findIndex((c) => c.name === m.channel);
      const want = new Array<number>(m.axis.bins).fill(0);
      for (let i = 0; i < comp.eventCount; i++) {
        if (gate[i] === 1) {
          want[naiveBin(t.apply(comp.columns[ci]![i]!), m.axis)]! += 1;
        }
      }
      expect(full1d(m.sample, m.axis.bins)).toEqual(want);
      expect(m.sample.total).toBe(count(gate));
      const threshold = r.thresholds.find((x) => x.channel === m.channel)!;
      expect(m.threshold.position).toBeCloseTo(threshold.value, 5);
      expect(m.control?.label).toBe(`FMO ${m.marker}`);
      // The FMO gated like the sample: its final-gate population on the same bins.
      const fmoTable = fmo[m.marker]!;
      const fmoTree = evaluateStrategy(r.strategy, fmoTable, { fcsSpillover: s.sample.spillover });
      expect(m.control!.histogram.total).toBe(fmoTree.byId.get(r.strategy.gates.at(-1)!.id)!.count);
    }
  });

  it('is seeded, small and JSON-safe', () => {
    const again = phenotypeSample(
      { table, spillover: s.sample.spillover, name: s.fileName },
      { seed: 3, controls: { fmo }, display: true },
    );
    expect(again.display).toEqual(display);
    const json = JSON.stringify(display);
    expect(json.length).toBeLessThan(300_000);
    expect(JSON.parse(json)).toEqual(display);
    expect(
      phenotypeSample({ table, spillover: s.sample.spillover, name: s.fileName }, { seed: 3 })
        .display,
    ).toBeUndefined();
  });
});
