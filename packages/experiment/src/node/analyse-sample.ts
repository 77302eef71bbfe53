import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EventTable } from '@tamkit/core';
import { selectEvents } from '@tamkit/core';
import { parseFcs, scaleDataset, writeFcs } from '@tamkit/fcs';
import type { SpilloverMatrix } from '@tamkit/fcs';
import { detectPanel, evaluateStrategy, phenotypeSample, toGatingML } from '@tamkit/gating';
import type { GatingStrategy, PanelOverrides } from '@tamkit/gating';
import type { SampleTask } from '../plan-experiment.js';
import type { PopulationCount, SampleResult } from '../sample-result.js';
import { sampleResult } from '../sample-result.js';

/** Settings every sample of a run shares (plain data: sent to worker threads as is). */
export interface AnalysisSettings {
  /** Absolute folder the sample paths are relative to. */
  readonly root: string;
  readonly seed: number;
  readonly method: 'rules' | 'kmeans';
  readonly k: number | null;
  readonly percentile: number | null;
  /** `auto`: each file's $SPILLOVER; `none`; or a matrix from a CSV. */
  readonly compensation: 'auto' | 'none' | SpilloverMatrix;
  readonly panel: PanelOverrides | null;
  /** The experiment's own gating strategy, evaluated for population counts. */
  readonly gating: GatingStrategy | null;
  /** Absolute folder to write each sample's macrophage-gate events as FCS into, or null. */
  readonly populationsDir: string | null;
  /** Bin each sample's events for the report's plots (`phenotypeSample` with `display`). */
  readonly display: boolean;
}

/** A control file read once per worker: the last donor's controls are kept, then dropped. */
const controlCache = new Map<string, EventTable>();

function readScaled(path: string, name: string): { table: EventTable; spillover: SpilloverMatrix | null } {
  const bytes = readFileSync(path);
  const ds = parseFcs(bytes, { sourceName: name }).datasets[0]!;
  return { table: scaleDataset(ds), spillover: ds.spillover ?? null };
}

function control(settings: AnalysisSettings, file: string): EventTable {
  let t = controlCache.get(file);
  if (t === undefined) {
    t = readScaled(resolve(settings.root, file), file).table;
    controlCache.set(file, t);
  }
  return t;
}

/** SHA-256 (hex) of a file's bytes. */
export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Analyses one stained sample from its file: reads and scales it, reads its controls (cached per
 * worker while they stay the same), runs `phenotypeSample` with the run's settings, evaluates the
 * experiment's own gating strategy when there is one, writes the macrophage-gate events as FCS when
 * asked, and returns the small JSON result (no per-event arrays).
 *
 * @throws whatever the reader or the pipeline throws (`FCS_*`, `PANEL_NOT_DETECTED`, `AUTOGATE_*`...).
 * @example analyseSample(plan.tasks[0], settings).percent.M1
 */
export function analyseSample(task: SampleTask, settings: AnalysisSettings): SampleResult {
  const { table, spillover: fileSpill } = readScaled(resolve(settings.root, task.file), task.file);
  const wanted = new Set([...Object.values(task.controls.fmo), task.controls.unstained, task.controls.isotype].filter((x): x is string => x !== null));
  for (const key of [...controlCache.keys()]) {
    if (!wanted.has(key)) {
      controlCache.delete(key);
    }
  }
  const fmo: Record<string, EventTable> = {};
  const used: Record<string, string> = {};
  for (const [marker, file] of Object.entries(task.controls.fmo)) {
    fmo[marker] = control(settings, file);
    used[`fmo:${marker}`] = file;
  }
  const spillover = settings.compensation === 'auto' ? fileSpill : settings.compensation === 'none' ? null : settings.compensation;
  const controls = {
    fmo,
    ...(task.controls.unstained === null ? {} : { unstained: control(settings, task.controls.unstained) }),
    ...(task.controls.isotype === null ? {} : { isotype: control(settings, task.controls.isotype) }),
  };
  if (task.controls.unstained !== null) {
    used.unstained = task.controls.unstained;
  }
  if (task.controls.isotype !== null) {
    used.isotype = task.controls.isotype;
  }
  const r = phenotypeSample(
    { table, spillover, name: task.file },
    {
      seed: settings.seed,
      panel: detectPanel(table.channels, settings.panel ?? undefined),
      controls,
      method: settings.method,
      ...(settings.k === null ? {} : { k: settings.k }),
      ...(settings.percentile === null ? {} : { percentile: settings.percentile }),
      display: settings.display,
    },
  );
  let populations: PopulationCount[] | null = null;
  if (settings.gating !== null) {
    const tree = evaluateStrategy(settings.gating, table, { fcsSpillover: spillover });
    populations = tree.populations.map((p) => ({ population: p.id, parent: p.parent, count: p.count, percentOfParent: p.percentOfParent }));
  }
  if (settings.populationsDir !== null) {
    let n = 0;
    for (const c of r.codes) {
      n += c === 255 ? 0 : 1;
    }
    const index = new Uint32Array(n);
    let j = 0;
    r.codes.forEach((c, i) => {
      if (c !== 255) {
        index[j++] = i;
      }
    });
    const out = join(settings.populationsDir, `${task.id.replace(/[^A-Za-z0-9_.-]+/g, '_')}.macrophages.fcs`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.tmp`, writeFcs(selectEvents(table, index), { dataType: 'F', keywords: { $FIL: `${task.id}.macrophages.fcs`, TAMKIT_POPULATION: 'macrophages' } }));
    renameSync(`${out}.tmp`, out);
  }
  return sampleResult({ id: task.id, file: task.file, condition: task.condition, donor: task.donor }, r, toGatingML(r.strategy), populations, used, r.display);
}
