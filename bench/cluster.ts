/**
 * k-means benchmark: tamkit's subsample fit + columnar nearest-centre assignment against ml-kmeans on
 * every event, on 1M events × 6 markers × 8 seeded Gaussian clusters, both seeded, same run.
 * Prints the time ratio and the agreement between the two partitions after matching labels.
 *
 * Run alone: node --conditions=@tamkit/source --import tsx bench/cluster.ts [events]
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createRng } from '../packages/core/src/index.js';
import { kmeansCluster } from '../packages/gating/src/index.js';
import { toRows } from '../packages/gating/src/cluster/to-rows.js';
// ml-kmeans is a dependency of @tamkit/gating only, so it is reached through that package.
import { kmeans } from '../packages/gating/node_modules/ml-kmeans/lib/index.js';

export interface ClusterBenchResult {
  readonly events: number;
  readonly dimensions: number;
  readonly k: number;
  readonly seed: number;
  readonly sampleSize: number;
  readonly tamkitMs: number;
  readonly mlKmeansMs: number;
  /** of which: building number[][] rows for ml-kmeans. */
  readonly mlKmeansConversionMs: number;
  /** mlKmeansMs / tamkitMs. */
  readonly speedup: number;
  /** Fraction of events in the same cluster in both partitions, after the best label matching. */
  readonly agreement: number;
  readonly tamkitTruthAgreement: number;
  readonly mlKmeansTruthAgreement: number;
  readonly tamkitIterations: number;
  readonly mlKmeansIterations: number;
}

/** Seeded Gaussian clusters: centres uniform in [0, 5]^d, SD 0.9 per dimension. */
function makeData(events: number, d: number, k: number, seed: number): { columns: Float64Array[]; truth: Uint8Array } {
  const rng = createRng(seed);
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => 5 * rng.next()));
  const columns = Array.from({ length: d }, () => new Float64Array(events));
  const truth = new Uint8Array(events);
  for (let i = 0; i < events; i++) {
    const c = rng.nextInt(k);
    truth[i] = c;
    for (let j = 0; j < d; j++) {
      columns[j]![i] = centres[c]![j]! + 0.9 * rng.normal();
    }
  }
  return { columns, truth };
}

/** Agreement of two labelings after the best one-to-one matching of labels (DP over subsets, k ≤ 16). */
export function matchedAgreement(a: ArrayLike<number>, b: ArrayLike<number>, k: number): number {
  const table = Array.from({ length: k }, () => new Float64Array(k));
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < k && y < k) {
      table[x]![y]!++;
      n++;
    }
  }
  const best = new Float64Array(1 << k).fill(-1);
  best[0] = 0;
  for (let mask = 0; mask < 1 << k; mask++) {
    const row = popcount(mask);
    if (best[mask]! < 0 || row >= k) {
      continue;
    }
    for (let col = 0; col < k; col++) {
      if (!(mask & (1 << col))) {
        const next = mask | (1 << col);
        best[next] = Math.max(best[next]!, best[mask]! + table[row]![col]!);
      }
    }
  }
  return best[(1 << k) - 1]! / n;
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) {
    c++;
  }
  return c;
}

/** Runs the benchmark (defaults: 1M events × 6 markers × 8 clusters, seed 20261201). */
export function runClusterBench(events = 1_000_000, dimensions = 6, k = 8, seed = 20261201): ClusterBenchResult {
  const { columns, truth } = makeData(events, dimensions, k, seed);
  const sampleSize = 50_000;

  const t0 = performance.now();
  const ours = kmeansCluster(columns, null, { k, seed, sampleSize });
  const tamkitMs = performance.now() - t0;

  const t1 = performance.now();
  const rows = toRows(columns, Uint32Array.from({ length: events }, (_, i) => i));
  const mlKmeansConversionMs = performance.now() - t1;
  const theirs = kmeans(rows, k, { seed, initialization: 'kmeans++' });
  const mlKmeansMs = performance.now() - t1;

  return {
    events,
    dimensions,
    k,
    seed,
    sampleSize,
    tamkitMs,
    mlKmeansMs,
    mlKmeansConversionMs,
    speedup: mlKmeansMs / tamkitMs,
    agreement: matchedAgreement(ours.codes, theirs.clusters, k),
    tamkitTruthAgreement: matchedAgreement(ours.codes, truth, k),
    mlKmeansTruthAgreement: matchedAgreement(theirs.clusters, truth, k),
    tamkitIterations: ours.iterations,
    mlKmeansIterations: theirs.iterations,
  };
}

function report(r: ClusterBenchResult): void {
  const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
  console.log(`k-means: ${r.events} events x ${r.dimensions} markers x ${r.k} clusters, seed ${r.seed}`);
  console.log(`  tamkit kmeansCluster (fit on ${r.sampleSize}, assign all): ${r.tamkitMs.toFixed(0)} ms, ${r.tamkitIterations} iterations`);
  console.log(
    `  ml-kmeans on all events: ${r.mlKmeansMs.toFixed(0)} ms (${r.mlKmeansConversionMs.toFixed(0)} ms building rows), ${r.mlKmeansIterations} iterations`,
  );
  console.log(`  speed-up: ${r.speedup.toFixed(1)}x (target >= 2x)`);
  console.log(`  partition agreement after label matching: ${pct(r.agreement)}`);
  console.log(`  agreement with the simulated truth: tamkit ${pct(r.tamkitTruthAgreement)}, ml-kmeans ${pct(r.mlKmeansTruthAgreement)}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const events = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  report(runClusterBench(events));
}
