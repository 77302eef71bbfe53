import { describe, expect, it } from 'vitest';
import {
  TamkitError,
  UnknownChannelError,
  channelMeta,
  createEventTable,
  fsum,
  guessChannelKind,
  indexToMask,
  isTamkitError,
  maskAnd,
  maskCount,
  maskNot,
  maskOr,
  maskToIndex,
  replaceColumns,
  requireChannel,
  selectEvents,
} from '../src/index.js';

const table = createEventTable(
  [channelMeta({ name: 'FSC-A' }), channelMeta({ name: 'PE-A', label: 'CD206' })],
  [new Float32Array([1, 2, 3]), new Float32Array([10, 20, 30])],
);

describe('EventTable', () => {
  it('checks columns against channels', () => {
    expect(table.eventCount).toBe(3);
    expect(() => createEventTable([channelMeta({ name: 'A' })], [])).toThrow(RangeError);
    expect(() =>
      createEventTable(
        [channelMeta({ name: 'A' }), channelMeta({ name: 'B' })],
        [new Float32Array(2), new Float32Array(3)],
      ),
    ).toThrow(RangeError);
    expect(() =>
      createEventTable(
        [channelMeta({ name: 'A' }), channelMeta({ name: 'A' })],
        [new Float32Array(2), new Float32Array(2)],
      ),
    ).toThrow(/twice/);
  });

  it('an empty table has zero events', () => {
    expect(createEventTable([], []).eventCount).toBe(0);
  });

  it('finds channels by name, case-insensitive name, or marker label', () => {
    expect(requireChannel(table, 'PE-A')).toBe(1);
    expect(requireChannel(table, 'pe-a')).toBe(1);
    expect(requireChannel(table, 'CD206')).toBe(1);
  });

  it('names what exists when a channel is missing', () => {
    let err: unknown;
    try {
      requireChannel(table, 'CD86');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownChannelError);
    expect(err).toBeInstanceOf(TamkitError);
    expect(isTamkitError(err)).toBe(true);
    const e = err as UnknownChannelError;
    expect(e.code).toBe('UNKNOWN_CHANNEL');
    expect(e.name).toBe('UnknownChannelError');
    expect(e.context).toEqual({ requested: 'CD86', available: ['FSC-A', 'PE-A (CD206)'] });
    expect(e.message).toMatchInlineSnapshot(`"no channel named 'CD86'; available: FSC-A, PE-A (CD206)"`);
  });

  it('replaces columns without copying the others', () => {
    const next = replaceColumns(table, new Map([[1, new Float64Array([1, 1, 1])]]), 'transformed');
    expect(next.columns[0]).toBe(table.columns[0]);
    expect(next.stage).toBe('transformed');
    expect(() => replaceColumns(table, new Map([[0, new Float64Array(2)]]), 'scaled')).toThrow(RangeError);
  });

  it('selects events', () => {
    const sub = selectEvents(table, Uint32Array.of(0, 2));
    expect(Array.from(sub.columns[1]!)).toEqual([10, 30]);
    expect(sub.eventCount).toBe(2);
  });

  it('guesses channel kinds from common names', () => {
    expect(guessChannelKind('Time')).toBe('time');
    expect(guessChannelKind('FSC-A')).toBe('scatter');
    expect(guessChannelKind('SSC-H')).toBe('scatter');
    expect(guessChannelKind('BL1-A')).toBe('fluorescence');
    expect(guessChannelKind('FL2-H')).toBe('fluorescence');
  });
});

describe('masks', () => {
  const a = Uint8Array.of(1, 1, 0, 0);
  const b = Uint8Array.of(1, 0, 1, 0);
  it('combine element-wise', () => {
    expect(Array.from(maskAnd(a, b))).toEqual([1, 0, 0, 0]);
    expect(Array.from(maskOr(a, b))).toEqual([1, 1, 1, 0]);
    expect(Array.from(maskNot(a))).toEqual([0, 0, 1, 1]);
    expect(maskCount(a)).toBe(2);
    expect(Array.from(maskToIndex(b))).toEqual([0, 2]);
    expect(Array.from(indexToMask([3, 1], 4))).toEqual([0, 1, 0, 1]);
  });
  it('reject masks of different lengths and positions out of range', () => {
    expect(() => maskAnd(a, Uint8Array.of(1))).toThrow(RangeError);
    expect(() => indexToMask([4], 4)).toThrow(RangeError);
  });
});

describe('fsum', () => {
  it('does not lose small terms (hand-derived cases)', () => {
    expect(fsum([1e100, 1, -1e100])).toBe(1);
    expect(fsum([0.1, 0.2, 0.3])).toBe(0.6);
    // 1 + 1e-16 ten times: exact sum is 1 + 1e-15, which a plain loop rounds to 1.
    expect(fsum([1, ...new Array<number>(10).fill(1e-16)])).toBe(1 + 1e-15);
    expect(fsum([])).toBe(0);
    expect(Number.isNaN(fsum([1, Number.NaN]))).toBe(true);
  });
});
