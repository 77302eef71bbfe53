import { describe, expect, it } from 'vitest';
import { dataUnitTicks, powerLabel } from '../src/index.js';

describe('dataUnitTicks', () => {
  it('keeps 0 and the decades in range, dropping ticks closer than the spacing (hand-derived)', () => {
    // Identity transform on [-5, 150]: spacing 0.045 × 155 = 6.975. Candidates by priority:
    // 0 (kept), 10^7..10^3 (out of range), 100 (kept), -100 (out), 10 (kept: 10 from 0),
    // -10 (out), 1 and -1 (within 6.975 of 0: dropped).
    expect(dataUnitTicks((v) => v, [-5, 150])).toEqual({ tickvals: [0, 10, 100], ticktext: ['0', '10', '10²'] });
  });
  it('places ticks at the transformed positions on an asinh axis', () => {
    const apply = (v: number): number => Math.asinh(v / 150) / Math.LN10;
    const range: [number, number] = [apply(-1000), apply(262144)];
    const t = dataUnitTicks(apply, range);
    // Range ≈ [-1.127, 3.545], spacing 0.045 × 4.67 ≈ 0.21 display units. ±10² sit at ±0.27 (kept),
    // ±10 at ±0.029 (too close to 0: dropped); 10⁶ is beyond 262 144.
    expect(t.ticktext).toEqual(['-10³', '-10²', '0', '10²', '10³', '10⁴', '10⁵']);
    // Positions are the transform of the labelled data values, computed here independently.
    expect(t.tickvals[4]).toBeCloseTo(Math.asinh(1000 / 150) / Math.LN10, 12);
    expect(t.tickvals[2]).toBe(0);
  });
  it('rejects a range that is not finite and ascending', () => {
    expect(() => dataUnitTicks((v) => v, [1, 1])).toThrowErrorMatchingInlineSnapshot(`[RangeError: dataUnitTicks needs a finite ascending range, got [1, 1]]`);
  });
  it('writes powers with superscripts', () => {
    expect([0, 1, 2, 10].map(powerLabel)).toEqual(['1', '10', '10²', '10¹⁰']);
  });
});
