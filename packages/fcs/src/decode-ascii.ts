import type { Column } from '@tamkit/core';
import type { DataLayout } from './data-layout.js';
import { FcsParseError, filePrefix } from './errors.js';
import { parseNumber } from './keywords.js';
import { latin1 } from './parse-text.js';

function isSeparator(b: number): boolean {
  // FCS 3.1 §3.4: ASCII values with $PnB '*' are separated by space, tab, comma, CR or LF.
  return b === 0x20 || b === 0x09 || b === 0x2c || b === 0x0d || b === 0x0a;
}

/**
 * Decodes $DATATYPE A: fixed-width values ($PnB characters each) or, when every $PnB is '*',
 * separator-delimited values. `rows` (ascending event positions) selects a subsample.
 *
 * @throws {FcsParseError} `FCS_BAD_ASCII_VALUE` for text that is not a number,
 *   `FCS_DATA_SIZE_MISMATCH` when delimited values do not fill $TOT events (unless `lenient`).
 */
export function decodeAscii(
  bytes: Uint8Array,
  begin: number,
  layout: DataLayout,
  eventCount: number,
  rows: Uint32Array | null,
  file: string | undefined,
  lenient: boolean,
): { columns: Column[]; eventCount: number } {
  const p = layout.channels.length;
  const bad = (at: number, text: string): FcsParseError =>
    new FcsParseError(
      'FCS_BAD_ASCII_VALUE',
      `${filePrefix(file)}ASCII DATA value '${text.slice(0, 40)}' at byte ${begin + at} is not a number`,
      { ...(file === undefined ? {} : { file }), segment: 'DATA', offset: begin + at },
    );
  if (layout.eventWidth > 0) {
    const n = rows === null ? eventCount : rows.length;
    const columns: Column[] = layout.channels.map(() => new Float64Array(n));
    for (let r = 0; r < n; r++) {
      const e = rows === null ? r : rows[r]!;
      layout.channels.forEach((ch, c) => {
        const at = e * layout.eventWidth + ch.offset;
        const text = latin1(bytes, at, at + ch.width);
        const v = parseNumber(text);
        if (v === undefined) {
          throw bad(at, text);
        }
        columns[c]![r] = v;
      });
    }
    return { columns, eventCount: n };
  }
  // Delimited: collect value boundaries first, then check the count before allocating.
  let values = 0;
  let i = 0;
  const len = bytes.length;
  while (i < len) {
    while (i < len && isSeparator(bytes[i]!)) {
      i++;
    }
    if (i >= len) {
      break;
    }
    values++;
    while (i < len && !isSeparator(bytes[i]!)) {
      i++;
    }
  }
  let events = eventCount;
  if (p === 0 || values !== eventCount * p) {
    if (!lenient || p === 0) {
      throw new FcsParseError(
        'FCS_DATA_SIZE_MISMATCH',
        `${filePrefix(file)}delimited ASCII DATA holds ${values} values, expected ${eventCount * p} ($TOT ${eventCount} × $PAR ${p}); pass allowDataSizeMismatch to read the whole events present`,
        { ...(file === undefined ? {} : { file }), segment: 'DATA', offset: begin },
      );
    }
    events = Math.min(eventCount, Math.floor(values / p));
  }
  const want = rows === null ? null : rows.filter((r) => r < events);
  const n = want === null ? events : want.length;
  const columns: Column[] = layout.channels.map(() => new Float64Array(n));
  let k = 0;
  let row = 0;
  i = 0;
  while (i < len && row < n) {
    while (i < len && isSeparator(bytes[i]!)) {
      i++;
    }
    const start = i;
    while (i < len && !isSeparator(bytes[i]!)) {
      i++;
    }
    const e = Math.floor(k / p);
    const c = k % p;
    k++;
    if (want !== null && want[row] !== e) {
      continue;
    }
    const text = latin1(bytes, start, i);
    const v = parseNumber(text);
    if (v === undefined) {
      throw bad(start, text);
    }
    columns[c]![row] = v;
    if (c === p - 1) {
      row++;
    }
  }
  return { columns, eventCount: n };
}
