import { describe, expect, it } from 'vitest';
import { TranswellDataError, beadAbsoluteCount } from '../src/index.js';

describe('beadAbsoluteCount', () => {
  it('scales cell events by the bead ratio (hand-computed)', () => {
    // 1500 cells / 3000 beads × 50 000 beads added = 25 000 cells in the tube;
    // 25 000 / 250 µL = 100 cells/µL; × 600 µL well = 60 000 cells per well.
    const r = beadAbsoluteCount({ cellEvents: 1500, beadEvents: 3000, beadsAdded: 50000, sampleVolumeUl: 250, wellVolumeUl: 600 });
    expect(r.cellsInSample).toBeCloseTo(25000, 9);
    expect(r.cellsPerUl).toBeCloseTo(100, 9);
    expect(r.cellsPerWell).toBeCloseTo(60000, 6);
  });

  it('leaves volumes it cannot compute as null', () => {
    const r = beadAbsoluteCount({ cellEvents: 10, beadEvents: 5, beadsAdded: 100 });
    expect([r.cellsInSample, r.cellsPerUl, r.cellsPerWell]).toEqual([200, null, null]);
  });

  it('throws a data error for zero beads and RangeError for bad arguments', () => {
    try {
      beadAbsoluteCount({ cellEvents: 120, beadEvents: 0, beadsAdded: 1000 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TranswellDataError);
      const err = e as TranswellDataError;
      expect(err.code).toBe('TRANSWELL_ZERO_BEADS');
      expect(err.context).toEqual({ cellEvents: 120, beadEvents: 0, beadsAdded: 1000 });
      expect(err.message).toMatchInlineSnapshot(`"no bead events among 120 cell events; expected counting beads in the bead gate"`);
    }
    expect(() => beadAbsoluteCount({ cellEvents: -1, beadEvents: 1, beadsAdded: 1 })).toThrow(RangeError);
    expect(() => beadAbsoluteCount({ cellEvents: 1, beadEvents: 1, beadsAdded: 1, sampleVolumeUl: 0 })).toThrow(RangeError);
  });
});
