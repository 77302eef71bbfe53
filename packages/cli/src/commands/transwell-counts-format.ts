import type { ConditionReadout, Fit4plResult, Summary, TranswellReadouts } from '@tamkit/transwell';
import type { DoseResponseOutcome, TestRow, TestsOutcome } from './transwell-counts-analysis.js';
import { csvText, num, pValue, textTable } from './transwell-output.js';

const READOUT_COLUMNS = [
  ['meanPerField', 'mean_per_field'],
  ['totalMigrated', 'total_migrated'],
  ['percentMigration', 'percent_migration'],
  ['chemotacticIndex', 'chemotactic_index'],
  ['percentOfControl', 'percent_of_control'],
  ['percentInhibition', 'percent_inhibition'],
  ['invasionIndex', 'invasion_index'],
] as const;

const name = (c: ConditionReadout): string => (c.coating === null ? c.condition : `${c.condition} [${c.coating}]`);
const meanSem = (s: Summary | null): string => (s === null ? '-' : `${num(s.mean)} ± ${num(s.sem)}`);

/** The 4PL curve at `dose` (the model of `fit4pl`; dose 0 is the x → 0 limit). */
export function fitted(fit: Fit4plResult, dose: number): number {
  const { bottom, top, hill } = fit;
  const ratio = fit.direction === 'decreasing' ? dose / fit.potency : dose === 0 ? Infinity : fit.potency / dose;
  return bottom.estimate + (top.estimate - bottom.estimate) / (1 + Math.pow(ratio, hill.estimate));
}

/** `readouts.csv`: one row per condition (and coating), mean, SD and SEM of every readout. */
export function readoutsCsv(readouts: TranswellReadouts): string {
  const header = ['condition', 'coating', 'ccl2_ng_ml', 'inhibitor', 'dose', 'dose_unit', 'unit', 'n', 'n_inserts'];
  for (const [, col] of READOUT_COLUMNS) {
    header.push(col, `${col}_sd`, `${col}_sem`);
  }
  const rows = readouts.conditions.map((c) => {
    const row: (string | number | null)[] = [c.condition, c.coating, c.ccl2NgMl, c.inhibitor, c.dose, c.doseUnit, c.unit, c.n, c.nInserts];
    for (const [key] of READOUT_COLUMNS) {
      const s = c[key];
      row.push(s?.mean ?? null, s?.sd ?? null, s?.sem ?? null);
    }
    return row;
  });
  return csvText(header, rows);
}

/** `tests.csv`: one row per test result. */
export function testsCsv(rows: readonly TestRow[]): string {
  return csvText(
    ['test', 'comparison', 'coating', 'condition', 'reference', 'difference', 'statistic', 'df', 'p_value', 'adjusted', 'p_unadjusted'],
    rows.map((r) => [r.test, r.comparison, r.coating, r.condition, r.reference, r.difference, r.statistic, r.df, r.pValue, String(r.adjusted), r.pUnadjusted]),
  );
}

/** `dose-response.csv`: every point of every 4PL fit with the fitted value. */
export function doseResponseCsv(fits: readonly DoseResponseOutcome[]): string {
  const rows = fits.flatMap((f) =>
    f.points.doses.map((dose, i) => [
      f.inhibitor,
      f.points.doseUnit,
      f.points.conditions[i]!,
      f.points.units[i]!,
      dose,
      f.points.responses[i]!,
      f.fit === null ? null : fitted(f.fit, dose),
    ]),
  );
  return csvText(['inhibitor', 'dose_unit', 'condition', 'unit', 'dose', 'response', 'fitted'], rows);
}

/** The human summary of `tamkit transwell counts`. */
export function countsText(file: string, readouts: TranswellReadouts, tests: TestsOutcome, fits: readonly DoseResponseOutcome[]): string {
  const out: string[] = [];
  const fields = readouts.wells.reduce((a, w) => a + w.nFields, 0);
  out.push(
    `${file}: ${fields} fields, ${readouts.wells.length} inserts, ${readouts.conditions.length} conditions; n = ${readouts.unit === 'experiment' ? 'independent experiments' : 'inserts'}; ratios on ${readouts.metric}`,
  );
  const head = ['condition', 'n', 'cells/field ± SEM', 'total migrated', '% migration', 'chemotactic index', '% of control', '% inhibition'];
  const hasInvasion = readouts.conditions.some((c) => c.invasionIndex !== null);
  const rows = readouts.conditions.map((c) => [
    name(c),
    String(c.n),
    meanSem(c.meanPerField),
    meanSem(c.totalMigrated),
    meanSem(c.percentMigration),
    meanSem(c.chemotacticIndex),
    meanSem(c.percentOfControl),
    meanSem(c.percentInhibition),
    ...(hasInvasion ? [meanSem(c.invasionIndex)] : []),
  ]);
  out.push(textTable([[...head, ...(hasInvasion ? ['invasion index'] : [])], ...rows]).replace(/^/gm, '  '));
  if (tests.rows.length > 0) {
    out.push(`Tests on ${readouts.metric} (${tests.method ?? ''}, control ${tests.control ?? '-'}):`);
    const testRows = tests.rows.map((r) => [
      r.comparison === 'overall' ? 'all conditions' : `${r.condition ?? ''} vs ${r.reference ?? ''}`,
      r.coating ?? '',
      r.test,
      r.difference === null ? '' : `diff ${num(r.difference)}`,
      r.statistic === null ? '' : `stat ${num(r.statistic)}`,
      r.df === null ? '' : `df ${num(r.df)}`,
      `p ${pValue(r.pValue)}${!r.adjusted ? '' : r.pUnadjusted === null ? ' (adjusted)' : ` (Holm; unadjusted ${pValue(r.pUnadjusted)})`}`,
    ]);
    out.push(textTable(testRows).replace(/^/gm, '  '));
  } else if (tests.control === null) {
    out.push('Tests: none (name a --control or --positive-control)');
  }
  for (const f of fits) {
    const label = `4PL${f.inhibitor === null ? '' : ` ${f.inhibitor}`} (${f.points.doses.length} points${f.points.doseUnit === null ? '' : `, dose in ${f.points.doseUnit}`})`;
    if (f.fit === null) {
      out.push(`${label}: not fitted: ${f.error?.code ?? ''}: ${f.error?.message ?? ''}`);
    } else {
      const r = f.fit;
      out.push(
        `${label}: ${r.potencyLabel} ${num(r.potency)} (${Math.round(r.confidenceLevel * 100)} % CI ${num(r.potencyCi[0])}–${num(r.potencyCi[1])}), hill ${num(r.hill.estimate)}${r.hill.fixed === true ? ' (fixed)' : ''}, top ${num(r.top.estimate)}${r.top.fixed === true ? ' (fixed)' : ''}, bottom ${num(r.bottom.estimate)}${r.bottom.fixed === true ? ' (fixed)' : ''}, R² ${num(r.rSquared)}${r.convergence.converged ? '' : ' (not converged)'}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
