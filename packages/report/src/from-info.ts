import type { ReportSection, ReportWarning, TableBlock } from './report-document.js';

/** The per-file shape of `tamkit info --json` that the report reads (other fields are ignored). */
export interface InfoFileInput {
  readonly file: string;
  readonly datasets?: readonly {
    readonly version: string;
    readonly events: number;
    readonly parameters: number;
    readonly keywords?: Readonly<Record<string, string>>;
    readonly channels?: readonly { readonly name: string; readonly label: string }[];
    readonly warnings?: readonly { readonly code: string; readonly message: string }[];
  }[];
  readonly error?: { readonly code: string; readonly message: string };
}

const KEYWORDS = ['$CYT', '$CYTSN', '$DATE', '$BTIM', '$SRC', '$FIL'];

/**
 * The QC section of `tamkit info --json` output: one row per data set (file, FCS version, events,
 * channels, instrument, date, markers), and the files' read warnings and errors as report warnings.
 *
 * @example infoSection([{ file: 'a.fcs', datasets: [...] }], 'info.json', 'files').section.blocks[0].type // 'table'
 */
export function infoSection(files: readonly InfoFileInput[], source: string, id: string): { section: ReportSection; warnings: ReportWarning[] } {
  const warnings: ReportWarning[] = [];
  const rows: TableBlock['rows'][number][] = [];
  for (const f of files) {
    if (f.error) {
      warnings.push({ code: f.error.code, message: f.error.message, source: f.file });
      continue;
    }
    (f.datasets ?? []).forEach((d, k) => {
      const kw = (key: string): string => d.keywords?.[key]?.trim() ?? '';
      rows.push([
        (f.datasets ?? []).length > 1 ? `${f.file} #${k + 1}` : f.file,
        d.version,
        d.events,
        d.parameters,
        [kw('$CYT'), kw('$CYTSN')].filter(Boolean).join(' '),
        [kw('$DATE'), kw('$BTIM')].filter(Boolean).join(' '),
        (d.channels ?? []).filter((c) => c.label).map((c) => `${c.name}: ${c.label}`).join(', '),
      ]);
      warnings.push(...(d.warnings ?? []).map((w) => ({ code: w.code, message: w.message, source: f.file })));
    });
  }
  const keywordBlocks = files.flatMap((f) =>
    (f.datasets ?? []).map((d) => ({
      type: 'keyValue' as const,
      title: `${f.file}: keywords`,
      entries: KEYWORDS.flatMap((k): [string, string][] => (d.keywords?.[k] ? [[k, d.keywords[k]]] : [])),
    })),
  );
  const table: TableBlock = {
    type: 'table',
    title: 'FCS files',
    columns: [{ label: 'file' }, { label: 'FCS' }, { label: 'events', digits: 0 }, { label: 'channels', digits: 0 }, { label: 'instrument' }, { label: 'acquired' }, { label: 'markers' }],
    rows,
  };
  return { section: { id, title: 'FCS files', kind: 'qc', blocks: [table, ...keywordBlocks] }, warnings };
}
