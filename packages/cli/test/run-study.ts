import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { demoStudy } from '@tamkit/experiment';
import type { DemoTruth } from '@tamkit/experiment';
import { tempDir } from './helpers.js';

/** Writes a seeded simulated study (the demo's generator) into a fresh temporary folder. */
export function writeStudy(options: { seed: number; eventsPerSample: number; donors: number }): { dir: string; truth: DemoTruth } {
  const dir = tempDir();
  const { files, truth } = demoStudy(options);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.name)), { recursive: true });
    writeFileSync(join(dir, f.name), f.bytes);
  }
  return { dir, truth };
}

/** Every file under `dir` (relative paths, sorted) with its bytes, `timing.json` left out. */
export function resultBytes(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        walk(p);
      } else if (name !== 'timing.json') {
        out.set(relative(dir, p), readFileSync(p));
      }
    }
  };
  walk(dir);
  return out;
}

/** Splits one CSV line (RFC 4180 quotes, no line breaks inside fields). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  return cells;
}

/** Parses CSV text (header row, LF lines) into records keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trim().split('\n');
  const keys = splitCsvLine(head!);
  return rows.map((r) => {
    const cells = splitCsvLine(r);
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}
