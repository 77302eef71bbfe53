import { requireChannel } from '@tamkit/core';
import type { Column, EventTable, Mask, TamkitWarning } from '@tamkit/core';
import { applyGate, isRatioDimension } from '@tamkit/gating';
import type { GateSpec, GeometricGateSpec } from '@tamkit/gating';
import { TranswellBeadError } from './bead-errors.js';
import { FIND_VALLEY_DEFAULTS, findValley } from './find-valley.js';

/** Options of {@link gateBeadsAndCells}. */
export interface GateBeadsOptions {
  /** Channel the beads are bright in ($PnN or marker label); default: the fluorescence channel that separates them best. */
  readonly beadChannel?: string;
  /** Forward-scatter channel of the debris cut; default the first scatter channel named FSC (an `-A` one preferred). */
  readonly scatterChannel?: string;
  /** Fixed debris cut on the scatter channel (scale units): cells need at least this; default: the valley. */
  readonly minScatter?: number;
  /** Given gates (geometric, on table channels, no named transforms) instead of automatic ones. */
  readonly gates?: { readonly beads: GateSpec; readonly cells: GateSpec };
  /** Cofactor c of asinh(x / c) for fluorescence valleys (scale units). */
  readonly fluorescenceCofactor?: number;
  /** Cofactor c of asinh(x / c) for the forward-scatter valley (scale units). */
  readonly scatterCofactor?: number;
  /**
   * Without a debris valley (a tube of debris only, or of cells only), the debris cut is this
   * fraction of the beads' median forward scatter (counting beads of 5–7 µm sit below monocytes and
   * macrophages, and far above debris); `null` counts every bead-negative event as a cell.
   */
  readonly scatterFallbackFraction?: number | null;
  /** Events each side of a valley needs (a cluster smaller than this is not a cluster). */
  readonly minClusterEvents?: number;
  /** Fewer bead events than this give `TRANSWELL_BEADS_FEW_EVENTS`. */
  readonly recommendedBeadEvents?: number;
}

/** Defaults of {@link GateBeadsOptions}. @example GATE_BEADS_DEFAULTS.fluorescenceCofactor // 150 */
export const GATE_BEADS_DEFAULTS = {
  fluorescenceCofactor: 150,
  scatterCofactor: 1000,
  scatterFallbackFraction: 0.25,
  minClusterEvents: 10,
  recommendedBeadEvents: 1000,
} as const;

/** Fully-defined {@link GateBeadsOptions}. */
export interface ResolvedGateBeadsOptions {
  readonly beadChannel: string | null;
  readonly scatterChannel: string | null;
  readonly minScatter: number | null;
  readonly gates: { readonly beads: GateSpec; readonly cells: GateSpec } | null;
  readonly fluorescenceCofactor: number;
  readonly scatterCofactor: number;
  readonly scatterFallbackFraction: number | null;
  readonly minClusterEvents: number;
  readonly recommendedBeadEvents: number;
}

/** Fills the defaults of {@link GateBeadsOptions}. @example resolveGateBeadsOptions({}).minClusterEvents // 10 */
export function resolveGateBeadsOptions(options: GateBeadsOptions = {}): ResolvedGateBeadsOptions {
  const o = {
    beadChannel: options.beadChannel ?? null,
    scatterChannel: options.scatterChannel ?? null,
    minScatter: options.minScatter ?? null,
    gates: options.gates ?? null,
    fluorescenceCofactor: options.fluorescenceCofactor ?? GATE_BEADS_DEFAULTS.fluorescenceCofactor,
    scatterCofactor: options.scatterCofactor ?? GATE_BEADS_DEFAULTS.scatterCofactor,
    scatterFallbackFraction:
      options.scatterFallbackFraction === undefined ? GATE_BEADS_DEFAULTS.scatterFallbackFraction : options.scatterFallbackFraction,
    minClusterEvents: options.minClusterEvents ?? GATE_BEADS_DEFAULTS.minClusterEvents,
    recommendedBeadEvents: options.recommendedBeadEvents ?? GATE_BEADS_DEFAULTS.recommendedBeadEvents,
  };
  if (!(o.fluorescenceCofactor > 0) || !(o.scatterCofactor > 0) || !(o.minClusterEvents >= 1)) {
    throw new RangeError('cofactors must be positive and minClusterEvents at least 1');
  }
  return o;
}

/** Result of {@link gateBeadsAndCells}. Everything but the masks is JSON-serialisable. */
export interface BeadGating {
  readonly method: 'automatic' | 'given';
  readonly totalEvents: number;
  readonly beadEvents: number;
  readonly cellEvents: number;
  /** The gates used, as gate specs (scale units, uncompensated) to draw or export. */
  readonly gates: { readonly beads: GateSpec; readonly cells: GateSpec };
  /** Bead channel and cut (scale units), `null` with given gates. */
  readonly beadChannel: string | null;
  readonly beadThreshold: number | null;
  /** Forward-scatter channel and debris cut (scale units), `null` when there is none. */
  readonly scatterChannel: string | null;
  readonly scatterThreshold: number | null;
  /** 1 = in the gate, per event. */
  readonly beadMask: Mask;
  readonly cellMask: Mask;
  readonly warnings: TamkitWarning[];
}

const asinhOf = (col: Column, c: number): Float64Array => {
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) {
    out[i] = Math.asinh(col[i]! / c);
  }
  return out;
};

function median(sorted: Float64Array): number {
  const n = sorted.length;
  return n === 0 ? NaN : n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** (median above − median below) / (MAD above + MAD below): how cleanly the cut separates two clusters. */
function separation(t: Float64Array, cut: number): number {
  const parts = [t.filter((v) => v < cut).sort(), t.filter((v) => v >= cut).sort()];
  const [mLow, mHigh] = parts.map(median) as [number, number];
  const mad = (p: Float64Array, m: number): number => median(p.map((v) => Math.abs(v - m)).sort());
  return (mHigh - mLow) / (mad(parts[0]!, mLow) + mad(parts[1]!, mHigh) + 1e-9);
}

function countMask(mask: Mask): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    n += mask[i]!;
  }
  return n;
}

function defaultScatter(table: EventTable): number {
  const fsc = table.channels.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'scatter' && /^FS/i.test(c.name));
  return (fsc.find(({ c }) => /-A$/i.test(c.name)) ?? fsc[0])?.i ?? -1;
}

function applyGiven(table: EventTable, name: 'beads' | 'cells', spec: GateSpec): Mask {
  if (spec.kind === 'quadrant' || spec.kind === 'boolean') {
    throw new TranswellBeadError('TRANSWELL_BEADS_BAD_GATE', `${name} gate is a ${spec.kind} gate; expected a range, rectangle, polygon or ellipse gate`, { gate: name, kind: spec.kind });
  }
  const columns = spec.dimensions.map((d) => {
    if (isRatioDimension(d) || d.transform !== undefined) {
      throw new TranswellBeadError('TRANSWELL_BEADS_BAD_GATE', `${name} gate reads a ratio or a named transform; expected channels in scale units`, { gate: name, kind: spec.kind });
    }
    return table.columns[requireChannel(table, d.channel)]!;
  });
  return applyGate(spec satisfies GeometricGateSpec, columns, name);
}

/**
 * Splits the events of a counting-bead tube into counting beads and cells. Automatic by default:
 * every fluorescence channel (or `beadChannel`) is put on an asinh(x / `fluorescenceCofactor`)
 * scale and split at its deepest valley (`findValley`); the channel whose two sides are furthest apart
 * relative to their spread (median difference ÷ sum of MADs) is the bead channel, and events at or
 * above its cut are beads (beads such as CountBright, AccuCount or 123count eBeads are far brighter
 * than cells in several channels, and tight). Cells are the bead-negative events at or above the
 * debris valley of forward scatter (asinh(x / `scatterCofactor`)), or `minScatter`. With `gates`,
 * the given beads and cells gates are applied as they are. The table must hold scale values
 * (`scaleDataset`, optionally compensated). O(n log n) per fluorescence channel.
 *
 * @throws {TranswellBeadError} `TRANSWELL_BEADS_NOT_FOUND` when no channel has a bright cluster
 *   (pass `beadChannel` or `gates`), `TRANSWELL_BEADS_NO_CHANNEL` without fluorescence channels,
 *   `TRANSWELL_BEADS_BAD_GATE` for a given gate that is not geometric on table channels.
 * @throws {UnknownChannelError} `UNKNOWN_CHANNEL` for a named channel the table lacks.
 * @throws {TypeError} for a raw or transformed table.
 * @example
 * const g = gateBeadsAndCells(scaleDataset(dataset));
 * beadAbsoluteCount({ cellEvents: g.cellEvents, beadEvents: g.beadEvents, beadsAdded: 50000 });
 */
export function gateBeadsAndCells(table: EventTable, options: GateBeadsOptions = {}): BeadGating {
  if (table.stage === 'raw' || table.stage === 'transformed') {
    throw new TypeError(`gateBeadsAndCells needs scale values (stage 'scaled' or 'compensated'), got '${table.stage}'`);
  }
  const o = resolveGateBeadsOptions(options);
  const warnings: TamkitWarning[] = [];
  if (o.gates !== null) {
    const beadMask = applyGiven(table, 'beads', o.gates.beads);
    const cellMask = applyGiven(table, 'cells', o.gates.cells);
    let overlap = 0;
    for (let i = 0; i < beadMask.length; i++) {
      overlap += beadMask[i]! & cellMask[i]!;
    }
    if (overlap > 0) {
      warnings.push({ code: 'TRANSWELL_BEADS_GATE_OVERLAP', message: `${overlap} events are in both the beads and the cells gate`, context: { events: overlap } });
    }
    return finish(table, o, { method: 'given', gates: o.gates, beadChannel: null, beadThreshold: null, scatterChannel: null, scatterThreshold: null, beadMask, cellMask, warnings });
  }
  const candidates =
    o.beadChannel === null
      ? table.channels.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'fluorescence').map(({ i }) => i)
      : [requireChannel(table, o.beadChannel)];
  if (candidates.length === 0) {
    throw new TranswellBeadError('TRANSWELL_BEADS_NO_CHANNEL', 'no fluorescence channel to find counting beads on; pass beadChannel or gates', {
      needed: 'fluorescence',
      available: table.channels.map((c) => c.name),
    });
  }
  let best: { index: number; cut: number; score: number } | null = null;
  for (const index of candidates) {
    const t = asinhOf(table.columns[index]!, o.fluorescenceCofactor);
    const valley = findValley(t, { ...FIND_VALLEY_DEFAULTS, minEvents: o.minClusterEvents });
    if (valley === null) {
      continue;
    }
    const score = separation(t, valley.threshold);
    if (best === null || score > best.score) {
      best = { index, cut: valley.threshold, score };
    }
  }
  const names = candidates.map((i) => table.channels[i]!.name);
  if (best === null) {
    throw new TranswellBeadError(
      'TRANSWELL_BEADS_NOT_FOUND',
      `no bright bead cluster on ${names.join(', ')} among ${table.eventCount} events; expected counting beads far brighter than cells (pass beadChannel or gates)`,
      { channels: names, events: table.eventCount },
    );
  }
  const beadChannel = table.channels[best.index]!.name;
  const beadThreshold = o.fluorescenceCofactor * Math.sinh(best.cut);
  const beadCol = table.columns[best.index]!;
  const scatterIndex = o.scatterChannel === null ? defaultScatter(table) : requireChannel(table, o.scatterChannel);
  let scatterThreshold: number | null = o.minScatter;
  if (scatterIndex >= 0 && scatterThreshold === null) {
    const sc = table.columns[scatterIndex]!;
    const negative: number[] = [];
    for (let i = 0; i < sc.length; i++) {
      if (beadCol[i]! < beadThreshold) {
        negative.push(Math.asinh(sc[i]! / o.scatterCofactor));
      }
    }
    const valley = findValley(negative, { ...FIND_VALLEY_DEFAULTS, minEvents: o.minClusterEvents });
    const scatterName = table.channels[scatterIndex]!.name;
    if (valley !== null) {
      scatterThreshold = o.scatterCofactor * Math.sinh(valley.threshold);
    } else if (o.scatterFallbackFraction !== null) {
      const onBeads: number[] = [];
      for (let i = 0; i < sc.length; i++) {
        if (beadCol[i]! >= beadThreshold) {
          onBeads.push(sc[i]!);
        }
      }
      const beadScatter = Float64Array.from(onBeads).sort();
      scatterThreshold = o.scatterFallbackFraction * median(beadScatter);
      warnings.push({
        code: 'TRANSWELL_BEADS_NO_DEBRIS_VALLEY',
        message: `no valley between debris and cells on ${scatterName}; cells need ${scatterName} ≥ ${scatterThreshold.toPrecision(4)} (${o.scatterFallbackFraction} × the beads' median; pass minScatter to set the debris cut)`,
        context: { channel: scatterName, threshold: scatterThreshold },
      });
    } else {
      warnings.push({
        code: 'TRANSWELL_BEADS_NO_DEBRIS_VALLEY',
        message: `no valley between debris and cells on ${scatterName}; every bead-negative event is counted as a cell (pass minScatter to set the debris cut)`,
        context: { channel: scatterName, threshold: null },
      });
    }
  }
  if (scatterIndex < 0) {
    warnings.push({ code: 'TRANSWELL_BEADS_NO_SCATTER', message: 'no forward-scatter channel: debris is not removed from the cells', context: {} });
  }
  const scatterChannel = scatterIndex >= 0 ? table.channels[scatterIndex]!.name : null;
  const dim = (channel: string, bounds: { min?: number; max?: number }) => ({ channel, compensation: 'uncompensated', ...bounds });
  const beads: GateSpec = { kind: 'range', dimensions: [dim(beadChannel, { min: beadThreshold })] };
  const cells: GateSpec =
    scatterChannel === null || scatterThreshold === null
      ? { kind: 'range', dimensions: [dim(beadChannel, { max: beadThreshold })] }
      : { kind: 'rectangle', dimensions: [dim(beadChannel, { max: beadThreshold }), dim(scatterChannel, { min: scatterThreshold })] };
  return finish(table, o, {
    method: 'automatic',
    gates: { beads, cells },
    beadChannel,
    beadThreshold,
    scatterChannel: scatterThreshold === null ? null : scatterChannel,
    scatterThreshold,
    beadMask: applyGiven(table, 'beads', beads),
    cellMask: applyGiven(table, 'cells', cells),
    warnings,
  });
}

function finish(
  table: EventTable,
  o: ResolvedGateBeadsOptions,
  r: Omit<BeadGating, 'totalEvents' | 'beadEvents' | 'cellEvents'>,
): BeadGating {
  const beadEvents = countMask(r.beadMask);
  if (beadEvents < o.recommendedBeadEvents) {
    r.warnings.push({
      code: 'TRANSWELL_BEADS_FEW_EVENTS',
      message: `${beadEvents} bead events, fewer than ${o.recommendedBeadEvents}: the count has a Poisson CV of at least ${beadEvents > 0 ? ((100 / Math.sqrt(beadEvents)).toFixed(1)) : '∞'} % (acquire more beads)`,
      context: { beadEvents, recommended: o.recommendedBeadEvents },
    });
  }
  return { ...r, totalEvents: table.eventCount, beadEvents, cellEvents: countMask(r.cellMask) };
}
