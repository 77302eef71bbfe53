import { createRng, type EventTable, type Mask, type TamkitWarning } from '@tamkit/core';
import { compensate } from '../compensation/compensate.js';
import type { BoundedDimension, GeometricGateSpec } from '../gates/gate-spec.js';
import type { PanelRoles } from '../phenotype/panel.js';
import {
  FCS_COMPENSATION,
  UNCOMPENSATED,
  type GatingStrategy,
} from '../strategy/gating-strategy.js';
import type { Population } from '../strategy/population-tree.js';
import { createTransform } from '../transforms/create-transform.js';
import { defaultDisplayTransform } from '../transforms/default-display-transform.js';
import type { TransformSpec } from '../transforms/transform-spec.js';
import { AutogateError } from './autogate-errors.js';
import { fitDebrisGate } from './debris-gate.js';
import { negativeControl } from './negative-control.js';
import { GateChain } from './gate-chain.js';
import { fitMarkerCut, type MarkerCut } from './marker-gate.js';
import { findScatterChannels, type ScatterChannels } from './scatter-channels.js';
import { sampleValues } from './sample-values.js';
import { fitSingletGate } from './singlet-gate.js';
import { transformMasked } from './transform-masked.js';
import { resolveAutoPregateOptions, type AutoPregateOptions } from './auto-pregate-options.js';

/**
 * Ids of the pre-gates, root first: each is the parent of the next one present.
 *
 * @example
 * PREGATE_IDS; // ['cells', 'singlets', 'live', 'macrophages']
 */
export const PREGATE_IDS = ['cells', 'singlets', 'live', 'macrophages'] as const;

/** Result of {@link autoPregate}. */
export interface AutoPregateResult {
  /** The pre-gates as a gating strategy (exportable with `toGatingML`, overridable by hand). */
  readonly strategy: GatingStrategy;
  /** One population per gate, root first (mask, count, percent of parent and of total). */
  readonly populations: readonly Population[];
  /** Id of the last gate: the population that phenotyping classifies; null when no gate could be fitted. */
  readonly finalGateId: string | null;
  /** Display transform chosen per fluorescence channel ($PnN → spec), shared with the pipeline. */
  readonly displayTransforms: Readonly<Record<string, TransformSpec>>;
  /** Fit parameters per gate id (cut-offs, modes, sample sizes, sources). */
  readonly parameters: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly warnings: readonly TamkitWarning[];
  readonly seed: number;
}

/**
 * Transform id of a channel's display transform in the strategy.
 *
 * @example
 * displayTransformId('APC-Cy7-A'); // 'display-APC-Cy7-A'
 */
export function displayTransformId(channel: string): string {
  return `display-${channel}`;
}

/**
 * Fits the automated pre-gates of a macrophage panel on one sample and returns them as a gating
 * strategy: `cells` (debris exclusion on FSC-A/SSC-A), `singlets` (FSC-H/FSC-A band), `live`
 * (viability dye below its dim/bright valley, on the logicle display scale) and `macrophages`
 * (pan-macrophage markers above their cut-off, from the unstained or isotype control when given, else
 * the valley). Each gate is fitted within the previous one; a gate whose channel is missing is left
 * out with a warning (`AUTOGATE_NO_SINGLET_CHANNEL`, `AUTOGATE_NO_VIABILITY`,
 * `AUTOGATE_NO_MACROPHAGE_MARKER`). Fluorescence gates read the file's spillover (`'FCS'`) and a
 * named logicle transform (`display-<channel>`, display defaults with W from the data), so the
 * strategy evaluates to the same populations with `evaluateStrategy(strategy, table, { fcsSpillover })`.
 * Every density is estimated on a seeded subsample. Algorithms and formulas: docs/phenotyping.md.
 *
 * @param table scale values (stage 'scaled'), FSC/SSC channels named FSC-A, FSC-H, SSC-A (or -H).
 * @param panel the roles of `detectPanel(...).roles` (channel names).
 * @throws {AutogateError} `AUTOGATE_MISSING_CHANNEL` without FSC or SSC, `AUTOGATE_TOO_FEW_EVENTS`.
 * @throws {CompensationError} when the spillover names channels the table lacks.
 * @example
 * const { strategy, populations } = autoPregate(scaled, detectPanel(scaled.channels).roles, { seed: 1, spillover });
 * populations.at(-1)?.count; // live single macrophages
 */
export function autoPregate(
  table: EventTable,
  panel: PanelRoles,
  options: AutoPregateOptions,
): AutoPregateResult {
  const opts = resolveAutoPregateOptions(options);
  const rng = createRng(opts.seed);
  const compRef = opts.spillover === null ? UNCOMPENSATED : FCS_COMPENSATION;
  const comp =
    opts.compensated ?? (opts.spillover === null ? table : compensate(table, opts.spillover));
  const warnings: TamkitWarning[] = [];
  const chain = new GateChain(table.eventCount, opts.minEvents);
  const column = (t: EventTable, name: string): Float64Array | Float32Array =>
    t.columns[t.channels.findIndex((c) => c.name === name)]!;

  // 1. cells: debris exclusion; 2. singlets. Both need scatter channels (mass cytometry has none).
  let scatter: ScatterChannels | null = null;
  try {
    scatter = findScatterChannels(table);
  } catch (e) {
    if (!(e instanceof AutogateError)) {
      throw e;
    }
    warnings.push({
      code: 'AUTOGATE_NO_SCATTER',
      message: `${e.message}; debris and singlet gates left out`,
      context: e.context,
    });
  }
  let parent: Mask | null = null;
  if (scatter !== null) {
    chain.requireEvents('cells');
    const fsc = column(table, scatter.fscA);
    const debris = fitDebrisGate(
      fsc,
      { fsc: scatter.fscA, ssc: scatter.sscA, compensation: UNCOMPENSATED },
      scatter.top,
      null,
      rng,
      opts.debris,
    );
    warnings.push(...debris.warnings);
    parent = chain.add('cells', debris.gate, [fsc, column(table, scatter.sscA)], {
      ...debris.params,
      channels: [scatter.fscA, scatter.sscA],
    });
    if (scatter.fscH === null) {
      warnings.push({
        code: 'AUTOGATE_NO_SINGLET_CHANNEL',
        message: `no FSC-H channel next to ${scatter.fscA}; singlet gate left out`,
        context: { gateId: 'singlets' },
      });
    } else {
      chain.requireEvents('singlets');
      const h = column(table, scatter.fscH);
      const cut = debris.params.cut as number;
      const singlets = fitSingletGate(
        fsc,
        h,
        { area: scatter.fscA, height: scatter.fscH, compensation: UNCOMPENSATED },
        cut / 2,
        scatter.top,
        parent,
        rng,
        opts.singlets,
      );
      parent = chain.add('singlets', singlets.gate, [fsc, h], {
        ...singlets.params,
        channels: [scatter.fscA, scatter.fscH],
      });
    }
  }

  // Display transforms of the fluorescence channels, with W from a seeded subsample of the data.
  const displayTransforms: Record<string, TransformSpec> = {};
  comp.channels.forEach((c, i) => {
    if (c.kind === 'fluorescence') {
      displayTransforms[c.name] = defaultDisplayTransform(
        c,
        sampleValues(comp.columns[i]!, null, opts.transformSampleSize, rng),
      );
    }
  });
  const transformsUsed: Record<string, TransformSpec> = {};
  const dimension = (channel: string): BoundedDimension => {
    transformsUsed[displayTransformId(channel)] = displayTransforms[channel]!;
    return { channel, compensation: compRef, transform: displayTransformId(channel) };
  };
  const displayColumn = (t: EventTable, channel: string, mask: Mask | null): Float64Array =>
    transformMasked(createTransform(displayTransforms[channel]!), column(t, channel), mask);

  // 3. live.
  const viability = panel.viability;
  if (viability === null || displayTransforms[viability] === undefined) {
    warnings.push({
      code: 'AUTOGATE_NO_VIABILITY',
      message: 'no viability dye in the panel; live gate left out',
      context: { gateId: 'live' },
    });
  } else {
    chain.requireEvents('live');
    const transform = createTransform(displayTransforms[viability]);
    const linear = column(comp, viability);
    const fit = fitMarkerCut(
      'live',
      viability,
      linear,
      transform,
      parent,
      'dim',
      rng,
      opts.markers,
    );
    warnings.push(...fit.warnings);
    const dim = dimension(viability);
    const gate: GeometricGateSpec = { kind: 'range', dimensions: [{ ...dim, max: fit.cut.value }] };
    const evalGate: GeometricGateSpec = {
      kind: 'range',
      dimensions: [{ ...dim, max: transform.inverse(fit.cut.value) }],
    };
    parent = chain.add(
      'live',
      gate,
      [linear],
      { method: 'viability dye valley (live = dim)', ...cutParams(fit.cut) },
      evalGate,
    );
  }

  // 4. macrophages: every pan-macrophage marker above its cut-off.
  const pan = panel.macrophage.filter((c) => displayTransforms[c] !== undefined);
  if (pan.length === 0) {
    warnings.push({
      code: 'AUTOGATE_NO_MACROPHAGE_MARKER',
      message:
        'no pan-macrophage marker (CD14, CD11b, CD68, F4/80) in the panel; macrophage gate left out',
      context: { gateId: 'macrophages' },
    });
  } else {
    chain.requireEvents('macrophages');
    const control = negativeControl(opts, chain.gates, compRef, transformsUsed);
    const cuts: MarkerCut[] = [];
    const columns: (Float64Array | Float32Array)[] = [];
    const linearCuts: number[] = [];
    for (const channel of pan) {
      const transform = createTransform(displayTransforms[channel]!);
      const linear = column(comp, channel);
      const controlValues =
        control === null
          ? undefined
          : {
              values: displayColumn(control.comp, channel, control.mask),
              mask: control.mask,
              kind: control.kind,
            };
      const fit = fitMarkerCut(
        'macrophages',
        channel,
        linear,
        transform,
        parent,
        'bright',
        rng,
        opts.markers,
        controlValues,
      );
      warnings.push(...fit.warnings);
      cuts.push(fit.cut);
      columns.push(linear);
      linearCuts.push(transform.inverse(fit.cut.value));
    }
    const dims = cuts.map((c) => ({ ...dimension(c.channel), min: c.value }));
    const evalDims = cuts.map((c, j) => ({ ...dimension(c.channel), min: linearCuts[j]! }));
    const asGate = (d: BoundedDimension[]): GeometricGateSpec =>
      d.length === 1
        ? { kind: 'range', dimensions: [d[0]!] }
        : { kind: 'rectangle', dimensions: d };
    chain.add(
      'macrophages',
      asGate(dims),
      columns,
      { method: 'pan-macrophage markers above their cut-offs', cuts: cuts.map(cutParams) },
      asGate(evalDims),
    );
  }
  const strategy: GatingStrategy = { transforms: transformsUsed, matrices: {}, gates: chain.gates };
  return {
    strategy,
    populations: chain.populations,
    finalGateId: chain.gates.at(-1)?.id ?? null,
    displayTransforms,
    parameters: chain.parameters,
    warnings,
    seed: opts.seed,
  };
}

function cutParams(cut: MarkerCut): Record<string, unknown> {
  return { channel: cut.channel, cut: cut.value, source: cut.source, ...cut.params };
}
