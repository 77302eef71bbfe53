import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Experiment, ExperimentPlan, InputDigest } from '@tamkit/experiment';
import type { AnalysisSettings } from '@tamkit/experiment/node';
import { parseCountTable } from '@tamkit/transwell';
import { parseGatingFile, parseGatingML, parsePanelFile, parseSpilloverCsv } from '@tamkit/gating';

/** Folders never searched for inputs. */
const SKIP = new Set(['node_modules', '.git']);

/**
 * Every file under `root` (depth-first, dot folders and node_modules skipped), as sorted relative
 * `/`-separated paths: what experiment-file globs match against.
 */
export function listFiles(root: string, maxDepth = 6): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIP.has(entry.name)) {
        continue;
      }
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < maxDepth) {
        walk(path, depth + 1);
      } else if (entry.isFile()) {
        out.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  walk(root, 0);
  return out.sort();
}

/** SHA-256 and size of a file relative to `root`. */
export function digest(root: string, file: string): InputDigest & { bytes: number } {
  const bytes = readFileSync(resolve(root, file));
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/**
 * Every input of the experiment with its SHA-256, sorted by path: the FCS files, the panel,
 * spillover and gating files, the count table, the membrane images it names and the bead tubes.
 */
export function inputDigests(experiment: Experiment, plan: ExperimentPlan, root: string): (InputDigest & { bytes: number })[] {
  const files = new Set<string>(plan.files.map((f) => f.file));
  for (const x of [experiment.panel, experiment.compensation, experiment.gating]) {
    if (typeof x === 'object') {
      files.add(x.file);
    }
  }
  const t = experiment.transwell;
  if (t?.counts) {
    files.add(t.counts);
    const folder = t.counts.includes('/') ? t.counts.slice(0, t.counts.lastIndexOf('/') + 1) : '';
    for (const r of parseCountTable(readFileSync(resolve(root, t.counts), 'utf8'), { sourceName: t.counts }).records) {
      if (r.image !== null) {
        files.add(`${folder}${r.image}`);
      }
    }
  }
  for (const b of t?.beads?.files ?? []) {
    files.add(b.file);
  }
  return [...files].sort().map((f) => digest(root, f));
}

/** The analysis settings of an experiment: reads its panel, spillover CSV and gating file. */
export function analysisSettings(experiment: Experiment, root: string, populationsDir: string | null): AnalysisSettings {
  // Binned events only feed the report's plots.
  const display = experiment.report.html;
  const read = (file: string): string => readFileSync(resolve(root, file), 'utf8');
  let gating: AnalysisSettings['gating'] = null;
  if (typeof experiment.gating === 'object') {
    const file = experiment.gating.file;
    gating = /\.xml$/i.test(file) ? parseGatingML(read(file), file) : parseGatingFile(read(file), file);
  }
  return {
    root,
    seed: experiment.seed,
    method: experiment.phenotype.method,
    k: experiment.phenotype.k,
    percentile: experiment.phenotype.percentile,
    compensation: typeof experiment.compensation === 'object' ? parseSpilloverCsv(read(experiment.compensation.file), experiment.compensation.file) : experiment.compensation,
    panel: typeof experiment.panel === 'object' ? parsePanelFile(read(experiment.panel.file), experiment.panel.file) : null,
    gating,
    populationsDir,
    display,
  };
}
