import { parseFcs } from '@tamkit/fcs';
import { describe, expect, it } from 'vitest';
import { BEAD_SAMPLE_DEFAULTS, beadSampleFile, simulateBeadSample } from '../src/index.js';

function classCounts(classes: Uint8Array): [number, number, number] {
  const c: [number, number, number] = [0, 0, 0];
  for (const k of classes) {
    c[k as 0 | 1 | 2]++;
  }
  return c;
}

describe('simulateBeadSample', () => {
  it('acquires every particle when the whole tube is run', () => {
    // acquiredFraction 1: each bead and cell is recorded with probability 1, so the counts are the inputs.
    const s = simulateBeadSample({ seed: 1, beadsAdded: 3000, cellsInWell: 1200, debris: 400, acquiredFraction: 1 });
    expect(s.truth).toMatchObject({ beadEvents: 3000, cellEvents: 1200, debrisEvents: 400, acquiredFraction: 1 });
    expect(s.table.eventCount).toBe(4600);
    expect(classCounts(s.truth.eventClass)).toEqual([1200, 3000, 400]);
  });

  it('records a binomial share of the tube', () => {
    // Bead events ~ Binomial(B = 20000, f = 0.3): mean 6000, SD √(20000 · 0.3 · 0.7) = 64.8; 4 SD = 259.
    const s = simulateBeadSample({ seed: 7, beadsAdded: 20000, cellsInWell: 10000, debris: 0, acquiredFraction: 0.3 });
    expect(Math.abs(s.truth.beadEvents - 6000)).toBeLessThan(259);
    // Cells ~ Binomial(10000, 0.3): mean 3000, SD 45.8; 4 SD = 183.
    expect(Math.abs(s.truth.cellEvents - 3000)).toBeLessThan(183);
    expect(classCounts(s.truth.eventClass)).toEqual([s.truth.cellEvents, s.truth.beadEvents, 0]);
  });

  it('stops at the bead target', () => {
    const s = simulateBeadSample({ seed: 3, beadsAdded: 10000, cellsInWell: 5000, debris: 10, beadEventsTarget: 2000 });
    expect(s.truth.beadEvents).toBe(2000);
    expect(s.truth.acquiredFraction).toBe(0.2);
    // Sampling without replacement: cells ≈ 2000 × 5000/10000 = 1000 (hypergeometric-like SD ≈ √(1000 · 1.5) ≈ 39; 4 SD = 155).
    expect(Math.abs(s.truth.cellEvents - 1000)).toBeLessThan(155);
  });

  it('makes beads much brighter than cells and keeps time increasing', () => {
    const s = simulateBeadSample({ seed: 2, beadsAdded: 2000, cellsInWell: 2000, debris: 200, acquiredFraction: 1 });
    const pe = s.table.columns[3]!;
    const time = s.table.columns[5]!;
    let minBead = Infinity;
    let maxCell = -Infinity;
    s.truth.eventClass.forEach((c, i) => {
      if (c === 1) {
        minBead = Math.min(minBead, pe[i]!);
      } else {
        maxCell = Math.max(maxCell, pe[i]!);
      }
    });
    // Beads: median 100 000, CV 6 % (6 SD below ≈ 70 000); cells: median 200, CV 50 %.
    expect(minBead).toBeGreaterThan(50_000);
    expect(maxCell).toBeLessThan(10_000);
    for (let i = 1; i < time.length; i++) {
      expect(time[i]!).toBeGreaterThanOrEqual(time[i - 1]!);
    }
    expect(s.table.channels.map((c) => c.name)).toEqual(['FSC-A', 'SSC-A', 'FITC-A', 'PE-A', 'APC-A', 'Time']);
  });

  it('is reproducible from the seed', () => {
    const a = beadSampleFile(simulateBeadSample({ seed: 11, beadsAdded: 500, cellsInWell: 300 }), 'a.fcs');
    const b = beadSampleFile(simulateBeadSample({ seed: 11, beadsAdded: 500, cellsInWell: 300 }), 'a.fcs');
    expect(a.bytes).toEqual(b.bytes);
  });

  it('rejects impossible options', () => {
    expect(() => simulateBeadSample({ seed: 1, acquiredFraction: 0 })).toThrow(RangeError);
    expect(() => simulateBeadSample({ seed: 1, beadsAdded: -1 })).toThrow(RangeError);
    expect(() => simulateBeadSample({ seed: 1, beadsAdded: 10, beadEventsTarget: 11 })).toThrow(RangeError);
    expect(BEAD_SAMPLE_DEFAULTS.beadsAdded).toBe(50_000);
  });
});

describe('beadSampleFile', () => {
  it('writes an FCS file that reads back with its truth keywords', () => {
    const s = simulateBeadSample({ seed: 5, beadsAdded: 1000, cellsInWell: 400, debris: 50, acquiredFraction: 0.5 });
    const file = beadSampleFile(s, 'well-A1.fcs');
    expect(file.name).toBe('well-A1.fcs');
    const ds = parseFcs(file.bytes, { sourceName: file.name }).datasets[0]!;
    expect(ds.eventCount).toBe(s.table.eventCount);
    expect(ds.keywords.TAMKIT_BEADS_ADDED).toBe('1000');
    expect(ds.keywords.TAMKIT_BEAD_EVENTS).toBe(String(s.truth.beadEvents));
    expect(ds.keywords.$FIL).toBe('well-A1.fcs');
    expect(Array.from(ds.table.columns[0]!)).toEqual(Array.from(s.table.columns[0]!));
    expect(() => beadSampleFile(s, ' ')).toThrow(RangeError);
  });
});
