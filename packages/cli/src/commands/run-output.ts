import { join } from 'node:path';
import { buildReportDocument, phenotypeInputFromJson, readResultFile, renderHtml } from '@tamkit/report';
import type { ResultFile } from '@tamkit/report';
import { plotlyBundle } from '@tamkit/report/node';
import { resultFiles } from '@tamkit/experiment';
import type { RunRecord, TextFile } from '@tamkit/experiment';
import { writeFileAtomic } from '../io/atomic-write.js';

/** Date written into the report's provenance unless `--date` is given: results stay byte-identical. */
export const UNRECORDED_DATE = 'not recorded (results are reproducible; see timing.json)';

/**
 * `report.html` of a run record, built with `@tamkit/report` from the record's phenotype and
 * transwell results (the same files `tamkit report` reads).
 */
export function reportHtml(record: RunRecord, files: readonly TextFile[], title: string, date: string): string {
  const results: ResultFile[] = [];
  for (const name of ['phenotype.json', 'transwell.json']) {
    const f = files.find((x) => x.name === name);
    if (f !== undefined && (name !== 'phenotype.json' || record.samples.length > 0)) {
      results.push(readResultFile(JSON.parse(f.text), name));
    }
  }
  const doc = buildReportDocument(
    results,
    {
      tamkitVersion: record.version,
      commandLine: ['tamkit', 'run', record.experiment.file],
      date,
      inputs: record.inputs,
      parameters: record.parameters,
      seeds: { experiment: record.seed },
    },
    title,
  );
  return renderHtml(doc, { plotlyJs: plotlyBundle('cartesian') });
}

/**
 * `phenotype.json` with each sample's gating-hierarchy densities and marker histograms (`panels`,
 * `histograms`, drawn by `@tamkit/report` from the binned events the workers returned), so that the
 * report of `tamkit run` and `tamkit report results/phenotype.json` both show them.
 */
export function withDisplayPlots(record: RunRecord, file: TextFile): TextFile {
  if (!record.samples.some((s) => s.display !== undefined)) {
    return file;
  }
  const doc = JSON.parse(file.text) as { samples: Record<string, unknown>[] };
  record.samples.forEach((s, i) => {
    const entry = doc.samples[i];
    if (s.display === undefined || entry === undefined) {
      return;
    }
    const plotted = phenotypeInputFromJson([{ file: s.id, display: s.display }]).input.samples[0];
    if (plotted?.panels) {
      entry.panels = plotted.panels;
    }
    if (plotted?.histograms) {
      entry.histograms = plotted.histograms;
    }
  });
  // Compact: the binned counts would take most of the file pretty-printed.
  return { name: file.name, text: `${JSON.stringify(doc)}\n` };
}

/** Writes every result file of a record into `out` (atomically, file by file) and returns their names. */
export function writeRunResults(out: string, record: RunRecord, options: { html: boolean; title: string; date: string }): string[] {
  const files = resultFiles(record).map((f) => (f.name === 'phenotype.json' ? withDisplayPlots(record, f) : f));
  for (const f of files) {
    writeFileAtomic(join(out, f.name), f.text);
  }
  const names = files.map((f) => f.name);
  if (options.html) {
    writeFileAtomic(join(out, 'report.html'), reportHtml(record, files, options.title, options.date));
    names.push('report.html');
  }
  return names;
}
