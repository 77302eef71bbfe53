import { writeFcs } from '@tamkit/fcs';
import type { FcsWriteOptions } from '@tamkit/fcs';
import type { MacrophageExperiment, MacrophageExperimentSample } from './simulate-macrophage-experiment.js';
import type { MacrophageSample } from './simulate-macrophage-sample.js';

/** One output file: a name relative to the output folder and its bytes. */
export interface NamedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The truth of a sample as CSV text: header `event,class`, then one row per event in file order,
 * `event` 0-based, `class` a name from `MACROPHAGE_CLASS_NAMES`. LF line endings, final newline.
 *
 * @example
 * macrophageTruthCsv(simulateMacrophageSample({ seed: 1, events: 2, condition: 'M0' }));
 * // 'event,class\n0,double_negative\n1,dead\n' (classes depend on the seed)
 */
export function macrophageTruthCsv(sample: MacrophageSample): string {
  const { eventClass, classNames } = sample.truth;
  const rows = new Array<string>(eventClass.length + 1);
  rows[0] = 'event,class';
  for (let i = 0; i < eventClass.length; i++) {
    rows[i + 1] = `${i},${classNames[eventClass[i]!] ?? ''}`;
  }
  return `${rows.join('\n')}\n`;
}

/** Name of a sample's truth file: `D1_M1.fcs` → `D1_M1.truth.csv`. */
export function truthFileName(fcsFileName: string): string {
  return `${fcsFileName.replace(/\.fcs$/i, '')}.truth.csv`;
}

/**
 * FCS 3.1 bytes of one experiment sample, via `writeFcs`: float32 data, `$PnS` marker labels,
 * `$SPILLOVER`, `$FIL`, `$TIMESTEP` and the `TAMKIT_*` keywords (seed, condition, role, donor,
 * replicate, FMO marker).
 *
 * @example
 * const bytes = macrophageSampleFcs(exp.samples[0]!);
 */
export function macrophageSampleFcs(
  entry: MacrophageExperimentSample,
  options: Pick<FcsWriteOptions, 'byteOrder'> = {},
): Uint8Array {
  return writeFcs(entry.sample.table, {
    ...options,
    dataType: 'F',
    spillover: entry.sample.spillover,
    keywords: {
      ...entry.sample.keywords,
      $FIL: entry.fileName,
      TAMKIT_DONOR: entry.donor,
      TAMKIT_REPLICATE: String(entry.replicate),
      ...(entry.fmoMarker === null ? {} : { TAMKIT_FMO_MARKER: entry.fmoMarker }),
    },
  });
}

/**
 * The experiment's sample sheet as CSV: `file,condition,role,fmo_marker,donor,replicate,seed,events`,
 * one row per FCS file (empty `fmo_marker` unless role is `fmo`).
 */
export function macrophageSampleSheet(experiment: MacrophageExperiment): string {
  const rows = ['file,condition,role,fmo_marker,donor,replicate,seed,events'];
  for (const s of experiment.samples) {
    rows.push(
      [s.fileName, s.condition, s.role, s.fmoMarker ?? '', s.donor, s.replicate, s.seed, s.sample.table.eventCount].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}

/**
 * Every file of a simulated experiment, as `{ name, bytes }` for a caller to write (pure: no file
 * access): per sample its FCS file and `<name>.truth.csv`, then `samples.csv` (the sample sheet).
 *
 * @example
 * for (const f of writeMacrophageExperiment(simulateMacrophageExperiment({ seed: 1, eventsPerSample: 1000 }))) {
 *   // fs.writeFileSync(path.join(out, f.name), f.bytes) in the CLI
 * }
 */
export function writeMacrophageExperiment(
  experiment: MacrophageExperiment,
  options: Pick<FcsWriteOptions, 'byteOrder'> = {},
): NamedFile[] {
  const encoder = new TextEncoder();
  const files: NamedFile[] = [];
  for (const entry of experiment.samples) {
    files.push({ name: entry.fileName, bytes: macrophageSampleFcs(entry, options) });
    files.push({ name: truthFileName(entry.fileName), bytes: encoder.encode(macrophageTruthCsv(entry.sample)) });
  }
  files.push({ name: 'samples.csv', bytes: encoder.encode(macrophageSampleSheet(experiment)) });
  return files;
}
