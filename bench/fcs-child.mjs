/* global process, console, URL */
/**
 * One measurement process of the FCS benchmark (bench/fcs.ts), so that each reader's peak RSS is
 * its own. Plain JavaScript over the built `dist/` of @tamkit/fcs (bench/fcs.ts builds it first), so
 * no TypeScript loader inflates the process: `node bench/fcs-child.mjs MODE FILE [REPS] [WARMUP]`.
 * MODE: `read` (fs.readFileSync), `tamkit` (readFcsFile, full parse into columns), `fcs` (the npm
 * `fcs` 0.0.7 reader, byEvent numbers, every event), `baseline` (start-up only).
 * Prints one JSON line: { mode, times (wall ms per measured repetition), cpuTimes (user + system
 * CPU ms per repetition), maxRssBytes, events }.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { readFcsFile } from '../packages/fcs/dist/node.js';

// `fcs` is a devDependency of @tamkit/fcs only, so it is resolved from that package.
const requireFromFcs = createRequire(new URL('../packages/fcs/package.json', import.meta.url));

function runOnce(mode, file) {
  if (mode === 'read') {
    return readFileSync(file).length;
  }
  if (mode === 'tamkit') {
    return readFcsFile(file).datasets[0].table.eventCount;
  }
  if (mode === 'fcs') {
    const FCS = requireFromFcs('fcs');
    const parsed = new FCS({ dataFormat: 'asNumber', eventsToRead: -1 }, readFileSync(file));
    return parsed.dataAsNumbers?.length ?? 0;
  }
  throw new Error(`unknown mode '${mode}'`);
}

const [mode = 'baseline', file = '', repsArg = '1', warmupArg = '0'] = process.argv.slice(2);
const times = [];
const cpuTimes = [];
let events = 0;
if (mode !== 'baseline') {
  for (let i = 0; i < Number(warmupArg); i++) {
    runOnce(mode, file);
  }
  for (let i = 0; i < Number(repsArg); i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    events = runOnce(mode, file);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
}
// resourceUsage().maxRSS is in kilobytes.
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ mode, times, cpuTimes, maxRssBytes, events }));
