import type { PhenotypeDisplay, PhenotypeResult } from '@tamkit/gating';
import { displayPlots } from './from-phenotype-display.js';
import type { MarkerIntensityRow } from './flow-tables.js';
import type { PhenotypeReportInput, PhenotypeSampleInput } from './from-phenotype.js';

/** The fields of one `tamkit phenotype --json` entry that the report reads (others are ignored). */
export type PhenotypeJsonEntry =
  | ({ readonly file: string } & Partial<Pick<PhenotypeResult, 'eventCount' | 'pregates' | 'thresholds' | 'percentages' | 'markers' | 'warnings' | 'seed' | 'method'>> & {
      readonly display?: PhenotypeDisplay;
      /** The sample's condition (`tamkit phenotype --conditions-from-names`); 'all samples' when absent. */
      readonly condition?: string;
    })
  | { readonly file: string; readonly error: { readonly code: string; readonly message: string } };

const CLASSES = ['M1', 'M2', 'double_positive', 'double_negative'] as const;
const CLASS_LABELS = ['M1', 'M2', 'double positive', 'double negative'];

/** True when a bare `{ files: [...] }` document is `tamkit phenotype --json` output (rather than `tamkit info --json`). */
export function isPhenotypeJson(files: readonly unknown[]): boolean {
  return files.some((f) => typeof f === 'object' && f !== null && ('percentages' in f || 'thresholds' in f));
}

/**
 * Report input from `tamkit phenotype --json` output (`files: [...]`, one `PhenotypeResult` per file
 * without per-event codes): per sample its pre-gate yields, thresholds (in data units, with their
 * control or none), per-class MFI and stain index, the M1/M2 composition, and, when the entry carries
 * `display` (binned events, see `phenotypeDisplay`), the gating-hierarchy densities with their gates and
 * the marker histograms with threshold and control. Files that failed become warnings.
 *
 * @example phenotypeInputFromJson(JSON.parse(stdout).files).samples.length
 */
export function phenotypeInputFromJson(files: readonly PhenotypeJsonEntry[]): { input: PhenotypeReportInput; failed: { file: string; code: string; message: string }[] } {
  const samples: PhenotypeSampleInput[] = [];
  const failed: { file: string; code: string; message: string }[] = [];
  const composition: { sample: string; condition: string; percents: number[] }[] = [];
  for (const f of files) {
    if ('error' in f) {
      failed.push({ file: f.file, ...f.error });
      continue;
    }
    const intensities: MarkerIntensityRow[] = (f.markers ?? []).flatMap((m) =>
      CLASSES.map((c, k) => ({ sample: f.file, population: CLASS_LABELS[k]!, marker: m.marker, mfi: m.classes[c].median, rsdNegative: m.control?.robustSd ?? null, stainIndex: m.classes[c].stainIndex, events: m.classes[c].count })),
    );
    const plots = f.display ? displayPlots(f.display, f.file) : undefined;
    samples.push({
      sample: f.file,
      ...(plots ? { panels: plots.panels, histograms: plots.histograms } : {}),
      file: f.file,
      events: f.eventCount ?? 0,
      populations: (f.pregates ?? []).map((p) => ({ population: p.id, events: p.count })),
      thresholds: (f.thresholds ?? []).map((t) => ({ marker: t.marker, value: t.linearValue, method: t.method, control: t.source === 'data' ? null : t.source })),
      intensities,
      warnings: (f.warnings ?? []).map((w) => ({ code: w.code, message: w.message })),
    });
    if (f.percentages) {
      const p = f.percentages.percent;
      composition.push({ sample: f.file, condition: typeof f.condition === 'string' && f.condition !== '' ? f.condition : 'all samples', percents: CLASSES.map((c) => p[c]) });
    }
  }
  return { input: { samples, ...(composition.length > 0 ? { composition: { classes: CLASS_LABELS, samples: composition } } : {}) }, failed };
}
