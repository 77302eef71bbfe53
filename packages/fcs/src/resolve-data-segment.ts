import type { TamkitWarning } from '@tamkit/core';
import { FcsParseError, filePrefix } from './errors.js';
import { HEADER_SIZE } from './header.js';
import { getKeyword, parseCount } from './keywords.js';
import type { ResolvedFcsParseOptions } from './parse-options.js';
import type { FcsKeywords, FcsSegment } from './types.js';

/** Inputs for locating one data set's DATA segment. */
export interface DataSegmentInput {
  readonly header: FcsSegment | null;
  readonly keywords: FcsKeywords;
  /** Relative TEXT segment, which DATA must not overlap. */
  readonly text: FcsSegment;
  readonly datasetOffset: number;
  readonly fileSize: number;
  readonly eventCount: number;
  /** Bytes per event; 0 for delimited ASCII (no size check possible). */
  readonly eventWidth: number;
}

/** The DATA segment to use, how many whole events to read from it, and the warnings. */
export interface ResolvedDataSegment {
  readonly segment: FcsSegment | null;
  readonly eventCount: number;
  readonly warnings: TamkitWarning[];
}

function textPair(keywords: FcsKeywords): FcsSegment | null {
  const b = parseCount(getKeyword(keywords, '$BEGINDATA'));
  const e = parseCount(getKeyword(keywords, '$ENDDATA'));
  if (b === undefined || e === undefined || (b === 0 && e === 0)) {
    return null;
  }
  return [b, e];
}

/** Why a candidate cannot be the DATA segment, or null when it fits. */
function problem(seg: FcsSegment, input: DataSegmentInput): string | null {
  const [b, e] = seg;
  const need = input.eventCount * input.eventWidth;
  const absB = input.datasetOffset + b;
  if (b < HEADER_SIZE || e < b) {
    return `[${b}, ${e}] is not a segment after the HEADER`;
  }
  if (b <= input.text[1] && e >= input.text[0]) {
    return `[${b}, ${e}] overlaps TEXT [${input.text[0]}, ${input.text[1]}]`;
  }
  if (absB + need > input.fileSize) {
    return `[${b}, ${e}] needs ${need} bytes but the file ends at ${input.fileSize}`;
  }
  const len = e - b + 1;
  if (input.eventWidth > 0 && len !== need && len !== need + 1) {
    return `[${b}, ${e}] holds ${len} bytes, not $TOT × ${input.eventWidth} = ${need}`;
  }
  return null;
}

/**
 * Chooses the DATA segment (FCS 3.1 §3.2.5): HEADER offsets, or $BEGINDATA/$ENDDATA when HEADER is
 * blank or zero (files over 99,999,999 bytes). When both are present and disagree, each is validated
 * (inside the file, after the HEADER, outside TEXT, length $TOT × bytes-per-event or one more) and
 * the one that fits is used with an `FCS_OFFSET_DISCREPANCY` warning; when both fit, HEADER wins
 * (the spec's primary location). Then the length is checked against $TOT.
 *
 * @throws {FcsParseError} `FCS_OFFSET_DISCREPANCY` (neither fits), `FCS_OFFSET_OUT_OF_RANGE`
 *   (outside the file, or no DATA location at all), `FCS_TRUNCATED`, `FCS_DATA_SIZE_MISMATCH`.
 */
export function resolveDataSegment(input: DataSegmentInput, options: ResolvedFcsParseOptions): ResolvedDataSegment {
  const file = options.sourceName;
  const p = filePrefix(file);
  const warnings: TamkitWarning[] = [];
  const base = { ...(file === undefined ? {} : { file }), segment: 'DATA' as const };
  const need = input.eventCount * input.eventWidth;
  const hdr = input.header;
  const txt = textPair(input.keywords);
  if (input.eventCount === 0) {
    return { segment: hdr ?? txt, eventCount: 0, warnings };
  }
  let seg: FcsSegment;
  if (hdr === null && txt === null) {
    throw new FcsParseError(
      'FCS_OFFSET_OUT_OF_RANGE',
      `${p}no DATA offsets: HEADER holds none and $BEGINDATA/$ENDDATA are absent, expected a DATA segment for $TOT ${input.eventCount}`,
      { ...base, offset: input.datasetOffset + 26, keyword: '$BEGINDATA' },
    );
  } else if (hdr === null || txt === null || (hdr[0] === txt[0] && hdr[1] === txt[1])) {
    seg = (hdr ?? txt)!;
  } else {
    const names = `DATA offsets [${hdr[0]}, ${hdr[1]}] (HEADER) differ from [${txt[0]}, ${txt[1]}] ($BEGINDATA/$ENDDATA)`;
    const ctx = { header: hdr, text: txt };
    if (options.preferHeaderOffsets || options.ignoreOffsetDiscrepancy) {
      seg = options.preferHeaderOffsets ? hdr : txt;
      const used = options.preferHeaderOffsets ? 'HEADER (preferHeaderOffsets)' : 'TEXT (ignoreOffsetDiscrepancy)';
      warnings.push({ code: 'FCS_OFFSET_DISCREPANCY', message: `${p}${names}; using ${used}`, offset: input.datasetOffset + seg[0], context: ctx });
    } else {
      const ph = problem(hdr, input);
      const pt = problem(txt, input);
      if (ph !== null && pt !== null) {
        throw new FcsParseError(
          'FCS_OFFSET_DISCREPANCY',
          `${p}${names} and neither fits (HEADER ${ph}; TEXT ${pt}); pass preferHeaderOffsets or ignoreOffsetDiscrepancy to choose one`,
          { ...base, offset: input.datasetOffset + 26, keyword: '$BEGINDATA', ...ctx },
        );
      }
      seg = ph === null ? hdr : txt;
      const why = ph === null && pt === null ? 'both fit, HEADER is primary' : ph === null ? `TEXT ${pt}` : `HEADER ${ph}`;
      warnings.push({
        code: 'FCS_OFFSET_DISCREPANCY',
        message: `${p}${names}; using ${ph === null ? 'HEADER' : 'TEXT'} (${why})`,
        offset: input.datasetOffset + seg[0],
        context: ctx,
      });
    }
  }
  const [b, e] = seg;
  const absB = input.datasetOffset + b;
  if (b < HEADER_SIZE || e < b || absB >= input.fileSize) {
    throw new FcsParseError(
      'FCS_OFFSET_OUT_OF_RANGE',
      `${p}DATA segment [${b}, ${e}] lies outside the file (${input.fileSize} bytes, data set at ${input.datasetOffset})`,
      { ...base, offset: absB },
    );
  }
  let events = input.eventCount;
  const len = e - b + 1;
  if (input.eventWidth > 0) {
    if (len === need + 1) {
      warnings.push({
        code: 'FCS_DATA_OFF_BY_ONE',
        message: `${p}DATA end offset ${e} is one byte past the ${need} bytes of $TOT × ${input.eventWidth}; reading ${need} bytes`,
        offset: input.datasetOffset + e,
      });
    } else if (len !== need) {
      const msg = `${p}DATA segment holds ${len} bytes, expected $TOT ${input.eventCount} × ${input.eventWidth} bytes per event = ${need}`;
      if (!options.allowDataSizeMismatch) {
        throw new FcsParseError('FCS_DATA_SIZE_MISMATCH', `${msg}; pass allowDataSizeMismatch to read the whole events present`, {
          ...base,
          offset: absB,
        });
      }
      events = Math.min(events, Math.floor(len / input.eventWidth));
      warnings.push({ code: 'FCS_DATA_SIZE_MISMATCH', message: `${msg}; reading ${events} events`, offset: absB });
    }
    if (absB + events * input.eventWidth > input.fileSize) {
      const have = Math.floor((input.fileSize - absB) / input.eventWidth);
      const msg = `${p}file ends at byte ${input.fileSize}, inside DATA (${events} events of ${input.eventWidth} bytes from byte ${absB})`;
      if (!options.allowDataSizeMismatch) {
        throw new FcsParseError('FCS_TRUNCATED', `${msg}; pass allowDataSizeMismatch to read the ${have} whole events present`, {
          ...base,
          offset: input.fileSize,
        });
      }
      events = have;
      warnings.push({ code: 'FCS_TRUNCATED', message: `${msg}; reading ${have} events`, offset: input.fileSize });
    }
  } else if (input.datasetOffset + e >= input.fileSize + 1) {
    throw new FcsParseError('FCS_TRUNCATED', `${p}file ends at byte ${input.fileSize}, inside DATA [${b}, ${e}]`, {
      ...base,
      offset: input.fileSize,
    });
  }
  return { segment: seg, eventCount: events, warnings };
}
