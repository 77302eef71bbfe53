// Node layer of @tamkit/experiment: reads sample files and runs them on worker threads.
export { analyseSample, fileSha256 } from './node/analyse-sample.js';
export type { AnalysisSettings } from './node/analyse-sample.js';
export { runSampleTasks, workerEntry } from './node/run-sample-tasks.js';
export type { RunTasksOptions, TaskOutcome } from './node/run-sample-tasks.js';
export { taskError } from './node/task-error.js';
