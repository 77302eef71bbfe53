import type { TranswellReadouts } from './compute-readouts.js';

/** Points for {@link fit4pl}: one per unit of replication of every dosed condition. */
export interface DoseResponsePoints {
  /** Inhibitor dose of each point, in `doseUnit`. */
  readonly doses: number[];
  /** Metric value of each point (the readouts' `metric`, e.g. mean cells per field). */
  readonly responses: number[];
  /** Condition of each point. */
  readonly conditions: string[];
  /** Unit (experiment or insert label) of each point. */
  readonly units: string[];
  /** The dose unit shared by the points, `null` when none is given. */
  readonly doseUnit: string | null;
}

/**
 * Collects dose-response points from readouts: every condition with a `dose` (optionally only those
 * with the given `inhibitor` and `coating`) contributes its per-unit metric values. Add the positive
 * control as dose 0 by giving it `dose` 0 in the table. Mixed dose units are a programmer error.
 *
 * @throws {RangeError} when the selected conditions use different dose units.
 * @example
 * const { doses, responses } = doseResponsePoints(readouts, { inhibitor: 'carlumab' });
 * fit4pl(doses, responses);
 */
export function doseResponsePoints(
  readouts: TranswellReadouts,
  options: { readonly inhibitor?: string; readonly coating?: string | null } = {},
): DoseResponsePoints {
  const selected = readouts.conditions.filter(
    (c) =>
      c.dose !== null &&
      (options.inhibitor === undefined || c.inhibitor === options.inhibitor || c.dose === 0) &&
      (options.coating === undefined || c.coating === options.coating),
  );
  const unitsUsed = new Set(selected.map((c) => c.doseUnit).filter((u): u is string => u !== null));
  if (unitsUsed.size > 1) {
    throw new RangeError(`doseResponsePoints: conditions use different dose units (${[...unitsUsed].join(', ')})`);
  }
  const points: DoseResponsePoints = { doses: [], responses: [], conditions: [], units: [], doseUnit: [...unitsUsed][0] ?? null };
  for (const c of selected) {
    for (const u of c.unitValues) {
      points.doses.push(c.dose!);
      points.responses.push(u.value);
      points.conditions.push(c.condition);
      points.units.push(u.unit);
    }
  }
  return points;
}
