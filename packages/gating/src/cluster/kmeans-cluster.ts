import { createRng, sampleIndices, type Column, type Mask, type TamkitWarning } from '@tamkit/core';
import { kmeans } from 'ml-kmeans';
import { ClusterError } from './cluster-errors.js';
import { assignNearestCentre } from './nearest-centre.js';
import { meanSilhouette } from './silhouette.js';
import { flattenRows, toRows } from './to-rows.js';

/** Options of {@link kmeansCluster}. */
export interface KmeansClusterOptions {
  /** Seed of every random step (subsamples and k-means++ initialisation). Required. */
  readonly seed: number;
  /** Number of clusters (1..254), or `'auto'` (default): the k in `kRange` with the best mean silhouette. */
  readonly k?: number | 'auto';
  /** Inclusive range searched when `k` is `'auto'`. Default [2, 8]. */
  readonly kRange?: readonly [number, number];
  /** Events the centres are fitted on (a seeded subsample of the mask). Default 50 000. */
  readonly sampleSize?: number;
  /**
   * With `k: 'auto'`, events each candidate k is fitted on (a seeded subsample); the chosen k is
   * then refitted on `sampleSize` events. Default 10 000.
   */
  readonly selectionSampleSize?: number;
  /** Events the silhouette is computed on when `k` is `'auto'` (O(m²)). Default 3000, at most 5000. */
  readonly silhouetteSampleSize?: number;
  /**
   * Seeded k-means++ starts per fit; the one with the lowest within-cluster sum of squares on the
   * fit sample wins (k-means only finds a local optimum). Default 3. Ignored with explicit centres.
   */
  readonly restarts?: number;
  /** ml-kmeans iteration limit. Default 100. */
  readonly maxIterations?: number;
  /** ml-kmeans stops when every centre moves less than this squared distance. Default 1e-6. */
  readonly tolerance?: number;
  /** `'kmeans++'` (default, seeded) or explicit starting centres (k rows of d values). */
  readonly initialization?: 'kmeans++' | readonly (readonly number[])[];
}

/** Defaults of {@link kmeansCluster} (every option but the required seed). */
export const KMEANS_CLUSTER_DEFAULTS = {
  k: 'auto',
  kRange: [2, 8],
  sampleSize: 50_000,
  selectionSampleSize: 10_000,
  silhouetteSampleSize: 3000,
  restarts: 3,
  maxIterations: 100,
  tolerance: 1e-6,
  initialization: 'kmeans++',
} as const satisfies Omit<Required<KmeansClusterOptions>, 'seed'>;

type ResolvedOptions = Required<KmeansClusterOptions>;

/** Result of {@link kmeansCluster}. */
export interface KmeansClusterResult {
  readonly k: number;
  /** Number of columns (dimensions). */
  readonly dimensions: number;
  /** Centres, row-major k × dimensions, on the scale of the input columns. */
  readonly centres: Float64Array;
  /** Cluster of each event (0..k−1), 255 outside the mask or with a non-finite value. */
  readonly codes: Uint8Array;
  /** Events per cluster over the whole mask. */
  readonly sizes: Uint32Array;
  /** Mean silhouette per candidate k when k was chosen automatically. */
  readonly silhouette?: { readonly byK: readonly { readonly k: number; readonly mean: number }[]; readonly sampleSize: number };
  readonly seed: number;
  /** Events the centres were fitted on. */
  readonly sampleSize: number;
  /** ml-kmeans iterations of the final fit, and whether it converged. */
  readonly iterations: number;
  readonly converged: boolean;
  readonly parentCount: number;
  /** Parent events with a non-finite value, left at code 255. */
  readonly excluded: number;
  readonly warnings: readonly TamkitWarning[];
}

function resolveOptions(options: KmeansClusterOptions, dimensions: number): ResolvedOptions {
  if (typeof options.seed !== 'number' || !Number.isFinite(options.seed)) {
    throw new TypeError(`seed must be a finite number, got ${String(options.seed)}`);
  }
  const r: ResolvedOptions = { ...KMEANS_CLUSTER_DEFAULTS, ...options };
  const isK = (k: number): boolean => Number.isInteger(k) && k >= 1 && k <= 254;
  if (r.k !== 'auto' && !isK(r.k)) {
    throw new RangeError(`k must be an integer in 1..254 or 'auto', got ${String(r.k)}`);
  }
  const [lo, hi] = r.kRange;
  if (!isK(lo) || !isK(hi) || lo < 2 || hi < lo) {
    throw new RangeError(`kRange must be integers 2 <= min <= max <= 254, got [${lo}, ${hi}]`);
  }
  if (!Number.isInteger(r.sampleSize) || r.sampleSize < 1) {
    throw new RangeError(`sampleSize must be a positive integer, got ${r.sampleSize}`);
  }
  if (!Number.isInteger(r.selectionSampleSize) || r.selectionSampleSize < 1) {
    throw new RangeError(`selectionSampleSize must be a positive integer, got ${r.selectionSampleSize}`);
  }
  if (!Number.isInteger(r.restarts) || r.restarts < 1) {
    throw new RangeError(`restarts must be a positive integer, got ${r.restarts}`);
  }
  if (!Number.isInteger(r.silhouetteSampleSize) || r.silhouetteSampleSize < 2 || r.silhouetteSampleSize > 5000) {
    throw new RangeError(`silhouetteSampleSize must be an integer in 2..5000, got ${r.silhouetteSampleSize}`);
  }
  if (typeof r.initialization !== 'string') {
    const rows = r.initialization;
    if (r.k === 'auto' || rows.length !== r.k || rows.some((row) => row.length !== dimensions)) {
      throw new RangeError(`initialization needs k = ${String(r.k)} rows of ${dimensions} values (and a numeric k)`);
    }
  }
  return r;
}

/** Events inside the mask whose values are finite in every column. */
function usableEvents(columns: readonly Column[], mask: Mask | null, n: number): { index: Uint32Array; parentCount: number } {
  const index = new Uint32Array(n);
  let count = 0;
  let parentCount = 0;
  for (let i = 0; i < n; i++) {
    if (mask !== null && mask[i] !== 1) {
      continue;
    }
    parentCount++;
    let finite = true;
    for (let d = 0; d < columns.length && finite; d++) {
      finite = Number.isFinite(columns[d]![i]!);
    }
    if (finite) {
      index[count++] = i;
    }
  }
  return { index: index.slice(0, count), parentCount };
}

type KMeansResult = ReturnType<typeof kmeans>;

/** Within-cluster sum of squared distances of the fit rows to their centroids. */
function sumOfSquares(rows: readonly number[][], result: KMeansResult): number {
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const centre = result.centroids[result.clusters[r]!]!;
    for (let j = 0; j < row.length; j++) {
      total += (row[j]! - centre[j]!) ** 2;
    }
  }
  return total;
}

function pick(index: Uint32Array, positions: Uint32Array): Uint32Array {
  const out = new Uint32Array(positions.length);
  for (let r = 0; r < positions.length; r++) {
    out[r] = index[positions[r]!]!;
  }
  return out;
}

/**
 * k-means clustering of the events in `mask` on the given (display-scale) columns: ml-kmeans with
 * seeded k-means++ initialisation (Arthur & Vassilvitskii 2007; best of `restarts` starts by
 * within-cluster sum of squares) is fitted on a seeded subsample of `sampleSize` events, then EVERY usable event is assigned to its nearest centre in a columnar loop.
 * With `k: 'auto'` each k in `kRange` is fitted on a seeded subsample of `selectionSampleSize` events
 * and the one with the highest mean silhouette on a seeded subsample of ≤ 5000 events wins (ties: the
 * smaller k); it is then refitted on the `sampleSize` subsample. Events with a non-finite value get
 * code 255 (`excluded`). Cluster indices carry no meaning: name clusters with {@link annotateClusters}.
 *
 * Complexity: O(restarts × sampleSize × k × d × iterations) for the fit, O(n × k × d) for the assignment,
 * O(m² × d) per candidate k for the silhouette.
 *
 * @throws {ClusterError} `CLUSTER_TOO_FEW_EVENTS` when fewer usable events than clusters.
 * @throws {TypeError} without a finite seed. @throws {RangeError} on invalid options or lengths.
 * @example
 * const x = new Float64Array([0, 0.1, 5, 5.1]);
 * kmeansCluster([x], null, { k: 2, seed: 1 }).sizes; // Uint32Array [2, 2] (in some cluster order)
 */
export function kmeansCluster(
  columns: readonly Column[],
  mask: Mask | null,
  options: KmeansClusterOptions,
): KmeansClusterResult {
  const d = columns.length;
  if (d === 0) {
    throw new RangeError('kmeansCluster needs at least one column');
  }
  const n = columns[0]!.length;
  for (const c of columns) {
    if (c.length !== n) {
      throw new RangeError(`columns differ in length: ${c.length} and ${n}`);
    }
  }
  if (mask !== null && mask.length !== n) {
    throw new RangeError(`mask has ${mask.length} events, expected ${n}`);
  }
  const opts = resolveOptions(options, d);
  const { index, parentCount } = usableEvents(columns, mask, n);
  const excluded = parentCount - index.length;
  const minK = opts.k === 'auto' ? opts.kRange[0] : opts.k;
  if (index.length < minK) {
    throw new ClusterError(
      'CLUSTER_TOO_FEW_EVENTS',
      `${index.length} usable events (${excluded} excluded for non-finite values) for k = ${minK} clusters; expected at least k events`,
      { k: minK, events: index.length, excluded },
    );
  }
  if (Math.min(opts.sampleSize, opts.selectionSampleSize) < minK) {
    throw new RangeError(`sampleSize and selectionSampleSize must be at least k = ${minK}`);
  }
  const rng = createRng(opts.seed);
  const kmeansSeed = Math.trunc(opts.seed) >>> 0;
  const fitIndex = pick(index, sampleIndices(index.length, opts.sampleSize, rng));
  const rows = toRows(columns, fitIndex);
  const fit = (rows: number[][], k: number): KMeansResult => {
    if (typeof opts.initialization !== 'string') {
      const start = opts.initialization.map((row) => [...row]);
      return kmeans(rows, k, { seed: kmeansSeed, maxIterations: opts.maxIterations, tolerance: opts.tolerance, initialization: start });
    }
    let best: { result: KMeansResult; inertia: number } | undefined;
    for (let r = 0; r < opts.restarts; r++) {
      // Restart r uses seed + r·golden-ratio increment (mod 2^32), so restarts are unrelated streams.
      const result = kmeans(rows, k, {
        seed: (kmeansSeed + Math.imul(r, 0x9e3779b9)) >>> 0,
        maxIterations: opts.maxIterations,
        tolerance: opts.tolerance,
        initialization: 'kmeans++',
      });
      const inertia = sumOfSquares(rows, result);
      if (best === undefined || inertia < best.inertia) {
        best = { result, inertia };
      }
    }
    return best!.result;
  };
  let chosen: KMeansResult;
  let silhouette: KmeansClusterResult['silhouette'];
  if (opts.k === 'auto') {
    // Candidates are fitted on a smaller seeded subsample when the fit sample is large.
    const reuse = opts.selectionSampleSize >= fitIndex.length;
    const selRows = reuse ? rows : toRows(columns, pick(index, sampleIndices(index.length, opts.selectionSampleSize, rng)));
    const silIndex = pick(index, sampleIndices(index.length, opts.silhouetteSampleSize, rng));
    const labels = new Uint8Array(n);
    const silLabels = new Uint8Array(silIndex.length);
    const byK: { k: number; mean: number }[] = [];
    let best: { mean: number; k: number; result: KMeansResult } | undefined;
    const maxK = Math.min(opts.kRange[1], selRows.length);
    for (let k = opts.kRange[0]; k <= maxK; k++) {
      const result = fit(selRows, k);
      assignNearestCentre(columns, flattenRows(result.centroids, d), silIndex, labels);
      for (let r = 0; r < silIndex.length; r++) {
        silLabels[r] = labels[silIndex[r]!]!;
      }
      const mean = meanSilhouette(columns, silIndex, silLabels, k);
      byK.push({ k, mean });
      if (best === undefined || mean > best.mean) {
        best = { mean, k, result };
      }
    }
    chosen = reuse ? best!.result : fit(rows, best!.k);
    silhouette = { byK, sampleSize: silIndex.length };
  } else {
    chosen = fit(rows, opts.k);
  }
  const k = chosen.centroids.length;
  const centres = flattenRows(chosen.centroids, d);
  const codes = new Uint8Array(n).fill(255);
  const sizes = assignNearestCentre(columns, centres, index, codes);
  const warnings: TamkitWarning[] = [];
  if (excluded > 0) {
    warnings.push({
      code: 'CLUSTER_NON_FINITE',
      message: `${excluded} of ${parentCount} parent events have a non-finite value and were left unclustered (code 255)`,
      context: { excluded, parentCount },
    });
  }
  if (!chosen.converged) {
    warnings.push({
      code: 'CLUSTER_NOT_CONVERGED',
      message: `k-means stopped after ${chosen.iterations} iterations without converging; raise maxIterations`,
      context: { iterations: chosen.iterations },
    });
  }
  return {
    k,
    dimensions: d,
    centres,
    codes,
    sizes,
    ...(silhouette === undefined ? {} : { silhouette }),
    seed: opts.seed,
    sampleSize: fitIndex.length,
    iterations: chosen.iterations,
    converged: chosen.converged,
    parentCount,
    excluded,
    warnings,
  };
}
