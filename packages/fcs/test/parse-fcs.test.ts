import { describe, expect, it } from 'vitest';
import { memoryByteSource, parseFcs, parseFcsSource } from '../src/index.js';
import type { ByteSource } from '../src/index.js';
import { buildFcs, bytesOf, concat, float32le, latin1Bytes, listModeKeywords } from './build-fcs.js';

// Every expected value is derived by hand from the bytes written in the test (derivation in comments).

const four = (): Uint8Array => buildFcs({ keywords: listModeKeywords({ dataType: 'F', tot: 4, bits: [32] }), data: float32le(10, 20, 30, 40) });

const column = (bytes: Uint8Array, c: number, options = {}): number[] =>
  Array.from(parseFcs(bytes, options).datasets[0]!.table.columns[c]!);

describe('integer DATA', () => {
  it('8-bit, 16-bit and 32-bit channels mixed in one event (little-endian)', () => {
    // Event 1: 0x07 | 0x0102 = 258 | 0x01000000 + 5 = 16777221. Event 2: 255 | 65535 | 4294967295.
    const data = bytesOf(7, 2, 1, 5, 0, 0, 1, 255, 255, 255, 255, 255, 255, 255);
    const bytes = buildFcs({
      keywords: listModeKeywords({ dataType: 'I', tot: 2, bits: [8, 16, 32], ranges: [256, 65536, 4294967296] }),
      data,
    });
    const ds = parseFcs(bytes).datasets[0]!;
    expect(Array.from(ds.table.columns[0]!)).toEqual([7, 255]);
    expect(Array.from(ds.table.columns[1]!)).toEqual([258, 65535]);
    expect(Array.from(ds.table.columns[2]!)).toEqual([16777221, 4294967295]);
    expect(ds.table.columns[0]).toBeInstanceOf(Float32Array);
    expect(ds.table.columns[2]).toBeInstanceOf(Float64Array);
  });

  it('10-bit values stored in 16-bit words are masked to 10 bits', () => {
    // 0xFFFF & 0x3FF = 1023; 0x0201 = 513 (inside 10 bits). bitMask 'ignore' keeps 65535.
    const bytes = buildFcs({ keywords: listModeKeywords({ dataType: 'I', tot: 2, bits: [10] }), data: bytesOf(255, 255, 1, 2) });
    expect(column(bytes, 0)).toEqual([1023, 513]);
    expect(column(bytes, 0, { bitMask: 'ignore' })).toEqual([65535, 513]);
    expect(parseFcs(bytes).datasets[0]!.parameters[0]!.bitMask).toBe(1023);
  });

  it('the $PnR bit mask: 16-bit values with $PnR 1024 keep their low 10 bits', () => {
    // 0x8405 = 33797; nextpow2(1024) - 1 = 0x3FF; 33797 & 1023 = 0x005 = 5.
    const bytes = buildFcs({ keywords: listModeKeywords({ dataType: 'I', tot: 1, bits: [16], ranges: [1024] }), data: bytesOf(5, 0x84) });
    expect(column(bytes, 0)).toEqual([5]);
    expect(column(bytes, 0, { bitMask: 'ignore' })).toEqual([33797]);
  });

  it('24-bit values in both byte orders', () => {
    // LE (1,2,3,4): bytes 01 02 03 -> 0x030201 = 197121. BE (4,3,2,1): 01 02 03 -> 0x010203 = 66051.
    const kw = (order: string): ReturnType<typeof listModeKeywords> =>
      listModeKeywords({ dataType: 'I', byteOrder: order, tot: 1, bits: [24], ranges: [16777216] });
    expect(column(buildFcs({ keywords: kw('1,2,3,4'), data: bytesOf(1, 2, 3) }), 0)).toEqual([197121]);
    expect(column(buildFcs({ keywords: kw('4,3,2,1'), data: bytesOf(1, 2, 3) }), 0)).toEqual([66051]);
  });

  it('64-bit integers', () => {
    // LE bytes 01 00 00 00 01 00 00 00 = 2^32 + 1 = 4294967297.
    const bytes = buildFcs({
      keywords: listModeKeywords({ dataType: 'I', tot: 1, bits: [64], ranges: [18446744073709551616] }),
      data: bytesOf(1, 0, 0, 0, 1, 0, 0, 0),
    });
    expect(column(bytes, 0)).toEqual([4294967297]);
  });

  it('the odd byte order 3,4,1,2 for 32-bit integers', () => {
    // Byte i has significance BYTEORD[i]: 01·256^2 + 02·256^3 + 03·256^0 + 04·256^1 = 33620995.
    const bytes = buildFcs({
      keywords: listModeKeywords({ dataType: 'I', byteOrder: '3,4,1,2', tot: 1, bits: [32], ranges: [4294967296] }),
      data: bytesOf(1, 2, 3, 4),
    });
    expect(column(bytes, 0)).toEqual([33620995]);
  });

  it('16-bit big-endian (2,1) and little-endian (1,2) orders', () => {
    // 01 02 -> BE 0x0102 = 258, LE 0x0201 = 513.
    const kw = (order: string): ReturnType<typeof listModeKeywords> =>
      listModeKeywords({ dataType: 'I', byteOrder: order, tot: 1, bits: [16], ranges: [65536] });
    expect(column(buildFcs({ keywords: kw('2,1'), data: bytesOf(1, 2) }), 0)).toEqual([258]);
    expect(column(buildFcs({ keywords: kw('1,2'), data: bytesOf(1, 2) }), 0)).toEqual([513]);
  });
});

describe('float DATA', () => {
  it('float32 little-endian and big-endian', () => {
    // 1.0f = 0x3F800000, -2.5f = 0xC0200000.
    const le = buildFcs({ keywords: listModeKeywords({ dataType: 'F', tot: 1, bits: [32, 32] }), data: bytesOf(0, 0, 0x80, 0x3f, 0, 0, 0x20, 0xc0) });
    expect(column(le, 0)).toEqual([1]);
    expect(column(le, 1)).toEqual([-2.5]);
    const be = buildFcs({
      keywords: listModeKeywords({ dataType: 'F', byteOrder: '4,3,2,1', tot: 1, bits: [32, 32] }),
      data: bytesOf(0x3f, 0x80, 0, 0, 0xc0, 0x20, 0, 0),
    });
    expect(column(be, 0)).toEqual([1]);
    expect(column(be, 1)).toEqual([-2.5]);
  });

  it('float32 with the permutation 2,1,4,3', () => {
    // 1.0f little-endian is 00 00 80 3F; file byte i holds significance BYTEORD[i]: 00 00 3F 80.
    const bytes = buildFcs({ keywords: listModeKeywords({ dataType: 'F', byteOrder: '2,1,4,3', tot: 1, bits: [32] }), data: bytesOf(0, 0, 0x3f, 0x80) });
    expect(column(bytes, 0)).toEqual([1]);
  });

  it('float64 in both byte orders', () => {
    // 0.1 = 0x3FB999999999999A.
    const be = bytesOf(0x3f, 0xb9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a);
    const le = be.slice().reverse();
    const kw = (order: string): ReturnType<typeof listModeKeywords> => listModeKeywords({ dataType: 'D', byteOrder: order, tot: 1, bits: [64] });
    expect(column(buildFcs({ keywords: kw('4,3,2,1'), data: be }), 0)).toEqual([0.1]);
    expect(column(buildFcs({ keywords: kw('1,2,3,4'), data: le }), 0)).toEqual([0.1]);
  });

  it('more events than one DATA chunk (4 MiB) decode in order', () => {
    // 300000 events × 4 float32 channels = 4.8 MB: value = event * 4 + channel.
    const n = 300000;
    const values = new Float32Array(n * 4).map((_, i) => i);
    const data = new Uint8Array(values.buffer);
    const cols = parseFcs(buildFcs({ keywords: listModeKeywords({ dataType: 'F', tot: n, bits: [32, 32, 32, 32] }), data })).datasets[0]!.table.columns;
    for (const e of [0, 1, 262143, 262144, 299999]) {
      expect(cols.map((c) => c[e])).toEqual([4 * e, 4 * e + 1, 4 * e + 2, 4 * e + 3]);
    }
  });
});

describe('FCS 3.2 $PnDATATYPE', () => {
  // $DATATYPE I with parameter 2 stored as float32 and parameter 3 as float64, little-endian:
  // an event is 2 + 4 + 8 = 14 bytes.
  const event = (i: number, f: number, d: number): Uint8Array => {
    const out = new Uint8Array(14);
    const v = new DataView(out.buffer);
    v.setUint16(0, i, true);
    v.setFloat32(2, f, true);
    v.setFloat64(6, d, true);
    return out;
  };
  const keywords = (p2: string, p2bits = 32): Array<readonly [string, string]> =>
    listModeKeywords({ dataType: 'I', tot: 2, bits: [16, p2bits, 64], ranges: [1024, 262144, 262144], extra: [['$P2DATATYPE', p2], ['$P3DATATYPE', 'D']] });
  const file = (p2 = 'F', p2bits = 32): Uint8Array =>
    buildFcs({ version: 'FCS3.2', keywords: keywords(p2, p2bits), data: concat(event(100, 1.5, -2.25e10), event(1023, -0.125, Math.PI)) });

  it('decodes each parameter with its own type', () => {
    const ds = parseFcs(file()).datasets[0]!;
    // The integer keeps its 10-bit mask ($PnR 1024); the floats are read as stored (1.5 and -0.125
    // are exact in float32; pi and -2.25e10 exact in float64).
    expect(Array.from(ds.table.columns[0]!)).toEqual([100, 1023]);
    expect(Array.from(ds.table.columns[1]!)).toEqual([1.5, -0.125]);
    expect(Array.from(ds.table.columns[2]!)).toEqual([-2.25e10, Math.PI]);
    expect(ds.parameters.map((p) => p.dataType)).toEqual(['I', 'F', 'D']);
    expect(ds.table.columns[2]).toBeInstanceOf(Float64Array);
    // A subsample goes through the same per-parameter decoding.
    const one = parseFcs(file(), { subsample: { count: 1, seed: 3 } }).datasets[0]!;
    const k = one.eventIndex![0]!;
    expect([one.table.columns[0]![0], one.table.columns[1]![0], one.table.columns[2]![0]]).toEqual([[100, 1023][k], [1.5, -0.125][k], [-2.25e10, Math.PI][k]]);
  });

  it('rejects an unknown type, a width that does not fit it, and a type with ASCII data', () => {
    const thrown = (f: () => unknown): { code?: string; message: string } => {
      try {
        f();
      } catch (e) {
        return e as { code?: string; message: string };
      }
      throw new Error('expected an error');
    };
    const unknown = thrown(() => parseFcs(file('X')));
    expect([unknown.code, unknown.message.includes("$P2DATATYPE is 'X'")]).toEqual(['FCS_UNSUPPORTED_DATATYPE', true]);
    const narrow = thrown(() => parseFcs(file('F', 16)));
    expect([narrow.code, narrow.message.includes('$P2B is 16 for $P2DATATYPE F, expected 32')]).toEqual(['FCS_UNSUPPORTED_WIDTH', true]);
    const ascii = buildFcs({ version: 'FCS3.2', keywords: listModeKeywords({ dataType: 'A', tot: 1, bits: [3], extra: [['$P1DATATYPE', 'F']] }), data: latin1Bytes('123') });
    expect(() => parseFcs(ascii)).toThrow(expect.objectContaining({ code: 'FCS_UNSUPPORTED_DATATYPE' }));
  });
});

describe('ASCII DATA', () => {
  it('fixed width ($PnB characters per value)', () => {
    // Two events of '  12' + ' 3.5' and '  -1' + '1e+2'.
    const bytes = buildFcs({ keywords: listModeKeywords({ dataType: 'A', tot: 2, bits: [4, 4] }), data: latin1Bytes('  12 3.5  -11e+2') });
    expect(column(bytes, 0)).toEqual([12, -1]);
    expect(column(bytes, 1)).toEqual([3.5, 100]);
  });

  it("delimited ($PnB '*') with spaces, commas, tabs and line breaks", () => {
    const bytes = buildFcs({ keywords: listModeKeywords({ dataType: 'A', tot: 3, bits: ['*', '*'] }), data: latin1Bytes('1,2\r\n3\t4  5,6\n') });
    expect(column(bytes, 0)).toEqual([1, 3, 5]);
    expect(column(bytes, 1)).toEqual([2, 4, 6]);
  });
});

describe('event counts and options', () => {

  it('zero events and one event', () => {
    const zero = parseFcs(buildFcs({ keywords: listModeKeywords({ dataType: 'F', tot: 0, bits: [32, 32] }) })).datasets[0]!;
    expect(zero.eventCount).toBe(0);
    expect(zero.table.columns.map((c) => c.length)).toEqual([0, 0]);
    expect(zero.segments.data).toBeNull();
    const one = buildFcs({ keywords: listModeKeywords({ dataType: 'F', tot: 1, bits: [32] }), data: float32le(7.5) });
    expect(column(one, 0)).toEqual([7.5]);
  });

  it('textOnly reads keywords and parameters without decoding DATA', () => {
    const ds = parseFcs(four(), { textOnly: true }).datasets[0]!;
    expect(ds.eventCount).toBe(0);
    expect(ds.keywords.$TOT).toBe('4');
    expect(ds.table.channels.map((c) => c.name)).toEqual(['Ch1']);
  });

  it('a seeded subsample decodes exactly the events at eventIndex', () => {
    const ds = parseFcs(four(), { subsample: { count: 2, seed: 7 } }).datasets[0]!;
    const index = Array.from(ds.eventIndex!);
    expect(index.length).toBe(2);
    expect(index[0]!).toBeLessThan(index[1]!);
    expect(Array.from(ds.table.columns[0]!)).toEqual(index.map((i) => 10 * (i + 1)));
    const again = parseFcs(four(), { subsample: { count: 2, seed: 7 } }).datasets[0]!;
    expect(Array.from(again.eventIndex!)).toEqual(index);
    expect(parseFcs(four(), { subsample: { count: 9, seed: 1 } }).datasets[0]!.eventCount).toBe(4);
  });

  it('$MODE may be absent in FCS 3.2 only', () => {
    const kw = listModeKeywords({ dataType: 'F', tot: 1, bits: [32] }).filter(([k]) => k !== '$MODE');
    expect(column(buildFcs({ version: 'FCS3.2', keywords: kw, data: float32le(1) }), 0)).toEqual([1]);
    expect(() => parseFcs(buildFcs({ version: 'FCS3.1', keywords: kw, data: float32le(1) }))).toThrow('$MODE');
  });

  it('a DATA end offset one byte past the segment reads with a warning', () => {
    const bytes = buildFcs({
      keywords: listModeKeywords({ dataType: 'F', tot: 1, bits: [32] }),
      data: float32le(2),
      headerFields: (f) => [f[0]!, f[1]!, f[2]!, String(Number(f[3]) + 1), '0', '0'],
      textDataOffsets: (b, e) => [b, e + 1],
    });
    const ds = parseFcs(bytes).datasets[0]!;
    expect(Array.from(ds.table.columns[0]!)).toEqual([2]);
    expect(ds.warnings.map((w) => w.code)).toEqual(['FCS_DATA_OFF_BY_ONE']);
  });

  it('blank HEADER DATA offsets (files over 99,999,999 bytes) use $BEGINDATA/$ENDDATA', () => {
    const bytes = buildFcs({ keywords: listModeKeywords({ dataType: 'F', tot: 1, bits: [32] }), data: float32le(3), headerFields: (f) => [f[0]!, f[1]!, '', '', '', ''] });
    const ds = parseFcs(bytes).datasets[0]!;
    expect(Array.from(ds.table.columns[0]!)).toEqual([3]);
    expect(ds.warnings).toEqual([]);
  });

  it('disagreeing offsets: the one that fits is used, naming both', () => {
    // HEADER points 4 bytes too early (into TEXT); TEXT is right.
    const bytes = buildFcs({
      keywords: listModeKeywords({ dataType: 'F', tot: 1, bits: [32] }),
      data: float32le(5),
      headerFields: (f) => [f[0]!, f[1]!, String(Number(f[2]) - 4), String(Number(f[3]) - 4), '0', '0'],
    });
    const ds = parseFcs(bytes).datasets[0]!;
    expect(Array.from(ds.table.columns[0]!)).toEqual([5]);
    expect(ds.warnings.map((w) => w.code)).toEqual(['FCS_OFFSET_DISCREPANCY']);
    expect(ds.warnings[0]!.message).toContain('(HEADER)');
    // preferHeaderOffsets trusts HEADER without validating: it reads the last 4 TEXT bytes instead.
    const forced = parseFcs(bytes, { preferHeaderOffsets: true }).datasets[0]!;
    expect(forced.table.columns[0]![0]).not.toBe(5);
    expect(forced.warnings[0]!.message).toContain('preferHeaderOffsets');
    expect(Array.from(parseFcs(bytes, { ignoreOffsetDiscrepancy: true }).datasets[0]!.table.columns[0]!)).toEqual([5]);
  });

  it('two data sets chained by $NEXTDATA, and the dataset option', () => {
    const second = buildFcs({ keywords: listModeKeywords({ dataType: 'F', tot: 1, bits: [32] }), data: float32le(9) });
    const firstKw = (next: number): ReturnType<typeof listModeKeywords> =>
      listModeKeywords({ dataType: 'F', tot: 1, bits: [32] }).map(([k, v]) => [k, k === '$NEXTDATA' ? String(next).padStart(8, '0') : v] as const);
    const len = buildFcs({ keywords: firstKw(0), data: float32le(8) }).length;
    const file = concat(buildFcs({ keywords: firstKw(len), data: float32le(8) }), second);
    const fcs = parseFcs(file);
    expect(fcs.datasets.map((d) => d.offset)).toEqual([0, len]);
    expect(fcs.datasets.map((d) => d.table.columns[0]![0])).toEqual([8, 9]);
    const only = parseFcs(file, { dataset: 1 });
    expect(only.datasets.length).toBe(1);
    expect(only.datasets[0]!.table.columns[0]![0]).toBe(9);
  });

  it('parseFcsSource reads only the ranges it needs', () => {
    const bytes = four();
    const inner = memoryByteSource(bytes);
    const reads: Array<[number, number]> = [];
    const source: ByteSource = { size: inner.size, read: (o, l) => (reads.push([o, l]), inner.read(o, l)) };
    parseFcsSource(source, { textOnly: true });
    const total = reads.reduce((s, [, l]) => s + l, 0);
    expect(total).toBe(bytes.length - 16);
  });
});

describe('tolerated keyword problems', () => {
  it('an FCS 2.0 file without $TOT derives the event count from the DATA length', () => {
    // 3 events × 2 bytes; no $TOT keyword and no $BEGINDATA (FCS 2.0 style).
    const kw = listModeKeywords({ dataType: 'I', byteOrder: '1,2', tot: 0, bits: [16], ranges: [65536] }).filter(([k]) => k !== '$TOT');
    const ds = parseFcs(buildFcs({ version: 'FCS2.0', keywords: kw, data: Uint8Array.from([1, 0, 2, 0, 3, 0]), textOffsets: false })).datasets[0]!;
    expect(Array.from(ds.table.columns[0]!)).toEqual([1, 2, 3]);
    expect(ds.warnings.map((w) => w.code)).toEqual(['FCS_TOT_DERIVED']);
    // FCS 3.x requires it.
    expect(() => parseFcs(buildFcs({ version: 'FCS3.0', keywords: kw, data: Uint8Array.from([1, 0, 2, 0, 3, 0]) }))).toThrow('$TOT');
  });

  it('an unreadable $PnE or $PnG leaves a warning and the linear default', () => {
    const kw = listModeKeywords({ dataType: 'F', tot: 1, bits: [32, 32] }).map(([k, v]) => [k, k === '$P1E' ? 'log' : v] as const);
    const ds = parseFcs(buildFcs({ keywords: [...kw, ['$P2G', 'high']], data: float32le(1, 2) })).datasets[0]!;
    expect(ds.parameters.map((p) => [p.amplification, p.gain])).toEqual([
      [[0, 0], 1],
      [[0, 0], 1],
    ]);
    expect(ds.warnings.map((w) => [w.code, w.context])).toEqual([
      ['FCS_BAD_PARAMETER_KEYWORD', { keyword: '$P1E', value: 'log' }],
      ['FCS_BAD_PARAMETER_KEYWORD', { keyword: '$P2G', value: 'high' }],
    ]);
  });
});
