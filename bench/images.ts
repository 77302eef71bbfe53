// Membrane image counting benchmark: accuracy of countCells against simulated truth, and speed on
// 2048 × 2048 fields. Run alone with
//   node --conditions=@tamkit/source --import tsx bench/images.ts [--quick] [--speed-only]
// or through bench/run.ts, which calls runImagesBench().
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { encodeMembraneImage, simulateMembraneImage } from '../packages/simulate/src/index.js';
import type { MembraneImageOptions } from '../packages/simulate/src/index.js';
import { countCells, decodeImage } from '../packages/transwell/src/index.js';

type Stain = 'crystal-violet' | 'nuclear';

/** Options of {@link runImagesBench}. */
export interface ImagesBenchOptions {
  /** Fewer, smaller accuracy images and one timing run (a smoke test). */
  readonly quick?: boolean;
  /** Skip the accuracy and sparse sets (timing only). */
  readonly speedOnly?: boolean;
  /** Receives progress lines; silent when omitted. */
  readonly log?: (line: string) => void;
}

/** One accuracy row: a stain over a seeded set of simulated fields. */
export interface AccuracyRow {
  readonly stain: Stain;
  readonly images: number;
  readonly size: number;
  readonly cellsTotal: number;
  /** Mean over images of |count − truth| / truth. */
  readonly meanAbsoluteError: number;
  readonly maxAbsoluteError: number;
  /** Mean of (count − truth) / truth: negative = undercount. */
  readonly meanSignedError: number;
}

/** Sparse fields (negative controls): 0–9 cells each, error in cells. */
export interface SparseRow {
  readonly stain: Stain;
  readonly images: number;
  readonly cellsTotal: number;
  /** Mean over fields of |count − truth|, cells. */
  readonly meanAbsoluteCells: number;
  readonly maxAbsoluteCells: number;
  /** Fields with no cells that were counted as 0. */
  readonly emptyFieldsZero: string;
}

/** One speed row: median time of countCells on one field. */
export interface SpeedRow {
  readonly stain: Stain;
  readonly width: number;
  readonly height: number;
  readonly bitDepth: 8 | 16;
  readonly cells: number;
  /** Median wall-clock time of countCells, ms. */
  readonly countMs: number;
  /** Fastest wall-clock run, ms: the best estimate of the time on an otherwise idle machine. */
  readonly countMinMs: number;
  /** Median process CPU time of countCells (user + system, all threads), ms: less sensitive to a busy machine. */
  readonly countCpuMs: number;
  readonly decodeMs: number;
  readonly runs: number;
}

/** Result of {@link runImagesBench}. */
export interface ImagesBenchResult {
  readonly accuracy: readonly AccuracyRow[];
  readonly sparse: readonly SparseRow[];
  readonly speed: readonly SpeedRow[];
  /** Markdown tables of both. */
  readonly markdown: string;
}

const PIXEL_SIZES = [0.3, 0.5, 0.65, 0.9, 1.3];

/** A seeded family of fields: pixel size, density, clustering, noise, light and debris all vary. */
function accuracyField(stain: Stain, index: number, size: number): MembraneImageOptions {
  const pixelSizeUm = PIXEL_SIZES[index % PIXEL_SIZES.length]!;
  const round = Math.floor(index / PIXEL_SIZES.length);
  // About 0.5–1.4 cells per 1000 µm² (a busy but countable membrane field).
  const density = (0.5 + 0.3 * (round % 4)) / 1000;
  const areaUm2 = (size * pixelSizeUm) ** 2;
  return {
    seed: 5000 + index + (stain === 'nuclear' ? 100 : 0),
    stain,
    width: size,
    height: size,
    pixelSizeUm,
    cellCount: Math.round(density * areaUm2),
    cellDiameterUm: 11 + (round % 3) * 1.5,
    clusterFraction: 0.1 + 0.1 * (round % 4),
    poreLayout: round % 2 === 0 ? 'hexagonal' : 'random',
    debrisCount: Math.round(areaUm2 / 2000),
    illuminationGradient: 0.2 + 0.1 * (round % 5),
    noiseSd: 0.01 + 0.01 * (round % 4),
    bitDepth: round % 2 === 0 ? 8 : 16,
  };
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs the accuracy and speed benchmark for membrane image counting.
 *
 * @example
 * const { markdown } = await runImagesBench({ log: console.log });
 */
export async function runImagesBench(options: ImagesBenchOptions = {}): Promise<ImagesBenchResult> {
  const log = options.log ?? ((): void => undefined);
  const quick = options.quick ?? false;
  const imagesPerStain = options.speedOnly === true ? 0 : quick ? 5 : 20;
  const size = quick ? 512 : 1024;
  const accuracy: AccuracyRow[] = [];
  for (const stain of ['crystal-violet', 'nuclear'] as const) {
    const errors: number[] = [];
    let cellsTotal = 0;
    for (let i = 0; i < imagesPerStain; i++) {
      const spec = accuracyField(stain, i, size);
      const field = simulateMembraneImage(spec);
      const result = countCells(field, { stain, pixelSizeUm: field.pixelSizeUm });
      const error = (result.count - field.truth.count) / field.truth.count;
      errors.push(error);
      cellsTotal += field.truth.count;
      log(
        `${stain} #${i} ${spec.pixelSizeUm} µm/px: truth ${field.truth.count}, counted ${result.count} (${(100 * error).toFixed(1)} %)`,
      );
      await Promise.resolve();
    }
    if (errors.length === 0) {
      continue;
    }
    accuracy.push({
      stain,
      images: imagesPerStain,
      size,
      cellsTotal,
      meanAbsoluteError: errors.reduce((a, e) => a + Math.abs(e), 0) / errors.length,
      maxAbsoluteError: Math.max(...errors.map(Math.abs)),
      meanSignedError: errors.reduce((a, e) => a + e, 0) / errors.length,
    });
  }

  const sparse: SparseRow[] = [];
  const sparseImages = options.speedOnly === true ? 0 : quick ? 4 : 10;
  for (const stain of ['crystal-violet', 'nuclear'] as const) {
    const diffs: number[] = [];
    let cellsTotal = 0;
    let empty = 0;
    let emptyZero = 0;
    for (let i = 0; i < sparseImages; i++) {
      const spec = { ...accuracyField(stain, i, size), seed: 9000 + i + (stain === 'nuclear' ? 100 : 0), cellCount: i };
      const field = simulateMembraneImage(spec);
      const result = countCells(field, { stain, pixelSizeUm: field.pixelSizeUm });
      diffs.push(Math.abs(result.count - field.truth.count));
      cellsTotal += field.truth.count;
      if (field.truth.count === 0) {
        empty++;
        emptyZero += result.count === 0 ? 1 : 0;
      }
      log(`${stain} sparse #${i} ${spec.pixelSizeUm} µm/px: truth ${field.truth.count}, counted ${result.count}`);
      await Promise.resolve();
    }
    if (diffs.length === 0) {
      continue;
    }
    sparse.push({
      stain,
      images: sparseImages,
      cellsTotal,
      meanAbsoluteCells: diffs.reduce((a, b) => a + b, 0) / diffs.length,
      maxAbsoluteCells: Math.max(...diffs),
      emptyFieldsZero: `${emptyZero}/${empty}`,
    });
  }

  const speed: SpeedRow[] = [];
  const runs = quick ? 1 : 5;
  for (const [stain, bitDepth] of [
    ['crystal-violet', 8],
    ['nuclear', 16],
  ] as const) {
    const field = simulateMembraneImage({
      seed: 77,
      stain,
      bitDepth,
      width: 2048,
      height: 2048,
      pixelSizeUm: 0.65,
      cellCount: 1500,
      clusterFraction: 0.25,
    });
    const bytes = encodeMembraneImage(field, bitDepth === 16 ? 'tiff' : 'png');
    countCells(field, { stain, pixelSizeUm: 0.65 }); // warm-up (JIT)
    const countTimes: number[] = [];
    const countCpuTimes: number[] = [];
    const decodeTimes: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const decoded = decodeImage(bytes, 'bench');
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      countCells(decoded, { stain, pixelSizeUm: 0.65 });
      const c2 = process.cpuUsage(c1);
      const t2 = performance.now();
      decodeTimes.push(t1 - t0);
      countTimes.push(t2 - t1);
      countCpuTimes.push((c2.user + c2.system) / 1000);
      await Promise.resolve();
    }
    const row: SpeedRow = {
      stain,
      width: 2048,
      height: 2048,
      bitDepth,
      cells: field.truth.count,
      countMs: median(countTimes),
      countMinMs: Math.min(...countTimes),
      countCpuMs: median(countCpuTimes),
      decodeMs: median(decodeTimes),
      runs,
    };
    log(`${stain} 2048×2048 ${bitDepth}-bit: countCells ${row.countMs.toFixed(0)} ms (CPU ${row.countCpuMs.toFixed(0)} ms), decode ${row.decodeMs.toFixed(0)} ms`);
    speed.push(row);
  }

  const pct = (v: number): string => `${(100 * v).toFixed(2)} %`;
  const header = `Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0]!.toFixed(1)} at the end.`;
  const tables: string[][] = [];
  if (accuracy.length > 0) {
    tables.push([
      '| stain | images | size (px) | cells | mean abs. error | max abs. error | mean signed error |',
      '|---|---|---|---|---|---|---|',
      ...accuracy.map(
        (a) =>
          `| ${a.stain} | ${a.images} | ${a.size}² | ${a.cellsTotal} | ${pct(a.meanAbsoluteError)} | ${pct(a.maxAbsoluteError)} | ${pct(a.meanSignedError)} |`,
      ),
    ]);
  }
  if (sparse.length > 0) {
    tables.push([
      '| stain (sparse fields, 0–9 cells) | images | cells | mean abs. error (cells) | max abs. error (cells) | empty fields counted 0 |',
      '|---|---|---|---|---|---|',
      ...sparse.map(
        (r) =>
          `| ${r.stain} | ${r.images} | ${r.cellsTotal} | ${r.meanAbsoluteCells.toFixed(2)} | ${r.maxAbsoluteCells} | ${r.emptyFieldsZero} |`,
      ),
    ]);
  }
  tables.push([
    '| stain | field | bit depth | cells | countCells wall (median) | wall (fastest) | CPU (median) | decode (median) | runs |',
    '|---|---|---|---|---|---|---|---|---|',
    ...speed.map(
      (s) =>
        `| ${s.stain} | ${s.width} × ${s.height} | ${s.bitDepth} | ${s.cells} | ${s.countMs.toFixed(0)} ms | ${s.countMinMs.toFixed(0)} ms | ${s.countCpuMs.toFixed(0)} ms | ${s.decodeMs.toFixed(0)} ms | ${s.runs} |`,
    ),
  ]);
  const markdown = [header, ...tables.map((t) => t.join('\n'))].join('\n\n');
  return { accuracy, sparse, speed, markdown };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runImagesBench({
    quick: process.argv.includes('--quick'),
    speedOnly: process.argv.includes('--speed-only'),
    log: console.log,
  });
  console.log(`\n${result.markdown}`);
}
