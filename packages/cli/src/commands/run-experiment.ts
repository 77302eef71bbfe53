import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseExperiment, partialJson, planExperiment, shardItems } from '@tamkit/experiment';
import type { Experiment, RunRecord, Shard } from '@tamkit/experiment';
import { runSampleTasks } from '@tamkit/experiment/node';
import type { TaskOutcome } from '@tamkit/experiment/node';
import type { CliIo } from '../io/cli-io.js';
import { EXIT } from '../exit.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { errorLine } from '../io/format-error.js';
import { VERSION } from '../version.js';
import { BatchProgress, summaryTable } from './batch-progress.js';
import { analysisSettings, inputDigests, listFiles } from './run-inputs.js';
import { UNRECORDED_DATE, writeRunResults } from './run-output.js';
import { runTranswell } from './run-transwell.js';

/** Options of {@link runExperiment} (the parsed `tamkit run` arguments). */
export interface RunExperimentOptions {
  readonly experiment: string;
  readonly out: string | null;
  readonly jobs: number | null;
  readonly json: boolean;
  readonly shard: Shard | null;
  readonly date: string | null;
  readonly prefix: string;
}

/** Default number of worker threads: the machine's available parallelism. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** The parameters recorded with the results: the experiment without its sample list (the inputs hold the files). */
function parameters(e: Experiment): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...e };
  delete rest.samples;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

/**
 * Runs an experiment file end to end and writes its results: parses and plans it, analyses the
 * stained samples on worker threads (one shard of them with `shard`), runs the transwell part (the
 * whole run, or shard 0), and writes the results folder, or `partial.json` for a shard. Returns the
 * exit code: 0, `EXIT.inputFailed` when any file failed (the others are still written).
 */
export async function runExperiment(options: RunExperimentOptions, io: CliIo): Promise<number> {
  const started = Date.now();
  const path = resolve(io.cwd, options.experiment);
  const root = dirname(path);
  const name = basename(path);
  let experiment: Experiment;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
    experiment = parseExperiment(text, name);
  } catch (e) {
    io.err(`${options.prefix}: ${errorLine(null, e)}\n`);
    return EXIT.inputFailed;
  }
  const outDir = resolve(io.cwd, options.out ?? join(dirname(options.experiment), 'results'));
  let record: RunRecord;
  let outcomes: TaskOutcome[];
  try {
    // The results folder may sit beside the inputs (the default): its FCS files (populations/) are outputs.
    const outPrefix = relative(root, outDir).split(sep).join('/');
    const insideOut = (f: string): boolean => outPrefix !== '' && !outPrefix.startsWith('..') && (f === outPrefix || f.startsWith(`${outPrefix}/`));
    const fcsFiles = listFiles(root).filter((f) => /\.fcs$/i.test(f) && !insideOut(f));
    const plan = planExperiment(experiment, fcsFiles, name);
    const settings = analysisSettings(experiment, root, experiment.report.populationsFcs ? join(outDir, 'populations') : null);
    const inputs = inputDigests(experiment, plan, root);
    const tasks = options.shard === null ? plan.tasks : shardItems(plan.tasks, options.shard);
    const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), Math.max(1, tasks.length)));
    const progress = new BatchProgress(io, options.prefix, tasks.length, options.json);
    if (!options.json) {
      io.err(`${options.prefix}: ${tasks.length} samples${options.shard === null ? '' : ` (shard ${options.shard.index}/${options.shard.count} of ${plan.tasks.length})`} on ${jobs} worker${jobs === 1 ? '' : 's'}\n`);
    }
    outcomes = await runSampleTasks(tasks, settings, { jobs, onOutcome: (o, done) => progress.update(o, done) });
    const runsTranswell = experiment.transwell !== null && (options.shard === null || options.shard.index === 0);
    const transwell = runsTranswell ? runTranswell(experiment.transwell!, root) : null;
    if (transwell?.failure) {
      io.err(`${options.prefix}: transwell: ${transwell.failure.code}: ${transwell.failure.message}\n`);
    }
    record = {
      version: VERSION,
      experiment: { file: name, sha256: createHash('sha256').update(text).digest('hex'), name: experiment.name },
      seed: experiment.seed,
      parameters: parameters(experiment),
      inputs: inputs.map(({ file, sha256, bytes }) => ({ file, sha256, bytes })),
      sampleIds: plan.tasks.map((t) => t.id),
      shard: options.shard,
      samples: outcomes.flatMap((o) => ('result' in o ? [o.result] : [])),
      failures: outcomes.flatMap((o) => ('failure' in o ? [o.failure] : [])),
      transwell,
    };
  } catch (e) {
    io.err(`${options.prefix}: ${errorLine(null, e)}\n`);
    return EXIT.inputFailed;
  }
  const written =
    options.shard === null
      ? writeRunResults(outDir, record, { html: experiment.report.html, title: experiment.report.title, date: options.date ?? UNRECORDED_DATE })
      : (writeFileAtomic(join(outDir, 'partial.json'), partialJson(record)), ['partial.json']);
  const seconds = (Date.now() - started) / 1000;
  writeFileAtomic(join(outDir, 'timing.json'), `${JSON.stringify({ startedAt: new Date(started).toISOString(), seconds, jobs: options.jobs ?? defaultJobs() }, null, 2)}\n`);
  const failed = record.failures.length > 0 || (record.transwell?.failure ?? null) !== null;
  if (options.json) {
    io.out(`${JSON.stringify({ out: outDir, files: [...written, 'timing.json'], samples: record.samples.length, failures: record.failures, transwellFailure: record.transwell?.failure ?? null, seconds }, null, 2)}\n`);
  } else {
    io.err(summaryTable(outcomes));
    io.err(`${options.prefix}: ${record.samples.length} of ${outcomes.length} samples analysed${record.failures.length > 0 ? `, ${record.failures.length} failed` : ''} in ${seconds.toFixed(1)} s\n`);
    io.out(`${options.shard === null && experiment.report.html ? join(outDir, 'report.html') : outDir}\n`);
  }
  return failed ? EXIT.inputFailed : EXIT.ok;
}
