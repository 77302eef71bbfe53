import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTransform } from '../src/transforms/create-transform.js';
import { flowJoBiexTable } from '../src/transforms/flowjo-biex.js';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);
const tableUrl = new URL(
  'transforms/tr_biex_l256_w-7.943282_n1.000000_m4.418540_r262144.000029.csv',
  corpus,
);
const hasCorpus = existsSync(fileURLToPath(tableUrl));

const SPEC = {
  kind: 'flowjo-biex',
  width: -7.943282,
  negative: 1,
  positive: 4.41854,
  maxValue: 262144.000029,
  channelRange: 4096,
} as const;

describe.skipIf(!hasCorpus)('FlowJo biex table (corpus; skipped: ../shared/corpus not found)', () => {
  // Read only when the corpus exists: a skipped describe block still runs its body.
  const rows = hasCorpus
    ? readFileSync(fileURLToPath(tableUrl), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').map(Number) as [number, number])
    : [];

  it('reproduces the FlowJo-exported lookup table: mean |Δ|/channel below 0.01 % over rows 1…4095', () => {
    // FlowKit's check (tests/workspace_tests.py, test_wsp_biex_transform_width_interpolation):
    // transform the exported lookup values and compare with their channel numbers.
    expect(rows).toHaveLength(4096);
    const tr = createTransform(SPEC);
    let sum = 0;
    for (let i = 1; i <= 4095; i++) {
      const [channel, lookup] = rows[i]!;
      sum += Math.abs(tr.apply(lookup) - channel) / channel;
    }
    expect((100 * sum) / 4095).toBeLessThan(0.01);
  });

  it('places data zero at channel 1096 as the exported table does', () => {
    // Exported row 1096 is exactly 0; zero channel = ⌊extra·4096/(extra + decades)⌋ with
    // extra = 1 + log10(7.943282)/2 = 1.45, decades = 4.41854 − 0.45 = 3.96854 → ⌊1096.04⌋.
    expect(rows[1096]).toEqual([1096, 0]);
    expect(flowJoBiexTable(SPEC)[1096]).toBe(0);
  });
});

describe('FlowJo biex generator', () => {
  const lut = flowJoBiexTable(SPEC);

  it('has channelRange + 1 strictly increasing points, mirrored about the zero channel', () => {
    expect(lut).toHaveLength(4097);
    for (let i = 1; i < lut.length; i++) {
      expect(lut[i]!).toBeGreaterThan(lut[i - 1]!);
    }
    for (let k = 1; k <= 1096; k++) {
      expect(lut[1096 - k]).toBe(-lut[1096 + k]!);
    }
  });

  it('clamps outside the table to channels 0 and channelRange', () => {
    const tr = createTransform(SPEC);
    expect(tr.apply(-1e9)).toBe(0);
    expect(tr.apply(1e9)).toBe(4096);
    expect(tr.inverse(-5)).toBe(lut[0]);
    expect(tr.inverse(5000)).toBe(lut[4096]);
    expect(tr.apply(NaN)).toBeNaN();
  });
});
