/**
 * Fuzzes the FCS reader with seeded mutations of the corpus files (or of files built in memory when
 * ../shared/corpus is absent) and prints a summary. Exit code 1 when a case threw something other
 * than a TamkitError or allocated more than 8 × the file size.
 *
 *   node --conditions=@tamkit/source --import tsx scripts/fuzz-fcs.ts --cases 100000 --seed 1
 *
 * `--built` fuzzes the in-memory files even when the corpus exists; `--max-bytes N` skips larger
 * corpus files (default 4,000,000).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtSeeds, fuzz } from '../packages/fcs/test/fuzz-mutate.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v < 0) {
    throw new RangeError(`--${name} needs a non-negative integer`);
  }
  return v;
}

const cases = arg('cases', 10000);
const seed = arg('seed', 1);
const maxBytes = arg('max-bytes', 4_000_000);
const corpus = new URL('../../shared/corpus/fcs/', import.meta.url);
const manifest = new URL('MANIFEST.json', corpus);
let seeds: Uint8Array[];
let from: string;
if (existsSync(fileURLToPath(manifest)) && !process.argv.includes('--built')) {
  const files = (JSON.parse(readFileSync(manifest, 'utf8')) as { files: Array<{ file: string; size_bytes: number }> }).files;
  seeds = files.filter((f) => f.size_bytes <= maxBytes).map((f) => new Uint8Array(readFileSync(new URL(f.file, corpus))));
  from = `${seeds.length} corpus files up to ${maxBytes} bytes`;
} else {
  seeds = builtSeeds();
  from = `${seeds.length} files built in memory${process.argv.includes('--built') ? '' : ' (../shared/corpus not found)'}`;
}
const started = performance.now();
const summary = fuzz(seeds, cases, seed);
const seconds = (performance.now() - started) / 1000;
const out = process.stdout;
out.write(`fuzz-fcs: ${cases} cases, seed ${seed}, ${from}, ${seconds.toFixed(1)} s\n`);
out.write(`  parsed: ${summary.ok}\n`);
for (const [code, n] of Object.entries(summary.codes).sort((a, b) => b[1] - a[1])) {
  out.write(`  ${code}: ${n}\n`);
}
out.write(`  failures: ${summary.failures.length}\n`);
for (const f of summary.failures.slice(0, 20)) {
  out.write(`    case ${f.index} (${f.mutation}): ${f.problem}\n`);
}
process.exitCode = summary.failures.length === 0 ? 0 : 1;
