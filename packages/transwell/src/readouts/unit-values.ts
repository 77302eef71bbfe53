import type { WellReadout } from './wells.js';

/** One value per unit of replication (an experiment, or an insert when there are no experiments). */
export interface UnitValue {
  /** Experiment label, or the insert (replicate) label. */
  readonly unit: string;
  readonly value: number;
}

/** Unit of replication: independent experiments when every record names one, else inserts. */
export type ReplicationUnit = 'experiment' | 'insert';

/**
 * Values of `pick` per unit: in `'experiment'` mode the wells of each experiment are averaged first
 * (fields were already averaged per well); in `'insert'` mode each well is one value. Returns `null`
 * when `pick` is `null` for any well.
 */
export function unitValues(
  wells: readonly WellReadout[],
  unit: ReplicationUnit,
  pick: (w: WellReadout) => number | null,
): UnitValue[] | null {
  const values: { unit: string; value: number }[] = [];
  if (unit === 'insert') {
    for (const w of wells) {
      const v = pick(w);
      if (v === null) {
        return null;
      }
      values.push({ unit: w.replicate, value: v });
    }
    return values;
  }
  const byExperiment = new Map<string, number[]>();
  for (const w of wells) {
    const v = pick(w);
    if (v === null) {
      return null;
    }
    const key = w.experiment ?? '';
    const list = byExperiment.get(key);
    if (list === undefined) {
      byExperiment.set(key, [v]);
    } else {
      list.push(v);
    }
  }
  for (const [key, vs] of byExperiment) {
    values.push({ unit: key, value: vs.reduce((a, b) => a + b, 0) / vs.length });
  }
  return values;
}

/**
 * Applies `formula(value, ...references)` per unit. In `'experiment'` mode each experiment is compared
 * with the references of the same experiment (experiments missing a reference are skipped); in
 * `'insert'` mode each insert is compared with the mean of each reference's inserts.
 */
export function normalise(
  values: readonly UnitValue[],
  references: readonly (readonly UnitValue[])[],
  unit: ReplicationUnit,
  formula: (value: number, refs: number[]) => number,
): number[] {
  if (unit === 'insert') {
    const means = references.map((r) => r.reduce((a, b) => a + b.value, 0) / r.length);
    return values.map((v) => formula(v.value, means));
  }
  const out: number[] = [];
  for (const v of values) {
    const refs = references.map((r) => r.find((u) => u.unit === v.unit)?.value);
    if (refs.every((x): x is number => x !== undefined)) {
      out.push(formula(v.value, refs));
    }
  }
  return out;
}
