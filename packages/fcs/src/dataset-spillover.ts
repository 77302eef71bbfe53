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
 * Without any of them, FCS 2.0 pairwise `$DFCnTOm` keywords with a nonzero value give the warning
 * `FCS_DFC_NOT_APPLIED` (see {@link dfcWarning}).
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
    const dfc = dfcWarning(keywords, file);
    if (dfc !== null) {
      warnings.push(dfc);
    }
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

const DFC = /^\$DFC(\d+)TO(\d+)$/;

/**
 * The warning for FCS 2.0 pairwise compensation keywords (`$DFCnTOm`: the percentage of dye n's
 * signal subtracted from channel m, written by Beckman Coulter and older BD software), or null when
 * there are none or all are zero. They are not read as a spillover matrix: FCS 2.0 does not say which
 * parameters n and m number (Beckman Coulter files number the instrument's fluorescence detectors
 * FL1..FLn, whatever parameters were stored), and a matrix guessed wrong compensates wrongly without a sign. The
 * warning says that the instrument recorded compensation which was not applied; give a matrix
 * explicitly (CSV) to compensate.
 *
 * @example dfcWarning({ '$DFC1TO2': '13.4' }, 'a.fcs')?.code // 'FCS_DFC_NOT_APPLIED'
 */
export function dfcWarning(keywords: FcsKeywords, file: string | undefined): TamkitWarning | null {
  const pairs = Object.keys(keywords)
    .filter((k) => DFC.test(k))
    .map((k) => [k, Number(keywords[k]!.trim())] as const);
  const nonzero = pairs.filter(([, v]) => Number.isFinite(v) && v !== 0);
  if (nonzero.length === 0) {
    return null;
  }
  const largest = nonzero.reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
  return {
    code: 'FCS_DFC_NOT_APPLIED',
    message: `${filePrefix(file)}FCS 2.0 compensation keywords $DFCnTOm present (${nonzero.length} of ${pairs.length} nonzero, largest ${largest[0]} = ${largest[1]} %) and not applied: FCS 2.0 does not map n and m to parameters; give a spillover matrix (CSV) to compensate`,
    context: { keywords: pairs.length, nonzero: nonzero.length, largest: largest[0] },
  };
}
