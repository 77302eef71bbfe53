/**
 * FCS reading benchmark: writes 1M- and 5M-event × 12-channel float32 files with tamkit's writer
 * into a temporary folder, then measures in one run, each in its own child process (several
 * repetitions after one warm-up, median): fs.readFileSync of the file (the floor), a full parse into
 * columns with readFcsFile, and the npm `fcs` 0.0.7 reader (byEvent numbers, every event); plus the
 * peak RSS of one parse per reader in a fresh process. Targets: parse ≤ 1.5 × readFileSync,
 * npm fcs ≥ 15 × parse, parse peak RSS ≤ 1.3 × file size + 60 MB.
 *
 * Run alone: node --conditions=@tamkit/source --import tsx bench/fcs.ts [events...]
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { channelMeta, createEventTable, createRng } from '../packages/core/src/index.js';
import { writeFcs, writeFcsChunks } from '../packages/fcs/src/index.js';
import { markdownTable, median } from './markdown.js';

const MB = 1024 * 1024;
const CHANNELS = ['FSC-A', 'FSC-H', 'SSC-A', 'SSC-H', 'FITC-A', 'PE-A', 'PerCP-Cy5.5-A', 'PE-Cy7-A', 'APC-A', 'APC-Cy7-A', 'BV421-A', 'Time'];
const REPO = fileURLToPath(new URL('../', import.meta.url));

export interface FcsBenchOptions {
  /** Event counts of the files (default 1M and 5M). */
  readonly sizes?: readonly number[];
  /** Measured repetitions per reader (default 5; npm fcs gets fewer above 1M events). */
  readonly reps?: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export interface FcsBenchRow {
  readonly events: number;
  readonly fileBytes: number;
  /** Median ms of writeFcs (in memory) for this table; NaN when not measured. */
  readonly writeMs: number;
  readonly readMs: number;
  readonly parseMs: number;
  readonly fcsMs: number | null;
  /** Median CPU (user + system) ms of the same runs: less sensitive to other load on the machine. */
  readonly readCpuMs: number;
  readonly parseCpuMs: number;
  readonly fcsCpuMs: number | null;
  readonly fcsReps: number;
  readonly parseRssBytes: number;
  readonly fcsRssBytes: number | null;
  readonly readRssBytes: number;
  /** parseMs / readMs, target ≤ 1.5. */
  readonly parseOverRead: number;
  /** fcsMs / parseMs, target ≥ 15. */
  readonly fcsOverParse: number | null;
  /** 1.3 × file size + 60 MB. */
  readonly rssLimitBytes: number;
}

export interface FcsBenchResult {
  readonly date: string;
  readonly node: string;
  readonly cpus: number;
  readonly baselineRssBytes: number;
  /** 1-minute load average before and after the run (other processes compete for the CPUs). */
  readonly loadAverage: readonly [before: number, after: number];
  readonly reps: number;
  readonly seed: number;
  readonly rows: readonly FcsBenchRow[];
  readonly markdown: string;
}

/**
 * Writes an `events` × 12 float32 file (seeded log-normal intensities, a rising Time) in chunks;
 * returns the median time of `writeRuns` in-memory writeFcs calls on the same table (0 runs: NaN).
 */
function writeBenchFile(path: string, events: number, seed: number, writeRuns: number): number {
  const rng = createRng(seed);
  const block = Math.min(events, 1_000_000);
  const columns = CHANNELS.map((name, c) => {
    const col = new Float32Array(events);
    for (let i = 0; i < block; i++) {
      col[i] = name === 'Time' ? i / 100 : Math.exp(6 + c / 4 + 1.2 * rng.normal());
    }
    // Larger files repeat the first million events (Time keeps rising).
    for (let i = block; i < events; i++) {
      col[i] = name === 'Time' ? i / 100 : col[i - block]!;
    }
    return col;
  });
  const table = createEventTable(CHANNELS.map((name) => channelMeta({ name, range: 262144 })), columns);
  const writeTimes: number[] = [];
  for (let r = 0; r < writeRuns; r++) {
    const start = performance.now();
    writeFcs(table);
    writeTimes.push(performance.now() - start);
  }
  const fd = openSync(path, 'w');
  try {
    for (const chunk of writeFcsChunks(table, { keywords: { $FIL: `bench-${events}.fcs` } })) {
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  return writeTimes.length > 0 ? median(writeTimes) : Number.NaN;
}

interface ChildResult {
  readonly times: number[];
  readonly cpuTimes: number[];
  readonly maxRssBytes: number;
  readonly events: number;
}

function child(mode: string, file: string, reps: number, warmup: number): ChildResult {
  const out = execFileSync(
    process.execPath,
    ['bench/fcs-child.mjs', mode, file, String(reps), String(warmup)],
    { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

/** Runs the benchmark and returns the numbers with a Markdown report. */
export function runFcsBench(options: FcsBenchOptions = {}): FcsBenchResult {
  const sizes = options.sizes ?? [1_000_000, 5_000_000];
  const reps = options.reps ?? 5;
  const seed = options.seed ?? 20261201;
  const log = options.log ?? ((): void => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'tamkit-bench-fcs-'));
  const rows: FcsBenchRow[] = [];
  const loadBefore = loadavg()[0]!;
  // The measuring children run the built reader (no TypeScript loader in the process).
  log('building @tamkit/fcs (dist/) for the measuring processes');
  execFileSync('pnpm', ['--filter', '@tamkit/fcs...', 'run', 'build'], { cwd: REPO, stdio: 'ignore' });
  const baselineRssBytes = child('baseline', '', 0, 0).maxRssBytes;
  try {
    for (const events of sizes) {
      const file = join(dir, `bench-${events}.fcs`);
      // writeFcs in memory (the writer's own speed), 3 runs at 1M events only.
      const writeMs = writeBenchFile(file, events, seed, events <= 1_000_000 ? 3 : 0);
      const fileBytes = statSync(file).size;
      log(`${events} events: ${(fileBytes / MB).toFixed(1)} MB written; measuring`);
      const read = child('read', file, reps, 1);
      const parse = child('tamkit', file, reps, 1);
      if (parse.events !== events) {
        throw new Error(`readFcsFile read ${parse.events} events, expected ${events}`);
      }
      // Peak RSS of a single parse in a fresh process (no warm-up, nothing else allocated).
      const readRss = child('read', file, 1, 0).maxRssBytes;
      const parseRss = child('tamkit', file, 1, 0).maxRssBytes;
      // npm fcs needs ~1.6 GB and several seconds at 5M events: one measured run there, no warm-up.
      const fcsReps = events > 1_000_000 ? 1 : Math.min(reps, 3);
      const fcs = child('fcs', file, fcsReps, events > 1_000_000 ? 0 : 1);
      const fcsRss = events > 1_000_000 ? fcs.maxRssBytes : child('fcs', file, 1, 0).maxRssBytes;
      const readMs = median(read.times);
      const parseMs = median(parse.times);
      const fcsMs = median(fcs.times);
      rows.push({
        events,
        fileBytes,
        writeMs,
        readMs,
        parseMs,
        fcsMs,
        readCpuMs: median(read.cpuTimes),
        parseCpuMs: median(parse.cpuTimes),
        fcsCpuMs: median(fcs.cpuTimes),
        fcsReps,
        parseRssBytes: parseRss,
        fcsRssBytes: fcsRss,
        readRssBytes: readRss,
        parseOverRead: parseMs / readMs,
        fcsOverParse: fcsMs / parseMs,
        rssLimitBytes: 1.3 * fileBytes + 60 * MB,
      });
      log(`  readFileSync ${readMs.toFixed(0)} ms, parse ${parseMs.toFixed(0)} ms, npm fcs ${fcsMs.toFixed(0)} ms`);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const result = {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cpus: availableParallelism(),
    baselineRssBytes,
    loadAverage: [loadBefore, loadavg()[0]!] as const,
    reps,
    seed,
    rows,
  };
  return { ...result, markdown: formatFcsBench(result) };
}

const pass = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

/** The Markdown tables of a result (times, ratios against targets, peak RSS). */
export function formatFcsBench(r: Omit<FcsBenchResult, 'markdown'>): string {
  const times = markdownTable(
    ['events × 12 float32', 'file MB', 'readFileSync ms', 'readFcsFile ms', 'npm fcs ms', 'parse / read (≤ 1.5)', 'fcs / parse (≥ 15)'],
    r.rows.map((row) => [
      row.events.toLocaleString('en-US'),
      (row.fileBytes / MB).toFixed(1),
      `${row.readMs.toFixed(0)} (${row.readCpuMs.toFixed(0)})`,
      `${row.parseMs.toFixed(0)} (${row.parseCpuMs.toFixed(0)})`,
      row.fcsMs === null ? 'skipped' : `${row.fcsMs.toFixed(0)} (${row.fcsCpuMs?.toFixed(0)})${row.fcsReps === 1 ? ' 1 run' : ''}`,
      `${row.parseOverRead.toFixed(2)} ${pass(row.parseOverRead <= 1.5)} (${(row.parseCpuMs / row.readCpuMs).toFixed(2)})`,
      row.fcsOverParse === null
        ? 'n/a'
        : `${row.fcsOverParse.toFixed(1)} ${pass(row.fcsOverParse >= 15)} (${(row.fcsCpuMs! / row.parseCpuMs).toFixed(1)})`,
    ]),
    ['r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  const rss = markdownTable(
    ['events × 12 float32', 'file MB', 'readFcsFile peak RSS MB', 'limit 1.3 × file + 60 MB', 'check', 'readFileSync peak RSS MB', 'npm fcs peak RSS MB'],
    r.rows.map((row) => [
      row.events.toLocaleString('en-US'),
      (row.fileBytes / MB).toFixed(1),
      `${(row.parseRssBytes / MB).toFixed(0)} (+${((row.parseRssBytes - r.baselineRssBytes) / MB).toFixed(0)})`,
      (row.rssLimitBytes / MB).toFixed(0),
      pass(row.parseRssBytes <= row.rssLimitBytes),
      `${(row.readRssBytes / MB).toFixed(0)} (+${((row.readRssBytes - r.baselineRssBytes) / MB).toFixed(0)})`,
      row.fcsRssBytes === null ? 'skipped' : `${(row.fcsRssBytes / MB).toFixed(0)} (+${((row.fcsRssBytes - r.baselineRssBytes) / MB).toFixed(0)})`,
    ]),
    ['r', 'r', 'r', 'r', 'l', 'r', 'r'],
  );
  return [
    `Date ${r.date}, Node ${r.node}, ${r.cpus} CPUs, 1-minute load average ${r.loadAverage[0].toFixed(1)} before and ${r.loadAverage[1].toFixed(1)} after; seed ${r.seed}.`,
    `Wall-clock medians of ${r.reps} runs after one warm-up, each reader in its own process; in parentheses the median CPU time (user + system) of the same runs and the ratios of CPU times. PASS/FAIL is judged on wall-clock times.`,
    '',
    times,
    '',
    `writeFcs in memory (median of 3): ${r.rows
      .filter((row) => !Number.isNaN(row.writeMs))
      .map((row) => `${row.events.toLocaleString('en-US')} events, ${row.writeMs.toFixed(0)} ms`)
      .join('; ')}.`,
    '',
    `Peak RSS (process.resourceUsage().maxRSS) of one read in a fresh process. It includes the Node.js runtime (the child runs the built dist/ reader, no TypeScript loader): ${(r.baselineRssBytes / MB).toFixed(0)} MB for the same process reading nothing (above baseline: the parse's own memory).`,
    '',
    rss,
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number);
  const result = runFcsBench({ ...(sizes.length > 0 ? { sizes } : {}), log: console.log });
  console.log(`\n${result.markdown}`);
}
