import type { Column, EventTable, TamkitWarning } from '@tamkit/core';
import { autoPregate } from '../autogate/auto-pregate.js';
import { transformMasked } from '../autogate/transform-masked.js';
import { annotateClusters } from '../cluster/annotate-clusters.js';
import { kmeansCluster } from '../cluster/kmeans-cluster.js';
import { compensate } from '../compensation/compensate.js';
import { evaluateStrategy } from '../strategy/evaluate-strategy.js';
import { createTransform } from '../transforms/create-transform.js';
import { classPercentages, classStatistics, type ControlColumn } from './class-stats.js';
import type { Classification } from './classification.js';
import { classifyByRules } from './classify.js';
import { detectPanel } from './panel.js';
import { canonicalMarker } from './panel-spellings.js';
import { PhenotypePipelineError } from './pipeline-errors.js';
import {
  phenotypeDisplay,
  type MarkerDisplayInput,
  type PhenotypeDisplay,
  type PhenotypeDisplayOptions,
} from './phenotype-display.js';
import { markerThreshold, type PreparedControl } from './pipeline-thresholds.js';
import type {
  MarkerThreshold,
  PhenotypeInput,
  PhenotypeOptions,
  PhenotypeResult,
} from './pipeline-types.js';

/** Defaults of {@link PhenotypeOptions}. */
export const PHENOTYPE_DEFAULTS: {
  readonly method: 'rules';
  readonly k: number;
  readonly percentile: number;
  readonly sampleSize: number;
  readonly thresholdSampleSize: number;
  readonly statistics: boolean;
} = {
  method: 'rules',
  k: 8,
  percentile: 99.5,
  sampleSize: 50_000,
  thresholdSampleSize: 20_000,
  statistics: true,
};

/**
 * Phenotypes one macrophage sample end to end: compensation with the file's spillover, automated
 * pre-gates (`autoPregate`: cells, singlets, live, macrophages), logicle display values of the M1/M2
 * markers, a positivity threshold per marker (the 99.5th percentile of the marker's own FMO control,
 * else of the isotype or unstained control — replaced by the sample's own cut-off with
 * `THRESHOLD_ABOVE_CONTROL` only when the sample's negatives lie above it — else the sample's own
 * cut-off with `THRESHOLD_NO_CONTROL`), classification of
 * the macrophage gate by role rules (`classifyByRules`) or k-means clusters named by their centres
 * (`kmeansCluster` + `annotateClusters`), class percentages and the M1/M2 ratio, and per marker and
 * class the median MFI, its ratio and difference to the FMO control and the stain index
 * (`classStatistics`, compensated scale). Controls are compensated with the sample's spillover and
 * gated with the sample's pre-gates. Formulas and output shape: docs/phenotyping.md.
 *
 * @throws {PanelError} `PANEL_NOT_DETECTED` when no panel is given and none can be detected.
 * @throws {PhenotypePipelineError} `PHENOTYPE_UNKNOWN_CONTROL` for an FMO of a marker outside the panel.
 * @throws {AutogateError} / {ClassificationError} / {ClusterError} from the steps.
 * With `display` (true or {@link PhenotypeDisplayOptions}), the result also carries `display`: the
 * binned pre-gate densities and marker histograms with thresholds and controls of `phenotypeDisplay`
 * (seeded with `seed`), for reports.
 *
 * @example
 * const r = phenotypeSample({ table: scaled, spillover: ds.spillover, name: 'D1_M1.fcs' }, { seed: 1 });
 * r.percentages.percent.M1; // % M1 of live single macrophages
 */
export function phenotypeSample(
  input: PhenotypeInput,
  options: PhenotypeOptions & { readonly display?: boolean | PhenotypeDisplayOptions },
): PhenotypeResult & { readonly display?: PhenotypeDisplay } {
  const { table, spillover } = input;
  if (typeof options.seed !== 'number' || !Number.isFinite(options.seed)) {
    throw new TypeError(`seed must be a finite number, got ${String(options.seed)}`);
  }
  const seed = options.seed;
  const d = PHENOTYPE_DEFAULTS;
  const method = options.method ?? d.method;
  const percentile = options.percentile ?? d.percentile;
  const sampleSize = options.sampleSize ?? d.sampleSize;
  const thresholdSampleSize = options.thresholdSampleSize ?? d.thresholdSampleSize;
  const panel = options.panel ?? detectPanel(table.channels);
  const controls = options.controls ?? {};
  const comp = spillover === null ? table : compensate(table, spillover);
  const pre = autoPregate(table, panel.roles, {
    ...options.pregate,
    seed,
    spillover,
    compensated: comp,
    controls: {
      ...(controls.unstained ? { unstained: controls.unstained } : {}),
      ...(controls.isotype ? { isotype: controls.isotype } : {}),
    },
  });
  const warnings: TamkitWarning[] = [...panel.warnings, ...pre.warnings];
  const gate = pre.populations.at(-1)?.mask ?? new Uint8Array(table.eventCount).fill(1);
  const markerOf = new Map(panel.markers.map((m) => [m.channel, m.marker]));
  const roleChannels = [
    ...panel.roles.m1.map((c) => [c, 'm1'] as const),
    ...panel.roles.m2.map((c) => [c, 'm2'] as const),
  ];
  const fmoByChannel = resolveFmo(
    controls.fmo ?? {},
    table,
    roleChannels.map(([c]) => c),
    markerOf,
  );

  // Controls, gated like the sample: FMOs in the final gate, unstained/isotype in the gate before
  // the pan-macrophage one (their pan-marker stain is absent).
  const prepare = (kind: PreparedControl['kind'], control: EventTable): PreparedControl => {
    const tree = evaluateStrategy(pre.strategy, control, { fcsSpillover: spillover });
    const id =
      kind === 'fmo' || pre.finalGateId !== 'macrophages'
        ? pre.finalGateId
        : tree.byId.get('macrophages')!.parent;
    const mask = id === null ? new Uint8Array(control.eventCount).fill(1) : tree.byId.get(id)!.mask;
    return { kind, comp: spillover === null ? control : compensate(control, spillover), mask };
  };
  const negative = controls.isotype
    ? prepare('isotype', controls.isotype)
    : controls.unstained
      ? prepare('unstained', controls.unstained)
      : undefined;

  // Rules compare compensated values with each cut-off mapped back through the (monotonic) display
  // transform, which is the same test as on the display scale without transforming every event;
  // clustering and the score rule need display values for every gated event.
  const useDisplay = method === 'kmeans' || options.rule?.rule === 'score';
  const display: Record<string, Column> = {};
  const raw: Record<string, Column> = {};
  const thresholds: Record<string, number> = {};
  const thresholdList: MarkerThreshold[] = [];
  const controlColumns: Record<string, ControlColumn> = {};
  const displayMarkers: MarkerDisplayInput[] = [];
  roleChannels.forEach(([channel, role], j) => {
    const transform = createTransform(pre.displayTransforms[channel]!);
    const idx = comp.channels.findIndex((c) => c.name === channel);
    raw[channel] = comp.columns[idx]!;
    display[channel] = useDisplay
      ? transformMasked(transform, comp.columns[idx]!, gate)
      : comp.columns[idx]!;
    const fmo = fmoByChannel.get(channel);
    const control = fmo === undefined ? negative : prepare('fmo', fmo);
    const { threshold } = markerThreshold(channel, transform, comp.columns[idx]!, gate, control, {
      percentile,
      sampleSize: thresholdSampleSize,
      seed: seed + j + 1,
    });
    if (control?.kind === 'fmo') {
      const ci = control.comp.channels.findIndex((c) => c.name === channel);
      controlColumns[channel] = { values: control.comp.columns[ci]!, mask: control.mask };
    }
    thresholds[channel] = useDisplay ? threshold.value : transform.inverse(threshold.value);
    if (options.display) {
      const ci = control?.comp.channels.findIndex((c) => c.name === channel) ?? -1;
      displayMarkers.push({
        channel,
        marker: markerOf.get(channel) ?? channel,
        role,
        transform: transform.spec,
        values: comp.columns[idx]!,
        mask: gate,
        threshold: threshold.value,
        thresholdSource: threshold.source,
        ...(control && ci >= 0
          ? {
              control: {
                label:
                  control.kind === 'fmo' ? `FMO ${markerOf.get(channel) ?? channel}` : control.kind,
                values: control.comp.columns[ci]!,
                mask: control.mask,
              },
            }
          : {}),
      });
    }
    warnings.push(
      ...threshold.warnings.map((w) => ({
        ...w,
        context: { ...w.context, channel, marker: markerOf.get(channel) },
      })),
    );
    thresholdList.push({
      channel,
      marker: markerOf.get(channel) ?? channel,
      role,
      value: threshold.value,
      linearValue: transform.inverse(threshold.value),
      source: threshold.source,
      method: threshold.params.fallback === undefined ? threshold.method : 'fallback',
      eventCount: threshold.eventCount,
    });
  });

  // A panel with markers for one role only: the other role is negative for every event, through a
  // constant placeholder column below its threshold (classifyByRules needs both roles).
  const rolePanel = { m1: [...panel.roles.m1], m2: [...panel.roles.m2] };
  for (const role of ['m1', 'm2'] as const) {
    if (rolePanel[role].length === 0) {
      const key = `(no ${role.toUpperCase()} marker)`;
      rolePanel[role].push(key);
      display[key] = new Float64Array(table.eventCount);
      thresholds[key] = 1; // every placeholder value (0) is below it
      warnings.push({
        code: 'PHENOTYPE_ROLE_EMPTY',
        message: `the panel has no ${role.toUpperCase()} marker; every event is called ${role.toUpperCase()}-negative`,
        context: { role },
      });
    }
  }
  let classification: Classification;
  let classificationParams: Record<string, unknown>;
  if (method === 'kmeans') {
    const channels = [...rolePanel.m1, ...rolePanel.m2];
    const k = options.k ?? d.k;
    const clusters = kmeansCluster(
      channels.map((c) => display[c]!),
      gate,
      { seed, k, sampleSize },
    );
    const annotated = annotateClusters(clusters, channels, rolePanel, thresholds, options.rule);
    classification = annotated;
    classificationParams = {
      ...annotated.params,
      clusterClasses: annotated.clusterClasses,
      centres: Array.from(clusters.centres),
      seed,
    };
  } else {
    const rules = classifyByRules(display, gate, rolePanel, thresholds, options.rule);
    classification = rules;
    classificationParams = rules.params;
  }
  warnings.push(...classification.warnings);
  const stats =
    (options.statistics ?? d.statistics)
      ? classStatistics(classification, raw, { controls: controlColumns })
      : [];
  const roleOf = new Map(roleChannels);
  return {
    name: input.name,
    eventCount: table.eventCount,
    seed,
    panel: { markers: panel.markers, roles: panel.roles, unassigned: panel.unassigned },
    pregates: pre.populations.map((p) => ({
      id: p.id,
      parent: p.parent,
      count: p.count,
      percentOfParent: p.percentOfParent,
      percentOfTotal: p.percentOfTotal,
    })),
    pregateParameters: pre.parameters,
    thresholds: thresholdList,
    method,
    classificationParams,
    counts: classification.counts,
    percentages: classPercentages(classification),
    markers: stats.map((s) => ({
      ...s,
      marker: markerOf.get(s.marker) ?? s.marker,
      channel: s.marker,
      role: roleOf.get(s.marker)!,
    })),
    strategy: pre.strategy,
    warnings,
    codes: classification.codes,
    ...(options.display
      ? {
          display: phenotypeDisplay(
            {
              table,
              spillover,
              strategy: pre.strategy,
              populations: pre.populations,
              markers: displayMarkers,
            },
            { seed, ...(options.display === true ? {} : options.display) },
          ),
        }
      : {}),
  };
}

/** FMO tables by channel, from keys naming a marker, a $PnS label or a $PnN. */
function resolveFmo(
  fmo: Readonly<Record<string, EventTable>>,
  table: EventTable,
  channels: readonly string[],
  markerOf: ReadonlyMap<string, string>,
): Map<string, EventTable> {
  const out = new Map<string, EventTable>();
  for (const [key, control] of Object.entries(fmo)) {
    const wanted = canonicalMarker(key);
    const channel =
      channels.find((c) => c === key) ??
      channels.find((c) => table.channels.find((m) => m.name === c)?.label === key) ??
      channels.find((c) => markerOf.get(c) === wanted);
    if (channel === undefined) {
      const available = channels.map((c) => markerOf.get(c) ?? c);
      throw new PhenotypePipelineError(
        'PHENOTYPE_UNKNOWN_CONTROL',
        `FMO control given for '${key}', which is not an M1 or M2 marker of the panel; expected one of ${available.join(', ') || '(none)'}`,
        { marker: key, available },
      );
    }
    out.set(channel, control);
  }
  return out;
}
