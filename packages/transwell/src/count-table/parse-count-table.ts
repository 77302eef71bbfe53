import { parse } from 'csv-parse/sync';
import type { TamkitWarning } from '@tamkit/core';
import type { CountRecord } from '../count-record.js';
import { TranswellCsvError } from '../errors.js';
import { readCount, readNumber, type CellPlace } from './cell-values.js';
import { KNOWN_COLUMNS, WIDE_FIELD_PATTERN, normaliseHeader, sniffDelimiter } from './columns.js';

/** Options of {@link parseCountTable}. */
export interface ParseCountTableOptions {
  /** Name of the source (file name) used in errors, warnings and `CountRecord.source`. */
  readonly sourceName: string;
  /** `'long'` (one row per field) or `'wide'` (`field_1..field_n` columns); sniffed when omitted. */
  readonly format?: 'long' | 'wide';
  /** Cell delimiter; sniffed from the header line (tab, semicolon, comma) when omitted. */
  readonly delimiter?: string;
}

/** A parsed count table. */
export interface CountTable {
  readonly records: CountRecord[];
  readonly format: 'long' | 'wide';
  readonly delimiter: string;
  /** Normalised headers, in file order. */
  readonly columns: string[];
  /** Unknown (ignored) columns, as `TRANSWELL_CSV_UNKNOWN_COLUMN` warnings. */
  readonly warnings: TamkitWarning[];
}

interface RawRow {
  readonly cells: string[];
  readonly line: number;
}

/**
 * Parses a transwell count table (CSV or TSV) into {@link CountRecord} rows.
 *
 * Long format: one row per counted field, columns `condition`, `replicate`, optional `field`, `count`
 * (or `image`: a membrane image path kept as an unresolved record with `count: null`), and the optional
 * metadata `experiment`, `ccl2_ng_ml` (ng/mL), `inhibitor`, `dose`, `dose_unit`, `cells_seeded` (cells),
 * `insert_area_mm2` (mm²), `field_area_mm2` (mm²), `coating`. Wide format: one row per condition and
 * replicate with counts in `field_1..field_n` (empty cells = field not counted) and the same metadata.
 * Headers are trimmed and case-insensitive; IDs stay strings exactly as written (`'0012'` is not 12);
 * unknown columns are ignored with a warning. See docs/transwell.md.
 *
 * @throws {TranswellCsvError} `TRANSWELL_CSV_*` with context `{ file, line, column }` (1-based; column 0
 *   when the header as a whole is at fault): malformed CSV, missing required column, duplicated column,
 *   empty required cell, non-integer or negative count, bad number, duplicated
 *   (experiment, condition, coating, replicate, field), long and wide columns mixed (`TRANSWELL_CSV_FORMAT`).
 * @example
 * const { records } = parseCountTable('condition,replicate,field,count\nCCL2,1,1,42\n', { sourceName: 'counts.csv' });
 * records[0].count; // 42
 */
export function parseCountTable(text: string, options: ParseCountTableOptions): CountTable {
  const file = options.sourceName;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = options.delimiter ?? sniffDelimiter(body);
  const rows = readRows(body, delimiter, file);
  const headerRow = rows[0];
  if (headerRow === undefined) {
    throw new TranswellCsvError('TRANSWELL_CSV_EMPTY', `${file}: no header line; expected a count table`, {
      file,
      line: 1,
      column: 0,
    });
  }
  const columns = headerRow.cells.map(normaliseHeader);
  const index = new Map<string, number>();
  const warnings: TamkitWarning[] = [];
  columns.forEach((name, i) => {
    if (index.has(name)) {
      throw new TranswellCsvError(
        'TRANSWELL_CSV_DUPLICATE_COLUMN',
        `${file}:${headerRow.line}: column '${name}' appears twice; expected each column once`,
        { file, line: headerRow.line, column: i + 1, header: name },
      );
    }
    index.set(name, i);
    if (!(name in KNOWN_COLUMNS) && !WIDE_FIELD_PATTERN.test(name)) {
      warnings.push({
        code: 'TRANSWELL_CSV_UNKNOWN_COLUMN',
        message: `${file}: column '${name}' is not a known count-table column and was ignored`,
        context: { file, line: headerRow.line, column: i + 1, header: name },
      });
    }
  });
  const wideColumns = columns.filter((c) => WIDE_FIELD_PATTERN.test(c));
  const format = options.format ?? (wideColumns.length > 0 && !index.has('count') && !index.has('field') ? 'wide' : 'long');
  const missing = (name: string): never => {
    throw new TranswellCsvError(
      'TRANSWELL_CSV_MISSING_COLUMN',
      `${file}: no '${name}' column in the header; expected the ${format} format columns (see format option)`,
      { file, line: headerRow.line, column: 0, header: name },
    );
  };
  const mixed = format === 'wide' ? ['field', 'count', 'image'].find((c) => index.has(c)) : wideColumns[0];
  if (mixed !== undefined) {
    throw new TranswellCsvError(
      'TRANSWELL_CSV_FORMAT',
      `${file}: column '${mixed}' does not belong in a ${format} table; expected either field_1..field_n (wide) or field/count (long) columns`,
      { file, line: headerRow.line, column: (index.get(mixed) ?? -1) + 1, header: mixed },
    );
  }
  for (const required of ['condition', 'replicate']) {
    if (!index.has(required)) {
      missing(required);
    }
  }
  if (format === 'long' && !index.has('count') && !index.has('image')) {
    missing('count');
  }
  if (format === 'wide' && wideColumns.length === 0) {
    missing('field_1');
  }
  const records: CountRecord[] = [];
  const seen = new Map<string, { field: string | null; line: number }[]>();
  for (const row of rows.slice(1)) {
    const cell = (name: string): { raw: string; place: CellPlace } | null => {
      const i = index.get(name);
      if (i === undefined) {
        return null;
      }
      return { raw: row.cells[i] ?? '', place: { file, line: row.line, column: i + 1, header: name } };
    };
    const required = (name: string): string => {
      const c = cell(name);
      const value = c?.raw.trim() ?? '';
      if (c === null || value === '') {
        throw new TranswellCsvError(
          'TRANSWELL_CSV_MISSING_VALUE',
          `${file}:${row.line}: empty ${name}; expected a value in every row`,
          { file, line: row.line, column: (index.get(name) ?? -1) + 1, header: name },
        );
      }
      return value;
    };
    const optionalText = (name: string): string | null => {
      const value = cell(name)?.raw.trim() ?? '';
      return value === '' ? null : value;
    };
    const optionalNumber = (name: string): number | null => {
      const c = cell(name);
      return c === null || c.raw.trim() === '' ? null : readNumber(c.raw, c.place);
    };
    const coating = optionalText('coating');
    const base = {
      condition: required('condition'),
      replicate: required('replicate'),
      experiment: optionalText('experiment'),
      ccl2NgMl: optionalNumber('ccl2_ng_ml'),
      inhibitor: optionalText('inhibitor'),
      dose: optionalNumber('dose'),
      doseUnit: optionalText('dose_unit'),
      cellsSeeded: optionalNumber('cells_seeded'),
      insertAreaMm2: optionalNumber('insert_area_mm2'),
      fieldAreaMm2: optionalNumber('field_area_mm2'),
      coating: coating === null ? null : coating.toLowerCase(),
      source: { file, line: row.line },
    };
    const add = (field: string | null, count: number | null, image: string | null, column: number): void => {
      const wellKey = [base.experiment ?? '', base.condition, base.coating ?? '', base.replicate].join('\u0000');
      const earlier = seen.get(wellKey) ?? [];
      const clash = earlier.find((e) => e.field === null || field === null || e.field === field);
      if (clash !== undefined) {
        throw new TranswellCsvError(
          'TRANSWELL_CSV_DUPLICATE_ROW',
          `${file}:${row.line}: condition '${base.condition}' replicate '${base.replicate}' field '${field ?? '(none)'}' already counted on line ${clash.line}; expected one count per field`,
          { file, line: row.line, column, firstLine: clash.line },
        );
      }
      earlier.push({ field, line: row.line });
      seen.set(wellKey, earlier);
      records.push({ ...base, field, count, image });
    };
    if (format === 'long') {
      const countCell = cell('count');
      const image = optionalText('image');
      const hasCount = countCell !== null && countCell.raw.trim() !== '';
      if (!hasCount && image === null) {
        const col = index.get('count') ?? index.get('image') ?? -1;
        throw new TranswellCsvError(
          'TRANSWELL_CSV_MISSING_VALUE',
          `${file}:${row.line}: neither count nor image given; expected a count or an image path`,
          { file, line: row.line, column: col + 1, header: index.has('count') ? 'count' : 'image' },
        );
      }
      const count = hasCount ? readCount(countCell.raw, countCell.place) : null;
      add(optionalText('field'), count, image, (index.get('field') ?? index.get('replicate') ?? 0) + 1);
    } else {
      let any = false;
      for (const name of wideColumns) {
        const c = cell(name);
        if (c === null || c.raw.trim() === '') {
          continue;
        }
        any = true;
        const label = WIDE_FIELD_PATTERN.exec(name)?.[1] ?? name;
        add(label, readCount(c.raw, c.place), null, c.place.column);
      }
      if (!any) {
        const first = wideColumns[0] ?? 'field_1';
        throw new TranswellCsvError(
          'TRANSWELL_CSV_MISSING_VALUE',
          `${file}:${row.line}: no field count in this row; expected at least one of ${wideColumns.join(', ')}`,
          { file, line: row.line, column: (index.get(first) ?? -1) + 1, header: first },
        );
      }
    }
  }
  return { records, format, delimiter, columns, warnings };
}

function readRows(text: string, delimiter: string, file: string): RawRow[] {
  try {
    const parsed = parse(text, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map((p) => ({ cells: p.record, line: p.info.lines }));
  } catch (cause) {
    const line = typeof (cause as { lines?: unknown }).lines === 'number' ? (cause as { lines: number }).lines : 0;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new TranswellCsvError(
      'TRANSWELL_CSV_MALFORMED',
      `${file}:${line}: not a well-formed delimited table (${reason})`,
      { file, line, column: 0 },
      { cause },
    );
  }
}
