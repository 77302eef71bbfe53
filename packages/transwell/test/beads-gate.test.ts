import { createEventTable, channelMeta } from '@tamkit/core';
import type { EventTable } from '@tamkit/core';
import { parseFcs, scaleDataset } from '@tamkit/fcs';
import { beadSampleFile, simulateBeadSample } from '@tamkit/simulate';
import type { BeadSampleOptions } from '@tamkit/simulate';
import { describe, expect, it } from 'vitest';
import { countWithBeads, findValley, FIND_VALLEY_DEFAULTS, gateBeadsAndCells, TranswellBeadError } from '../src/index.js';

/** A simulated tube, written to FCS and read back and scaled as a user's file would be. */
function tube(options: BeadSampleOptions): { table: EventTable; truth: ReturnType<typeof simulateBeadSample>['truth'] } {
  const s = simulateBeadSample(options);
  const file = beadSampleFile(s, 'tube.fcs');
  return { table: scaleDataset(parseFcs(file.bytes, { sourceName: file.name }).datasets[0]!), truth: s.truth };
}

function thrown(f: () => unknown): TranswellBeadError {
  try {
    f();
  } catch (e) {
    if (e instanceof TranswellBeadError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a TranswellBeadError');
}

describe('findValley', () => {
  it('cuts in the gap between two clusters', () => {
    // 20 values at 1 and 30 at 5: every bin strictly between them is empty, so the valley is the
    // middle of the empty run, 3 (bins of width 4/256; the run spans (1, 5) up to one bin each side).
    const v = findValley([...Array<number>(20).fill(1), ...Array<number>(30).fill(5)]);
    expect(v).not.toBeNull();
    expect(v!.threshold).toBeGreaterThan(2.9);
    expect(v!.threshold).toBeLessThan(3.1);
    expect(v!.below).toBe(20);
    expect(v!.above).toBe(30);
    expect(v!.depth).toBe(0);
  });

  it('finds no valley in one cluster, a constant, or too small a second cluster', () => {
    const one = Array.from({ length: 2000 }, (_, i) => Math.sin(i) + Math.cos(i * 1.7));
    expect(findValley(one)).toBeNull();
    expect(findValley([2, 2, 2, 2])).toBeNull();
    expect(findValley([NaN, Infinity])).toBeNull();
    // 9 events up there are fewer than minEvents (10).
    expect(findValley([...Array<number>(100).fill(1), ...Array<number>(9).fill(5)])).toBeNull();
    expect(findValley([...Array<number>(100).fill(1), ...Array<number>(9).fill(5)], { ...FIND_VALLEY_DEFAULTS, minEvents: 5 })).not.toBeNull();
  });
});

describe('gateBeadsAndCells on simulated tubes', () => {
  // Beads (FSC 30 000, fluorescence 4e4-1e5, CV ≤ 6 %), cells (FSC 80 000, fluorescence 150-300) and
  // debris (FSC ≤ 6000) are separated by decades, so every event should land in its true gate.
  it.each([
    { seed: 1, cellsInWell: 20000, debris: 2000 },
    { seed: 2, cellsInWell: 500, debris: 5000 },
    { seed: 3, cellsInWell: 80000, debris: 10000 },
  ])('finds the true beads and cells (seed $seed, $cellsInWell cells, $debris debris)', (o) => {
    const { table, truth } = tube({ ...o, beadsAdded: 50000, acquiredFraction: 0.1 });
    const g = gateBeadsAndCells(table);
    expect(g.method).toBe('automatic');
    expect(g.beadEvents).toBe(truth.beadEvents);
    expect(g.cellEvents).toBe(truth.cellEvents);
    expect(g.gates.beads.kind).toBe('range');
    expect(g.gates.cells.kind).toBe('rectangle');
    // The debris cut lies between debris (≤ 6000) and cells (median 80 000).
    expect(g.scatterThreshold).toBeGreaterThan(6000);
    expect(g.scatterThreshold).toBeLessThan(40000);
  });

  it('recovers the cells in the well within the sampling error', () => {
    // Each of B beads and N cells is acquired with probability f, independently, so b ~ Bin(B, f) and
    // c ~ Bin(N, f). The estimate N̂ = c/b × B has, by the delta method, relative variance
    // Var(c)/(Nf)² + Var(b)/(Bf)² = (1 − f)(1/(Nf) + 1/(Bf)). With B = 50 000, N = 20 000, f = 0.1:
    // (0.9)(1/2000 + 1/5000) = 6.3e-4, relative SD 2.51 %; 4 SD = 10.0 % (two-sided miss ≈ 6e-5 per tube).
    const B = 50000;
    const N = 20000;
    const f = 0.1;
    const tol = 4 * Math.sqrt((1 - f) * (1 / (N * f) + 1 / (B * f)));
    for (const seed of [11, 12, 13, 14]) {
      const { table } = tube({ seed, beadsAdded: B, cellsInWell: N, acquiredFraction: f, debris: 3000 });
      const r = countWithBeads(table, { beadsAdded: B, sampleVolumeUl: 300, wellVolumeUl: 600 });
      expect(Math.abs(r.count.cellsInSample / N - 1)).toBeLessThan(tol);
      // per µL = cells / 300; per well = per µL × 600
      expect(r.count.cellsPerUl).toBeCloseTo(r.count.cellsInSample / 300, 9);
      expect(r.count.cellsPerWell).toBeCloseTo(r.count.cellsInSample * 2, 6);
      expect(r.poissonRelativeSe).toBeCloseTo(Math.sqrt(1 / r.gating.beadEvents + 1 / r.gating.cellEvents), 12);
    }
  });

  it('counts no cells in a tube of beads and debris only, with a warning', () => {
    const { table } = tube({ seed: 4, beadsAdded: 20000, cellsInWell: 0, debris: 3000, acquiredFraction: 0.2 });
    const g = gateBeadsAndCells(table);
    expect(g.cellEvents).toBe(0);
    // fallback cut: 0.25 × the beads' median FSC (30 000) ≈ 7500
    expect(g.scatterThreshold).toBeGreaterThan(6500);
    expect(g.scatterThreshold).toBeLessThan(8500);
    expect(g.warnings.map((w) => w.code)).toContain('TRANSWELL_BEADS_NO_DEBRIS_VALLEY');
  });

  it('warns when fewer than 1000 beads were acquired', () => {
    const { table } = tube({ seed: 5, beadsAdded: 2000, cellsInWell: 2000, debris: 100, acquiredFraction: 0.25 });
    const g = gateBeadsAndCells(table);
    expect(g.warnings.map((w) => w.code)).toContain('TRANSWELL_BEADS_FEW_EVENTS');
  });

  it('uses the named bead channel and the given minScatter', () => {
    const { table, truth } = tube({ seed: 6, beadsAdded: 20000, cellsInWell: 5000, debris: 1000, acquiredFraction: 0.2 });
    const g = gateBeadsAndCells(table, { beadChannel: 'FITC-A', minScatter: 20000 });
    expect(g.beadChannel).toBe('FITC-A');
    expect(g.scatterThreshold).toBe(20000);
    expect(g.beadEvents).toBe(truth.beadEvents);
  });

  it('applies given gates as they are', () => {
    const { table, truth } = tube({ seed: 8, beadsAdded: 20000, cellsInWell: 5000, debris: 1000, acquiredFraction: 0.2 });
    const g = gateBeadsAndCells(table, {
      gates: {
        beads: { kind: 'range', dimensions: [{ channel: 'PE-A', compensation: 'uncompensated', min: 20000 }] },
        cells: {
          kind: 'rectangle',
          dimensions: [
            { channel: 'PE-A', compensation: 'uncompensated', max: 20000 },
            { channel: 'FSC-A', compensation: 'uncompensated', min: 15000 },
          ],
        },
      },
    });
    expect(g.method).toBe('given');
    expect(g.beadThreshold).toBeNull();
    expect(g.beadEvents).toBe(truth.beadEvents);
    expect(g.cellEvents).toBe(truth.cellEvents);
  });
});

describe('gateBeadsAndCells errors', () => {
  const scaled = (names: string[], cols: number[][]): EventTable =>
    createEventTable(names.map((name) => channelMeta({ name })), cols.map((c) => Float64Array.from(c)), 'scaled');

  it('reports a tube without a bright cluster', () => {
    const t = scaled(['FSC-A', 'PE-A'], [Array.from({ length: 500 }, (_, i) => 50000 + i), Array.from({ length: 500 }, (_, i) => 100 + (i % 50))]);
    const e = thrown(() => gateBeadsAndCells(t));
    expect(e.code).toBe('TRANSWELL_BEADS_NOT_FOUND');
    expect(e.context).toEqual({ channels: ['PE-A'], events: 500 });
    expect(e.message).toMatchInlineSnapshot(`"no bright bead cluster on PE-A among 500 events; expected counting beads far brighter than cells (pass beadChannel or gates)"`);
  });

  it('needs a fluorescence channel', () => {
    const e = thrown(() => gateBeadsAndCells(scaled(['FSC-A', 'SSC-A'], [[1, 2], [3, 4]])));
    expect(e.code).toBe('TRANSWELL_BEADS_NO_CHANNEL');
    expect(e.context).toEqual({ needed: 'fluorescence', available: ['FSC-A', 'SSC-A'] });
    expect(e.message).toMatchInlineSnapshot(`"no fluorescence channel to find counting beads on; pass beadChannel or gates"`);
  });

  it('rejects a gate it cannot apply', () => {
    const t = scaled(['FSC-A', 'PE-A'], [[1, 2], [3, 4]]);
    const range = { kind: 'range', dimensions: [{ channel: 'PE-A', compensation: 'uncompensated', min: 1 }] } as const;
    const e = thrown(() => gateBeadsAndCells(t, { gates: { beads: { kind: 'boolean', op: 'not', operands: [{ ref: 'x' }] }, cells: range } }));
    expect(e.code).toBe('TRANSWELL_BEADS_BAD_GATE');
    expect(e.context).toEqual({ gate: 'beads', kind: 'boolean' });
    expect(e.message).toMatchInlineSnapshot(`"beads gate is a boolean gate; expected a range, rectangle, polygon or ellipse gate"`);
    const withTransform = { kind: 'range', dimensions: [{ channel: 'PE-A', compensation: 'uncompensated', transform: 'logicle', min: 1 }] } as const;
    expect(thrown(() => gateBeadsAndCells(t, { gates: { beads: range, cells: withTransform } })).context).toEqual({ gate: 'cells', kind: 'range' });
  });

  it('names a missing channel and refuses raw tables', () => {
    const t = scaled(['FSC-A', 'PE-A'], [[1, 2], [3, 4]]);
    expect(() => gateBeadsAndCells(t, { beadChannel: 'APC-A' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }));
    const raw = createEventTable(t.channels, t.columns, 'raw');
    expect(() => gateBeadsAndCells(raw)).toThrow(TypeError);
  });
});
