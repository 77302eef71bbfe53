import type { ReportWarning } from './report-document.js';

/** Cell-type descriptions read as differentiated macrophages (they lose CCR2 on differentiation). */
const DIFFERENTIATED_MACROPHAGE = /\b(macrophages?|mdms?|bmdms?|m-?csf|gm-?csf|thp-?1 ?\+ ?pma|pma[- ]differentiated|differentiated)\b/i;
const MONOCYTE = /\bmonocytes?\b/i;
const CCL2 = /\b(ccl-?2|mcp-?1)\b/i;

/**
 * The assay-design warning of a CCL2 chemotaxis on differentiated macrophages: monocytes express CCR2,
 * the CCL2 receptor, and lose most of it as they differentiate into macrophages (in vitro with M-CSF
 * or GM-CSF, or THP-1 with PMA), so a weak CCL2 response may reflect receptor loss rather than an
 * effect of the treatment. Raised when the cell type reads as macrophages (and not monocytes) and a
 * condition contains CCL2 (by `ccl2NgMl` > 0 or its name).
 *
 * @example migrationAssayWarnings('BMDM (M-CSF, day 7)', [{ condition: 'CCL2 10', ccl2NgMl: 10 }])[0].code // 'CCL2_ON_DIFFERENTIATED_MACROPHAGES'
 */
export function migrationAssayWarnings(
  cellType: string | null | undefined,
  conditions: readonly { readonly condition: string; readonly ccl2NgMl?: number | null }[],
): ReportWarning[] {
  if (!cellType || MONOCYTE.test(cellType) || !DIFFERENTIATED_MACROPHAGE.test(cellType)) {
    return [];
  }
  const withCcl2 = conditions.filter((c) => (c.ccl2NgMl ?? 0) > 0 || CCL2.test(c.condition));
  if (withCcl2.length === 0) {
    return [];
  }
  return [
    {
      code: 'CCL2_ON_DIFFERENTIATED_MACROPHAGES',
      message: `CCL2 chemotaxis (${withCcl2.map((c) => c.condition).join(', ')}) on cells described as '${cellType}': differentiated macrophages down-regulate CCR2, the CCL2 receptor, so a weak or absent response may reflect receptor loss rather than treatment; check CCR2 expression (flow) or use monocytes`,
      source: 'transwell',
    },
  ];
}

/** Options of {@link lowEventWarnings}. */
export const LOW_EVENT_DEFAULTS = { minEvents: 5000 } as const;

/**
 * Warns for each population with fewer than `minEvents` events (default 5 000): percentages and MFIs of
 * small populations are noisy (binomial SD of a 5 % population of 5 000 events is 0.3 points).
 *
 * @example lowEventWarnings([{ sample: 'S1', population: 'Live', events: 800 }])[0].code // 'LOW_EVENT_COUNT'
 */
export function lowEventWarnings(
  populations: readonly { readonly sample: string; readonly population: string; readonly events: number }[],
  options: { readonly minEvents?: number } = {},
): ReportWarning[] {
  const min = options.minEvents ?? LOW_EVENT_DEFAULTS.minEvents;
  return populations
    .filter((p) => p.events < min)
    .map((p) => ({ code: 'LOW_EVENT_COUNT', message: `${p.population}: ${p.events} events, fewer than ${min}; percentages and MFIs are imprecise`, source: p.sample }));
}
