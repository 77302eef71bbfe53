import { FcsParseError, filePrefix } from './errors.js';
import type { FcsSegment, FcsVersion } from './types.js';

/** Size of the fixed part of an FCS HEADER (FCS 3.1 §3.1). */
export const HEADER_SIZE = 58;

/** The decoded HEADER of one data set; offsets relative to the data set start, null where blank/zero. */
export interface FcsHeader {
  readonly version: FcsVersion;
  readonly text: FcsSegment;
  readonly data: FcsSegment | null;
  readonly analysis: FcsSegment | null;
}

const VERSIONS: readonly FcsVersion[] = ['FCS2.0', 'FCS3.0', 'FCS3.1', 'FCS3.2'];

function field(bytes: Uint8Array, at: number): number | null | 'bad' {
  let s = '';
  for (let i = at; i < at + 8; i++) {
    s += String.fromCharCode(bytes[i]!);
  }
  const t = s.trim();
  if (t === '') {
    return null;
  }
  return /^\d+$/.test(t) ? Number(t) : 'bad';
}

function pair(a: number | null, b: number | null): FcsSegment | null {
  if (a === null || b === null || (a === 0 && b === 0)) {
    return null;
  }
  return [a, b];
}

/**
 * Decodes the 58-byte HEADER: version (bytes 0-5), then six right-justified ASCII offsets (TEXT,
 * DATA, ANALYSIS begin/end). Blank fields (files over 99,999,999 bytes) and 0/0 pairs give null.
 *
 * @throws {FcsParseError} `FCS_NOT_FCS` (no 'FCS' magic or too short), `FCS_UNSUPPORTED_VERSION`,
 *   `FCS_BAD_HEADER` (an offset field that is not a number, or no TEXT offsets).
 */
export function parseHeader(bytes: Uint8Array, datasetOffset: number, file?: string): FcsHeader {
  const p = filePrefix(file);
  const ctx = { ...(file === undefined ? {} : { file }), segment: 'HEADER' as const, offset: datasetOffset };
  const magic = String.fromCharCode(...bytes.subarray(0, Math.min(6, bytes.length)));
  if (bytes.length < HEADER_SIZE || !magic.startsWith('FCS')) {
    const found = bytes.length < HEADER_SIZE ? `${bytes.length} bytes` : `'${magic.replace(/[^\x20-\x7e]/g, '?')}'`;
    throw new FcsParseError(
      'FCS_NOT_FCS',
      `${p}not an FCS file: expected a 58-byte HEADER starting with 'FCS' at byte ${datasetOffset}, found ${found}`,
      ctx,
    );
  }
  const version = VERSIONS.find((v) => v === magic);
  if (version === undefined) {
    throw new FcsParseError(
      'FCS_UNSUPPORTED_VERSION',
      `${p}FCS version '${magic.replace(/[^\x20-\x7e]/g, '?')}' is not supported, expected one of ${VERSIONS.join(', ')}`,
      ctx,
    );
  }
  const f: Array<number | null> = [];
  for (let i = 0; i < 6; i++) {
    const v = field(bytes, 10 + 8 * i);
    if (v === 'bad') {
      const text = String.fromCharCode(...bytes.subarray(10 + 8 * i, 18 + 8 * i)).replace(/[^\x20-\x7e]/g, '?');
      throw new FcsParseError(
        'FCS_BAD_HEADER',
        `${p}HEADER offset field ${i + 1} is '${text}', expected a right-justified decimal number or blanks`,
        { ...ctx, offset: datasetOffset + 10 + 8 * i },
      );
    }
    f.push(v);
  }
  const text = pair(f[0]!, f[1]!);
  if (text === null) {
    throw new FcsParseError('FCS_BAD_HEADER', `${p}HEADER has no TEXT segment offsets`, { ...ctx, offset: datasetOffset + 10 });
  }
  return { version, text, data: pair(f[2]!, f[3]!), analysis: pair(f[4]!, f[5]!) };
}
