import { parentPort, workerData } from 'node:worker_threads';
import type { SampleTask } from '../plan-experiment.js';
import type { AnalysisSettings } from './analyse-sample.js';
import { analyseSample } from './analyse-sample.js';
import { taskError } from './task-error.js';

// A worker of runSampleTasks: one sample at a time, results posted back as small JSON objects.
const settings = (workerData as { settings: AnalysisSettings }).settings;
parentPort?.on('message', (task: SampleTask) => {
  try {
    parentPort?.postMessage({ id: task.id, result: analyseSample(task, settings) });
  } catch (e) {
    parentPort?.postMessage({ id: task.id, error: taskError(e) });
  }
});
