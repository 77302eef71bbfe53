/**
 * Gating benchmark, two cases on seeded synthetic events, each against a plain-loop baseline measured
 * in the same run (the machine is shared and noisy: compare ratios within one run):
 *
 * 1. A lone 8-vertex polygon over 1M events: `polygonMask` vs a naive ray-casting loop
 *    (the textbook `(yi > y) !== (yj > y) && x < ...` test over every edge). Target ≥ 65M events/s.
 * 2. A 6-gate strategy (polygon on scatter → range → rectangle → quadrant → ellipse, plus a `not`
 *    boolean) with a 4-detector spillover matrix and logicle on the 4 fluorescence channels over 1M
 *    events: `evaluateStrategy` vs a straightforward loop (compensate every event with `compensate()`,
 *    logicle every value with `Transform.apply`, then test each gate on every event). Target ≤ 250 ms.
 *
 * Each case runs `runs` times after one warm-up; the report gives the median wall time, the median CPU
 * time (user + system of this process, which includes the garbage collector's threads) and the fastest
 * run. Both implementations are checked to give the same counts.
 *
 * Run alone: node --conditions=@tamkit/source --import tsx bench/gating.ts [events] [runs]
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { channelMeta, createEventTable, createRng, type EventTable } from '../packages/core/src/index.js';
import type { SpilloverMatrix } from '../packages/fcs/src/index.js';
import { compensate, createTransform, evaluateStrategy, polygonMask } from '../packages/gating/src/index.js';
import type { GatingStrategy } from '../packages/gating/src/index.js';
import { markdownTable, median } from './markdown.js';

/** Timing of one implementation: medians over the runs. */
export interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly fastestMs: number;
}

/** One benchmark case: tamkit against its baseline. */
export interface GatingCase {
  readonly name: string;
  readonly events: number;
  readonly tamkit: Timing;
  readonly baseline: Timing;
  readonly target: string;
  /** The target, judged on the median wall time. */
  readonly met: boolean;
  /** The target, judged on the median CPU time (what the code costs when the machine is shared). */
  readonly metOnCpu: boolean;
  /** Population counts of both implementations, equal when they agree. */
  readonly counts: { readonly tamkit: readonly number[]; readonly baseline: readonly number[] };
}

export interface GatingBenchResult {
  readonly events: number;
  readonly runs: number;
  readonly seed: number;
  readonly cases: readonly GatingCase[];
  readonly markdown: string;
}

const T = 262144;
const FLUOR = ['FL1-A', 'FL2-A', 'FL3-A', 'FL4-A'] as const;
/** An 8-vertex (octagon-like, not convex on one side) scatter polygon in scale units. */
const POLYGON: readonly (readonly [number, number])[] = [
  [30000, 10000],
  [120000, 8000],
  [200000, 30000],
  [230000, 90000],
  [200000, 160000],
  [120000, 120000],
  [60000, 150000],
  [25000, 70000],
];
export const SPILL: SpilloverMatrix = {
  detectors: [...FLUOR],
  // Row-major: row = fluorochrome, column = detector.
  values: Float64Array.from([1, 0.12, 0.03, 0.01, 0.05, 1, 0.15, 0.02, 0.01, 0.08, 1, 0.2, 0, 0.02, 0.1, 1]),
  source: 'csv',
};

/** Seeded events: scatter uniform-ish around a cell cloud, fluorescence log-normal mixtures with spill. */
export function makeTable(events: number, seed: number): EventTable {
  const rng = createRng(seed);
  const fsc = new Float32Array(events);
  const ssc = new Float32Array(events);
  const fl = FLUOR.map(() => new Float32Array(events));
  for (let i = 0; i < events; i++) {
    fsc[i] = Math.max(0, 110000 + 50000 * rng.normal());
    ssc[i] = Math.max(0, 70000 + 40000 * rng.normal());
    const truth = FLUOR.map(() => (rng.next() < 0.5 ? 30 * rng.normal() : Math.exp(7 + 1.2 * rng.normal())));
    for (let d = 0; d < FLUOR.length; d++) {
      let v = 0;
      for (let s = 0; s < FLUOR.length; s++) {
        v += truth[s]! * SPILL.values[s * FLUOR.length + d]!;
      }
      fl[d]![i] = v;
    }
  }
  const channels = [channelMeta({ name: 'FSC-A' }), channelMeta({ name: 'SSC-A' }), ...FLUOR.map((name) => channelMeta({ name }))];
  return createEventTable(channels, [fsc, ssc, ...fl], 'scaled');
}

const fl = (name: string): { channel: string; compensation: string; transform: string } => ({ channel: name, compensation: 'FCS', transform: 'lgcl' });
const LOGICLE = { kind: 'logicle', t: T, w: 0.5, m: 4.5, a: 0 } as const;

/** The 6-gate strategy: Cells (polygon) → Live (range) → Bright (rectangle) → Q (quadrant) → Core (ellipse); NotQ1 = not Q1. */
export const STRATEGY: GatingStrategy = {
  transforms: { lgcl: LOGICLE },
  matrices: {},
  gates: [
    {
      id: 'Cells',
      gate: {
        kind: 'polygon',
        dimensions: [
          { channel: 'FSC-A', compensation: 'uncompensated' },
          { channel: 'SSC-A', compensation: 'uncompensated' },
        ],
        vertices: POLYGON,
      },
    },
    { id: 'Live', parent: 'Cells', gate: { kind: 'range', dimensions: [{ ...fl('FL4-A'), max: 0.62 }] } },
    {
      id: 'Bright',
      parent: 'Live',
      gate: { kind: 'rectangle', dimensions: [{ ...fl('FL1-A'), min: 0.2 }, { ...fl('FL2-A'), min: 0.15, max: 0.95 }] },
    },
    {
      id: 'Q',
      parent: 'Bright',
      gate: {
        kind: 'quadrant',
        dividers: [
          { id: 'd1', dimension: fl('FL1-A'), cuts: [0.5] },
          { id: 'd3', dimension: fl('FL3-A'), cuts: [0.45] },
        ],
        quadrants: [
          { id: 'Q1', positions: [{ divider: 'd1', location: 0.75 }, { divider: 'd3', location: 0.7 }] },
          { id: 'Q2', positions: [{ divider: 'd1', location: 0.25 }, { divider: 'd3', location: 0.7 }] },
          { id: 'Q3', positions: [{ divider: 'd1', location: 0.25 }, { divider: 'd3', location: 0.2 }] },
          { id: 'Q4', positions: [{ divider: 'd1', location: 0.75 }, { divider: 'd3', location: 0.2 }] },
        ],
      },
    },
    {
      id: 'Core',
      parent: 'Q1',
      gate: { kind: 'ellipse', dimensions: [fl('FL1-A'), fl('FL3-A')], mean: [0.65, 0.6], covariance: [[0.01, 0.002], [0.002, 0.012]], distanceSquare: 4 },
    },
    { id: 'NotQ1', parent: 'Bright', gate: { kind: 'boolean', op: 'not', operands: [{ ref: 'Q1' }] } },
  ],
};

/** Textbook ray casting: an edge crossing to the right of the point toggles "inside". */
function naivePolygon(x: ArrayLike<number>, y: ArrayLike<number>, vertices: readonly (readonly [number, number])[]): Uint8Array {
  const n = x.length;
  const out = new Uint8Array(n);
  const m = vertices.length;
  for (let e = 0; e < n; e++) {
    const px = x[e]!;
    const py = y[e]!;
    let inside = false;
    for (let i = 0, j = m - 1; i < m; j = i++) {
      const [xi, yi] = vertices[i]!;
      const [xj, yj] = vertices[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    out[e] = inside ? 1 : 0;
  }
  return out;
}

/** The straightforward strategy: full compensation, logicle per value, every gate on every event. */
function naiveStrategy(table: EventTable): number[] {
  const comp = compensate(table, SPILL);
  const lgcl = createTransform(LOGICLE);
  const n = table.eventCount;
  const col = (name: string): ArrayLike<number> => comp.columns[comp.channels.findIndex((c) => c.name === name)]!;
  const [f1, f2, f3, f4] = FLUOR.map((name) => {
    const src = col(name);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = lgcl.apply(src[i]!);
    }
    return out;
  }) as [Float64Array, Float64Array, Float64Array, Float64Array];
  const cells = naivePolygon(col('FSC-A'), col('SSC-A'), POLYGON);
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const [ma, mb, mc, md] = [0.01, 0.002, 0.002, 0.012];
  const det = ma * md - mb * mc;
  const [ia, ib, ic, id] = [md / det, -mb / det, -mc / det, ma / det];
  for (let i = 0; i < n; i++) {
    if (!cells[i]) {
      continue;
    }
    counts[0]!++;
    if (!(f4[i]! < 0.62)) {
      continue;
    }
    counts[1]!++;
    if (!(f1[i]! >= 0.2 && f2[i]! >= 0.15 && f2[i]! < 0.95)) {
      continue;
    }
    counts[2]!++;
    counts[3]!++;
    const hi1 = f1[i]! >= 0.5;
    const hi3 = f3[i]! >= 0.45;
    const q = hi1 ? (hi3 ? 4 : 7) : hi3 ? 5 : 6;
    counts[q]!++;
    if (q === 4) {
      const dx = f1[i]! - 0.65;
      const dy = f3[i]! - 0.6;
      if (dx * (ia * dx + ib * dy) + dy * (ic * dx + id * dy) <= 4) {
        counts[8]!++;
      }
    } else {
      counts[9]!++;
    }
  }
  return counts;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time<R>(runs: number, fn: () => R): { timing: Timing; result: R } {
  let result = fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    result = fn();
    walls.push(performance.now() - t0);
    cpus.push(cpuMs() - c0);
  }
  return { timing: { wallMs: median(walls), cpuMs: median(cpus), fastestMs: Math.min(...walls) }, result };
}

const count = (m: Uint8Array): number => m.reduce((s, v) => s + v, 0);

/** Runs both cases (defaults: 1M events, 7 timed runs each, seed 20261201). */
export function runGatingBench(events = 1_000_000, runs = 7, seed = 20261201): GatingBenchResult {
  const table = makeTable(events, seed);
  const x = table.columns[0]!;
  const y = table.columns[1]!;
  const poly = time(runs, () => polygonMask(x, y, POLYGON));
  const polyNaive = time(runs, () => naivePolygon(x, y, POLYGON));
  const meps = (t: Timing): number => events / (t.wallMs * 1000);
  const strat = time(runs, () => evaluateStrategy(STRATEGY, table, { fcsSpillover: SPILL }));
  const stratNaive = time(runs, () => naiveStrategy(table));
  const ids = ['Cells', 'Live', 'Bright', 'Q', 'Q1', 'Q2', 'Q3', 'Q4', 'Core', 'NotQ1'];
  const cases: GatingCase[] = [
    {
      name: '8-vertex polygon',
      events,
      tamkit: poly.timing,
      baseline: polyNaive.timing,
      target: '>= 65M events/s',
      met: meps(poly.timing) >= 65,
      metOnCpu: events / (poly.timing.cpuMs * 1000) >= 65,
      counts: { tamkit: [count(poly.result)], baseline: [count(polyNaive.result)] },
    },
    {
      name: '6-gate strategy, 4x4 compensation, logicle on 4 channels',
      events,
      tamkit: strat.timing,
      baseline: stratNaive.timing,
      target: '<= 250 ms',
      met: strat.timing.wallMs <= 250,
      metOnCpu: strat.timing.cpuMs <= 250,
      counts: { tamkit: ids.map((id) => strat.result.byId.get(id)!.count), baseline: stratNaive.result },
    },
  ];
  const f = (v: number): string => v.toFixed(0);
  const rows = cases.flatMap((c) => {
    const agree = c.counts.tamkit.every((v, i) => v === c.counts.baseline[i]) ? 'yes' : 'NO';
    const rate = (ms: number): string => (events / (ms * 1000)).toFixed(1);
    const verdict = (ok: boolean): string => (ok ? 'met' : 'missed');
    return [
      [c.name, 'tamkit', f(c.tamkit.wallMs), f(c.tamkit.cpuMs), f(c.tamkit.fastestMs), rate(c.tamkit.wallMs), rate(c.tamkit.cpuMs), `${c.target}: ${verdict(c.met)} (wall), ${verdict(c.metOnCpu)} (CPU)`, agree],
      [c.name, 'plain loop', f(c.baseline.wallMs), f(c.baseline.cpuMs), f(c.baseline.fastestMs), rate(c.baseline.wallMs), rate(c.baseline.cpuMs), `tamkit ${(c.baseline.wallMs / c.tamkit.wallMs).toFixed(1)}x faster (wall), ${(c.baseline.cpuMs / c.tamkit.cpuMs).toFixed(1)}x (CPU)`, ''],
    ];
  });
  const markdown = [
    `${events.toLocaleString('en-US')} events, seed ${seed}, median of ${runs} runs after a warm-up; ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the end`,
    '',
    markdownTable(
      ['case', 'implementation', 'median ms', 'CPU ms', 'fastest ms', 'M events/s (wall)', 'M events/s (CPU)', 'target', 'same counts'],
      rows,
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
    ),
  ].join('\n');
  return { events, runs, seed, cases, markdown };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const events = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  const runs = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  console.log(runGatingBench(events, runs).markdown);
}
