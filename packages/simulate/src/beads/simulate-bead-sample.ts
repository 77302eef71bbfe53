import { channelMeta, createEventTable, createRng } from '@tamkit/core';
import type { ChannelMeta, EventTable, Rng } from '@tamkit/core';

/** Top of every scale ($PnR 262144, an 18-bit digital instrument). */
export const BEAD_SAMPLE_RANGE = 262144;
/** Seconds per unit of the Time channel (`$TIMESTEP`). */
export const BEAD_SAMPLE_TIMESTEP = 0.01;

/** Options of {@link simulateBeadSample}; all but `seed` default to `BEAD_SAMPLE_DEFAULTS`. */
export interface BeadSampleOptions {
  readonly seed: number;
  /** Counting beads added to the tube (beads). */
  readonly beadsAdded?: number;
  /** Migrated cells in the lower well, all collected into the tube (cells). */
  readonly cellsInWell?: number;
  /** Volume of the tube the beads were added to, µL (the lower well's medium). */
  readonly sampleVolumeUl?: number;
  /**
   * Fraction of the tube acquired (0–1]: each bead and each cell is acquired independently with this
   * probability. Ignored when `beadEventsTarget` is given.
   */
  readonly acquiredFraction?: number;
  /** Stop acquisition when this many bead events were recorded (the instrument's stopping gate). */
  readonly beadEventsTarget?: number | null;
  /** Debris and electronic-noise events recorded (events), low in scatter and fluorescence. */
  readonly debris?: number;
  /** Acquisition rate, events per second (for the Time channel). */
  readonly eventRate?: number;
}

/**
 * Defaults of {@link BeadSampleOptions}: 50 000 beads in 300 µL, 20 000 migrated cells, 50 % of the
 * tube acquired, 2000 debris events, 1000 events/s.
 *
 * @example
 * simulateBeadSample({ seed: 1, cellsInWell: BEAD_SAMPLE_DEFAULTS.cellsInWell * 2 });
 */
export const BEAD_SAMPLE_DEFAULTS = {
  beadsAdded: 50_000,
  cellsInWell: 20_000,
  sampleVolumeUl: 300,
  acquiredFraction: 0.5,
  beadEventsTarget: null as number | null,
  debris: 2000,
  eventRate: 1000,
} as const;

/** Known truth of a simulated bead sample. */
export interface BeadSampleTruth {
  /** Cells in the well (and the tube), as requested. */
  readonly cellsInWell: number;
  readonly beadsAdded: number;
  readonly sampleVolumeUl: number;
  /** Bead, cell and debris events actually recorded. */
  readonly beadEvents: number;
  readonly cellEvents: number;
  readonly debrisEvents: number;
  /** Fraction of the tube acquired (the requested one, or beadEvents / beadsAdded with a bead target). */
  readonly acquiredFraction: number;
  /** Per event: 0 = cell, 1 = bead, 2 = debris. */
  readonly eventClass: Uint8Array;
}

/** Result of {@link simulateBeadSample}. */
export interface BeadSample {
  /** Instrument-like values (float32): FSC-A, SSC-A, FITC-A, PE-A, APC-A, Time; stage 'raw'. */
  readonly table: EventTable;
  readonly truth: BeadSampleTruth;
  /** Keywords for the FCS TEXT (`$TIMESTEP`, `$CYT`, `TAMKIT_*`). */
  readonly keywords: Readonly<Record<string, string>>;
  readonly options: Required<Omit<BeadSampleOptions, 'beadEventsTarget'>> & { readonly beadEventsTarget: number | null };
}

const CELL = 0;
const BEAD = 1;
const DEBRIS = 2;

function resolve(options: BeadSampleOptions): BeadSample['options'] {
  const o = { ...BEAD_SAMPLE_DEFAULTS, ...options, beadEventsTarget: options.beadEventsTarget ?? null };
  for (const key of ['beadsAdded', 'cellsInWell', 'debris'] as const) {
    if (!Number.isSafeInteger(o[key]) || o[key] < 0) {
      throw new RangeError(`${key} must be a non-negative integer, got ${o[key]}`);
    }
  }
  if (!(o.acquiredFraction > 0 && o.acquiredFraction <= 1)) {
    throw new RangeError(`acquiredFraction must be in (0, 1], got ${o.acquiredFraction}`);
  }
  if (!(o.sampleVolumeUl > 0) || !(o.eventRate > 0)) {
    throw new RangeError('sampleVolumeUl and eventRate must be positive');
  }
  const target = o.beadEventsTarget;
  if (target !== null && (!Number.isSafeInteger(target) || target < 1 || target > o.beadsAdded)) {
    throw new RangeError(`beadEventsTarget must be an integer in [1, beadsAdded = ${o.beadsAdded}], got ${target}`);
  }
  return o;
}

/** Binomial(n, p) by n Bernoulli draws (n is at most a few 10⁵ here). */
function binomial(n: number, p: number, rng: Rng): number {
  if (p >= 1) {
    return n;
  }
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (rng.next() < p) {
      k++;
    }
  }
  return k;
}

/** Event classes in acquisition order. */
function acquisitionOrder(o: BeadSample['options'], rng: Rng): Uint8Array {
  let beads: number;
  let cells: number;
  if (o.beadEventsTarget === null) {
    beads = binomial(o.beadsAdded, o.acquiredFraction, rng);
    cells = binomial(o.cellsInWell, o.acquiredFraction, rng);
  } else {
    // Sampling the well-mixed tube without replacement until the bead target is reached.
    let beadsLeft = o.beadsAdded;
    let cellsLeft = o.cellsInWell;
    beads = 0;
    cells = 0;
    while (beads < o.beadEventsTarget) {
      if (rng.next() * (beadsLeft + cellsLeft) < beadsLeft) {
        beads++;
        beadsLeft--;
      } else {
        cells++;
        cellsLeft--;
      }
    }
  }
  const classes = new Uint8Array(beads + cells + o.debris);
  classes.fill(BEAD, cells, cells + beads);
  classes.fill(DEBRIS, cells + beads);
  // Fisher–Yates: events arrive in random order.
  for (let i = classes.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = classes[i]!;
    classes[i] = classes[j]!;
    classes[j] = t;
  }
  return classes;
}

function logNormal(median: number, cv: number, rng: Rng): number {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  return median * Math.exp(sigma * rng.normal());
}

function clip(v: number): number {
  return v < 0 ? 0 : v > BEAD_SAMPLE_RANGE - 1 ? BEAD_SAMPLE_RANGE - 1 : v;
}

/**
 * Simulates the flow-cytometry tube of one lower transwell well counted with counting beads
 * (CountBright-like): `beadsAdded` beads are added to the well's `cellsInWell` migrated cells in
 * `sampleVolumeUl`, and the tube is acquired, either a fixed fraction of it (each particle recorded
 * with probability `acquiredFraction`: binomial counts) or until `beadEventsTarget` beads were recorded
 * (sampling without replacement). `debris` low-scatter events are added. Events come in random order.
 *
 * Populations (float32, linear, scale 0–262143): cells FSC-A log-normal median 80 000 (CV 20 %),
 * SSC-A 30 000 (CV 30 %), autofluorescence 300 / 200 / 150 (CV 50 %) in FITC-A / PE-A / APC-A;
 * beads FSC-A 30 000 (CV 5 %), SSC-A 20 000 (CV 6 %), fluorescence 60 000 / 100 000 / 40 000 (CV 6 %):
 * very bright in every channel and tight; debris FSC-A log-uniform 300–6000, SSC-A 100–6000,
 * fluorescence log-uniform 10–1000. Fluorescence gets Gaussian electronic noise (SD 30), so dim
 * events can be negative. Time increases at `eventRate` events/s with exponential gaps. O(events).
 *
 * @throws {RangeError} on a negative or non-integer count, a fraction outside (0, 1] or a bead
 *   target above `beadsAdded`.
 * @example
 * const { table, truth } = simulateBeadSample({ seed: 1, beadsAdded: 50000, cellsInWell: 20000, acquiredFraction: 0.5 });
 * truth.cellEvents / truth.beadEvents * 50000; // about 20000
 */
export function simulateBeadSample(options: BeadSampleOptions): BeadSample {
  const o = resolve(options);
  const rng = createRng(o.seed);
  const classes = acquisitionOrder(o, rng);
  const n = classes.length;
  const cols = Array.from({ length: 6 }, () => new Float32Array(n));
  const [fsc, ssc, fitc, pe, apc, time] = cols as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  let t = 0;
  const counts = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const c = classes[i]!;
    counts[c]!++;
    let f: number[];
    if (c === CELL) {
      fsc[i] = clip(logNormal(80_000, 0.2, rng));
      ssc[i] = clip(logNormal(30_000, 0.3, rng));
      f = [logNormal(300, 0.5, rng), logNormal(200, 0.5, rng), logNormal(150, 0.5, rng)];
    } else if (c === BEAD) {
      fsc[i] = clip(logNormal(30_000, 0.05, rng));
      ssc[i] = clip(logNormal(20_000, 0.06, rng));
      f = [logNormal(60_000, 0.06, rng), logNormal(100_000, 0.06, rng), logNormal(40_000, 0.06, rng)];
    } else {
      fsc[i] = clip(300 * Math.pow(6000 / 300, rng.next()));
      ssc[i] = clip(100 * Math.pow(60, rng.next()));
      f = [0, 1, 2].map(() => 10 * Math.pow(100, rng.next()));
    }
    fitc[i] = Math.min(BEAD_SAMPLE_RANGE - 1, f[0]! + 30 * rng.normal());
    pe[i] = Math.min(BEAD_SAMPLE_RANGE - 1, f[1]! + 30 * rng.normal());
    apc[i] = Math.min(BEAD_SAMPLE_RANGE - 1, f[2]! + 30 * rng.normal());
    t += -Math.log(1 - rng.next()) / o.eventRate / BEAD_SAMPLE_TIMESTEP;
    time[i] = Math.min(t, BEAD_SAMPLE_RANGE - 1);
  }
  const channels: ChannelMeta[] = [
    channelMeta({ name: 'FSC-A', range: BEAD_SAMPLE_RANGE, kind: 'scatter' }),
    channelMeta({ name: 'SSC-A', range: BEAD_SAMPLE_RANGE, kind: 'scatter' }),
    channelMeta({ name: 'FITC-A', range: BEAD_SAMPLE_RANGE, kind: 'fluorescence' }),
    channelMeta({ name: 'PE-A', range: BEAD_SAMPLE_RANGE, kind: 'fluorescence' }),
    channelMeta({ name: 'APC-A', range: BEAD_SAMPLE_RANGE, kind: 'fluorescence' }),
    channelMeta({ name: 'Time', range: BEAD_SAMPLE_RANGE, kind: 'time' }),
  ];
  const truth: BeadSampleTruth = {
    cellsInWell: o.cellsInWell,
    beadsAdded: o.beadsAdded,
    sampleVolumeUl: o.sampleVolumeUl,
    beadEvents: counts[BEAD]!,
    cellEvents: counts[CELL]!,
    debrisEvents: counts[DEBRIS]!,
    acquiredFraction: o.beadEventsTarget === null ? o.acquiredFraction : counts[BEAD]! / o.beadsAdded,
    eventClass: classes,
  };
  const keywords: Record<string, string> = {
    $TIMESTEP: String(BEAD_SAMPLE_TIMESTEP),
    $CYT: 'tamkit simulator',
    $SRC: 'simulated transwell lower well with counting beads',
    TAMKIT_SEED: String(o.seed),
    TAMKIT_BEADS_ADDED: String(o.beadsAdded),
    TAMKIT_SAMPLE_VOLUME_UL: String(o.sampleVolumeUl),
    TAMKIT_CELLS_IN_WELL: String(o.cellsInWell),
  };
  return { table: createEventTable(channels, cols), truth, keywords, options: o };
}
