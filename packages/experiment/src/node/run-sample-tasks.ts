import { Worker } from 'node:worker_threads';
import type { SampleTask } from '../plan-experiment.js';
import type { SampleFailure, SampleResult } from '../sample-result.js';
import type { AnalysisSettings } from './analyse-sample.js';
import { analyseSample } from './analyse-sample.js';
import { taskError } from './task-error.js';

/** What happened to one task: its result or its error. */
export type TaskOutcome = { readonly id: string; readonly result: SampleResult } | { readonly id: string; readonly failure: SampleFailure };

/** Options of {@link runSampleTasks}. */
export interface RunTasksOptions {
  /** Worker threads; 1 runs every task in this thread. */
  readonly jobs: number;
  /** Called as each task ends, in completion order. */
  readonly onOutcome?: (outcome: TaskOutcome, done: number, total: number) => void;
}

/** True when this module runs from TypeScript source (tests, `pnpm tamkit`): workers then need tsx. */
function fromSource(): boolean {
  return import.meta.url.endsWith('.ts');
}

/**
 * Where the worker module is and how to start it. From the build it is `sample-worker.js`. From
 * source (tests, `pnpm tamkit`) a one-line evaluated script registers tsx's loader in the worker
 * (resolved from here, not from the working directory) and then imports `sample-worker.ts`: a `.ts`
 * entry URL is rejected before `--import tsx` hooks apply in a worker on Node 20.
 */
export function workerEntry(): { script: string | URL; eval: boolean; execArgv: string[] } {
  if (!fromSource()) {
    return { script: new URL('./sample-worker.js', import.meta.url), eval: false, execArgv: [] };
  }
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./sample-worker.ts', import.meta.url).href;
  return {
    script: `(async () => { const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(entry)}); })();`,
    eval: true,
    execArgv: ['--conditions=@tamkit/source'],
  };
}

/**
 * Runs sample tasks on `jobs` worker threads, one file per worker at a time (memory stays bounded
 * by `jobs` files whatever the number of files), each result sent back as small JSON. A task that
 * throws becomes a failure and the rest go on; a worker that dies fails its task and is replaced.
 * Outcomes are returned in task order, whatever order they finished in.
 *
 * @example const outcomes = await runSampleTasks(plan.tasks, settings, { jobs: 2 });
 */
export async function runSampleTasks(tasks: readonly SampleTask[], settings: AnalysisSettings, options: RunTasksOptions): Promise<TaskOutcome[]> {
  if (!Number.isSafeInteger(options.jobs) || options.jobs < 1) {
    throw new RangeError(`jobs must be a whole number >= 1, got ${options.jobs}`);
  }
  const outcomes = new Map<string, TaskOutcome>();
  const total = tasks.length;
  const record = (o: TaskOutcome): void => {
    outcomes.set(o.id, o);
    options.onOutcome?.(o, outcomes.size, total);
  };
  const failure = (task: SampleTask, error: { code: string; message: string }): TaskOutcome => ({ id: task.id, failure: { id: task.id, file: task.file, error } });
  if (options.jobs === 1 || tasks.length <= 1) {
    for (const task of tasks) {
      try {
        record({ id: task.id, result: analyseSample(task, settings) });
      } catch (e) {
        record(failure(task, taskError(e)));
      }
      // Let progress output and other events through between files.
      await new Promise<void>((r) => setImmediate(r));
    }
  } else {
    const queue = [...tasks];
    const entry = workerEntry();
    await new Promise<void>((resolveAll) => {
      let live = 0;
      const start = (): void => {
        const next = queue.shift();
        if (next === undefined) {
          if (live === 0) {
            resolveAll();
          }
          return;
        }
        live++;
        const worker = new Worker(entry.script, { eval: entry.eval, workerData: { settings }, execArgv: entry.execArgv });
        let current: SampleTask = next;
        let finished = false;
        const stop = (): void => {
          if (!finished) {
            finished = true;
            live--;
            void worker.terminate();
            start();
          }
        };
        worker.on('message', (msg: { id: string; result?: SampleResult; error?: { code: string; message: string } }) => {
          record(msg.result !== undefined ? { id: msg.id, result: msg.result } : failure(current, msg.error ?? { code: 'INTERNAL_ERROR', message: 'no result' }));
          const more = queue.shift();
          if (more === undefined) {
            stop();
            return;
          }
          current = more;
          worker.postMessage(more);
        });
        worker.on('error', (e) => {
          record(failure(current, taskError(e)));
          stop();
        });
        worker.on('exit', (code) => {
          if (!finished) {
            if (!outcomes.has(current.id)) {
              record(failure(current, { code: 'INTERNAL_ERROR', message: `worker exited with code ${code}` }));
            }
            stop();
          }
        });
        worker.postMessage(current);
      };
      const n = Math.min(options.jobs, tasks.length);
      for (let i = 0; i < n; i++) {
        start();
      }
    });
  }
  return tasks.map((t) => outcomes.get(t.id)!);
}
