import { channelMeta, createEventTable } from '@tamkit/core';
import type { EventTable } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import { writeFcs, writeFcsChunks } from '../src/index.js';
import type { FcsWriteOptions } from '../src/index.js';

const latin1 = new TextDecoder('latin1');
const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  latin1.decode(bytes.subarray(from, to));
const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

function oneChannel(values: number[], meta: Partial<Parameters<typeof channelMeta>[0]> = {}): EventTable {
  return createEventTable([channelMeta({ name: 'A', ...meta })], [new Float32Array(values)]);
}

/** Splits TEXT (without its leading delimiter) into [keyword, value] pairs, honouring `//` escapes. */
function textPairs(text: string, d = '/'): [string, string][] {
  const tokens: string[] = [];
  let cur = '';
  for (let i = 1; i < text.length; i++) {
    if (text[i] === d && text[i + 1] === d) {
      cur += d;
      i++;
    } else if (text[i] === d) {
      tokens.push(cur);
      cur = '';
    } else {
      cur += text[i];
    }
  }
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < tokens.length; i += 2) {
    pairs.push([tokens[i]!, tokens[i + 1]!]);
  }
  return pairs;
}

function textOf(bytes: Uint8Array): string {
  const begin = Number(ascii(bytes, 10, 18));
  const end = Number(ascii(bytes, 18, 26));
  return new TextDecoder().decode(bytes.subarray(begin, end + 1));
}

describe('writeFcs layout', () => {
  it('writes HEADER, TEXT and DATA at hand-derived offsets', () => {
    const bytes = writeFcs(oneChannel([1, 2]));
    // TEXT, counted piece by piece: /$BEGINANALYSIS/0 (17) /$ENDANALYSIS/0 (15) /$BEGINSTEXT/0 (14)
    // /$ENDSTEXT/0 (12) /$BEGINDATA/239 (15) /$ENDDATA/246 (13) /$BYTEORD/1,2,3,4 (17)
    // /$DATATYPE/F (12) /$MODE/L (8) /$NEXTDATA/0 (12) /$PAR/1 (7) /$TOT/2 (7) /$P1N/A (7)
    // /$P1B/32 (8) /$P1E/0,0 (10) /$P1R/2 (7) and the final / (1) = 182 bytes.
    // TEXT spans 58..239; DATA = 2 events x 4 bytes spans 240..247; $P1R = max value 2.
    const text =
      '/$BEGINANALYSIS/0/$ENDANALYSIS/0/$BEGINSTEXT/0/$ENDSTEXT/0/$BEGINDATA/239/$ENDDATA/246' +
      '/$BYTEORD/1,2,3,4/$DATATYPE/F/$MODE/L/$NEXTDATA/0/$PAR/1/$TOT/2/$P1N/A/$P1B/32/$P1E/0,0/$P1R/2/';
    expect(text.length).toBe(181);
    expect(bytes.length).toBe(247);
    expect(ascii(bytes, 0, 58)).toBe(
      'FCS3.1    ' + '      58' + '     238' + '     239' + '     246' + '       0' + '       0',
    );
    expect(ascii(bytes, 58, 239)).toBe(text);
    // IEEE 754 single: 1 = 0x3F800000, 2 = 0x40000000; little-endian bytes reversed.
    expect(hex(bytes.subarray(239))).toBe('00 00 80 3f 00 00 00 40');
  });

  it('writes big-endian floats and doubles', () => {
    const f = writeFcs(oneChannel([1, 2]), { byteOrder: 'big' });
    expect(hex(f.subarray(f.length - 8))).toBe('3f 80 00 00 40 00 00 00');
    expect(textOf(f)).toContain('/$BYTEORD/4,3,2,1/');
    // IEEE 754 double: 1 = 0x3FF0000000000000, -2 = 0xC000000000000000.
    const d = writeFcs(oneChannel([1, -2]), { dataType: 'D', byteOrder: 'big' });
    expect(hex(d.subarray(d.length - 16))).toBe('3f f0 00 00 00 00 00 00 c0 00 00 00 00 00 00 00');
    expect(textOf(d)).toContain('/$DATATYPE/D/');
    expect(textOf(d)).toContain('/$P1B/64/');
    const dl = writeFcs(oneChannel([1]), { dataType: 'D' });
    expect(hex(dl.subarray(dl.length - 8))).toBe('00 00 00 00 00 00 f0 3f');
  });

  it('writes integers of 8, 16 and 32 bits in both byte orders', () => {
    // 258 = 0x0102; 16909060 = 0x01020304.
    const i16 = (byteOrder: 'little' | 'big'): Uint8Array =>
      writeFcs(oneChannel([258, 7]), { dataType: 'I', bits: 16, byteOrder });
    expect(hex(i16('big').subarray(-4))).toBe('01 02 00 07');
    expect(hex(i16('little').subarray(-4))).toBe('02 01 07 00');
    const i32 = writeFcs(oneChannel([16909060]), { dataType: 'I', bits: 32, byteOrder: 'little' });
    expect(hex(i32.subarray(-4))).toBe('04 03 02 01');
    const i8 = writeFcs(oneChannel([255, 1]), { dataType: 'I', bits: 8 });
    expect(hex(i8.subarray(-2))).toBe('ff 01');
    // $PnR computed for integers as max + 1, so that nextpow2($PnR) - 1 keeps the maximum.
    expect(textOf(i8)).toContain('/$P1B/8/$P1E/0,0/$P1R/256/');
  });

  it('interleaves channels event by event, with mixed integer widths', () => {
    const table = createEventTable(
      [channelMeta({ name: 'A' }), channelMeta({ name: 'B' })],
      [new Float32Array([1, 2]), new Float32Array([3, 4])],
    );
    const bytes = writeFcs(table, { dataType: 'I', bits: [8, 16], byteOrder: 'big' });
    expect(hex(bytes.subarray(-6))).toBe('01 00 03 02 00 04');
    const same = writeFcs(table, { dataType: 'I', bits: 8 });
    expect(hex(same.subarray(-4))).toBe('01 03 02 04');
  });

  it('writes FCS 2.0 and 3.0 headers; 2.0 without segment keywords, 3.0 with SPILL', () => {
    const table = oneChannel([1]);
    const v2 = writeFcs(table, { version: '2.0' });
    expect(ascii(v2, 0, 10)).toBe('FCS2.0    ');
    expect(textOf(v2)).not.toContain('$BEGINDATA');
    const spill = { detectors: ['A'], values: new Float64Array([1]), source: '$SPILLOVER' };
    const v3 = writeFcs(table, { version: '3.0', spillover: spill });
    expect(ascii(v3, 0, 10)).toBe('FCS3.0    ');
    expect(textPairs(textOf(v3))).toContainEqual(['SPILL', '1,A,1']);
  });

  it('encodes TEXT as UTF-8 for 3.1 and Latin-1 for 2.0/3.0', () => {
    // 'ü' is U+00FC: UTF-8 bytes C3 BC, Latin-1 byte FC.
    const find = (bytes: Uint8Array): string => {
      const at = latin1.decode(bytes).indexOf('/NOTE/') + 6;
      return hex(bytes.subarray(at, at + 3));
    };
    const keywords = { NOTE: 'ü/' };
    expect(find(writeFcs(oneChannel([1]), { keywords }))).toBe('c3 bc 2f');
    expect(find(writeFcs(oneChannel([1]), { keywords, version: '3.0' }))).toBe('fc 2f 2f');
  });

  it('writes an empty table with zero DATA offsets', () => {
    const bytes = writeFcs(oneChannel([]));
    expect(ascii(bytes, 26, 42)).toBe('       0       0');
    expect(textPairs(textOf(bytes))).toContainEqual(['$TOT', '0']);
    expect(bytes.length).toBe(Number(ascii(bytes, 18, 26)) + 1);
  });
});

describe('writeFcs keywords', () => {
  it('writes $PnS, $PnG, $PnE and a given $PnR', () => {
    const table = oneChannel([1], { label: 'CD206', gain: 2.5, range: 262144 });
    const pairs = textPairs(textOf(writeFcs(table)));
    expect(pairs).toContainEqual(['$P1S', 'CD206']);
    expect(pairs).toContainEqual(['$P1G', '2.5']);
    expect(pairs).toContainEqual(['$P1R', '262144']);
    const log = oneChannel([3], { logDecades: 4, logZero: 0, range: 1024 });
    expect(textPairs(textOf(writeFcs(log, { dataType: 'I' })))).toContainEqual(['$P1E', '4,0']);
    const plain = textPairs(textOf(writeFcs(oneChannel([1]))));
    expect(plain.map(([k]) => k)).not.toContain('$P1S');
    expect(plain.map(([k]) => k)).not.toContain('$P1G');
  });

  it('doubles the delimiter inside values', () => {
    const bytes = writeFcs(oneChannel([1]), {
      keywords: { $FIL: 'a/b.fcs', MYKEY: 'end/', NOTE: 'Zelllinie Müller, 37 °C' },
    });
    const text = textOf(bytes);
    expect(text).toContain('/$FIL/a//b.fcs/');
    expect(text).toContain('/MYKEY/end///');
    expect(textPairs(text)).toContainEqual(['NOTE', 'Zelllinie Müller, 37 °C']);
    // A different delimiter leaves '/' alone and doubles its own character.
    const pipe = textOf(writeFcs(oneChannel([1]), { delimiter: '|', keywords: { X: 'a|b/c' } }));
    expect(pipe.startsWith('|$BEGINANALYSIS|0|')).toBe(true);
    expect(pipe).toContain('|X|a||b/c|');
  });

  it('writes $SPILLOVER with shortest round-trip numbers', () => {
    const table = createEventTable(
      [channelMeta({ name: 'FITC-A' }), channelMeta({ name: 'PE-A' })],
      [new Float32Array(1), new Float32Array(1)],
    );
    // 1/3 as a float64 prints in 16 significant digits; 0.1 and 1e-7 in their short forms.
    const values = new Float64Array([1, 0.1, 1 / 3, 1e-7]);
    const spillover = { detectors: ['FITC-A', 'PE-A'], values, source: '$SPILLOVER' };
    const pairs = textPairs(textOf(writeFcs(table, { spillover })));
    expect(pairs).toContainEqual(['$SPILLOVER', '2,FITC-A,PE-A,1,0.1,0.3333333333333333,1e-7']);
  });

  it('rejects empty values, writer keywords, leading delimiters and duplicates', () => {
    const t = oneChannel([1]);
    const bad = (options: FcsWriteOptions): (() => Uint8Array) => () => writeFcs(t, options);
    expect(bad({ keywords: { $FIL: '' } })).toThrowErrorMatchingInlineSnapshot(
      `[TypeError: keyword '$FIL' has an empty value, which FCS forbids]`,
    );
    expect(bad({ keywords: { $tot: '5' } })).toThrowErrorMatchingInlineSnapshot(
      `[TypeError: keyword '$tot' is written by writeFcs from the table; remove it from keywords]`,
    );
    expect(bad({ keywords: { $P1S: 'CD3' } })).toThrow(TypeError);
    expect(bad({ keywords: { X: '/x' } })).toThrowErrorMatchingInlineSnapshot(
      `[TypeError: keyword 'X' value starts with the delimiter '/', which reads as an escaped delimiter]`,
    );
    expect(bad({ keywords: { '/X': 'x' } })).toThrow(TypeError);
    expect(bad({ keywords: { 'A/B': 'x' } })).toThrow(TypeError);
    expect(bad({ version: '3.0', keywords: { X: 'Ω' } })).toThrow(TypeError);
    expect(bad({ keywords: { ' X': 'x' } })).toThrow(TypeError);
    expect(bad({ keywords: { 'KÖ': 'x' } })).toThrow(TypeError);
    expect(bad({ keywords: { abc: 'x', ABC: 'y' } })).toThrow(TypeError);
    expect(() => writeFcs(oneChannel([1], { label: '/x' }))).toThrow(TypeError);
    expect(() => writeFcs(oneChannel([1], { name: 'A,B' }))).toThrow(TypeError);
    const spill = { detectors: ['Z'], values: new Float64Array([1]), source: 'x' };
    expect(bad({ spillover: spill })).toThrowErrorMatchingInlineSnapshot(
      `[TypeError: spillover detector 'Z' is not a channel name of the table]`,
    );
    expect(bad({ delimiter: '//' })).toThrow(TypeError);
    expect(bad({ delimiter: ' ' })).toThrow(TypeError);
    expect(bad({ bits: 16 })).toThrow(TypeError);
    expect(() => writeFcs(oneChannel([1], { logDecades: 4 }))).toThrow(RangeError);
    expect(() => writeFcs(createEventTable([], []))).toThrow(TypeError);
  });
});

describe('writeFcs integer checks', () => {
  it('names the channel and event of a value that does not fit', () => {
    const table = createEventTable(
      [channelMeta({ name: 'A' }), channelMeta({ name: 'CD14' })],
      [new Float32Array([1, 2, 3]), new Float32Array([0, 65536, 1])],
    );
    expect(() => writeFcs(table, { dataType: 'I' })).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: channel 1 (CD14), event 1: value 65536 is not an integer in 0..65535 (16 bits)]`,
    );
    expect(() => writeFcs(oneChannel([0, 1.5]), { dataType: 'I' })).toThrow(/event 1: value 1.5/);
    expect(() => writeFcs(oneChannel([-1]), { dataType: 'I' })).toThrow(RangeError);
    expect(() => writeFcs(oneChannel([Number.NaN]), { dataType: 'I' })).toThrow(RangeError);
    expect(() => writeFcs(oneChannel([256]), { dataType: 'I', bits: 8 })).toThrow(RangeError);
    // $PnR 1000 -> readers mask with nextpow2(1000) - 1 = 1023, so 1024 would not survive.
    expect(() =>
      writeFcs(oneChannel([1024], { range: 1000 }), { dataType: 'I' }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: channel 0 (A), event 0: value 1024 is above 1023, the bit mask of $PnR 1000 (raise ChannelMeta.range)]`,
    );
    expect(() => writeFcs(oneChannel([1023], { range: 1000 }), { dataType: 'I' })).not.toThrow();
  });
});

describe('large files and chunks', () => {
  it('moves DATA offsets to TEXT when DATA ends past byte 99,999,999', () => {
    // 8 channels sharing one column, float64: 64 bytes per event; 1,600,000 events = 102,400,000
    // bytes of DATA. Only the HEADER + TEXT chunk is materialised.
    const events = 1_600_000;
    const col = new Float32Array(events);
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const table = createEventTable(
      names.map((name) => channelMeta({ name, range: 1 })),
      names.map(() => col),
    );
    const head = writeFcsChunks(table, { dataType: 'D' }).next().value as Uint8Array;
    expect(ascii(head, 26, 42)).toBe('       0       0');
    const textEnd = Number(ascii(head, 18, 26));
    expect(head.length).toBe(textEnd + 1);
    const pairs = new Map(textPairs(textOf(head)));
    expect(Number(pairs.get('$BEGINDATA'))).toBe(textEnd + 1);
    expect(Number(pairs.get('$ENDDATA'))).toBe(textEnd + 1 + events * 64 - 1);
  });

  it('yields the same bytes as writeFcs, chunk by chunk', () => {
    const n = 1000;
    const a = new Float32Array(n).map((_, i) => i * 3);
    const b = new Float64Array(n).map((_, i) => n - i);
    const table = createEventTable([channelMeta({ name: 'A' }), channelMeta({ name: 'B' })], [a, b]);
    for (const options of [{}, { byteOrder: 'big' as const }, { dataType: 'I' as const, bits: 32 as const }]) {
      const whole = writeFcs(table, { ...options, chunkEvents: 64 });
      const parts = [...writeFcsChunks(table, { ...options, chunkEvents: 300 })];
      expect(parts.length).toBe(1 + Math.ceil(n / 300));
      const joined = new Uint8Array(whole.length);
      let pos = 0;
      for (const p of parts) {
        joined.set(p, pos);
        pos += p.length;
      }
      expect(pos).toBe(whole.length);
      expect(joined).toEqual(whole);
    }
  });

  it('throws before yielding when a value does not fit', () => {
    expect(() => writeFcsChunks(oneChannel([-1]), { dataType: 'I' })).toThrow(RangeError);
  });
});
