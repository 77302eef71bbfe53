import type { CompositionInput } from './composition-figure.js';
import { conditionMeans } from './composition-figure.js';
import type { FlowStatisticsInput } from './from-phenotype.js';
import type { TranswellReportInput } from './from-transwell.js';
import type { ReportSection, TableBlock, TableCell } from './report-document.js';
import { formatP } from './significance.js';

/** What the summary is made from: the inputs of the report's flow and migration sections. */
export interface SummaryInput {
  readonly compositions: readonly CompositionInput[];
  readonly statistics: readonly FlowStatisticsInput[];
  readonly transwell: readonly TranswellReportInput[];
  /** Number of warnings of the whole report (listed under Provenance & QC). */
  readonly warnings: number;
}

const fmt = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : String(v));

function compositionTable(c: CompositionInput, index: number, count: number): TableBlock {
  const groups = conditionMeans(c);
  return {
    type: 'table',
    title: count > 1 ? `Mean % per condition (${index + 1})` : 'Mean % per condition',
    caption: 'Mean over the samples of each condition of the % of classified macrophages in each class; n = samples.',
    columns: [{ label: 'condition' }, { label: 'n', digits: 0 }, ...c.classes.map((k) => ({ label: k, unit: '%', digits: 1 }))],
    rows: groups.map((g): TableCell[] => [g.condition, g.replicates.length, ...g.means]),
  };
}

function flowFindings(s: FlowStatisticsInput): [string, string][] {
  const pairs = s.tests.filter((t) => t.condition !== null);
  const significant = pairs.filter((t) => t.pValue < 0.05);
  if (pairs.length === 0) {
    return [];
  }
  if (significant.length === 0) {
    return [[`% against ${s.control}`, `no condition differs from ${s.control} at p < 0.05 (${pairs.length} comparison${pairs.length === 1 ? '' : 's'})`]];
  }
  return significant.map((t) => [
    `% ${t.className}: ${t.condition ?? ''} vs ${s.control}`,
    `${t.difference === null ? '' : `${t.difference >= 0 ? '+' : '−'}${fmt(Math.abs(t.difference), 1)} points, `}${t.test}, ${formatP(t.pValue)}${t.adjusted ? ' (adjusted)' : ''}`,
  ]);
}

function migrationFindings(t: TranswellReportInput): [string, string][] {
  const out: [string, string][] = [];
  const r = t.readouts;
  const unit = r.units[r.metric] ?? '';
  // The highest chemotactic index: the strongest stimulus against the baseline.
  const indexed = r.conditions.filter((c) => c.chemotacticIndex !== null && c.chemotacticIndex.mean !== null);
  if (indexed.length > 0) {
    const best = indexed.reduce((a, b) => (b.chemotacticIndex!.mean! > a.chemotacticIndex!.mean! ? b : a));
    const ci = best.chemotacticIndex!;
    out.push([`Chemotactic index, ${best.condition}`, `${fmt(ci.mean!, 2)}${ci.sem === null ? '' : ` ± ${fmt(ci.sem, 2)} (mean ± SEM, n = ${ci.n})`}`]);
  }
  for (const d of t.doseResponse ?? []) {
    if (d.fit === null) {
      continue;
    }
    const f = d.fit;
    const name = d.title?.replace(/^Dose response:?\s*/, '') || 'dose response';
    const doseUnit = d.points.doseUnit ?? '';
    out.push([
      `${f.potencyLabel}, ${name}`,
      `${f.potency.toPrecision(3)} ${doseUnit} (${Math.round(f.confidenceLevel * 100)} % CI ${f.potencyCi[0].toPrecision(3)}–${f.potencyCi[1].toPrecision(3)})`.replace(/ {2,}/g, ' '),
    ]);
  }
  if (out.length === 0 && r.conditions.length > 0) {
    out.push(['Migration', `${r.conditions.length} conditions, ${r.metric} in ${unit}`]);
  }
  return out;
}

/**
 * The report's first section, "Summary": the mean class percentages per condition, the class
 * percentages that differ from the control (p < 0.05, as tested), the strongest chemotactic index
 * and every fitted IC50/EC50 with its confidence interval, and how many warnings the report holds.
 * Every number is one shown, with its source, further down. Null when there is nothing to summarise.
 *
 * @example summarySection({ compositions: [composition], statistics: [], transwell: [], warnings: 0 })?.title // 'Summary'
 */
export function summarySection(input: SummaryInput): ReportSection | null {
  const findings: [string, string][] = [
    ...input.statistics.flatMap(flowFindings),
    ...input.transwell.flatMap(migrationFindings),
  ];
  const tables = input.compositions.filter((c) => c.samples.length > 0).map((c, i, all) => compositionTable(c, i, all.length));
  if (findings.length === 0 && tables.length === 0) {
    return null;
  }
  findings.push(['Warnings', input.warnings === 0 ? 'none' : `${input.warnings}: see Provenance & QC`]);
  return {
    id: 'summary',
    title: 'Summary',
    kind: 'summary',
    blocks: [{ type: 'keyValue', title: 'Key results', entries: findings }, ...tables],
  };
}
