import { createRng } from '@tamkit/core';
import { kmeans } from 'ml-kmeans';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClusterError, PHENOTYPE_CLASSES, annotateClusters, kmeansCluster, thresholdFromControl } from '../src/index.js';
import { toRows } from '../src/cluster/to-rows.js';

/** Blobs in d dimensions: `centres[c]` with isotropic SD `sd`, `perBlob` events each, interleaved. */
function blobs(seed: number, centres: number[][], perBlob: number, sd: number) {
  const rng = createRng(seed);
  const d = centres[0]!.length;
  const n = centres.length * perBlob;
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  const truth = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % centres.length;
    truth[i] = c;
    for (let j = 0; j < d; j++) {
      columns[j]![i] = centres[c]![j]! + sd * rng.normal();
    }
  }
  return { columns, truth };
}

/** True when two labelings are the same partition: a bijection maps every label of a onto b. */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if ((ab.get(x) ?? y) !== y || (ba.get(y) ?? x) !== x) {
      return false;
    }
    ab.set(x, y);
    ba.set(y, x);
  }
  return true;
}

/** Independent O(n²) mean silhouette (Rousseeuw 1987) over all events, from labels. */
function directSilhouette(columns: Float64Array[], labels: ArrayLike<number>): number {
  const n = labels.length;
  const dist = (i: number, j: number): number => Math.hypot(...columns.map((c) => c[i]! - c[j]!));
  let total = 0;
  for (let i = 0; i < n; i++) {
    const byCluster = new Map<number, { sum: number; count: number }>();
    for (let j = 0; j < n; j++) {
      if (j === i) {
        continue;
      }
      const e = byCluster.get(labels[j]!) ?? { sum: 0, count: 0 };
      e.sum += dist(i, j);
      e.count++;
      byCluster.set(labels[j]!, e);
    }
    const own = byCluster.get(labels[i]!);
    if (own === undefined) {
      continue; // singleton: s = 0
    }
    const a = own.sum / own.count;
    let b = Infinity;
    for (const [label, e] of byCluster) {
      if (label !== labels[i]) {
        b = Math.min(b, e.sum / e.count);
      }
    }
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

describe('toRows', () => {
  it('copies the selected events into rows', () => {
    expect(toRows([Float32Array.from([1, 2, 3]), Float64Array.from([4, 5, 6])], [0, 2])).toEqual([
      [1, 4],
      [3, 6],
    ]);
  });
});

describe('kmeansCluster', () => {
  const centres3 = [
    [0, 0],
    [4, 0],
    [0, 4],
  ];

  it('gives the partition of ml-kmeans run on all events from the same centres', () => {
    const { columns } = blobs(1, centres3, 100, 1.2);
    const start = [
      [1, 1],
      [2, 1],
      [1, 2],
    ];
    const ours = kmeansCluster(columns, null, { k: 3, seed: 9, initialization: start, tolerance: 1e-12 });
    const rows = columns[0]!.length;
    const direct = kmeans(toRows(columns, Array.from({ length: rows }, (_, i) => i)), 3, {
      initialization: start,
      seed: 9,
      tolerance: 1e-12,
    });
    expect(ours.sampleSize).toBe(300);
    expect(samePartition(ours.codes, direct.clusters)).toBe(true);
    const sizes = [0, 0, 0];
    for (const c of direct.clusters) {
      sizes[c]!++;
    }
    expect(Array.from(ours.sizes).sort()).toEqual(sizes.sort());
  });

  it('chooses k by the mean silhouette, which matches a direct O(n²) computation', () => {
    const { columns, truth } = blobs(2, [...centres3, [4, 4]], 60, 0.4);
    const result = kmeansCluster(columns, null, { seed: 3, kRange: [2, 6] });
    expect(result.k).toBe(4);
    expect(samePartition(result.codes, truth)).toBe(true);
    const chosen = result.silhouette!.byK.find((s) => s.k === 4)!;
    // 240 events < silhouetteSampleSize, so the subsample is every event.
    expect(result.silhouette!.sampleSize).toBe(240);
    expect(chosen.mean).toBeCloseTo(directSilhouette(columns, result.codes), 10);
    expect(result.silhouette!.byK.map((s) => s.k)).toEqual([2, 3, 4, 5, 6]);
  });

  it('selects k on a smaller subsample, then refits on the fit sample', () => {
    const { columns, truth } = blobs(12, [...centres3, [4, 4]], 200, 0.4);
    const result = kmeansCluster(columns, null, { seed: 3, kRange: [2, 6], selectionSampleSize: 100 });
    expect(result.k).toBe(4);
    expect(result.sampleSize).toBe(800);
    expect(samePartition(result.codes, truth)).toBe(true);
  });

  it('fits on a seeded subsample and assigns every event', () => {
    const { columns, truth } = blobs(4, [...centres3, [4, 4]], 5000, 0.6);
    const result = kmeansCluster(columns, null, { k: 4, seed: 5, sampleSize: 2000 });
    expect(result.sampleSize).toBe(2000);
    expect(Array.from(result.sizes).reduce((a, b) => a + b, 0)).toBe(20000);
    // Agreement after matching each cluster to its majority truth label.
    const votes = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    for (let i = 0; i < truth.length; i++) {
      votes[result.codes[i]!]![truth[i]!]!++;
    }
    const agree = votes.reduce((s, v) => s + Math.max(...v), 0) / truth.length;
    expect(agree).toBeGreaterThanOrEqual(0.95);
  });

  it('is deterministic for a seed', () => {
    const { columns } = blobs(6, centres3, 400, 1.5);
    const a = kmeansCluster(columns, null, { seed: 42, sampleSize: 500 });
    const b = kmeansCluster(columns, null, { seed: 42, sampleSize: 500 });
    expect(b.codes).toEqual(a.codes);
    expect(b.centres).toEqual(a.centres);
    expect(b.silhouette).toEqual(a.silhouette);
  });

  it('leaves events outside the mask and with non-finite values at 255', () => {
    const x = Float64Array.from([0, 0.1, 5, 5.1, Number.NaN, 9]);
    const mask = Uint8Array.from([1, 1, 1, 1, 1, 0]);
    const result = kmeansCluster([x], mask, { k: 2, seed: 1 });
    expect(result.codes[4]).toBe(255);
    expect(result.codes[5]).toBe(255);
    expect(result.codes[0]).toBe(result.codes[1]);
    expect(result.codes[2]).toBe(result.codes[3]);
    expect(result.codes[0]).not.toBe(result.codes[2]);
    expect(result).toMatchObject({ parentCount: 5, excluded: 1, seed: 1 });
    expect(result.warnings.map((w) => w.code)).toContain('CLUSTER_NON_FINITE');
  });

  it('throws CLUSTER_TOO_FEW_EVENTS with fewer usable events than clusters', () => {
    try {
      kmeansCluster([Float64Array.from([1, Number.NaN])], null, { k: 2, seed: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ClusterError);
      const err = e as ClusterError;
      expect(err.code).toBe('CLUSTER_TOO_FEW_EVENTS');
      expect(err.context).toEqual({ k: 2, events: 1, excluded: 1 });
      expect(err.message).toMatchInlineSnapshot(`"1 usable events (1 excluded for non-finite values) for k = 2 clusters; expected at least k events"`);
    }
  });

  it('rejects a missing seed and bad options', () => {
    const x = [Float64Array.from([1, 2, 3])];
    expect(() => kmeansCluster(x, null, {} as { seed: number })).toThrow(TypeError);
    expect(() => kmeansCluster(x, null, { seed: 1, k: 0 })).toThrow(RangeError);
    expect(() => kmeansCluster(x, null, { seed: 1, k: 2, restarts: 0 })).toThrow(RangeError);
    expect(() => kmeansCluster(x, null, { seed: 1, kRange: [1, 3] })).toThrow(RangeError);
    expect(() => kmeansCluster(x, null, { seed: 1, k: 2, initialization: [[1]] })).toThrow(RangeError);
  });
});

describe('annotateClusters', () => {
  // Markers: CD86 (M1), CD206 (M2). Populations at negative 1 / positive 3.5 on a display scale.
  const populations = [
    [3.5, 1], // M1
    [1, 3.5], // M2
    [3.5, 3.5], // double positive
    [1, 1], // double negative
  ];
  const { columns, truth } = blobs(7, populations, 3000, 0.35);
  const rng = createRng(70);
  const fmo = (): Float64Array => Float64Array.from({ length: 5000 }, () => 1 + 0.35 * rng.normal());
  const thresholds = { CD86: thresholdFromControl(fmo(), null).value, CD206: thresholdFromControl(fmo(), null).value };
  const panel = { m1: ['CD86'], m2: ['CD206'] };

  it('names clusters by their centres and reaches >= 95% agreement with the truth', () => {
    const clusters = kmeansCluster(columns, null, { k: 4, seed: 11, sampleSize: 4000 });
    const c = annotateClusters(clusters, ['CD86', 'CD206'], panel, thresholds);
    let same = 0;
    for (let i = 0; i < truth.length; i++) {
      same += c.codes[i] === truth[i] ? 1 : 0;
    }
    expect(same / truth.length).toBeGreaterThanOrEqual(0.95);
    expect([...c.clusterClasses].sort()).toEqual(['M1', 'M2', 'double_negative', 'double_positive']);
    expect(c).toMatchObject({ method: 'kmeans', seed: 11 });
  });

  it('gives the same classes whatever order the clusters come out in', () => {
    const a = annotateClusters(kmeansCluster(columns, null, { k: 4, seed: 1 }), ['CD86', 'CD206'], panel, thresholds);
    const b = annotateClusters(kmeansCluster(columns, null, { k: 4, seed: 2 }), ['CD86', 'CD206'], panel, thresholds);
    let differ = 0;
    for (let i = 0; i < a.codes.length; i++) {
      differ += a.codes[i] === b.codes[i] ? 0 : 1;
    }
    expect(differ / a.codes.length).toBeLessThan(0.01);
  });

  it('names a hand-made set of centres', () => {
    // Centres (CD86, CD206) = (3, 0), (0, 0), (3, 3) against thresholds 1 → M1, double_negative, double_positive.
    const result = kmeansCluster([Float64Array.from([3, 0, 3]), Float64Array.from([0, 0, 3])], null, {
      k: 3,
      seed: 1,
      initialization: [
        [3, 0],
        [0, 0],
        [3, 3],
      ],
    });
    const c = annotateClusters(result, ['CD86', 'CD206'], panel, { CD86: 1, CD206: 1 });
    expect(c.clusterClasses).toEqual(['M1', 'double_negative', 'double_positive']);
    expect(Array.from(c.codes)).toEqual([0, 3, 2]);
    expect(() => annotateClusters(result, ['CD86'], panel, { CD86: 1, CD206: 1 })).toThrow(RangeError);
  });

  it('class counts sum to the clustered population (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.boolean()), {
          minLength: 3,
          maxLength: 40,
        }),
        fc.integer({ min: 0, max: 1000 }),
        (events, seed) => {
          const mask = Uint8Array.from(events.map((e) => (e[2] ? 1 : 0)));
          const inMask = mask.reduce((s, v) => s + v, 0);
          fc.pre(inMask >= 2);
          const cols = [Float64Array.from(events.map((e) => e[0])), Float64Array.from(events.map((e) => e[1]))];
          const result = kmeansCluster(cols, mask, { k: 2, seed, restarts: 1 });
          const c = annotateClusters(result, ['CD86', 'CD206'], panel, { CD86: 2.5, CD206: 2.5 });
          expect(Array.from(result.sizes).reduce((a, b) => a + b, 0)).toBe(inMask);
          expect(PHENOTYPE_CLASSES.reduce((s, k) => s + c.counts[k], 0)).toBe(inMask);
          expect(c.codes.filter((x) => x === 255).length).toBe(events.length - inMask);
        },
      ),
      { numRuns: 50 },
    );
  });
});
