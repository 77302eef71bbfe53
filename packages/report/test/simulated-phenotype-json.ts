import type { EventTable } from '@tamkit/core';
import { phenotypeSample } from '@tamkit/gating';
import type { PhenotypeJsonEntry } from '../src/index.js';
import { simulateMacrophageExperiment, type MacrophageCondition } from '@tamkit/simulate';

/**
 * What `tamkit phenotype S*.fcs --fmo ... --json` prints (its `files` array), for a small simulated
 * experiment: each sample phenotyped with its FMO controls and `display: true`, the result without
 * per-event codes, round-tripped through JSON text as the report reads it.
 */
export function simulatedPhenotypeJson(options: {
  seed: number;
  eventsPerSample: number;
  conditions: readonly MacrophageCondition[];
}): PhenotypeJsonEntry[] {
  const exp = simulateMacrophageExperiment({
    seed: options.seed,
    eventsPerSample: options.eventsPerSample,
    replicates: 1,
    separation: 1.4,
    conditions: [...options.conditions],
  });
  const fmo: Record<string, EventTable> = {};
  for (const s of exp.samples) {
    if (s.role === 'fmo') {
      fmo[s.fmoMarker!] = { ...s.sample.table, stage: 'scaled' };
    }
  }
  const files = exp.samples
    .filter((s) => s.role === 'sample')
    .map((s) => {
      const r = phenotypeSample(
        {
          table: { ...s.sample.table, stage: 'scaled' },
          spillover: s.sample.spillover,
          name: s.fileName,
        },
        { seed: 1, controls: { fmo }, display: true },
      );
      const entry: Record<string, unknown> = { file: s.fileName };
      for (const [key, value] of Object.entries(r)) {
        if (key !== 'codes' && key !== 'name') {
          entry[key] = value;
        }
      }
      entry.ratio = r.percentages.m1m2Ratio;
      return entry;
    });
  return (JSON.parse(JSON.stringify({ files })) as { files: PhenotypeJsonEntry[] }).files;
}
