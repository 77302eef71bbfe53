/**
 * Entry of `pnpm bench`: runs every benchmark section, or only the ones named
 * (`pnpm bench fcs`). Each section lives in its own module under bench/ and is registered in
 * SECTIONS below with one line; it prints its own progress and Markdown report.
 */
import { runBatchBench } from './batch.js';
import { runClusterBench } from './cluster.js';
import { runFcsBench } from './fcs.js';
import { runGatingBench } from './gating.js';
import { runPhenotypeBench } from './phenotype.js';
import { runReportBench } from './report.js';
import { runImagesBench } from './images.js';

/** One benchmark section. */
export interface BenchSection {
  readonly name: string;
  readonly summary: string;
  run(log: (line: string) => void): Promise<void> | void;
}

export const SECTIONS: readonly BenchSection[] = [
  {
    name: 'fcs',
    summary: 'FCS reading: readFcsFile vs readFileSync vs npm fcs 0.0.7 at 1M and 5M events, peak RSS',
    run(log) {
      log(runFcsBench({ log }).markdown);
    },
  },
  {
    name: 'cluster',
    summary: 'k-means: subsample fit + columnar assignment vs ml-kmeans on 1M events (docs/benchmarks-cluster.md)',
    run(log) {
      const r = runClusterBench();
      log(`${r.events} events x ${r.dimensions} markers x ${r.k} clusters, seed ${r.seed}`);
      log(`tamkit ${r.tamkitMs.toFixed(0)} ms, ml-kmeans ${r.mlKmeansMs.toFixed(0)} ms: speed-up ${r.speedup.toFixed(1)}x (target >= 2x)`);
      log(`partition agreement ${(100 * r.agreement).toFixed(2)}%`);
    },
  },
  {
    name: 'gating',
    summary: 'a lone 8-vertex polygon and a 6-gate strategy with compensation and logicle on 1M events, against plain loops',
    run(log) {
      log(runGatingBench().markdown);
    },
  },
  {
    name: 'phenotype',
    summary: 'phenotyping one 1M-event file end to end (read, scale, compensate, pre-gates, thresholds, classes) vs reading it alone',
    run(log) {
      log(runPhenotypeBench({ log }).markdown);
    },
  },
  {
    name: 'images',
    summary: 'transwell membrane image counting: accuracy and speed',
    async run(log) {
      log((await runImagesBench({ log })).markdown);
    },
  },
  {
    name: 'report',
    summary: 'a 12-sample x 1M-event report: size, and render time in chromium vs a blank page with the same plotly bundle',
    async run(log) {
      log((await runReportBench({ log })).markdown);
    },
  },
  {
    name: 'batch',
    summary: 'tamkit run on 200 files of 100k events: --jobs 2 vs --jobs 1 wall time, peak RSS at 50 and 200 files (docs/benchmarks-batch.md)',
    run(log) {
      log(runBatchBench({ log }).markdown);
    },
  },
];

async function main(args: readonly string[]): Promise<void> {
  const names = args.filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !SECTIONS.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(`unknown section(s): ${unknown.join(', ')}; available: ${SECTIONS.map((s) => s.name).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const selected = names.length === 0 ? SECTIONS : SECTIONS.filter((s) => names.includes(s.name));
  for (const section of selected) {
    console.log(`\n## ${section.name}: ${section.summary}\n`);
    await section.run((line) => console.log(line));
  }
}

await main(process.argv.slice(2));
