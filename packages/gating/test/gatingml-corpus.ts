import { existsSync, readFileSync } from 'node:fs';
import { channelMeta, createEventTable, type EventTable } from '@tamkit/core';
import { parseFcs, scaleDataset, type SpilloverMatrix } from '@tamkit/fcs';

/** The Gating-ML 2.0 compliance corpus (set 1) beside the repository, when present. */
export const corpusDir = new URL('../../../../shared/corpus/gatingml/', import.meta.url);
export const hasCorpus = existsSync(new URL('MANIFEST.json', corpusDir));

export interface ManifestCheck {
  readonly check: string;
  readonly gml: string;
  readonly gate_id: string;
  readonly truth: string;
  readonly expected_count: number;
}

export interface Manifest {
  readonly checks: readonly ManifestCheck[];
  readonly all_gates_document: {
    readonly gml: string;
    readonly gates: readonly { readonly gate_id: string; readonly truth: string; readonly expected_count: number }[];
  };
  readonly fcs: { readonly channels: readonly { readonly PnN: string; readonly PnS: string | null }[] };
}

export const readCorpusText = (path: string): string => readFileSync(new URL(path, corpusDir), 'utf8');

export function loadManifest(): Manifest {
  return JSON.parse(readCorpusText('MANIFEST.json')) as Manifest;
}

/** Expected membership from a truth file: one 0/1 per line. */
export function readTruth(path: string): Uint8Array {
  const lines = readCorpusText(path).split('\n').filter((l) => l !== '');
  return Uint8Array.from(lines, (l) => (l.trim() === '1' ? 1 : 0));
}

/**
 * data1's scale values (the values every gate is evaluated on) from the corpus reference CSV, with
 * the FCS file's $PnN names and $PnS labels from the manifest.
 */
export function loadScaleValues(manifest: Manifest): EventTable {
  const [header, ...rows] = readCorpusText('reference/data1_preprocessed.csv').trim().split('\n');
  const names = header!.split(',');
  const columns = names.map(() => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    row.split(',').forEach((v, j) => {
      columns[j]![i] = Number(v);
    });
  });
  const channels = names.map((name) =>
    channelMeta({ name, label: manifest.fcs.channels.find((c) => c.PnN === name)?.PnS ?? '' }),
  );
  return createEventTable(channels, columns, 'scaled');
}

/** data1.fcs read with the FCS reader and scaled, with the file's own spillover (none in data1). */
export function loadData1(): { table: EventTable; spillover: SpilloverMatrix | null } {
  const bytes = new Uint8Array(readFileSync(new URL('data1.fcs', corpusDir)));
  const dataset = parseFcs(bytes).datasets[0]!;
  return { table: scaleDataset(dataset), spillover: dataset.spillover };
}

/** Positions where two masks differ (first few), for readable failures. */
export function differences(got: Uint8Array, want: Uint8Array): { count: number; first: number[] } {
  const first: number[] = [];
  let count = got.length === want.length ? 0 : Math.abs(got.length - want.length);
  for (let i = 0; i < Math.min(got.length, want.length); i++) {
    if (got[i] !== want[i]) {
      count++;
      if (first.length < 5) {
        first.push(i);
      }
    }
  }
  return { count, first };
}
