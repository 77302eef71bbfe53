import { isTamkitError } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import { FcsKeywordError, FcsParseError, parseFcs } from '../src/index.js';
import type { FcsParseOptions } from '../src/index.js';
import { buildFcs, bytesOf, latin1Bytes, listModeKeywords } from './build-fcs.js';

// Two events × two 16-bit little-endian channels: (1, 2), (3, 4).
const DATA = bytesOf(1, 0, 2, 0, 3, 0, 4, 0);
const KW = listModeKeywords({ dataType: 'I', tot: 2, bits: [16, 16] });
const good = (): Uint8Array => buildFcs({ keywords: KW, data: DATA });

function caught(bytes: Uint8Array, options: FcsParseOptions = {}): { code: string; context: unknown; message: string; error: unknown } {
  try {
    parseFcs(bytes, { sourceName: 't.fcs', ...options });
  } catch (error) {
    if (!isTamkitError(error)) {
      throw error;
    }
    return { code: error.code, context: error.context, message: error.message, error };
  }
  throw new Error('expected parseFcs to throw');
}

function replaceKeyword(kw: ReadonlyArray<readonly [string, string]>, key: string, value: string | null): Array<readonly [string, string]> {
  const out = kw.filter(([k]) => k !== key);
  return value === null ? out : [...out, [key, value]];
}

describe('malformed input gives typed errors', () => {
  it('the reference file itself parses', () => {
    const ds = parseFcs(good()).datasets[0]!;
    expect(Array.from(ds.table.columns[0]!)).toEqual([1, 3]);
    expect(Array.from(ds.table.columns[1]!)).toEqual([2, 4]);
  });

  it('non-FCS bytes', () => {
    const e = caught(latin1Bytes('PK\u0003\u0004 this is a zip archive, not a cytometry file at all......'));
    expect(e.error).toBeInstanceOf(FcsParseError);
    expect(e.code).toBe('FCS_NOT_FCS');
    expect(e.context).toEqual({ file: 't.fcs', segment: 'HEADER', offset: 0 });
    expect(e.message).toMatchInlineSnapshot(`"t.fcs: not an FCS file: expected a 58-byte HEADER starting with 'FCS' at byte 0, found 'PK?? t'"`);
  });

  it('an FCS1.0 HEADER', () => {
    const e = caught(buildFcs({ keywords: KW, data: DATA, version: 'FCS1.0' }));
    expect(e.code).toBe('FCS_UNSUPPORTED_VERSION');
    expect(e.context).toEqual({ file: 't.fcs', segment: 'HEADER', offset: 0 });
    expect(e.message).toMatchInlineSnapshot(`"t.fcs: FCS version 'FCS1.0' is not supported, expected one of FCS2.0, FCS3.0, FCS3.1, FCS3.2"`);
  });

  it('a HEADER offset field that is not a number', () => {
    const e = caught(buildFcs({ keywords: KW, data: DATA, headerFields: (f) => ['5x', ...f.slice(1)] }));
    expect(e.code).toBe('FCS_BAD_HEADER');
    expect(e.context).toEqual({ file: 't.fcs', segment: 'HEADER', offset: 10 });
    expect(e.message).toMatchInlineSnapshot(`"t.fcs: HEADER offset field 1 is '      5x', expected a right-justified decimal number or blanks"`);
  });

  it('truncation at every segment boundary', () => {
    const full = good();
    const textEnd = full.length - DATA.length - 1;
    // Inside the HEADER: not an FCS file any more.
    for (const cut of [0, 3, 57]) {
      expect(caught(full.subarray(0, cut)).code).toBe('FCS_NOT_FCS');
    }
    // At the TEXT start: the TEXT offsets point past the end.
    const atText = caught(full.subarray(0, 58));
    expect(atText.code).toBe('FCS_OFFSET_OUT_OF_RANGE');
    expect(atText.context).toEqual({ file: 't.fcs', segment: 'TEXT', offset: 58 });
    // Inside TEXT and at its last byte: TEXT is cut.
    for (const cut of [59, textEnd]) {
      const e = caught(full.subarray(0, cut));
      expect(e.code).toBe('FCS_TRUNCATED');
      expect(e.context).toEqual({ file: 't.fcs', segment: 'TEXT', offset: cut });
    }
    // At the DATA start: the DATA begin is past the end.
    const atData = caught(full.subarray(0, textEnd + 1));
    expect(atData.code).toBe('FCS_OFFSET_OUT_OF_RANGE');
    expect(atData.context).toEqual({ file: 't.fcs', segment: 'DATA', offset: textEnd + 1 });
    // Inside DATA and one byte short of the end.
    for (const cut of [textEnd + 4, full.length - 1]) {
      const e = caught(full.subarray(0, cut));
      expect(e.code).toBe('FCS_TRUNCATED');
      expect(e.context).toEqual({ file: 't.fcs', segment: 'DATA', offset: cut });
    }
    expect(caught(full.subarray(0, full.length - 1)).message).toMatchInlineSnapshot(`"t.fcs: file ends at byte 239, inside DATA (2 events of 4 bytes from byte 232); pass allowDataSizeMismatch to read the 1 whole events present"`);
  });

  it('truncated DATA reads the whole events present with allowDataSizeMismatch', () => {
    const full = good();
    const fcs = parseFcs(full.subarray(0, full.length - 1), { allowDataSizeMismatch: true });
    const ds = fcs.datasets[0]!;
    expect(ds.eventCount).toBe(1);
    expect(Array.from(ds.table.columns[0]!)).toEqual([1]);
    expect(ds.warnings.map((w) => w.code)).toEqual(['FCS_TRUNCATED']);
  });

  it('a lying $TOT (more events than DATA holds, and an absurd count)', () => {
    for (const tot of ['3', '999999999999']) {
      const bytes = buildFcs({ keywords: replaceKeyword(KW, '$TOT', tot), data: DATA });
      const e = caught(bytes);
      expect(e.code).toBe('FCS_DATA_SIZE_MISMATCH');
      expect(e.context).toEqual({ file: 't.fcs', segment: 'DATA', offset: bytes.length - DATA.length });
    }
    // Delimited ASCII has no fixed event size: $TOT × $PAR is bounded by the segment length instead.
    const ascii = buildFcs({ keywords: listModeKeywords({ dataType: 'A', tot: 999999999999, bits: ['*', '*'] }), data: latin1Bytes('1 2 3 4') });
    const a = caught(ascii, { subsample: { count: 10, seed: 1 } });
    expect(a.code).toBe('FCS_DATA_SIZE_MISMATCH');
    expect(a.context).toEqual({ file: 't.fcs', segment: 'DATA', offset: ascii.length - 7 });
    expect(a.message).toMatchInlineSnapshot(`"t.fcs: delimited ASCII DATA of 7 bytes cannot hold $TOT 999999999999 × $PAR 2 values; pass allowDataSizeMismatch to read the whole events present"`);
    expect(caught(buildFcs({ keywords: replaceKeyword(KW, '$TOT', '3'), data: DATA })).message).toMatchInlineSnapshot(`"t.fcs: DATA segment holds 8 bytes, expected $TOT 3 × 4 bytes per event = 12; pass allowDataSizeMismatch to read the whole events present"`);
  });

  it('a lying $PAR', () => {
    const big = caught(buildFcs({ keywords: replaceKeyword(KW, '$PAR', '100000000'), data: DATA }));
    expect(big.error).toBeInstanceOf(FcsKeywordError);
    expect(big.code).toBe('FCS_BAD_KEYWORD_VALUE');
    expect(big.context).toEqual({ file: 't.fcs', keyword: '$PAR', value: '100000000' });
    expect(big.message).toMatchInlineSnapshot(`"t.fcs: $PAR is '100000000', expected a parameter count of at most 16 (the number of keywords)"`);
    const three = caught(buildFcs({ keywords: replaceKeyword(KW, '$PAR', '3'), data: DATA }));
    expect(three.code).toBe('FCS_MISSING_KEYWORD');
    expect(three.context).toEqual({ file: 't.fcs', keyword: '$P3B' });
    expect(three.message).toMatchInlineSnapshot(`"t.fcs: required keyword $P3B is missing"`);
  });

  it('a lying $PnB', () => {
    const e = caught(buildFcs({ keywords: replaceKeyword(KW, '$P2B', '32'), data: DATA }));
    expect(e.code).toBe('FCS_DATA_SIZE_MISMATCH');
    expect(e.message).toMatchInlineSnapshot(`"t.fcs: DATA segment holds 8 bytes, expected $TOT 2 × 6 bytes per event = 12; pass allowDataSizeMismatch to read the whole events present"`);
    const f = caught(buildFcs({ keywords: replaceKeyword(KW, '$P2B', '12x'), data: DATA }));
    expect(f.code).toBe('FCS_BAD_KEYWORD_VALUE');
    expect(f.context).toEqual({ file: 't.fcs', keyword: '$P2B', value: '12x' });
    const w = caught(buildFcs({ keywords: replaceKeyword(KW, '$P2B', '20'), data: DATA }));
    expect(w.code).toBe('FCS_UNSUPPORTED_WIDTH');
    expect(w.context).toEqual({ file: 't.fcs', segment: 'TEXT', offset: 58, keyword: '$P2B' });
  });

  it('offsets past the end of the file', () => {
    const size = good().length;
    const data = caught(
      buildFcs({
        keywords: KW,
        data: DATA,
        headerFields: (f) => [f[0]!, f[1]!, '90000', '90007', '0', '0'],
        textDataOffsets: () => [90000, 90007],
      }),
    );
    expect(data.code).toBe('FCS_OFFSET_OUT_OF_RANGE');
    expect(data.context).toEqual({ file: 't.fcs', segment: 'DATA', offset: 90000 });
    expect(data.message).toMatchInlineSnapshot(`"t.fcs: DATA segment [90000, 90007] lies outside the file (240 bytes, data set at 0)"`);
    const text = caught(buildFcs({ keywords: KW, data: DATA, headerFields: (f) => ['70000', '70100', ...f.slice(2)] }));
    expect(text.code).toBe('FCS_OFFSET_OUT_OF_RANGE');
    expect(text.context).toEqual({ file: 't.fcs', segment: 'TEXT', offset: 70000 });
    expect(size).toBeLessThan(70000);
  });

  it('HEADER and TEXT DATA offsets that disagree with neither fitting', () => {
    const e = caught(
      buildFcs({ keywords: KW, data: DATA, headerFields: (f) => [f[0]!, f[1]!, '60', '67', '0', '0'], textDataOffsets: (b, end) => [b + 1, end + 3] }),
    );
    expect(e.code).toBe('FCS_OFFSET_DISCREPANCY');
    expect(e.message).toMatchInlineSnapshot(`"t.fcs: DATA offsets [60, 67] (HEADER) differ from [233, 242] ($BEGINDATA/$ENDDATA) and neither fits (HEADER [60, 67] overlaps TEXT [58, 231]; TEXT [233, 242] needs 8 bytes but the file ends at 240); pass preferHeaderOffsets or ignoreOffsetDiscrepancy to choose one"`);
  });

  it('$NEXTDATA pointing back to the first data set, and to an earlier one', () => {
    const first = buildFcs({ keywords: replaceKeyword(KW, '$NEXTDATA', null), data: DATA });
    const chain = (nexts: string[]): Uint8Array => {
      // Data sets of equal length laid end to end; each $NEXTDATA is relative to its own HEADER.
      const parts = nexts.map((n) => buildFcs({ keywords: [...replaceKeyword(KW, '$NEXTDATA', null), ['$NEXTDATA', n.padStart(8, ' ')]], data: DATA }));
      const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
      parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
      return out;
    };
    const len = buildFcs({ keywords: [...replaceKeyword(KW, '$NEXTDATA', null), ['$NEXTDATA', '00000000']], data: DATA }).length;
    expect(first.length).toBeLessThan(len);
    const back = caught(chain([String(len), String(-len)]));
    expect(back.code).toBe('FCS_NEXTDATA_LOOP');
    expect(back.context).toEqual({ file: 't.fcs', segment: 'HEADER', offset: 0, keyword: '$NEXTDATA' });
    expect(back.message).toMatchInlineSnapshot(`"t.fcs: $NEXTDATA of the data set at byte 247 points to byte 0, expected a later data set (forward only); pass ignoreBadNextData to stop there"`);
    const loop = caught(chain([String(len), String(len), String(-len)]));
    expect(loop.code).toBe('FCS_NEXTDATA_LOOP');
    expect(loop.context).toEqual({ file: 't.fcs', segment: 'HEADER', offset: len, keyword: '$NEXTDATA' });
    const ok = parseFcs(chain([String(len), String(len), String(-len)]), { ignoreBadNextData: true });
    expect(ok.datasets.length).toBe(3);
    expect(ok.warnings.map((w) => w.code)).toEqual(['FCS_NEXTDATA_LOOP']);
    const past = caught(chain([String(len * 5)]));
    expect(past.code).toBe('FCS_OFFSET_OUT_OF_RANGE');
    expect(past.context).toEqual({ file: 't.fcs', segment: 'HEADER', offset: len * 5, keyword: '$NEXTDATA' });
  });

  it('missing required keywords', () => {
    for (const key of ['$DATATYPE', '$BYTEORD', '$PAR', '$TOT', '$P1B', '$MODE']) {
      const e = caught(buildFcs({ keywords: replaceKeyword(KW, key, null), data: DATA }));
      expect(e.error).toBeInstanceOf(FcsKeywordError);
      expect(e.code).toBe('FCS_MISSING_KEYWORD');
      expect(e.context).toEqual({ file: 't.fcs', keyword: key });
    }
    expect(caught(buildFcs({ keywords: replaceKeyword(KW, '$TOT', null), data: DATA })).message).toMatchInlineSnapshot(`"t.fcs: required keyword $TOT is missing"`);
  });

  it('$MODE C (correlated histograms) is not list mode', () => {
    const e = caught(buildFcs({ keywords: replaceKeyword(KW, '$MODE', 'C'), data: DATA }));
    expect(e.code).toBe('FCS_UNSUPPORTED_MODE');
    expect(e.context).toEqual({ file: 't.fcs', segment: 'TEXT', offset: 58, keyword: '$MODE' });
    expect(e.message).toMatchInlineSnapshot(`"t.fcs: $MODE is 'C', only list mode (L) is supported"`);
  });

  it('unsupported $DATATYPE and $BYTEORD', () => {
    const dt = caught(buildFcs({ keywords: replaceKeyword(KW, '$DATATYPE', 'X'), data: DATA }));
    expect(dt.code).toBe('FCS_UNSUPPORTED_DATATYPE');
    expect(dt.context).toEqual({ file: 't.fcs', segment: 'TEXT', offset: 58, keyword: '$DATATYPE' });
    const bo = caught(buildFcs({ keywords: replaceKeyword(KW, '$BYTEORD', '1,1,2,3'), data: DATA }));
    expect(bo.code).toBe('FCS_UNSUPPORTED_BYTEORD');
    expect(bo.message).toMatchInlineSnapshot(`"t.fcs: $BYTEORD is '1,1,2,3', expected a permutation of 1..n (n = 1, 2, 4 or 8) such as 1,2,3,4 or 4,3,2,1"`);
    // A 4-byte permutation that is neither ascending nor descending cannot order 2-byte values.
    const odd = caught(buildFcs({ keywords: replaceKeyword(KW, '$BYTEORD', '3,4,1,2'), data: DATA }));
    expect(odd.code).toBe('FCS_UNSUPPORTED_BYTEORD');
  });

  it('a TEXT segment without pairs, and an ASCII value that is not a number', () => {
    const empty = caught(buildFcs({ keywords: KW, data: DATA, rawText: latin1Bytes('/   ') }));
    expect(empty.code).toBe('FCS_BAD_TEXT');
    expect(empty.context).toEqual({ file: 't.fcs', segment: 'TEXT', offset: 58 });
    const ascii = caught(
      buildFcs({ keywords: listModeKeywords({ dataType: 'A', tot: 1, bits: [3, 3] }), data: latin1Bytes(' 12abc') }),
    );
    expect(ascii.code).toBe('FCS_BAD_ASCII_VALUE');
    expect(ascii.message).toMatchInlineSnapshot(`"t.fcs: ASCII DATA value 'abc' at byte 233 is not a number"`);
  });

  it('a data set index that does not exist', () => {
    const e = caught(good(), { dataset: 1 });
    expect(e.code).toBe('FCS_DATASET_NOT_FOUND');
    expect(e.context).toEqual({ file: 't.fcs', segment: 'HEADER', offset: 0 });
  });

  it('bad options are programmer errors', () => {
    expect(() => parseFcs(good(), { dataset: -1 })).toThrow(RangeError);
    expect(() => parseFcs(good(), { bitMask: 'maybe' as 'apply' })).toThrow(TypeError);
    expect(() => parseFcs(good(), { subsample: { count: 1.5, seed: 1 } })).toThrow(RangeError);
  });
});
