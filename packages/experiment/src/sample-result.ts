import type { MarkerThreshold, PhenotypeDisplay, PhenotypeResult, PregateYield } from '@tamkit/gating';

/** A warning as JSON. */
export interface WarningJson {
  readonly code: string;
  readonly message: string;
}

/** One population of a user gating strategy (gating file or Gating-ML), per sample. */
export interface PopulationCount {
  readonly population: string;
  readonly parent: string | null;
  readonly count: number;
  readonly percentOfParent: number | null;
}

/**
 * The small, JSON-only result of one stained sample (what a worker sends back: no per-event arrays).
 * Percentages are % of the classified macrophage-gate events.
 */
export interface SampleResult {
  readonly id: string;
  readonly file: string;
  readonly condition: string | null;
  readonly donor: string | null;
  readonly eventCount: number;
  readonly method: 'rules' | 'kmeans';
  readonly pregates: readonly PregateYield[];
  readonly thresholds: readonly MarkerThreshold[];
  readonly counts: Readonly<Record<string, number>>;
  readonly percent: Readonly<Record<string, number>>;
  readonly m1m2Ratio: number | null;
  readonly markers: PhenotypeResult['markers'];
  /** The applied pre-gates as Gating-ML 2.0. */
  readonly gatingMl: string;
  /** Populations of the experiment's own gating strategy, when it names one. */
  readonly populations: readonly PopulationCount[] | null;
  /** The controls used, by kind, as file paths. */
  readonly controls: Readonly<Record<string, string>>;
  readonly warnings: readonly WarningJson[];
  /** Binned events for the report's gating and marker plots (`phenotypeDisplay`), when asked for. */
  readonly display?: PhenotypeDisplay;
}

/** A sample that could not be analysed: its id, file and the error. */
export interface SampleFailure {
  readonly id: string;
  readonly file: string;
  readonly error: { readonly code: string; readonly message: string };
}

/**
 * Turns a `phenotypeSample` result into a {@link SampleResult}: drops the per-event codes and the
 * strategy object (kept as Gating-ML text, written by the caller with `toGatingML`).
 *
 * @example sampleResult({ id: 'D1_M1', file: 'D1_M1.fcs', condition: 'M1', donor: 'D1' }, r, xml, null, {})
 */
export function sampleResult(
  meta: { readonly id: string; readonly file: string; readonly condition: string | null; readonly donor: string | null },
  r: PhenotypeResult,
  gatingMl: string,
  populations: readonly PopulationCount[] | null,
  controls: Readonly<Record<string, string>>,
  display?: PhenotypeDisplay,
): SampleResult {
  return {
    ...meta,
    eventCount: r.eventCount,
    method: r.method,
    pregates: r.pregates,
    thresholds: r.thresholds,
    counts: { ...r.counts },
    percent: { ...r.percentages.percent },
    m1m2Ratio: r.percentages.m1m2Ratio,
    markers: r.markers,
    gatingMl,
    populations,
    controls,
    warnings: r.warnings.map((w) => ({ code: w.code, message: w.message })),
    ...(display === undefined ? {} : { display }),
  };
}
