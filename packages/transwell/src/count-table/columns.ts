/** How a known count-table column is read. */
export type ColumnKind = 'id' | 'text' | 'count' | 'number';

/** The known columns of a count table (normalised header → kind). Units are in the header names. */
export const KNOWN_COLUMNS: Readonly<Record<string, ColumnKind>> = {
  condition: 'id',
  replicate: 'id',
  field: 'id',
  count: 'count',
  image: 'text',
  experiment: 'id',
  ccl2_ng_ml: 'number',
  inhibitor: 'text',
  dose: 'number',
  dose_unit: 'text',
  cells_seeded: 'number',
  insert_area_mm2: 'number',
  field_area_mm2: 'number',
  coating: 'text',
};

/** Wide-format field columns: `field_1`, `field_2`, ... (the number is the field label). */
export const WIDE_FIELD_PATTERN: RegExp = /^field_(\d+)$/;

/** Normalises a header: trimmed and lower-cased. */
export function normaliseHeader(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Picks the delimiter of a table from its first non-empty line: tab, semicolon or comma. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts: [string, number][] = [
    ['\t', firstLine.split('\t').length - 1],
    [';', firstLine.split(';').length - 1],
    [',', firstLine.split(',').length - 1],
  ];
  let best: [string, number] = [',', 0];
  for (const c of counts) {
    if (c[1] > best[1]) {
      best = c;
    }
  }
  return best[0];
}
