import type { TamkitWarning } from '@tamkit/core';
import type { CountRecord } from '../count-record.js';
import { TranswellDataError } from '../errors.js';
import { summarize, type Summary } from '../stats/summarize.js';
import { normalise, unitValues, type ReplicationUnit, type UnitValue } from './unit-values.js';
import { groupWells, type WellReadout } from './wells.js';

/** The per-unit value that ratios (chemotactic index, % of control, % inhibition) are computed on. */
export type ReadoutMetric = 'meanPerField' | 'totalMigrated' | 'percentMigration';

/** Options of {@link computeReadouts}. */
export interface ReadoutOptions {
  /** Medium-only condition (random migration / chemokinesis baseline). */
  readonly baseline?: string;
  /** Stimulated condition without inhibitor (e.g. CCL2 alone), the 0 % inhibition reference. */
  readonly positiveControl?: string;
  /** Reference of % of control; default the positive control. */
  readonly control?: string;
  /** Insert membrane area when a record has none, mm²; default 33 (6.5 mm Transwell, 0.33 cm²). */
  readonly insertAreaMm2?: number;
  /** Field area when a record has none, mm²; no default (total migrated is then `null`). */
  readonly fieldAreaMm2?: number;
  /** Cells seeded per insert when a record has none. */
  readonly cellsSeeded?: number;
  /** Value that ratios are computed on; default `'meanPerField'`. */
  readonly metric?: ReadoutMetric;
  /** Coating label of invasion inserts; default `'matrigel'`. */
  readonly coatedLabel?: string;
  /** Coating label of migration inserts; default `'uncoated'`. */
  readonly uncoatedLabel?: string;
}

/** Defaults of {@link ReadoutOptions}. */
export const READOUT_DEFAULTS = {
  insertAreaMm2: 33,
  metric: 'meanPerField',
  coatedLabel: 'matrigel',
  uncoatedLabel: 'uncoated',
} as const;

/** Fully-defined readout options. */
export interface ResolvedReadoutOptions {
  readonly baseline: string | null;
  readonly positiveControl: string | null;
  readonly control: string | null;
  readonly insertAreaMm2: number;
  readonly fieldAreaMm2: number | null;
  readonly cellsSeeded: number | null;
  readonly metric: ReadoutMetric;
  readonly coatedLabel: string;
  readonly uncoatedLabel: string;
}

/** Fills the defaults of {@link ReadoutOptions}. @example resolveReadoutOptions({}).insertAreaMm2 // 33 */
export function resolveReadoutOptions(options: ReadoutOptions = {}): ResolvedReadoutOptions {
  return {
    baseline: options.baseline ?? null,
    positiveControl: options.positiveControl ?? null,
    control: options.control ?? options.positiveControl ?? null,
    insertAreaMm2: options.insertAreaMm2 ?? READOUT_DEFAULTS.insertAreaMm2,
    fieldAreaMm2: options.fieldAreaMm2 ?? null,
    cellsSeeded: options.cellsSeeded ?? null,
    metric: options.metric ?? READOUT_DEFAULTS.metric,
    coatedLabel: (options.coatedLabel ?? READOUT_DEFAULTS.coatedLabel).toLowerCase(),
    uncoatedLabel: (options.uncoatedLabel ?? READOUT_DEFAULTS.uncoatedLabel).toLowerCase(),
  };
}

/** Readouts of one condition (and coating), summarised over the unit of replication. */
export interface ConditionReadout {
  readonly condition: string;
  readonly coating: string | null;
  /** CCL2 (ng/mL), inhibitor, dose and dose unit of the condition (from its first insert). */
  readonly ccl2NgMl: number | null;
  readonly inhibitor: string | null;
  readonly dose: number | null;
  readonly doseUnit: string | null;
  readonly unit: ReplicationUnit;
  /** Number of units (experiments or inserts). */
  readonly n: number;
  readonly nInserts: number;
  /** Metric value per unit (what the statistics use). */
  readonly unitValues: UnitValue[];
  readonly meanPerField: Summary;
  readonly totalMigrated: Summary | null;
  readonly percentMigration: Summary | null;
  /** metric / metric(baseline). */
  readonly chemotacticIndex: Summary | null;
  /** metric / metric(control) × 100. */
  readonly percentOfControl: Summary | null;
  /** (1 − (metric − baseline)/(positive control − baseline)) × 100. */
  readonly percentInhibition: Summary | null;
  /** Coated inserts only: % invasion (coated) / % migration (uncoated, same condition). */
  readonly invasionIndex: Summary | null;
}

/** Units of the readouts, for reports. */
export const READOUT_UNITS = {
  meanPerField: 'cells/field',
  totalMigrated: 'cells',
  percentMigration: '% of cells seeded',
  chemotacticIndex: 'ratio to baseline',
  percentOfControl: '% of control',
  percentInhibition: '% inhibition',
  invasionIndex: 'ratio (coated / uncoated % migration)',
  insertAreaMm2: 'mm²',
  fieldAreaMm2: 'mm²',
} as const;

/** Result of {@link computeReadouts}. JSON-serialisable. */
export interface TranswellReadouts {
  readonly units: typeof READOUT_UNITS;
  readonly unit: ReplicationUnit;
  readonly metric: ReadoutMetric;
  readonly options: ResolvedReadoutOptions;
  readonly wells: WellReadout[];
  readonly conditions: ConditionReadout[];
  readonly warnings: TamkitWarning[];
}

/**
 * Migration readouts per insert and per condition (see docs/transwell.md for every formula):
 * mean per field = Σ counts / n fields; total migrated = mean per field × insert area / field area;
 * % migration = total migrated / cells seeded × 100; chemotactic index = X / X(baseline);
 * % of control = X / X(control) × 100; % inhibition = (1 − (X − X(baseline))/(X(positive) − X(baseline))) × 100;
 * invasion index = % migration(coated) / % migration(uncoated) of the same condition (the metric ratio
 * when cells seeded are unknown, i.e. equal seeding assumed). X is the `metric` per unit. When every
 * record names an `experiment`, experiments are the unit of replication (fields, then inserts averaged
 * first) and ratios use the references of the same experiment; otherwise inserts are the unit and
 * ratios use the reference means. Mean, sample SD, SEM and n are over units.
 *
 * @throws {TranswellDataError} `TRANSWELL_UNRESOLVED_IMAGE` for a record without count;
 *   `TRANSWELL_UNKNOWN_CONDITION` when a named reference is absent; `TRANSWELL_BAD_AREA` for
 *   non-positive areas or a metric that needs a field area / cells seeded that are unknown;
 *   `TRANSWELL_MISSING_EXPERIMENT` when only some records name an experiment.
 * @example
 * computeReadouts(records, { baseline: 'medium', positiveControl: 'CCL2' }).conditions;
 */
export function computeReadouts(records: readonly CountRecord[], options: ReadoutOptions = {}): TranswellReadouts {
  const o = resolveReadoutOptions(options);
  const warnings: TamkitWarning[] = [];
  const withExperiment = records.filter((r) => r.experiment !== null).length;
  if (withExperiment > 0 && withExperiment < records.length) {
    const r = records.find((x) => x.experiment === null)!;
    throw new TranswellDataError(
      'TRANSWELL_MISSING_EXPERIMENT',
      `${r.source.file}:${r.source.line}: no experiment, but ${withExperiment} other records name one; expected an experiment on every record or on none`,
      { file: r.source.file, line: r.source.line },
    );
  }
  const unit: ReplicationUnit = withExperiment > 0 ? 'experiment' : 'insert';
  const wells = groupWells(records, o);
  const groups = new Map<string, WellReadout[]>();
  for (const w of wells) {
    const key = `${w.condition}\u0000${w.coating ?? ''}`;
    const list = groups.get(key);
    if (list === undefined) {
      groups.set(key, [w]);
    } else {
      list.push(w);
    }
  }
  const conditionNames = new Set(wells.map((w) => w.condition));
  for (const name of [o.baseline, o.positiveControl, o.control]) {
    if (name !== null && !conditionNames.has(name)) {
      throw new TranswellDataError(
        'TRANSWELL_UNKNOWN_CONDITION',
        `no condition named '${name}'; available: ${[...conditionNames].join(', ')}`,
        { condition: name, available: [...conditionNames] },
      );
    }
  }
  const metricOf = (w: WellReadout): number | null => w[o.metric];
  const metricValues = (ws: readonly WellReadout[]): UnitValue[] => {
    const v = unitValues(ws, unit, metricOf);
    if (v === null) {
      const w = ws.find((x) => metricOf(x) === null)!;
      throw new TranswellDataError(
        'TRANSWELL_BAD_AREA',
        `condition '${w.condition}' replicate '${w.replicate}' has no ${o.metric}; pass fieldAreaMm2 (and cellsSeeded for percentMigration) or choose metric 'meanPerField'`,
        { condition: w.condition, replicate: w.replicate, metric: o.metric },
      );
    }
    return v;
  };
  const reference = (name: string | null, coating: string | null): UnitValue[] | null => {
    if (name === null) {
      return null;
    }
    const ws = groups.get(`${name}\u0000${coating ?? ''}`);
    return ws === undefined ? null : metricValues(ws);
  };
  const summaryOf = (ws: readonly WellReadout[], pick: (w: WellReadout) => number | null): Summary | null => {
    const v = unitValues(ws, unit, pick);
    return v === null ? null : summarize(v.map((x) => x.value));
  };
  const conditions: ConditionReadout[] = [];
  for (const ws of groups.values()) {
    const first = ws[0]!;
    const values = metricValues(ws);
    const differing = (['ccl2NgMl', 'inhibitor', 'dose', 'doseUnit'] as const).filter((k) => ws.some((w) => w[k] !== first[k]));
    if (differing.length > 0) {
      warnings.push({
        code: 'TRANSWELL_INCONSISTENT_METADATA',
        message: `condition '${first.condition}': inserts differ in ${differing.join(', ')}; the first insert's values are reported`,
        context: { condition: first.condition, coating: first.coating, columns: differing },
      });
    }
    const base = reference(o.baseline, first.coating);
    const positive = reference(o.positiveControl, first.coating);
    const control = reference(o.control, first.coating);
    const ratio = (refs: (UnitValue[] | null)[], f: (x: number, r: number[]) => number): Summary | null =>
      refs.every((r): r is UnitValue[] => r !== null) ? summarize(normalise(values, refs, unit, f)) : null;
    let invasionIndex: Summary | null = null;
    if (first.coating === o.coatedLabel) {
      const uncoated = groups.get(`${first.condition}\u0000${o.uncoatedLabel}`);
      if (uncoated === undefined) {
        warnings.push({
          code: 'TRANSWELL_NO_UNCOATED_PAIR',
          message: `condition '${first.condition}' has ${o.coatedLabel} inserts but no ${o.uncoatedLabel} inserts; no invasion index`,
          context: { condition: first.condition },
        });
      } else {
        const usePercent = [...ws, ...uncoated].every((w) => w.percentMigration !== null);
        const pick = (w: WellReadout): number | null => (usePercent ? w.percentMigration : metricOf(w));
        const coatedValues = unitValues(ws, unit, pick);
        const uncoatedValues = unitValues(uncoated, unit, pick);
        if (coatedValues !== null && uncoatedValues !== null) {
          invasionIndex = summarize(normalise(coatedValues, [uncoatedValues], unit, (x, [u]) => x / u!));
        }
      }
    }
    conditions.push({
      condition: first.condition,
      coating: first.coating,
      ccl2NgMl: first.ccl2NgMl,
      inhibitor: first.inhibitor,
      dose: first.dose,
      doseUnit: first.doseUnit,
      unit,
      n: values.length,
      nInserts: ws.length,
      unitValues: values,
      meanPerField: summaryOf(ws, (w) => w.meanPerField)!,
      totalMigrated: summaryOf(ws, (w) => w.totalMigrated),
      percentMigration: summaryOf(ws, (w) => w.percentMigration),
      chemotacticIndex: ratio([base], (x, [b]) => x / b!),
      percentOfControl: ratio([control], (x, [c]) => (x / c!) * 100),
      percentInhibition: ratio([base, positive], (x, [b, p]) => (1 - (x - b!) / (p! - b!)) * 100),
      invasionIndex,
    });
  }
  return { units: READOUT_UNITS, unit, metric: o.metric, options: o, wells, conditions, warnings };
}
