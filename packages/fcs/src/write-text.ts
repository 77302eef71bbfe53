import type { EventTable } from '@tamkit/core';
import type { SpilloverMatrix } from './types.js';
import type { ResolvedFcsWriteOptions } from './write-options.js';

/** One TEXT keyword/value pair, unescaped. */
export type KeywordPair = readonly [keyword: string, value: string];

/** Keywords the writer derives itself; callers may not pass them in `keywords`. */
const WRITER_KEYWORDS = new Set([
  '$BEGINANALYSIS',
  '$ENDANALYSIS',
  '$BEGINSTEXT',
  '$ENDSTEXT',
  '$BEGINDATA',
  '$ENDDATA',
  '$BYTEORD',
  '$DATATYPE',
  '$MODE',
  '$NEXTDATA',
  '$PAR',
  '$TOT',
]);
const WRITER_PARAMETER_KEYWORD = /^\$P\d+[NSBERG]$/;

/**
 * The TEXT keywords of a data set in writing order, with the data offsets given. FCS 3.1 §3.2.18
 * lists the required ones; `$PnS`, `$PnG`, the spillover keyword and `options.keywords` follow.
 *
 * @throws {TypeError} on an empty value, a value starting with the delimiter (it would read as an
 * escaped delimiter), a keyword containing the delimiter or the writer derives itself, a value
 * outside Latin-1 for versions 2.0/3.0, a channel name with a comma, a
 * spillover naming an unknown channel.
 * @throws {RangeError} on a log amplification ($PnE f1 > 0) with float data, or a non-positive gain.
 */
export function buildKeywords(
  table: EventTable,
  opts: ResolvedFcsWriteOptions,
  ranges: readonly number[],
  dataOffsets: readonly [begin: number, end: number],
): KeywordPair[] {
  const pairs: KeywordPair[] = [];
  if (opts.version !== '2.0') {
    pairs.push(
      ['$BEGINANALYSIS', '0'],
      ['$ENDANALYSIS', '0'],
      ['$BEGINSTEXT', '0'],
      ['$ENDSTEXT', '0'],
      ['$BEGINDATA', String(dataOffsets[0])],
      ['$ENDDATA', String(dataOffsets[1])],
    );
  }
  pairs.push(
    ['$BYTEORD', opts.byteOrder === 'little' ? '1,2,3,4' : '4,3,2,1'],
    ['$DATATYPE', opts.dataType],
    ['$MODE', 'L'],
    ['$NEXTDATA', '0'],
    ['$PAR', String(table.channels.length)],
    ['$TOT', String(table.eventCount)],
  );
  table.channels.forEach((ch, c) => {
    const p = `$P${c + 1}`;
    if (ch.name.includes(',')) {
      throw new TypeError(`channel ${c} name '${ch.name}' contains a comma, which $PnN forbids`);
    }
    pairs.push([`${p}N`, ch.name]);
    if (ch.label !== '') {
      pairs.push([`${p}S`, ch.label]);
    }
    pairs.push([`${p}B`, String(opts.bits[c]!)]);
    if (opts.dataType !== 'I' && ch.logDecades !== 0) {
      throw new RangeError(
        `channel ${c} (${ch.name}): logDecades ${ch.logDecades} needs dataType 'I'; FCS 3.1 requires $PnE 0,0 for float data`,
      );
    }
    pairs.push([`${p}E`, `${formatNumber(ch.logDecades)},${formatNumber(ch.logZero)}`]);
    pairs.push([`${p}R`, formatNumber(ranges[c]!)]);
    if (ch.gain !== 1) {
      if (!(ch.gain > 0 && Number.isFinite(ch.gain))) {
        throw new RangeError(`channel ${c} (${ch.name}): gain must be positive, got ${ch.gain}`);
      }
      pairs.push([`${p}G`, formatNumber(ch.gain)]);
    }
  });
  const extra = Object.entries(opts.keywords);
  const spillKeyword = opts.version === '3.1' ? '$SPILLOVER' : 'SPILL';
  if (opts.spillover !== null) {
    pairs.push([spillKeyword, formatSpillover(opts.spillover, table)]);
  }
  const seen = new Set(pairs.map(([k]) => k));
  for (const [key, value] of extra) {
    const upper = key.toUpperCase();
    if (WRITER_KEYWORDS.has(upper) || WRITER_PARAMETER_KEYWORD.test(upper)) {
      throw new TypeError(`keyword '${key}' is written by writeFcs from the table; remove it from keywords`);
    }
    if (seen.has(upper)) {
      throw new TypeError(`keyword '${key}' appears twice (keywords are case-insensitive)`);
    }
    seen.add(upper);
    pairs.push([key, value]);
  }
  for (const [key, value] of pairs) {
    checkKeyword(key, opts.delimiter);
    checkValue(key, value, opts.delimiter, opts.version !== '3.1');
  }
  return pairs;
}

function checkKeyword(key: string, delimiter: string): void {
  // FCS 3.1 §3.2.7: keywords are printable ASCII (readers trim and upper-case them).
  if (!/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(key)) {
    throw new TypeError(
      `keyword '${key}' must be non-empty printable ASCII without leading or trailing spaces`,
    );
  }
  if (key.includes(delimiter)) {
    // The delimiter may be escaped in keywords too, but common readers end a keyword at the first
    // delimiter, so writing one would make the file unreadable to them.
    throw new TypeError(`keyword '${key}' contains the delimiter '${delimiter}'`);
  }
}

function checkValue(key: string, value: string, delimiter: string, latin1: boolean): void {
  if (typeof value !== 'string' || value === '') {
    // FCS 3.1 §3.2.7: zero-length values are not allowed (two delimiters read as an escape).
    throw new TypeError(`keyword '${key}' has an empty value, which FCS forbids`);
  }
  if (latin1 && [...value].some((ch) => ch.charCodeAt(0) > 0xff)) {
    throw new TypeError(
      `keyword '${key}' value has characters outside Latin-1, which FCS 2.0/3.0 TEXT cannot hold; use version '3.1' (UTF-8)`,
    );
  }
  if (value.startsWith(delimiter)) {
    throw new TypeError(
      `keyword '${key}' value starts with the delimiter '${delimiter}', which reads as an escaped delimiter`,
    );
  }
}

/**
 * Joins keyword pairs into TEXT: the delimiter, then `keyword delimiter value delimiter` per pair,
 * a delimiter inside a value doubled (FCS 3.1 §3.2.9).
 */
export function formatText(pairs: readonly KeywordPair[], delimiter: string): string {
  const escaped = delimiter + delimiter;
  let text = delimiter;
  for (const [key, value] of pairs) {
    text += key + delimiter + value.split(delimiter).join(escaped) + delimiter;
  }
  return text;
}

/**
 * TEXT bytes: UTF-8 for FCS 3.1 (§3.2.9: keyword values are UTF-8), Latin-1 for 2.0 and 3.0, which
 * define no encoding beyond ASCII (values were checked to fit).
 */
export function encodeText(text: string, version: string): Uint8Array<ArrayBuffer> {
  if (version === '3.1') {
    return new TextEncoder().encode(text);
  }
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    out[i] = text.charCodeAt(i);
  }
  return out;
}

/**
 * `$SPILLOVER` text: `n,detector1,...,detectorN,v11,v12,...` row-major (FCS 3.1 §3.2.20), each value
 * in the shortest form that parses back to the same float64 (`String(x)` in JavaScript).
 * @throws {TypeError} on a detector that is not a channel name or contains a comma, a value count
 * other than n × n, or a non-finite value.
 */
export function formatSpillover(spill: SpilloverMatrix, table: EventTable): string {
  const n = spill.detectors.length;
  if (spill.values.length !== n * n) {
    throw new TypeError(`spillover has ${spill.values.length} values for ${n} detectors, expected ${n * n}`);
  }
  for (const d of spill.detectors) {
    if (d.includes(',') || !table.channels.some((ch) => ch.name === d)) {
      throw new TypeError(`spillover detector '${d}' is not a channel name of the table`);
    }
  }
  const values: string[] = [];
  for (let i = 0; i < spill.values.length; i++) {
    const v = spill.values[i]!;
    if (!Number.isFinite(v)) {
      throw new TypeError(`spillover value ${i} is ${v}`);
    }
    values.push(formatNumber(v));
  }
  return [String(n), ...spill.detectors, ...values].join(',');
}

/** Shortest text that parses back to the same float64 (`-0` written as `0`). */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}
