import type { TamkitWarning } from '@tamkit/core';
import { FcsParseError, filePrefix } from './errors.js';
import { HEADER_SIZE } from './header.js';
import { getKeyword, parseCount } from './keywords.js';
import { parseTextSegment, utf8OrLatin1 } from './parse-text.js';
import type { ByteSource, FcsKeywords, FcsSegment } from './types.js';

/** Keywords of a data set's primary and supplemental TEXT. */
export interface ReadText {
  readonly delimiter: string;
  readonly keywords: FcsKeywords;
  /** Number of primary TEXT pairs (bounds $PAR before anything is allocated). */
  readonly keywordCount: number;
  readonly supplementalText: FcsSegment | null;
  readonly warnings: TamkitWarning[];
}

/**
 * Checks that a relative segment lies inside the file.
 * @throws {FcsParseError} `FCS_OFFSET_OUT_OF_RANGE` (begin outside the file or before the HEADER's
 *   end, or end before begin), `FCS_TRUNCATED` (the file ends inside the segment).
 */
export function checkSegment(
  seg: FcsSegment,
  datasetOffset: number,
  size: number,
  segment: 'TEXT' | 'DATA' | 'ANALYSIS',
  file: string | undefined,
): void {
  const [b, e] = seg;
  const ctx = { ...(file === undefined ? {} : { file }), segment, offset: datasetOffset + b };
  if (b < HEADER_SIZE || e < b || datasetOffset + b >= size) {
    throw new FcsParseError(
      'FCS_OFFSET_OUT_OF_RANGE',
      `${filePrefix(file)}${segment} segment [${b}, ${e}] lies outside the file (${size} bytes, data set at ${datasetOffset})`,
      ctx,
    );
  }
  if (datasetOffset + e >= size) {
    throw new FcsParseError(
      'FCS_TRUNCATED',
      `${filePrefix(file)}file ends at byte ${size}, inside the ${segment} segment [${b}, ${e}] of the data set at ${datasetOffset}`,
      { ...ctx, offset: size },
    );
  }
}

function addPairs(
  target: Record<string, string>,
  pairs: ReadonlyArray<readonly [string, string]>,
  override: boolean,
  warnings: TamkitWarning[],
  p: string,
  offset: number,
  utf8: boolean,
): void {
  let padded = 0;
  for (const [rawKey, rawValue] of pairs) {
    const k = utf8 ? utf8OrLatin1(rawKey) : rawKey;
    const v = utf8 ? utf8OrLatin1(rawValue) : rawValue;
    const key = k.trim().toUpperCase();
    if (key !== k.toUpperCase()) {
      padded++;
    }
    if (key === '') {
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(target, key)) {
      if (override) {
        warnings.push({ code: 'FCS_DUPLICATE_KEYWORD', message: `${p}keyword ${key} appears twice in TEXT; the last value is used`, offset });
        target[key] = v;
      }
      continue;
    }
    target[key] = v;
  }
  if (padded > 0 && override) {
    warnings.push({
      code: 'FCS_KEYWORD_WHITESPACE',
      message: `${p}${padded} keyword name(s) have surrounding whitespace; trimmed`,
      offset,
    });
  }
}

/**
 * Reads the primary TEXT segment and, when $BEGINSTEXT/$ENDSTEXT point inside the file, the
 * supplemental TEXT (whose keywords never replace primary ones). A supplemental TEXT outside the
 * file is skipped with the warning `FCS_STEXT_IGNORED`. With `utf8` (FCS 3.1 and later), keys and
 * values that are valid UTF-8 are decoded as such; everything else is read as Latin-1.
 */
export function readText(
  source: ByteSource,
  datasetOffset: number,
  text: FcsSegment,
  utf8: boolean,
  file: string | undefined,
): ReadText {
  const p = filePrefix(file);
  checkSegment(text, datasetOffset, source.size, 'TEXT', file);
  const warnings: TamkitWarning[] = [];
  const at = datasetOffset + text[0];
  const primary = parseTextSegment(source.read(at, text[1] - text[0] + 1));
  if (primary.pairs.length === 0) {
    throw new FcsParseError('FCS_BAD_TEXT', `${p}TEXT segment holds no keyword/value pairs`, {
      ...(file === undefined ? {} : { file }),
      segment: 'TEXT',
      offset: at,
    });
  }
  if (primary.unterminated) {
    warnings.push({ code: 'FCS_TEXT_UNTERMINATED', message: `${p}TEXT does not end with its delimiter; the final value is kept`, offset: at });
  }
  if (primary.danglingKey !== null) {
    warnings.push({
      code: 'FCS_TEXT_DANGLING_KEYWORD',
      message: `${p}TEXT ends with keyword '${primary.danglingKey.slice(0, 40)}' without a value; ignored`,
      offset: at,
    });
  }
  const keywords: Record<string, string> = {};
  addPairs(keywords, primary.pairs, true, warnings, p, at, utf8);
  let supplementalText: FcsSegment | null = null;
  const sb = parseCount(getKeyword(keywords, '$BEGINSTEXT'));
  const se = parseCount(getKeyword(keywords, '$ENDSTEXT'));
  if (sb !== undefined && se !== undefined && !(sb === 0 && se === 0)) {
    if (sb >= HEADER_SIZE && se >= sb && datasetOffset + se < source.size) {
      supplementalText = [sb, se];
      const supplemental = parseTextSegment(source.read(datasetOffset + sb, se - sb + 1));
      addPairs(keywords, supplemental.pairs, false, warnings, p, datasetOffset + sb, utf8);
    } else {
      warnings.push({
        code: 'FCS_STEXT_IGNORED',
        message: `${p}supplemental TEXT [${sb}, ${se}] lies outside the file (${source.size} bytes); ignored`,
        offset: datasetOffset + sb,
      });
    }
  }
  return { delimiter: primary.delimiter, keywords, keywordCount: primary.pairs.length, supplementalText, warnings };
}
