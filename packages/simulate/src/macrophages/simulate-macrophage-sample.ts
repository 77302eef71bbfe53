import { channelMeta, createEventTable, createRng } from '@tamkit/core';
import type { ChannelMeta, Column, EventTable } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import type { DrawContext, EventDraw } from './draw-macrophage-event.js';
import {
  drawDead,
  drawDebris,
  drawDoublet,
  drawMacrophage,
  drawNonMacrophage,
} from './draw-macrophage-event.js';
import { MACROPHAGE_CLASS_NAMES, resolveMacrophageSampleOptions } from './macrophage-options.js';
import type {
  MacrophageClass,
  MacrophageSampleOptions,
  ResolvedMacrophageSampleOptions,
} from './macrophage-options.js';
import { MACROPHAGE_STAINS, macrophageSpillover } from './macrophage-panel.js';

/** Top of the scatter and fluorescence scales ($PnR 262144: 18-bit digital instruments). */
export const MACROPHAGE_RANGE = 262144;
/** Seconds per unit of the Time channel (`$TIMESTEP`). */
export const MACROPHAGE_TIMESTEP = 0.01;
/** Mean acquisition rate, events per second. */
const EVENT_RATE = 1500;

/** Known truth of a simulated sample. */
export interface MacrophageTruth {
  /** Class code of each event, indexing `classNames`. */
  readonly eventClass: Uint8Array;
  readonly classNames: readonly MacrophageClass[];
  readonly counts: Readonly<Record<MacrophageClass, number>>;
  /**
   * Per fluorescence detector (in `spillover.detectors` order), the signal of each event before
   * spillover and noise (stain + autofluorescence), in linear fluorescence units.
   */
  readonly preSpillover: readonly Float64Array[];
}

/** Result of {@link simulateMacrophageSample}. */
export interface MacrophageSample {
  /** Raw instrument-like values (float32), stage 'raw'. */
  readonly table: EventTable;
  /** The spillover applied to the fluorescence detectors (observed = true · S), for `$SPILLOVER`. */
  readonly spillover: SpilloverMatrix;
  readonly truth: MacrophageTruth;
  /** Keywords describing the sample (`$TIMESTEP`, `$CYT`, `$SRC`, `TAMKIT_*`), for the FCS TEXT. */
  readonly keywords: Readonly<Record<string, string>>;
  readonly options: ResolvedMacrophageSampleOptions;
}

function channels(): ChannelMeta[] {
  const scatter = ['FSC-A', 'FSC-H', 'SSC-A'].map((name) =>
    channelMeta({ name, range: MACROPHAGE_RANGE, kind: 'scatter' }),
  );
  const fluorescence = MACROPHAGE_STAINS.map((s) =>
    channelMeta({ name: s.detector, label: s.label, range: MACROPHAGE_RANGE, kind: 'fluorescence' }),
  );
  return [...scatter, ...fluorescence, channelMeta({ name: 'Time', range: MACROPHAGE_RANGE, kind: 'time' })];
}

function clipScatter(v: number): number {
  return v < 0 ? 0 : v > MACROPHAGE_RANGE - 1 ? MACROPHAGE_RANGE - 1 : v;
}

/**
 * Simulates one macrophage polarisation sample (or an FMO / unstained control) with known truth.
 * Each event is, independently, debris, a doublet, a dead cell, a non-macrophage or a live single
 * macrophage whose phenotype (M1, M2, double-positive, double-negative) is drawn from the
 * condition's mix. Every cell carries each present stain's small nonspecific binding (5–20% of the
 * detector's autofluorescence), and each marker that is positive in that TRUE state adds a specific
 * stain `separation` decades above the stain's background level; autofluorescence is added per
 * fluorochrome; spillover S mixes the fluorescence (observed = true · S); then detector noise
 * (electronic + photon) is added after background subtraction, so dim events can be negative. A
 * stained sample's negatives thus look like its FMO control in that detector, as on real instruments.
 * Model and parameters: docs/phenotyping.md §1.
 * O(events × channels).
 *
 * @throws {TypeError} on an unknown condition or FMO marker. @throws {RangeError} on a bad count,
 *   fraction or noise level (see `resolveMacrophageSampleOptions`).
 * @example
 * const { table, truth } = simulateMacrophageSample({ seed: 1, events: 10000, condition: 'M2' });
 * truth.counts.M2; // about 10000 × 0.70 × 0.75
 */
export function simulateMacrophageSample(options: MacrophageSampleOptions): MacrophageSample {
  const opts = resolveMacrophageSampleOptions(options);
  const rng = createRng(opts.seed);
  const spillover = macrophageSpillover();
  const nf = MACROPHAGE_STAINS.length;
  const n = opts.events;
  const stainPresent = new Float64Array(nf).fill(opts.unstained ? 0 : 1);
  if (opts.fmoMarker !== null) {
    stainPresent[MACROPHAGE_STAINS.findIndex((s) => s.label === opts.fmoMarker)] = 0;
  }
  const probs = opts.classProbabilities;
  const macrophageTotal = probs.slice(4).reduce((a, b) => a + b, 0);
  const phenotypeCdf: number[] = [];
  let acc = 0;
  for (const p of probs.slice(4)) {
    acc += macrophageTotal > 0 ? p / macrophageTotal : 0.25;
    phenotypeCdf.push(acc);
  }
  const classCdf: number[] = [];
  acc = 0;
  for (const p of probs) {
    acc += p;
    classCdf.push(acc);
  }
  const ctx: DrawContext = {
    rng,
    positiveDecades: opts.separation + opts.markerShift,
    stainPresent,
    phenotypeCdf,
  };

  const fscA = new Float32Array(n);
  const fscH = new Float32Array(n);
  const sscA = new Float32Array(n);
  const time = new Float32Array(n);
  const fl = Array.from({ length: nf }, () => new Float32Array(n));
  const pre = Array.from({ length: nf }, () => new Float64Array(n));
  const eventClass = new Uint8Array(n);
  const draw: EventDraw = { fscA: 0, fscH: 0, sscA: 0, signal: new Float64Array(nf) };
  const S = spillover.values;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    let cls = classCdf.findIndex((c) => u < c);
    if (cls < 0) {
      cls = 7; // u beyond a cumulative sum that rounded below 1
    }
    if (cls === 0) {
      drawDebris(ctx, draw);
    } else if (cls === 1) {
      drawDoublet(ctx, draw);
    } else if (cls === 2) {
      drawDead(ctx, draw);
    } else if (cls === 3) {
      drawNonMacrophage(ctx, draw);
    } else {
      // Live single macrophage: its class is its phenotype, drawn from the composition directly.
      drawMacrophage(ctx, cls - 4, draw);
    }
    eventClass[i] = cls;
    fscA[i] = clipScatter(draw.fscA);
    fscH[i] = clipScatter(draw.fscH);
    sscA[i] = clipScatter(draw.sscA);
    for (let d = 0; d < nf; d++) {
      let observed = 0;
      for (let f = 0; f < nf; f++) {
        observed += draw.signal[f]! * S[f * nf + d]!;
      }
      pre[d]![i] = draw.signal[d]!;
      const sd = Math.sqrt(opts.electronicNoise ** 2 + opts.photonNoise * Math.max(observed, 0));
      observed += sd * rng.normal();
      fl[d]![i] = Math.min(observed, MACROPHAGE_RANGE - 1);
    }
    t += -Math.log(1 - rng.next()) / EVENT_RATE / MACROPHAGE_TIMESTEP;
    time[i] = t;
  }
  const columns: Column[] = [fscA, fscH, sscA, ...fl, time];
  const counts = Object.fromEntries(MACROPHAGE_CLASS_NAMES.map((c) => [c, 0])) as Record<MacrophageClass, number>;
  for (let i = 0; i < n; i++) {
    counts[MACROPHAGE_CLASS_NAMES[eventClass[i]!]!]++;
  }
  const role = opts.unstained ? 'unstained' : opts.fmoMarker !== null ? `FMO ${opts.fmoMarker}` : 'sample';
  return {
    table: createEventTable(channels(), columns, 'raw'),
    spillover,
    truth: { eventClass, classNames: MACROPHAGE_CLASS_NAMES, counts, preSpillover: pre },
    keywords: {
      $TIMESTEP: String(MACROPHAGE_TIMESTEP),
      $CYT: 'tamkit simulated cytometer',
      $SRC: `macrophages ${opts.condition} ${role}`,
      TAMKIT_SEED: String(opts.seed),
      TAMKIT_CONDITION: opts.condition,
      TAMKIT_ROLE: role,
      TAMKIT_SEPARATION: String(opts.separation),
    },
    options: opts,
  };
}
