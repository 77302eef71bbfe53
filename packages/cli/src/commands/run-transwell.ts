import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFcs, scaleDataset } from '@tamkit/fcs';
import { computeReadouts, countCells, countWithBeads, decodeImage, parseCountTable } from '@tamkit/transwell';
import type { CountRecord } from '@tamkit/transwell';
import type { Experiment, TextFile, TranswellOutput } from '@tamkit/experiment';
import { csvText } from '@tamkit/experiment';
import { formatError } from '../io/format-error.js';
import { fitDoseResponses, runTests } from './transwell-counts-analysis.js';
import { doseResponseCsv, readoutsCsv, testsCsv } from './transwell-counts-format.js';
import { warningJson } from './transwell-output.js';

/**
 * The transwell part of an experiment: the count table (image rows counted from their images,
 * paths relative to the table), readouts, tests against the control and 4PL fits, as in `tamkit
 * transwell counts`; and the counting-bead tubes as in `tamkit transwell beads`. Files go under
 * `transwell/` of the results. A failure is returned, not thrown, so the flow part is still written.
 */
export function runTranswell(section: NonNullable<Experiment['transwell']>, root: string): TranswellOutput {
  const files: TextFile[] = [];
  const result: Record<string, unknown> = {};
  try {
    if (section.counts !== null) {
      const tablePath = resolve(root, section.counts);
      const table = parseCountTable(readFileSync(tablePath, 'utf8'), { sourceName: section.counts });
      const folder = resolve(tablePath, '..');
      const imageCounts: { image: string; line: number; count: number; warnings: unknown[] }[] = [];
      const cache = new Map<string, number>();
      const records: CountRecord[] = table.records.map((r) => {
        if (r.count !== null || r.image === null) {
          return r;
        }
        let count = cache.get(r.image);
        if (count === undefined) {
          const counted = countCells(decodeImage(readFileSync(resolve(folder, r.image)), r.image), {
            stain: section.stain,
            ...(section.pixelSizeUm === null ? {} : { pixelSizeUm: section.pixelSizeUm }),
          });
          count = counted.count;
          cache.set(r.image, count);
          imageCounts.push({ image: r.image, line: r.source.line, count, warnings: counted.warnings.map(warningJson) });
        }
        return { ...r, count };
      });
      const readouts = computeReadouts(records, {
        ...(section.baseline === null ? {} : { baseline: section.baseline }),
        ...(section.positiveControl === null ? {} : { positiveControl: section.positiveControl }),
        ...(section.control === null ? {} : { control: section.control }),
        ...(section.insertAreaMm2 === null ? {} : { insertAreaMm2: section.insertAreaMm2 }),
        ...(section.fieldAreaMm2 === null ? {} : { fieldAreaMm2: section.fieldAreaMm2 }),
        ...(section.metric === null ? {} : { metric: section.metric }),
      });
      const tests = runTests(readouts, readouts.options.control, section.test ?? undefined, section.adjust);
      const fits = fitDoseResponses(readouts, {
        ...(section.fixBottom === null ? {} : { bottom: section.fixBottom }),
        ...(section.fixTop === null ? {} : { top: section.fixTop }),
        ...(section.fixHill === null ? {} : { hill: section.fixHill }),
      });
      files.push(
        { name: 'transwell/readouts.csv', text: readoutsCsv(readouts) },
        { name: 'transwell/tests.csv', text: testsCsv(tests.rows) },
        { name: 'transwell/dose-response.csv', text: doseResponseCsv(fits) },
        { name: 'transwell/image-counts.csv', text: csvText(['image', 'line', 'count'], imageCounts.map((i) => [i.image, i.line, i.count])) },
      );
      Object.assign(result, {
        input: { file: section.counts, format: table.format, records: table.records.length },
        imageCounts,
        readouts,
        ...(tests.pairwise === null ? {} : { test: tests.pairwise }),
        tests: { method: tests.method, adjust: tests.adjust, control: tests.control, rows: tests.rows },
        doseResponse: fits,
        warnings: [...table.warnings, ...readouts.warnings, ...tests.warnings].map(warningJson),
      });
    }
    if (section.beads !== null) {
      const beads = section.beads;
      const rows = beads.files.map((b) => {
        const ds = parseFcs(readFileSync(resolve(root, b.file)), { sourceName: b.file }).datasets[0]!;
        const r = countWithBeads(scaleDataset(ds), { beadsAdded: beads.beadsAdded, ...(beads.volumeUl === null ? {} : { sampleVolumeUl: beads.volumeUl }) });
        return { file: b.file, condition: b.condition, replicate: b.replicate, beadEvents: r.gating.beadEvents, cellEvents: r.gating.cellEvents, cellsInSample: r.count.cellsInSample, cellsPerUl: r.count.cellsPerUl, poissonRelativeSe: r.poissonRelativeSe };
      });
      files.push({
        name: 'transwell/beads.csv',
        text: csvText(
          ['file', 'condition', 'replicate', 'bead_events', 'cell_events', 'cells_in_tube', 'cells_per_ul', 'poisson_relative_se'],
          rows.map((r) => [r.file, r.condition, r.replicate, r.beadEvents, r.cellEvents, r.cellsInSample, r.cellsPerUl, r.poissonRelativeSe]),
        ),
      });
      result.beads = rows;
    }
  } catch (e) {
    return { files: [], result: {}, failure: formatError(e) };
  }
  return { files, result, failure: null };
}
