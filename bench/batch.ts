/**
 * Batch benchmark of `tamkit run`: many simulated FCS files of 100k events, analysed with --jobs 1
 * and --jobs 2 (wall time), and the peak resident memory of the whole process (main thread + worker
 * threads) at two numbers of files, which should not grow with the number of files. Each run is a
 * separate `node` process; peak RSS is `process.resourceUsage().maxRSS` at its exit.
 *
 *   node --conditions=@tamkit/source --import tsx bench/batch.ts [--quick]
 *
 * The files are generated once into a temporary folder: 8 distinct seeded samples (2 donors x M0, M1,
 * M2, TCM), each written under 25 names, so that generation stays short while every file is read and
 * analysed in full. Results: docs/benchmarks-batch.md.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { macrophageSampleFcs, simulateMacrophageExperiment } from '../packages/simulate/src/index.js';
import { markdownTable } from './markdown.js';

/** Options of {@link runBatchBench}. */
export interface BatchBenchOptions {
  readonly log?: (line: string) => void;
  /** Files of the large batch (default 200) and of the small one for the memory comparison (50). */
  readonly files?: number;
  readonly smallFiles?: number;
  readonly eventsPerFile?: number;
}

/** One measured run. */
export interface BatchRun {
  readonly files: number;
  readonly jobs: number;
  readonly seconds: number;
  /** User + system CPU time of the whole process (all threads). */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly status: number | null;
  /** Failure lines of the run's standard error (expected: none). */
  readonly failures: readonly string[];
}

const root = fileURLToPath(new URL('../', import.meta.url));
// Preloaded into each measured process: prints its peak RSS (kB) and CPU time of all its threads (µs) on exit.
const RSS_PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('MAXRSS '+u.maxRSS+' CPU '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

function writeBatch(dir: string, files: number, events: number): void {
  mkdirSync(join(dir, 'fcs'), { recursive: true });
  const exp = simulateMacrophageExperiment({ seed: 99, eventsPerSample: events, replicates: 2, includeFmo: false, includeUnstained: false });
  const samples = exp.samples.map((s) => macrophageSampleFcs(s));
  for (let i = 0; i < files; i++) {
    writeFileSync(join(dir, 'fcs', `S${String(i).padStart(4, '0')}.fcs`), samples[i % samples.length]!);
  }
  writeFileSync(join(dir, 'experiment.yaml'), 'seed: 1\nsamples:\n  - file: fcs/*.fcs\nreport: { html: false }\n');
}

function timeRun(dir: string, files: number, jobs: number): BatchRun {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['--conditions=@tamkit/source', '--import', 'tsx', '--import', RSS_PROBE, 'packages/cli/src/bin.ts', 'run', join(dir, 'experiment.yaml'), '--out', join(dir, `out-${jobs}`), '--jobs', String(jobs), '--json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /MAXRSS (\d+) CPU (\d+)/.exec(r.stderr);
  const failures = r.stderr.split('\n').filter((l) => / failed|tamkit run: [A-Z_]+:/.test(l));
  return { files, jobs, seconds, cpuSeconds: rss ? Number(rss[2]) / 1e6 : NaN, peakRssMb: rss ? Number(rss[1]) / 1024 : NaN, status: r.status, failures };
}

/** Runs the batch benchmark and returns its runs and a Markdown report. */
export function runBatchBench(options: BatchBenchOptions = {}): { runs: BatchRun[]; markdown: string } {
  const log = options.log ?? (() => undefined);
  const files = options.files ?? 200;
  const small = options.smallFiles ?? 50;
  const events = options.eventsPerFile ?? 100_000;
  const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ');
  const runs: BatchRun[] = [];
  const dirs: string[] = [];
  try {
    for (const n of [small, files]) {
      const dir = mkdtempSync(join(tmpdir(), `tamkit-batch-${n}-`));
      dirs.push(dir);
      log(`writing ${n} files of ${events} events into ${dir}`);
      writeBatch(dir, n, events);
      const jobsList = n === files ? [1, 2] : [2];
      for (const jobs of jobsList) {
        log(`tamkit run: ${n} files, --jobs ${jobs} ...`);
        const run = timeRun(dir, n, jobs);
        runs.push(run);
        log(`  ${run.seconds.toFixed(1)} s (CPU ${run.cpuSeconds.toFixed(1)} s), peak RSS ${run.peakRssMb.toFixed(0)} MB, exit ${String(run.status)}`);
        run.failures.slice(0, 3).forEach((l) => log(`  ${l}`));
      }
    }
  } finally {
    for (const d of dirs) {
      rmSync(d, { recursive: true, force: true });
    }
  }
  const one = runs.find((r) => r.files === files && r.jobs === 1);
  const two = runs.find((r) => r.files === files && r.jobs === 2);
  const smallTwo = runs.find((r) => r.files === small && r.jobs === 2);
  const ratio = one && two ? two.seconds / one.seconds : NaN;
  const lines = [
    `Machine: ${availableParallelism()} cores, load average before ${loadBefore}, after ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${events} events per file.`,
    '',
    markdownTable(
      ['files', '--jobs', 'wall time (s)', 'CPU time (s)', 'CPU / wall', 'files/s', 'peak RSS (MB)', 'exit'],
      runs.map((r) => [String(r.files), String(r.jobs), r.seconds.toFixed(1), r.cpuSeconds.toFixed(1), (r.cpuSeconds / r.seconds).toFixed(2), (r.files / r.seconds).toFixed(2), r.peakRssMb.toFixed(0), String(r.status)]),
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    `--jobs 2 / --jobs 1 wall time at ${files} files: ${ratio.toFixed(2)} (target <= 0.65); CPU time ratio ${one && two ? (two.cpuSeconds / one.cpuSeconds).toFixed(2) : '-'}.`,
    smallTwo && two ? `Peak RSS with --jobs 2: ${smallTwo.peakRssMb.toFixed(0)} MB at ${small} files, ${two.peakRssMb.toFixed(0)} MB at ${files} files (ratio ${(two.peakRssMb / smallTwo.peakRssMb).toFixed(2)}).` : '',
  ];
  return { runs, markdown: lines.join('\n') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const r = runBatchBench({ log: (l) => console.log(l), ...(quick ? { files: 20, smallFiles: 5, eventsPerFile: 20_000 } : {}) });
  console.log(`\n${r.markdown}`);
}
