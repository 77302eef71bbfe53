import { type Column, type EventTable, type Mask } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import { transformMasked } from '../autogate/transform-masked.js';
import { isRatioDimension, type Dimension, type GateSpec } from '../gates/gate-spec.js';
import { DimensionValues } from '../strategy/dimension-values.js';
import type { GatingStrategy } from '../strategy/gating-strategy.js';
import type { Population } from '../strategy/population-tree.js';
import { createTransform } from '../transforms/create-transform.js';
import type { TransformSpec } from '../transforms/transform-spec.js';
import {
  displayHistogram1d,
  displayHistogram2d,
  displayRange,
  displayTicks,
  round6,
} from './display-histograms.js';

/** One axis of a display plot: display-space range and bins, and where data-unit ticks fall. */
export interface DisplayAxisData {
  /** $PnN, or the ratio id. */
  readonly channel: string;
  /** Channel and marker, e.g. 'FL1-A (CD80)'. */
  readonly label: string;
  /** The transform of the axis (display space = its output), or null for a linear axis in data units. */
  readonly transform: TransformSpec | null;
  /** Axis range in display space: the full binned range, [low, high). */
  readonly range: readonly [number, number];
  /** Bins over `range` (before empty edge bins are dropped). */
  readonly bins: number;
  /** On transformed axes: 0 and ±10^k (data units) with their display positions inside `range`. */
  readonly ticks: readonly { readonly value: number; readonly position: number }[];
}

/**
 * A histogram on display space with its empty edge bins dropped: `counts` cover bins
 * `first .. first + counts.length - 1` of the axis (bin i spans range[0] + i·w .. range[0] + (i+1)·w).
 * Events outside the axis range are counted in the edge bins (`clamped` of them), NaN events are skipped.
 */
export interface DisplayHistogram1d {
  readonly first: number;
  /** Integer counts. */
  readonly counts: readonly number[];
  /** Events counted (the population minus NaN events). */
  readonly total: number;
  readonly clamped: number;
  readonly nan: number;
}

/** A 2-D histogram, rows along y: `counts[r][c]` is bin (xFirst + c, yFirst + r); empty edge rows/columns dropped. */
export interface DisplayHistogram2d {
  readonly xFirst: number;
  readonly yFirst: number;
  readonly counts: readonly (readonly number[])[];
  readonly total: number;
  readonly clamped: number;
  readonly nan: number;
}

/** One pre-gate drawn on its parent population: a density (2-D) or histogram (1-D range gate). */
export interface PregateDisplay {
  readonly gateId: string;
  /** Parent population id; null when the parent is every event. */
  readonly parent: string | null;
  readonly parentCount: number;
  readonly count: number;
  readonly percentOfParent: number;
  readonly x: DisplayAxisData;
  /** Absent for a 1-D plot. */
  readonly y?: DisplayAxisData;
  /** The parent's events, binned (exactly one of the two). */
  readonly density?: DisplayHistogram2d;
  readonly histogram?: DisplayHistogram1d;
  /** The gate as in the strategy: its coordinates are in the display space of the axes. */
  readonly gate: GateSpec;
}

/** One M1/M2 marker: the classified population's histogram, the threshold and the control's histogram. */
export interface MarkerDisplay {
  readonly channel: string;
  readonly marker: string;
  readonly role: 'm1' | 'm2';
  readonly axis: DisplayAxisData;
  readonly sample: DisplayHistogram1d;
  /** Positivity threshold in display space and in data (compensated) units. */
  readonly threshold: {
    readonly position: number;
    readonly value: number;
    readonly source: string;
  };
  /** The control gated like the sample, on the same bins (normalise by `total` to compare). */
  readonly control?: { readonly label: string; readonly histogram: DisplayHistogram1d };
}

/** Binned display data of one phenotyped sample (JSON-serialisable, integer counts). */
export interface PhenotypeDisplay {
  readonly pregates: readonly PregateDisplay[];
  readonly markers: readonly MarkerDisplay[];
  readonly seed: number;
}

/** One marker to draw: its compensated values, the population mask, its transform and threshold. */
export interface MarkerDisplayInput {
  readonly channel: string;
  readonly marker: string;
  readonly role: 'm1' | 'm2';
  readonly transform: TransformSpec;
  /** Compensated values of the sample and the population classified (mask). */
  readonly values: Column;
  readonly mask: Mask;
  /** Threshold in display space. */
  readonly threshold: number;
  readonly thresholdSource: string;
  readonly control?: { readonly label: string; readonly values: Column; readonly mask: Mask };
}

/** Input of {@link phenotypeDisplay}. */
export interface PhenotypeDisplayInput {
  /** Scale values (the strategy compensates as its dimensions say). */
  readonly table: EventTable;
  readonly spillover: SpilloverMatrix | null;
  readonly strategy: GatingStrategy;
  /** The strategy's populations (`evaluateStrategy` or `autoPregate`), by gate id. */
  readonly populations: readonly Population[];
  readonly markers: readonly MarkerDisplayInput[];
}

/** Options of {@link phenotypeDisplay}. */
export interface PhenotypeDisplayOptions {
  /** Bins per axis of the pre-gate densities. Default 128. */
  readonly bins?: number;
  /** Bins of 1-D histograms. Default 256. */
  readonly histogramBins?: number;
  /** Events the axis ranges are estimated from (seeded subsample). Default 20 000. */
  readonly rangeSampleSize?: number;
  /** Quantile of the subsample cut at each end of a range (then padded by 5 %). Default 0.001. */
  readonly rangeQuantile?: number;
  readonly seed?: number;
}

/** Defaults of {@link PhenotypeDisplayOptions}. */
export const PHENOTYPE_DISPLAY_DEFAULTS: Required<PhenotypeDisplayOptions> = {
  bins: 128,
  histogramBins: 256,
  rangeSampleSize: 20_000,
  rangeQuantile: 0.001,
  seed: 1,
};

function resolveOptions(options: PhenotypeDisplayOptions): Required<PhenotypeDisplayOptions> {
  const o = { ...PHENOTYPE_DISPLAY_DEFAULTS, ...options };
  for (const key of ['bins', 'histogramBins', 'rangeSampleSize'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 1) {
      throw new RangeError(`${key} must be a positive integer, got ${o[key]}`);
    }
  }
  if (!(o.rangeQuantile >= 0 && o.rangeQuantile < 0.5)) {
    throw new RangeError(`rangeQuantile must be in [0, 0.5), got ${o.rangeQuantile}`);
  }
  return o;
}

function dimensionName(d: Dimension): string {
  return isRatioDimension(d) ? (d.ratio.id ?? `${d.ratio.x}/${d.ratio.y}`) : d.channel;
}

function channelLabel(table: EventTable, name: string): string {
  const label = table.channels.find((c) => c.name === name)?.label ?? '';
  return label === '' || label === name ? name : `${name} (${label})`;
}

/** The dimensions a gate is drawn on (the first two; one for range gates) and its drawn extent. */
function gateGeometry(
  gate: GateSpec,
): { dims: Dimension[]; extent: [readonly number[], readonly number[]] } | null {
  switch (gate.kind) {
    case 'range':
    case 'rectangle': {
      const dims = gate.dimensions.slice(0, 2);
      return {
        dims,
        extent: [
          [dims[0]?.min, dims[0]?.max].filter((v) => v !== undefined),
          [dims[1]?.min, dims[1]?.max].filter((v) => v !== undefined),
        ],
      };
    }
    case 'polygon':
      return {
        dims: [...gate.dimensions],
        extent: [gate.vertices.map((v) => v[0]), gate.vertices.map((v) => v[1])],
      };
    case 'ellipse':
    case 'ellipsoid': {
      if (gate.dimensions.length !== 2) {
        return null;
      }
      // The ellipse's bounding box: c ± d·sqrt(Σ_ii).
      const d = Math.sqrt(gate.distanceSquare);
      const ex = d * Math.sqrt(gate.covariance[0]?.[0] ?? 0);
      const ey = d * Math.sqrt(gate.covariance[1]?.[1] ?? 0);
      const [mx = 0, my = 0] = gate.mean;
      return {
        dims: [...gate.dimensions],
        extent: [
          [mx - ex, mx + ex],
          [my - ey, my + ey],
        ],
      };
    }
    case 'quadrant':
      return {
        dims: gate.dividers.slice(0, 2).map((v) => v.dimension),
        extent: [gate.dividers[0]?.cuts ?? [], gate.dividers[1]?.cuts ?? []],
      };
    case 'boolean':
      return null;
  }
}

/**
 * Binned display data of one phenotyped sample, for reports (pure, O(events × gates)):
 * - per pre-gate (non-boolean gates of `strategy`), its parent population binned on the gate's
 *   dimensions in the gate's own coordinate space (compensated as the dimension says, transformed where
 *   it names a transform): a 2-D histogram (`bins` × `bins`) for 2-D gates, a 1-D histogram
 *   (`histogramBins`) for range gates, with the gate spec (same coordinates), ticks at 0 and ±10^k in
 *   data units and the gate's % of parent;
 * - per M1/M2 marker, the classified population's 1-D histogram on the marker's display transform,
 *   the positivity threshold, and the control's histogram on the same bins.
 * Ranges come from the 0.1 and 99.9 % quantiles of a seeded subsample (widened to the gate's bounds
 * and the threshold, padded by 5 %); events beyond them are counted in the edge bins, so each
 * histogram's counts sum to its population minus NaN events. Empty edge bins are dropped.
 *
 * @throws {RangeError} for bad bin counts or a quantile outside [0, 0.5).
 * @example
 * const d = phenotypeDisplay({ table, spillover, strategy, populations, markers: [] }, { seed: 1 });
 * d.pregates[0]!.density!.total; // events of the first gate's parent (all events)
 */
export function phenotypeDisplay(
  input: PhenotypeDisplayInput,
  options: PhenotypeDisplayOptions = {},
): PhenotypeDisplay {
  const o = resolveOptions(options);
  const { table, strategy } = input;
  const byId = new Map(input.populations.map((p) => [p.id, p]));
  const values = new DimensionValues(strategy, table, input.spillover);
  const rangeOptions = (k: number): { sampleSize: number; quantile: number; seed: number } => ({
    sampleSize: o.rangeSampleSize,
    quantile: o.rangeQuantile,
    seed: o.seed + k,
  });
  const pregates: PregateDisplay[] = [];
  strategy.gates.forEach((node, k) => {
    const own = byId.get(node.id);
    const geometry = gateGeometry(node.gate);
    if (own === undefined || geometry === null || geometry.dims.length === 0) {
      return;
    }
    const parentPop = node.parent === undefined ? undefined : byId.get(node.parent);
    const parentMask = parentPop?.mask ?? null;
    const parentCount = parentPop?.count ?? table.eventCount;
    const axis = (
      d: Dimension,
      extent: readonly number[],
      bins: number,
      j: number,
    ): { data: DisplayAxisData; values: Column } => {
      const column = values.values(d, node.id, parentMask);
      const transform =
        d.transform === undefined ? null : createTransform(strategy.transforms[d.transform]!);
      const range = displayRange(
        [{ values: column, mask: parentMask }],
        extent,
        rangeOptions(10 * k + j),
      );
      const name = dimensionName(d);
      return {
        values: column,
        data: {
          channel: name,
          label: isRatioDimension(d) ? name : channelLabel(table, name),
          transform: transform?.spec ?? null,
          range,
          bins,
          ticks: displayTicks(transform, range),
        },
      };
    };
    const base = {
      gateId: node.id,
      parent: node.parent ?? null,
      parentCount,
      count: own.count,
      percentOfParent: round6(own.percentOfParent),
      gate: node.gate,
    };
    const [dx, dy] = geometry.dims;
    if (dy === undefined) {
      const ax = axis(dx!, geometry.extent[0], o.histogramBins, 0);
      pregates.push({
        ...base,
        x: ax.data,
        histogram: displayHistogram1d(ax.values, parentMask, ax.data.range, o.histogramBins),
      });
      return;
    }
    const ax = axis(dx!, geometry.extent[0], o.bins, 0);
    const ay = axis(dy, geometry.extent[1], o.bins, 1);
    pregates.push({
      ...base,
      x: ax.data,
      y: ay.data,
      density: displayHistogram2d(ax.values, ay.values, parentMask, ax.data, ay.data),
    });
  });
  const markers = input.markers.map((m, j): MarkerDisplay => {
    const transform = createTransform(m.transform);
    const sampleValues = transformMasked(transform, m.values, m.mask);
    const controlValues =
      m.control === undefined
        ? undefined
        : transformMasked(transform, m.control.values, m.control.mask);
    const range = displayRange(
      [
        { values: sampleValues, mask: m.mask },
        ...(m.control && controlValues ? [{ values: controlValues, mask: m.control.mask }] : []),
      ],
      [m.threshold],
      rangeOptions(1000 + j),
    );
    const axis: DisplayAxisData = {
      channel: m.channel,
      label: channelLabel(table, m.channel),
      transform: m.transform,
      range,
      bins: o.histogramBins,
      ticks: displayTicks(transform, range),
    };
    return {
      channel: m.channel,
      marker: m.marker,
      role: m.role,
      axis,
      sample: displayHistogram1d(sampleValues, m.mask, range, o.histogramBins),
      threshold: {
        position: round6(m.threshold),
        value: Number(transform.inverse(m.threshold).toPrecision(4)),
        source: m.thresholdSource,
      },
      ...(m.control && controlValues
        ? {
            control: {
              label: m.control.label,
              histogram: displayHistogram1d(controlValues, m.control.mask, range, o.histogramBins),
            },
          }
        : {}),
    };
  });
  return { pregates, markers, seed: o.seed };
}
