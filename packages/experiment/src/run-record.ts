import { ExperimentError } from './errors.js';
import type { SampleFailure, SampleResult } from './sample-result.js';
import type { Shard } from './shard.js';

/** An input file and its SHA-256 (hex). */
export interface InputDigest {
  readonly file: string;
  readonly sha256: string;
}

/** A text output of the transwell part, relative to the results folder. */
export interface TextFile {
  readonly name: string;
  readonly text: string;
}

/** The transwell part's outputs: its files and its JSON result (the `transwell` result kind). */
export interface TranswellOutput {
  readonly files: readonly TextFile[];
  readonly result: Readonly<Record<string, unknown>>;
  readonly failure: { readonly code: string; readonly message: string } | null;
}

/**
 * Everything a run (or one shard of it) produced, as JSON-safe data. A single run and the merge of
 * shards both end in one of these, and the result files are a pure function of it.
 */
export interface RunRecord {
  readonly version: string;
  readonly experiment: { readonly file: string; readonly sha256: string; readonly name: string };
  readonly seed: number;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly inputs: readonly InputDigest[];
  /** Stained samples of the whole experiment (all shards), sorted. */
  readonly sampleIds: readonly string[];
  readonly shard: Shard | null;
  readonly samples: readonly SampleResult[];
  readonly failures: readonly SampleFailure[];
  /** The transwell part (shard 0 runs it), null when the experiment has none. */
  readonly transwell: TranswellOutput | null;
}

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Merges the records of shards `0/N` … `N−1/N` of one experiment into the record a single run
 * gives: samples and failures concatenated and sorted by id, the transwell part from the shard that
 * ran it.
 *
 * @throws {ExperimentError} `EXPERIMENT_MERGE_MISMATCH` when the records come from different
 *   experiment files, versions, seeds or inputs; `EXPERIMENT_MERGE_INCOMPLETE` when a shard is
 *   missing or given twice (context `{ missing, duplicated }`).
 * @example mergeRunRecords([shard0, shard1]).samples.length
 */
export function mergeRunRecords(records: readonly RunRecord[], sources: readonly string[] = records.map((_, i) => `record ${i + 1}`)): RunRecord {
  const first = records[0];
  if (first === undefined) {
    throw new ExperimentError('EXPERIMENT_MERGE_INCOMPLETE', 'no partial results to merge; expected the folders written by tamkit run --shard I/N', { missing: [], duplicated: [] });
  }
  const key = (r: RunRecord): string => JSON.stringify([r.version, r.experiment, r.seed, r.parameters, r.inputs, r.sampleIds, r.shard?.count ?? 1]);
  records.forEach((r, i) => {
    if (key(r) !== key(first)) {
      const what = r.experiment.sha256 !== first.experiment.sha256 ? 'experiment file' : r.version !== first.version ? 'tamkit version' : r.shard?.count !== first.shard?.count ? 'shard count' : 'inputs or parameters';
      throw new ExperimentError('EXPERIMENT_MERGE_MISMATCH', `${sources[i] ?? ''}: ${what} differs from ${sources[0] ?? ''}; expected partial results of one run of one experiment`, { source: sources[i], field: what });
    }
  });
  const count = first.shard?.count ?? 1;
  const seen = records.map((r) => r.shard?.index ?? 0);
  const missing = [...Array(count).keys()].filter((i) => !seen.includes(i));
  const duplicated = seen.filter((i, k) => seen.indexOf(i) !== k);
  if (missing.length > 0 || duplicated.length > 0) {
    throw new ExperimentError(
      'EXPERIMENT_MERGE_INCOMPLETE',
      `shards of ${count}: ${missing.length > 0 ? `missing ${missing.map((m) => `${m}/${count}`).join(', ')}` : ''}${missing.length > 0 && duplicated.length > 0 ? '; ' : ''}${duplicated.length > 0 ? `given twice ${duplicated.map((m) => `${m}/${count}`).join(', ')}` : ''}; expected each of 0/${count} to ${count - 1}/${count} once`,
      { missing, duplicated },
    );
  }
  return {
    ...first,
    shard: null,
    samples: records.flatMap((r) => r.samples).sort(byId),
    failures: records.flatMap((r) => r.failures).sort(byId),
    transwell: records.find((r) => r.transwell !== null)?.transwell ?? null,
  };
}

/**
 * Checks the parsed `partial.json` of a shard and returns its record.
 *
 * @throws {ExperimentError} `EXPERIMENT_BAD_PARTIAL` (context `{ source, field }`).
 * @example readRunRecord(JSON.parse(text), 'shard-0/partial.json')
 */
export function readRunRecord(value: unknown, source: string): RunRecord {
  const v = value as Partial<Record<keyof RunRecord | 'kind', unknown>> | null;
  const fail = (field: string): ExperimentError =>
    new ExperimentError('EXPERIMENT_BAD_PARTIAL', `${source}: ${field} is missing or malformed; expected partial.json written by tamkit run --shard`, { source, field });
  if (typeof v !== 'object' || v === null || v.kind !== 'tamkit-partial') {
    throw fail('kind');
  }
  for (const field of ['samples', 'failures', 'inputs', 'sampleIds'] as const) {
    if (!Array.isArray(v[field])) {
      throw fail(field);
    }
  }
  if (typeof v.version !== 'string' || typeof v.seed !== 'number' || typeof v.experiment !== 'object') {
    throw fail('version');
  }
  const record: Record<string, unknown> = { ...v };
  delete record.kind;
  return record as unknown as RunRecord;
}

/** The `partial.json` text of a shard's record (kind `tamkit-partial`). */
export function partialJson(record: RunRecord): string {
  return `${JSON.stringify({ kind: 'tamkit-partial', ...record }, null, 2)}\n`;
}
