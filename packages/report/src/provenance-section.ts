import type { ReportDocument, ReportSection, TableBlock } from './report-document.js';

function jsonValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
}

/**
 * The "Provenance & QC" section every report ends with: warnings, the tamkit version, command line and
 * date, every input file with its SHA-256, every parameter and every seed, and the provenance of each
 * result file the report was built from. Tables, so each is downloadable as CSV.
 *
 * @example provenanceSection(doc).blocks[0].type // 'table' (warnings)
 */
export function provenanceSection(doc: ReportDocument): ReportSection {
  const p = doc.provenance;
  const warnings: TableBlock = {
    type: 'table',
    title: `Warnings (${doc.warnings.length})`,
    caption: doc.warnings.length === 0 ? 'No warning was raised while reading or analysing the inputs.' : 'Leniencies used while reading, missing controls, low event counts and assay caveats.',
    columns: [{ label: 'code' }, { label: 'source' }, { label: 'message' }],
    rows: doc.warnings.map((w) => [w.code, w.source ?? '', w.message]),
  };
  const run: TableBlock = {
    type: 'table',
    title: 'Run',
    columns: [{ label: 'field' }, { label: 'value' }],
    rows: [
      ['tamkit version', p.tamkitVersion],
      ['command line', p.commandLine.join(' ')],
      ['date', p.date],
    ],
  };
  const inputs: TableBlock = {
    type: 'table',
    title: 'Input files',
    columns: [{ label: 'file' }, { label: 'SHA-256' }, { label: 'bytes', digits: 0 }],
    rows: p.inputs.map((f) => [f.file, f.sha256, f.bytes ?? null]),
  };
  const results = p.results ?? [];
  const parameters: TableBlock = {
    type: 'table',
    title: 'Parameters',
    columns: [{ label: 'step' }, { label: 'parameter' }, { label: 'value' }],
    rows: [
      ...Object.entries(p.parameters).map(([k, v]) => ['report', k, jsonValue(v)]),
      ...results.flatMap((r) => Object.entries(r.parameters ?? {}).map(([k, v]) => [`${r.command} (${r.source})`, k, jsonValue(v)])),
    ],
  };
  const seeds: TableBlock = {
    type: 'table',
    title: 'Seeds',
    columns: [{ label: 'step' }, { label: 'use' }, { label: 'seed', digits: 0 }],
    rows: [
      ...Object.entries(p.seeds).map(([k, v]) => ['report', k, v]),
      ...results.flatMap((r) => Object.entries(r.seeds ?? {}).map(([k, v]) => [`${r.command} (${r.source})`, k, v])),
    ],
  };
  const resultTable: TableBlock = {
    type: 'table',
    title: 'Result files',
    columns: [{ label: 'file' }, { label: 'command' }, { label: 'tamkit version' }, { label: 'date' }, { label: 'command line' }, { label: 'inputs (SHA-256)' }],
    rows: results.map((r) => [
      r.source,
      r.command,
      r.version,
      r.date ?? '',
      (r.commandLine ?? []).join(' '),
      (r.inputs ?? []).map((f) => `${f.file} ${f.sha256}`).join('; '),
    ]),
  };
  return {
    id: 'provenance',
    title: 'Provenance & QC',
    kind: 'qc',
    blocks: [warnings, run, inputs, ...(results.length > 0 ? [resultTable] : []), parameters, seeds],
  };
}
