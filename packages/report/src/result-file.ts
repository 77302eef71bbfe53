import { ReportError } from './errors.js';
import { isPhenotypeJson } from './from-phenotype-json.js';
import type { InputFile } from './report-document.js';

/** Kinds of result file the report reads. */
export const RESULT_KINDS = ['info', 'phenotype', 'transwell', 'transwell-images', 'transwell-beads', 'gate', 'document'] as const;

/** A result file's kind: what its body holds (see docs/report.md, "Result files"). */
export type ResultKind = (typeof RESULT_KINDS)[number];

/** The `tamkit` header every result file written with `--json`/`--out` starts with. */
export interface ResultHeader {
  readonly version: string;
  /** The command that wrote it, e.g. 'phenotype'. */
  readonly command: string;
  readonly date?: string;
  readonly commandLine?: readonly string[];
  readonly inputs?: readonly InputFile[];
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly seeds?: Readonly<Record<string, number>>;
}

/** A result file read by {@link readResultFile}: its header (null for bare `tamkit info --json` output), kind and body. */
export interface ResultFile {
  readonly source: string;
  readonly header: ResultHeader | null;
  readonly kind: ResultKind;
  /** The whole parsed object (the envelope's fields beside `tamkit` and `kind`). */
  readonly body: Readonly<Record<string, unknown>>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(source: string, path: string, found: string, expected: string): ReportError {
  return new ReportError('REPORT_BAD_RESULT', `${source}: ${path} is ${found}; expected ${expected}`, { source, path });
}

function describe(v: unknown): string {
  if (v === null) {
    return 'null';
  }
  if (Array.isArray(v)) {
    return 'an array';
  }
  return typeof v === 'string' ? `the string ${JSON.stringify(v.slice(0, 40))}` : `a ${typeof v}`;
}

function readHeader(v: unknown, source: string): ResultHeader {
  if (!isRecord(v)) {
    throw bad(source, 'tamkit', describe(v), 'an object with version and command');
  }
  for (const key of ['version', 'command'] as const) {
    if (typeof v[key] !== 'string') {
      throw bad(source, `tamkit.${key}`, describe(v[key]), 'a string');
    }
  }
  const inputs = v.inputs;
  if (inputs !== undefined && !(Array.isArray(inputs) && inputs.every((f) => isRecord(f) && typeof f.file === 'string' && typeof f.sha256 === 'string'))) {
    throw bad(source, 'tamkit.inputs', describe(inputs), 'an array of { file, sha256 }');
  }
  const seeds = v.seeds;
  if (seeds !== undefined && !(isRecord(seeds) && Object.values(seeds).every((s) => typeof s === 'number'))) {
    throw bad(source, 'tamkit.seeds', describe(seeds), 'an object of numbers');
  }
  return v as unknown as ResultHeader;
}

/**
 * Reads a parsed result file: either the envelope `{ "tamkit": { version, command, ... }, "kind": ...,
 * ...body }` or the bare output of `tamkit info --json` or `tamkit phenotype --json` (`{ "files": [...] }`,
 * read as kind `info`, or `phenotype` when its entries have percentages or thresholds).
 * Only the envelope and the fields the report draws are checked, so results that gain fields still read.
 *
 * @throws {ReportError} `REPORT_BAD_RESULT` (context `{ source, path }`) for a value that is not a
 *   result file; `REPORT_UNKNOWN_KIND` (`{ source, kind }`) for a kind this version does not know.
 * @example readResultFile(JSON.parse(text), 'phenotype.json').kind // 'phenotype'
 */
export function readResultFile(value: unknown, source: string): ResultFile {
  if (!isRecord(value)) {
    throw bad(source, '(top level)', describe(value), 'a JSON object');
  }
  if (value.tamkit === undefined && Array.isArray(value.files)) {
    return { source, header: null, kind: isPhenotypeJson(value.files) ? 'phenotype' : 'info', body: value };
  }
  if (value.tamkit === undefined) {
    throw bad(source, 'tamkit', 'missing', 'a tamkit result envelope { "tamkit": {...}, "kind": ... } or tamkit info --json output');
  }
  const header = readHeader(value.tamkit, source);
  const kind = value.kind;
  if (typeof kind !== 'string') {
    throw bad(source, 'kind', describe(kind), `one of ${RESULT_KINDS.join(', ')}`);
  }
  if (!(RESULT_KINDS as readonly string[]).includes(kind)) {
    throw new ReportError('REPORT_UNKNOWN_KIND', `${source}: kind '${kind}' is not one this version reads; expected one of ${RESULT_KINDS.join(', ')}`, { source, kind });
  }
  return { source, header, kind: kind as ResultKind, body: value };
}

/** Checks that `body[key]` is an array (of objects when `objects`), naming the path when not. */
export function requireArray(file: ResultFile, key: string): readonly Record<string, unknown>[] {
  const v = file.body[key];
  if (!Array.isArray(v) || !v.every(isRecord)) {
    throw bad(file.source, key, describe(v), 'an array of objects');
  }
  return v;
}

/** Checks that `body[key]` is an object. */
export function requireRecord(file: ResultFile, key: string): Readonly<Record<string, unknown>> {
  const v = file.body[key];
  if (!isRecord(v)) {
    throw bad(file.source, key, describe(v), 'an object');
  }
  return v;
}
