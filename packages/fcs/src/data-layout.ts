import type { TamkitWarning } from '@tamkit/core';
import { FcsParseError, filePrefix } from './errors.js';
import { badValue, getKeyword, parseCount, parseNumber, requireKeyword } from './keywords.js';
import type { FcsDataType, FcsKeywords, FcsParameter, FcsVersion } from './types.js';

/** How one parameter's values are stored in an event. */
export interface ChannelLayout {
  /** Byte offset inside the event (binary), or character offset (fixed-width ASCII). */
  readonly offset: number;
  /** Bytes (binary) or characters (fixed ASCII) per value; 0 for delimited ASCII. */
  readonly width: number;
  /** Mask for integer values (applied unless bitMask 'ignore'), or null. */
  readonly mask: number | null;
  /** True when the column is Float64Array. */
  readonly wide: boolean;
  /** How the value is stored: $PnDATATYPE (FCS 3.2) when present, else $DATATYPE. */
  readonly type: FcsDataType;
}

/** The decoded DATA layout of a data set. */
export interface DataLayout {
  readonly dataType: FcsDataType;
  readonly byteOrder: string;
  /** byteRank[i] = significance (0 = least) of the i-th stored byte; null for ASCII. */
  readonly byteRank: readonly number[] | null;
  readonly parameters: readonly FcsParameter[];
  readonly channels: readonly ChannelLayout[];
  /** Bytes per event; 0 for delimited ASCII. */
  readonly eventWidth: number;
  /** $TOT, or null when an FCS 2.0 file omits it (then derived from the DATA length). */
  readonly eventCount: number | null;
  /** Tolerated keyword problems (`FCS_BAD_PARAMETER_KEYWORD`). */
  readonly warnings: TamkitWarning[];
}

/** Smallest power of two >= r (1 for r <= 1). */
export function nextPow2(r: number): number {
  let p = 1;
  while (p < r) {
    p *= 2;
  }
  return p;
}

function parseByteOrder(raw: string, textOffset: number, file?: string): number[] {
  const parts = raw.split(',').map((s) => parseCount(s));
  const k = parts.length;
  const ok =
    (k === 1 || k === 2 || k === 4 || k === 8) &&
    parts.every((v) => v !== undefined && v >= 1 && v <= k) &&
    new Set(parts).size === k;
  if (!ok) {
    throw new FcsParseError(
      'FCS_UNSUPPORTED_BYTEORD',
      `${filePrefix(file)}$BYTEORD is '${raw}', expected a permutation of 1..n (n = 1, 2, 4 or 8) such as 1,2,3,4 or 4,3,2,1`,
      { ...(file === undefined ? {} : { file }), segment: 'TEXT', offset: textOffset, keyword: '$BYTEORD' },
    );
  }
  return parts.map((v) => v! - 1);
}

/**
 * Byte significance for a value of `width` bytes: ascending orders mean little-endian and
 * descending big-endian at any width; other permutations apply only at their own width.
 */
export function ranksForWidth(rank: readonly number[], width: number): number[] | null {
  if (rank.length === width) {
    return rank.slice();
  }
  const asc = rank.every((r, i) => r === i);
  const desc = rank.every((r, i) => r === rank.length - 1 - i);
  if (asc) {
    return Array.from({ length: width }, (_, i) => i);
  }
  if (desc) {
    return Array.from({ length: width }, (_, i) => width - 1 - i);
  }
  return null;
}

/**
 * Reads $MODE, $DATATYPE, $BYTEORD, $PAR, $TOT and every $PnB/$PnN/$PnS/$PnR/$PnE/$PnG into a
 * layout, checking them before anything is allocated. `textOffset` (absolute TEXT start) goes into
 * error contexts. Integer widths: 8, 16, 24, 32, 40, 48, 56, 64
 * bits in as many bytes; other widths up to 16 bits (e.g. 10) are stored in 16-bit words. FCS 3.2's
 * `$PnDATATYPE` (I, F or D) overrides `$DATATYPE` for parameter n (binary data only).
 *
 * @throws {FcsParseError} `FCS_UNSUPPORTED_MODE`, `FCS_UNSUPPORTED_DATATYPE`, `FCS_UNSUPPORTED_BYTEORD`,
 *   `FCS_UNSUPPORTED_WIDTH`.
 * @throws {FcsKeywordError} `FCS_MISSING_KEYWORD`, `FCS_BAD_KEYWORD_VALUE`.
 */
export function readDataLayout(
  keywords: FcsKeywords,
  version: FcsVersion,
  keywordCount: number,
  textOffset: number,
  file?: string,
): DataLayout {
  const p = filePrefix(file);
  const ctx = (keyword: string): { segment: 'TEXT'; offset: number; keyword: string; file?: string } => ({
    ...(file === undefined ? {} : { file }),
    segment: 'TEXT',
    offset: textOffset,
    keyword,
  });
  const mode = getKeyword(keywords, '$MODE') ?? (version === 'FCS3.2' ? 'L' : requireKeyword(keywords, '$MODE', file));
  if (mode.toUpperCase() !== 'L') {
    throw new FcsParseError(
      'FCS_UNSUPPORTED_MODE',
      `${p}$MODE is '${mode}', only list mode (L) is supported`,
      ctx('$MODE'),
    );
  }
  const dt = requireKeyword(keywords, '$DATATYPE', file).toUpperCase();
  if (dt !== 'I' && dt !== 'F' && dt !== 'D' && dt !== 'A') {
    throw new FcsParseError(
      'FCS_UNSUPPORTED_DATATYPE',
      `${p}$DATATYPE is '${dt}', expected I, F, D or A`,
      ctx('$DATATYPE'),
    );
  }
  const dataType: FcsDataType = dt;
  const byteOrder = dataType === 'A' ? (getKeyword(keywords, '$BYTEORD') ?? '') : requireKeyword(keywords, '$BYTEORD', file);
  const rank = dataType === 'A' ? null : parseByteOrder(byteOrder, textOffset, file);
  const parRaw = requireKeyword(keywords, '$PAR', file);
  const par = parseCount(parRaw);
  // Each parameter needs its own $PnB keyword, so $PAR cannot exceed the number of keywords.
  if (par === undefined || par > keywordCount) {
    throw badValue('$PAR', parRaw, `a parameter count of at most ${keywordCount} (the number of keywords)`, file);
  }
  // $TOT is optional in FCS 2.0 only; the caller then derives it from the DATA length.
  const totRaw = version === 'FCS2.0' ? getKeyword(keywords, '$TOT') : requireKeyword(keywords, '$TOT', file);
  const eventCount = totRaw === undefined ? null : parseCount(totRaw);
  if (eventCount === undefined) {
    throw badValue('$TOT', totRaw ?? '', 'a non-negative integer', file);
  }
  const warnings: TamkitWarning[] = [];
  // $PnE and $PnG only matter for scale values, so a value that cannot be read leaves a warning and
  // the default (linear, gain 1) instead of making the data unreadable.
  const tolerate = (key: string, raw: string, used: string): void => {
    warnings.push({
      code: 'FCS_BAD_PARAMETER_KEYWORD',
      message: `${p}${key} is '${raw}', expected ${key.endsWith('E') ? 'two numbers f1,f2' : 'a number'}; using ${used}`,
      offset: textOffset,
      context: { keyword: key, value: raw },
    });
  };
  const parameters: FcsParameter[] = [];
  const channels: ChannelLayout[] = [];
  let offset = 0;
  let delimited = 0;
  for (let n = 1; n <= par; n++) {
    const bRaw = requireKeyword(keywords, `$P${n}B`, file);
    const rangeRaw = getKeyword(keywords, `$P${n}R`);
    const range = parseNumber(rangeRaw) ?? 0;
    const eRaw = getKeyword(keywords, `$P${n}E`);
    let amplification: readonly [number, number] = [0, 0];
    if (eRaw !== undefined && eRaw !== '') {
      const parts = eRaw.split(',').map((s) => parseNumber(s));
      if (parts.length !== 2 || parts[0] === undefined || parts[1] === undefined || parts[0] < 0) {
        tolerate(`$P${n}E`, eRaw, '0,0 (linear)');
      } else {
        amplification = [parts[0], parts[1]];
      }
    }
    const gRaw = getKeyword(keywords, `$P${n}G`);
    let gain = gRaw === undefined || gRaw === '' ? 1 : parseNumber(gRaw);
    if (gain === undefined) {
      tolerate(`$P${n}G`, gRaw ?? '', '1');
      gain = 1;
    }
    // FCS 3.2: one parameter stored with its own type ($DATATYPE I with a float parameter, say).
    const ownRaw = getKeyword(keywords, `$P${n}DATATYPE`);
    let type: FcsDataType = dataType;
    if (ownRaw !== undefined && ownRaw !== '') {
      const own = ownRaw.toUpperCase();
      if (dataType === 'A' || (own !== 'I' && own !== 'F' && own !== 'D')) {
        throw new FcsParseError(
          'FCS_UNSUPPORTED_DATATYPE',
          `${p}$P${n}DATATYPE is '${ownRaw}' with $DATATYPE ${dataType}, expected I, F or D with a binary $DATATYPE (I, F or D)`,
          ctx(`$P${n}DATATYPE`),
        );
      }
      type = own;
    }
    let bits: number;
    let width: number;
    let mask: number | null = null;
    let wide: boolean;
    if (type === 'A' && bRaw === '*') {
      bits = 0;
      width = 0;
      wide = true;
      delimited++;
    } else {
      const b = parseCount(bRaw);
      if (b === undefined || b === 0) {
        throw badValue(`$P${n}B`, bRaw, type === 'A' ? "a positive integer or '*'" : 'a positive integer', file);
      }
      bits = b;
      if (type === 'A') {
        width = b;
        wide = true;
      } else if (type === 'F' || type === 'D') {
        const expected = type === 'F' ? 32 : 64;
        if (b !== expected) {
          throw new FcsParseError(
            'FCS_UNSUPPORTED_WIDTH',
            `${p}$P${n}B is ${b} for ${type === dataType ? '$DATATYPE' : `$P${n}DATATYPE`} ${type}, expected ${expected}`,
            ctx(`$P${n}B`),
          );
        }
        width = b / 8;
        wide = type === 'D';
      } else {
        if (b > 64 || (b > 16 && b % 8 !== 0)) {
          throw new FcsParseError(
            'FCS_UNSUPPORTED_WIDTH',
            `${p}$P${n}B is ${b}, expected an integer width of at most 16 bits or a multiple of 8 up to 64`,
            ctx(`$P${n}B`),
          );
        }
        width = b <= 8 ? 1 : b <= 16 ? 2 : b / 8;
        wide = b > 24;
        // FlowIO convention: mask with nextpow2($PnR) - 1 when 2^PnB exceeds it; values stored in wider
        // words than $PnB (10 bits in 16) are also limited to $PnB bits.
        const pow = range > 0 ? nextPow2(range) : Infinity;
        const limit = Math.min(pow, 2 ** b);
        if (limit < 2 ** (width * 8)) {
          mask = limit - 1;
        }
      }
    }
    if (rank !== null && ranksForWidth(rank, width) === null) {
      throw new FcsParseError(
        'FCS_UNSUPPORTED_BYTEORD',
        `${p}$BYTEORD '${byteOrder}' cannot order the ${width}-byte values of parameter ${n}; only ascending or descending orders apply to other widths`,
        ctx('$BYTEORD'),
      );
    }
    parameters.push({
      n,
      name: getKeyword(keywords, `$P${n}N`) || `P${n}`,
      label: getKeyword(keywords, `$P${n}S`) ?? '',
      bits,
      range,
      amplification,
      gain,
      bitMask: mask,
      dataType: type,
    });
    channels.push({ offset, width, mask, wide, type });
    offset += width;
  }
  if (delimited !== 0 && delimited !== par) {
    throw badValue('$P1B', requireKeyword(keywords, '$P1B', file), "'*' for every parameter or for none", file);
  }
  return { dataType, byteOrder, byteRank: rank, parameters, channels, eventWidth: offset, eventCount, warnings };
}
