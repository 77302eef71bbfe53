import type { ReportSection, ReportWarning, TableBlock, TableCell } from './report-document.js';

/** A string field, or the fallback when the field is not a string. */
function text(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

function cell(v: unknown): TableCell | undefined {
  if (typeof v === 'string' || typeof v === 'number' || v === null) {
    return v;
  }
  if (typeof v === 'boolean') {
    return v ? 'yes' : 'no';
  }
  // One level of nesting with a scalar `value` (e.g. a threshold `{ method, value }`).
  if (typeof v === 'object' && !Array.isArray(v) && typeof (v as { value?: unknown }).value === 'number') {
    return (v as { value: number }).value;
  }
  return undefined;
}

/**
 * A section tabulating per-file records of a result whose layout the report does not model in detail
 * (e.g. `transwell-images`, `transwell-beads`): one row per record, one column per scalar field in
 * order of first appearance (nested `{ value }` objects shown by their value); records with an `error`
 * and the records' `warnings` become report warnings. Fields added later simply become new columns.
 *
 * @example recordsSection('Membrane images', 'images-1', [{ file: 'A1.tif', count: 120 }], 'x.json').section.blocks.length // 1
 */
export function recordsSection(
  title: string,
  id: string,
  records: readonly Readonly<Record<string, unknown>>[],
  source: string,
): { section: ReportSection; warnings: ReportWarning[] } {
  const warnings: ReportWarning[] = [];
  const keys: string[] = [];
  const ok = records.filter((r) => {
    const err = r.error as { code?: unknown; message?: unknown } | undefined;
    if (err && typeof err === 'object') {
      warnings.push({ code: text(err.code, 'ERROR'), message: text(err.message, ''), source: typeof r.file === 'string' ? r.file : source });
      return false;
    }
    return true;
  });
  for (const r of ok) {
    for (const [k, v] of Object.entries(r)) {
      if (k !== 'warnings' && cell(v) !== undefined && !keys.includes(k)) {
        keys.push(k);
      }
    }
    if (Array.isArray(r.warnings)) {
      for (const w of r.warnings as { code?: unknown; message?: unknown }[]) {
        warnings.push({ code: text(w.code, 'WARNING'), message: text(w.message, ''), source: typeof r.file === 'string' ? r.file : source });
      }
    }
  }
  const table: TableBlock = {
    type: 'table',
    title,
    columns: keys.map((k) => ({ label: k })),
    rows: ok.map((r) => keys.map((k) => cell(r[k]) ?? null)),
  };
  return { section: { id, title, kind: 'migration', blocks: [table] }, warnings };
}
