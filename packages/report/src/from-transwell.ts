import type { ConditionReadout, DoseResponsePoints, DunnettResult, Fit4plResult, GamesHowellResult, TranswellReadouts, TukeyResult } from '@tamkit/transwell';
import { migrationAssayWarnings } from './assay-warnings.js';
import { doseResponseFigure } from './dose-response-figure.js';
import type { DoseResponseInput } from './dose-response-figure.js';
import { migrationFigure, migrationFigureHeight } from './migration-figure.js';
import type { Comparison, MigrationGroup } from './migration-figure.js';
import type { ReportBlock, ReportSection, ReportWarning, TableBlock } from './report-document.js';

/** What a `transwell` result file holds (fields beyond these are ignored). */
export interface TranswellReportInput {
  readonly readouts: Pick<TranswellReadouts, 'conditions' | 'metric' | 'unit' | 'units' | 'warnings'>;
  /** A pairwise test result to annotate (Tukey HSD, Games-Howell, or Dunnett against a control). */
  readonly test?: Pick<TukeyResult, 'test' | 'comparisons'> | Pick<GamesHowellResult, 'test' | 'comparisons'> | Pick<DunnettResult, 'test' | 'control' | 'comparisons'>;
  readonly doseResponse?: readonly { readonly title?: string; readonly points: DoseResponsePoints; readonly fit: Fit4plResult | null; readonly responseLabel?: string }[];
  /** Membrane thumbnails with their counting overlays (data: URIs, see thumbnailDataUri). */
  readonly images?: readonly { readonly title: string; readonly caption?: string; readonly src: string; readonly width: number; readonly height: number }[];
  /** Cells used, e.g. 'human monocytes' or 'BMDM (M-CSF, day 7)'; checked by migrationAssayWarnings. */
  readonly cellType?: string;
}

function label(c: Pick<ConditionReadout, 'condition' | 'coating'>): string {
  return c.coating ? `${c.condition} (${c.coating})` : c.condition;
}

/**
 * Plot groups of the readouts' metric: every unit value (experiment or insert) of each condition and
 * the metric's mean and SEM.
 *
 * @example migrationGroups(computeReadouts(records)).map((g) => g.condition)
 */
export function migrationGroups(readouts: Pick<TranswellReadouts, 'conditions' | 'metric'>): MigrationGroup[] {
  return readouts.conditions.map((c) => {
    const summary = c[readouts.metric];
    return { condition: label(c), values: c.unitValues.map((u) => u.value), mean: summary?.mean ?? Number.NaN, sem: summary?.sem ?? null };
  });
}

/**
 * Bracket comparisons from a Tukey HSD or Games-Howell (every pair) or Dunnett (each group against the control) result.
 *
 * @example comparisonsFrom(tukeyHsd(groups))
 */
export function comparisonsFrom(test: NonNullable<TranswellReportInput['test']>): Comparison[] {
  if ('control' in test) {
    return test.comparisons.map((c) => ({ a: test.control, b: c.group, pValue: c.pValue }));
  }
  return test.comparisons.map((c) => ({ a: c.a, b: c.b, pValue: c.pValue }));
}

function summaryCells(s: { readonly mean: number | null; readonly sem: number | null } | null): (number | null)[] {
  return [s?.mean ?? null, s?.sem ?? null];
}

/**
 * The readout table: per condition n (unit), the metric, chemotactic index, % of control and % inhibition,
 * each as mean and SEM over the unit of replication.
 *
 * @example readoutTable(readouts).columns.length // 11
 */
export function readoutTable(readouts: Pick<TranswellReadouts, 'conditions' | 'unit' | 'units'>): TableBlock {
  const u = readouts.units;
  return {
    type: 'table',
    title: 'Migration readouts',
    caption: `Mean and SEM over ${readouts.unit}s; chemotactic index = value / baseline; % inhibition = (1 − (value − baseline) / (positive control − baseline)) × 100.`,
    columns: [
      { label: 'condition' },
      { label: 'n', digits: 0 },
      { label: 'mean per field', unit: u.meanPerField },
      { label: 'SEM' },
      { label: 'chemotactic index', unit: u.chemotacticIndex },
      { label: 'SEM' },
      { label: '% of control', digits: 1 },
      { label: 'SEM', digits: 1 },
      { label: '% inhibition', digits: 1 },
      { label: 'SEM', digits: 1 },
      { label: 'inserts', digits: 0 },
    ],
    rows: readouts.conditions.map((c) => [
      label(c),
      c.n,
      ...summaryCells(c.meanPerField),
      ...summaryCells(c.chemotacticIndex),
      ...summaryCells(c.percentOfControl),
      ...summaryCells(c.percentInhibition),
      c.nInserts,
    ]),
  };
}

/** Dose-response figure input from transwell's dose-response points and 4PL fit. */
export function doseResponseInput(d: NonNullable<TranswellReportInput['doseResponse']>[number]): DoseResponseInput {
  const fit = d.fit;
  return {
    title: d.title ?? 'Dose response',
    doseUnit: d.points.doseUnit ?? 'dose units',
    responseLabel: d.responseLabel ?? 'response',
    points: d.points.doses.map((dose, i) => ({ dose, response: d.points.responses[i]! })),
    fit: fit
      ? { bottom: fit.bottom.estimate, top: fit.top.estimate, hill: fit.hill.estimate, direction: fit.direction, potencyLabel: fit.potencyLabel, potency: fit.potency, potencyCi: fit.potencyCi, confidenceLevel: fit.confidenceLevel }
      : null,
  };
}

/** '; bottom fixed at 0, top fixed at 100' for the parameters a fit held (empty when none). */
function fixedNote(fit: Fit4plResult): string {
  const held = (['bottom', 'top', 'hill'] as const).filter((k) => fit[k].fixed === true).map((k) => `${k} fixed at ${fit[k].estimate}`);
  return held.length > 0 ? `; ${held.join(', ')}` : '';
}

/**
 * The migration section of a transwell result: the metric per condition with every replicate and the
 * test's brackets, the readout table, dose-response fits and membrane thumbnails; plus the warnings
 * (the readouts' own and the CCL2-on-macrophages check).
 *
 * @example const { section, warnings } = migrationSection(input, 'transwell.json');
 */
export function migrationSection(input: TranswellReportInput, source: string, id = 'migration'): { section: ReportSection; warnings: ReportWarning[] } {
  const r = input.readouts;
  const unitLabel = r.units[r.metric];
  const comparisons = input.test ? comparisonsFrom(input.test) : [];
  const figureInput = { groups: migrationGroups(r), yLabel: unitLabel, comparisons, ...(input.test ? { test: input.test.test } : {}) };
  const height = migrationFigureHeight(figureInput);
  const blocks: ReportBlock[] = [
    {
      type: 'figure',
      title: `Migration: ${r.metric}`,
      caption: `Bars: mean ± SEM over ${r.unit}s; circles: each ${r.unit}.${input.test ? ` Brackets: ${input.test.test}.` : ''}`,
      figure: migrationFigure({ ...figureInput, height }),
      height,
    },
    readoutTable(r),
  ];
  for (const d of input.doseResponse ?? []) {
    const fig = doseResponseInput(d);
    blocks.push({ type: 'figure', title: fig.title, figure: doseResponseFigure(fig), ...(d.fit ? { caption: `${d.fit.potencyLabel} ${d.fit.potency.toPrecision(3)} (${Math.round(d.fit.confidenceLevel * 100)}% CI ${d.fit.potencyCi[0].toPrecision(3)}–${d.fit.potencyCi[1].toPrecision(3)}) ${fig.doseUnit}; ${d.fit.ciMethod}${fixedNote(d.fit)}` } : {}) });
  }
  for (const img of input.images ?? []) {
    blocks.push({ type: 'image', title: img.title, ...(img.caption ? { caption: img.caption } : {}), src: img.src, width: img.width, height: img.height, alt: img.title });
  }
  const warnings: ReportWarning[] = [
    ...r.warnings.map((w) => ({ code: w.code, message: w.message, source })),
    ...migrationAssayWarnings(input.cellType, r.conditions),
  ];
  return { section: { id, title: 'Transwell migration', kind: 'migration', blocks }, warnings };
}
