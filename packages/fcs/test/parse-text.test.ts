import { describe, expect, it } from 'vitest';
import { parseFcs } from '../src/index.js';
import { parseTextSegment } from '../src/parse-text.js';
import { buildFcs, float32le, latin1Bytes, listModeKeywords } from './build-fcs.js';

const pairs = (text: string): Array<[string, string]> =>
  parseTextSegment(latin1Bytes(text)).pairs.map(([k, v]) => [k, v]);

// Expected pairs follow the corpus README's TEXT convention, rules 1-6, applied by hand.
describe('TEXT segment parsing', () => {
  it('uses the first byte as the delimiter, whatever it is', () => {
    expect(pairs('/A/1/B/2/')).toEqual([['A', '1'], ['B', '2']]);
    expect(pairs('\fA\f1\fB\f2\f')).toEqual([['A', '1'], ['B', '2']]);
    expect(pairs('|A|1|')).toEqual([['A', '1']]);
  });

  it('reads a doubled delimiter inside a value as one literal delimiter (rule 5)', () => {
    expect(pairs('/$P3F/488//10/$X/a//b//c/')).toEqual([['$P3F', '488/10'], ['$X', 'a/b/c']]);
  });

  it('reads a delimiter at the start of a value as an empty value (rule 4)', () => {
    expect(pairs('/$INST//$EXP/x/')).toEqual([['$INST', ''], ['$EXP', 'x']]);
  });

  it('ends the value at a doubled delimiter that ends the TEXT (rule 5 exception)', () => {
    expect(pairs('/A/1/B/2//')).toEqual([['A', '1'], ['B', '2']]);
  });

  it('drops space/NUL padding after the last delimiter and keeps an unterminated final value (rule 2)', () => {
    expect(pairs('/A/1/B/2/     \0\0')).toEqual([['A', '1'], ['B', '2']]);
    const t = parseTextSegment(latin1Bytes('/A/1/B/20200722      '));
    expect(t.pairs).toEqual([['A', '1'], ['B', '20200722      ']]);
    expect(t.unterminated).toBe(true);
  });

  it('skips extra delimiters where a keyword should start (rule 6)', () => {
    // '/A//' is A with an empty value (rule 4), so the third '/' stands where a keyword should start.
    expect(pairs('/A///B/2/')).toEqual([['A', ''], ['B', '2']]);
    expect(pairs('///A/1/')).toEqual([['A', '1']]);
    // Inside a non-empty value the doubled delimiter is literal instead (rule 5).
    expect(pairs('/A/1///B/2/')).toEqual([['A', '1/'], ['B', '2']]);
  });

  it('keeps whitespace around keywords and values in the pairs, trimmed in the keyword map', () => {
    expect(pairs('/ $DATATYPE /F /')).toEqual([[' $DATATYPE ', 'F ']]);
  });

  it('decodes bytes as Latin-1, byte for byte', () => {
    // 0xB5 is µ (U+00B5) and 0x80 stays U+0080 (not the windows-1252 euro sign).
    const t = parseTextSegment(Uint8Array.from([0x2f, 0x55, 0x2f, 0xb5, 0x80, 0x2f]));
    expect(t.pairs).toEqual([['U', '\u00b5\u0080']]);
  });

  it('reports a keyword left without a value', () => {
    expect(parseTextSegment(latin1Bytes('/A/1/B/')).danglingKey).toBe('B');
  });
});

describe('keywords of a parsed file', () => {
  it('are trimmed and upper-cased, values verbatim, with warnings for the tolerated quirks', () => {
    const kw = listModeKeywords({ dataType: 'F', tot: 1, bits: [32], extra: [[' $fil ', 'a/b.fcs'], ['$INST', ''], ['$P1S', 'CD206 ']] });
    const ds = parseFcs(buildFcs({ keywords: kw, data: float32le(1) })).datasets[0]!;
    expect(ds.keywords.$FIL).toBe('a/b.fcs');
    expect(ds.keywords.$INST).toBe('');
    expect(ds.keywords.$P1S).toBe('CD206 ');
    expect(ds.table.channels[0]!.label).toBe('CD206');
    expect(ds.warnings.map((w) => w.code)).toEqual(['FCS_KEYWORD_WHITESPACE']);
  });
});

describe('character encoding of keyword values', () => {
  // 'ü' is C3 BC in UTF-8 and FC in Latin-1.
  // buildFcs writes each character's low byte, so a Latin-1 string gives exactly those bytes.
  const withBytes = (version: string, value: number[]): string => {
    const kw = listModeKeywords({ dataType: 'F', tot: 1, bits: [32], extra: [['$OP', String.fromCharCode(...value)]] });
    return parseFcs(buildFcs({ version, keywords: kw, data: float32le(1) })).datasets[0]!.keywords.$OP!;
  };

  it('FCS 3.1 TEXT is read as UTF-8 (§3.2.9), FCS 3.0 TEXT as Latin-1', () => {
    expect(withBytes('FCS3.1', [0xc3, 0xbc])).toBe('ü');
    expect(withBytes('FCS3.0', [0xc3, 0xbc])).toBe('\u00c3\u00bc');
    // Bytes that are not valid UTF-8 stay Latin-1 in a 3.1 file.
    expect(withBytes('FCS3.1', [0xfc])).toBe('ü');
  });
});
