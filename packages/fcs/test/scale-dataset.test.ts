import { describe, expect, it } from 'vitest';
import { parseFcs, scaleDataset } from '../src/index.js';
import { buildFcs, float32le, listModeKeywords } from './build-fcs.js';

describe('scaleDataset', () => {
  it('applies gain, log decades and $TIMESTEP as FCS 3.1 defines them', () => {
    // Channels: linear with $P1G 2; log 4,0 with R 1024 (f2 = 0 read as 1); log 2,10; Time with $TIMESTEP 0.5 and a gain
    // that must be ignored. Values: 100, 512, 256, 30.
    const kw = listModeKeywords({ dataType: 'F', tot: 1, bits: [32, 32, 32, 32], extra: [['$TIMESTEP', '0.5']] }).map(([k, v]) => {
      const replace: Record<string, string> = { $P2E: '4,0', $P3E: '2,10', $P4N: 'Time' };
      return [k, replace[k] ?? v] as const;
    });
    const bytes = buildFcs({ keywords: [...kw, ['$P1G', '2'], ['$P4G', '3']], data: float32le(100, 512, 256, 30) });
    const ds = parseFcs(bytes).datasets[0]!;
    const scaled = scaleDataset(ds);
    expect(scaled.stage).toBe('scaled');
    expect(scaled.columns[0]).toBeInstanceOf(Float64Array);
    expect(scaled.columns[0]![0]).toBe(50); // 100 / 2
    expect(scaled.columns[1]![0]).toBeCloseTo(100, 12); // 1 · 10^(4 · 512 / 1024) = 10^2
    expect(scaled.columns[2]![0]).toBeCloseTo(10 * Math.sqrt(10), 12); // 10 · 10^(2 · 256 / 1024) = 10 · 10^0.5
    expect(scaled.columns[3]![0]).toBe(15); // 30 · 0.5, no gain
    expect(scaled.channels).toBe(ds.table.channels);
  });

  it('rejects a non-numeric $TIMESTEP', () => {
    const kw = listModeKeywords({ dataType: 'F', tot: 1, bits: [32], extra: [['$TIMESTEP', 'xx']] }).map(([k, v]) => [k, k === '$P1N' ? 'Time' : v] as const);
    const ds = parseFcs(buildFcs({ keywords: kw, data: float32le(1) })).datasets[0]!;
    expect(() => scaleDataset(ds)).toThrowErrorMatchingInlineSnapshot(`[FcsKeywordError: $TIMESTEP is 'xx', expected a number (seconds per time unit)]`);
  });
});
