import type { ChannelMeta, TamkitWarning } from '@tamkit/core';
import { filePrefix } from './errors.js';
import { isTamkitError } from '@tamkit/core';
import { getKeyword } from './keywords.js';
import { parseSpillover } from './parse-spillover.js';
import type { FcsKeywords, SpilloverMatrix } from './types.js';

/** Spillover keywords in the order they are looked for. */
export const SPILLOVER_KEYWORDS: readonly string[] = ['$SPILLOVER', '$SPILL', 'SPILL', '$COMP'];

/**
 * The data set's spillover matrix from the first present of $SPILLOVER, $SPILL, SPILL, $COMP.
 * A malformed value gives null and the warning `FCS_BAD_SPILLOVER` (the data stay readable).
 * Detector names that are parameter numbers (Accuri and Beckman writers; `$COMP` without names) are
 * replaced by those parameters' $PnN, with the warning `FCS_SPILLOVER_INDEX_NAMES`.
 */
export function datasetSpillover(
  keywords: FcsKeywords,
  channels: readonly ChannelMeta[],
  file: string | undefined,
  warnings: TamkitWarning[],
): SpilloverMatrix | null {
  const p = filePrefix(file);
  const keyword = SPILLOVER_KEYWORDS.find((k) => getKeyword(keywords, k) !== undefined);
  if (keyword === undefined) {
    return null;
  }
  let spill: SpilloverMatrix;
  try {
    spill = parseSpillover(getKeyword(keywords, keyword)!, keyword, file);
  } catch (e) {
    if (!isTamkitError(e)) {
      throw e;
    }
    warnings.push({ code: 'FCS_BAD_SPILLOVER', message: `${e.message}; spillover left empty`, context: e.context });
    return null;
  }
  const names = new Set(channels.map((c) => c.name));
  const mapped = spill.detectors.map((d) => {
    if (names.has(d) || !/^\d+$/.test(d)) {
      return d;
    }
    const n = Number(d);
    return n >= 1 && n <= channels.length ? channels[n - 1]!.name : d;
  });
  if (mapped.some((m, i) => m !== spill.detectors[i]) && new Set(mapped).size === mapped.length) {
    warnings.push({
      code: 'FCS_SPILLOVER_INDEX_NAMES',
      message: `${p}${keyword} names detectors by parameter number (${spill.detectors.join(', ')}); read as ${mapped.join(', ')}`,
      context: { keyword },
    });
    return { ...spill, detectors: mapped };
  }
  return spill;
}
