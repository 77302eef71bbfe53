import type { EventTable, TamkitWarning } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import type { AutoPregateOptions } from '../autogate/auto-pregate-options.js';
import type { GatingStrategy } from '../strategy/gating-strategy.js';
import type { ClassPercentages, MarkerClassStats } from './class-stats.js';
import type { PhenotypeClass } from './classification.js';
import type { DetectedPanel, PanelRoles } from './panel.js';
import type { RoleRuleOptions } from './role-rule.js';
import type { ThresholdMethod, ThresholdSource } from './threshold-types.js';

/** One sample to phenotype: scale values, the file's spillover (or null) and a name for results. */
export interface PhenotypeInput {
  /** Scale values (stage 'scaled'). */
  readonly table: EventTable;
  readonly spillover: SpilloverMatrix | null;
  readonly name: string;
}

/**
 * Controls of a sample, as scale-value tables of the same panel and instrument (compensated with the
 * sample's spillover and gated with the sample's pre-gates).
 */
export interface PhenotypeControls {
  /** FMO controls keyed by the marker left out: marker name ('CD206'), $PnS label or $PnN. */
  readonly fmo?: Readonly<Record<string, EventTable>>;
  /** Unstained control: cut-off of the pan-macrophage gate and of markers without FMO. */
  readonly unstained?: EventTable;
  /** Isotype control: used like the unstained control, before it. */
  readonly isotype?: EventTable;
}

/** Options of `phenotypeSample`. */
export interface PhenotypeOptions {
  /** Seed of every random step (subsamples, k-means). Required. */
  readonly seed: number;
  /** The panel; default `detectPanel(table.channels)`. */
  readonly panel?: DetectedPanel;
  readonly controls?: PhenotypeControls;
  /** `'rules'` (default): thresholds and role rules; `'kmeans'`: clusters named by their centres. */
  readonly method?: 'rules' | 'kmeans';
  /** Clusters for `'kmeans'`; default 8 (`'auto'` chooses by silhouette, slower). */
  readonly k?: number | 'auto';
  /** Role rule (default majority `k-of-n`). */
  readonly rule?: RoleRuleOptions;
  /** Percentile of a control used as the positivity cut-off. Default 99.5. */
  readonly percentile?: number;
  /** Events k-means fits its centres on (seeded subsample). Default 50 000. */
  readonly sampleSize?: number;
  /** Events a marker's own cut-off (mixture, valley) is fitted on (seeded subsample). Default 20 000. */
  readonly thresholdSampleSize?: number;
  /** Per-class MFI statistics (`markers`); false leaves them out (empty list). Default true. */
  readonly statistics?: boolean;
  /** Options passed to the pre-gates (their seed is `seed`). */
  readonly pregate?: Omit<AutoPregateOptions, 'seed' | 'spillover' | 'compensated' | 'controls'>;
}

/** One pre-gate's yield. */
export interface PregateYield {
  readonly id: string;
  readonly parent: string | null;
  readonly count: number;
  readonly percentOfParent: number;
  readonly percentOfTotal: number;
}

/** The positivity threshold of one M1/M2 marker. */
export interface MarkerThreshold {
  readonly channel: string;
  readonly marker: string;
  readonly role: 'm1' | 'm2';
  /** Cut-off on the display (logicle) scale: positive when value ≥ threshold. */
  readonly value: number;
  /** The same cut-off on the compensated (linear) scale. */
  readonly linearValue: number;
  readonly source: ThresholdSource;
  readonly method: ThresholdMethod | 'fallback';
  readonly eventCount: number;
}

/** Result of `phenotypeSample`: plain JSON-serialisable data except `codes`. */
export interface PhenotypeResult {
  readonly name: string;
  readonly eventCount: number;
  readonly seed: number;
  readonly panel: Pick<DetectedPanel, 'markers' | 'unassigned'> & { readonly roles: PanelRoles };
  readonly pregates: readonly PregateYield[];
  /** Fit parameters of each pre-gate. */
  readonly pregateParameters: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly thresholds: readonly MarkerThreshold[];
  readonly method: 'rules' | 'kmeans';
  /** Method parameters (rule, k, clusters' classes...). */
  readonly classificationParams: Readonly<Record<string, unknown>>;
  readonly counts: Readonly<Record<PhenotypeClass, number>>;
  /** % of the classified macrophage-gate events per class, and the M1/M2 count ratio. */
  readonly percentages: ClassPercentages;
  readonly markers: readonly (MarkerClassStats & {
    readonly channel: string;
    readonly role: 'm1' | 'm2';
  })[];
  /** The pre-gates (exportable with `toGatingML`), display transforms included. */
  readonly strategy: GatingStrategy;
  readonly warnings: readonly TamkitWarning[];
  /** Per event: 0 M1, 1 M2, 2 double_positive, 3 double_negative, 255 excluded (outside the macrophage gate). */
  readonly codes: Uint8Array;
}
