import type { SpilloverMatrix } from '@tamkit/fcs';
import { CompensationError } from '../errors.js';

function unquote(cell: string): string {
  const t = cell.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replaceAll('""', '"').trim() : t;
}

/**
 * Parses a spillover matrix from CSV text: a header row of detector names ($PnN), then one row per
 * fluorochrome in header order with one coefficient per detector (the layout of FlowKit's
 * `comp_complete_example.csv`; FCS `$SPILLOVER` order: rows = sources, columns = detectors).
 * Also accepted: a first column of row labels when the header's first cell is empty (FlowJo
 * exports); labelled rows are then put in header order by name. Cells may be quoted; comma or tab
 * separated (chosen from the header); a UTF-8 BOM, CRLF line ends and trailing blank lines are
 * ignored. `source` of the result is `'csv'`; `sourceName` (a file name) appears in errors.
 *
 * @throws {CompensationError} `COMP_CSV_EMPTY`, `COMP_CSV_HEADER` (empty or repeated detector
 *   name, unknown row label), `COMP_CSV_ROW_LENGTH`, `COMP_CSV_BAD_NUMBER`, `COMP_CSV_ROW_COUNT`;
 *   context `{ file, line, column? }` with 1-based line and column.
 * @example
 * parseSpilloverCsv('FL1-A,FL2-A\n1,0.1\n0.02,1\n').values; // Float64Array [1, 0.1, 0.02, 1]
 */
export function parseSpilloverCsv(text: string, sourceName = 'spillover CSV'): SpilloverMatrix {
  const file = sourceName;
  const fail = (code: string, message: string, line: number, column?: number): CompensationError =>
    new CompensationError(
      code,
      `${file} line ${line}${column === undefined ? '' : `, column ${column}`}: ${message}`,
      column === undefined ? { file, line } : { file, line, column },
    );

  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') {
    lines.pop();
  }
  if (lines.length === 0) {
    throw fail('COMP_CSV_EMPTY', 'no header row; expected detector names separated by commas', 1);
  }
  const headerLine = lines[0]!;
  const sep = !headerLine.includes(',') && headerLine.includes('\t') ? '\t' : ',';
  let header = headerLine.split(sep).map(unquote);
  const labelled = header[0] === '' && header.length > 1;
  if (labelled) {
    header = header.slice(1);
  }
  const offset = labelled ? 1 : 0;
  const n = header.length;
  const position = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === '') {
      throw fail('COMP_CSV_HEADER', `empty detector name in column ${i + 1 + offset}; expected a $PnN`, 1, i + 1 + offset);
    }
    if (position.has(name)) {
      throw fail('COMP_CSV_HEADER', `detector '${name}' appears twice in the header; expected distinct names`, 1, i + 1 + offset);
    }
    position.set(name, i);
  });

  const values = new Float64Array(n * n);
  const filled = new Uint8Array(n);
  let rows = 0;
  for (let li = 1; li < lines.length; li++) {
    const line = li + 1;
    const raw = lines[li]!;
    if (raw.trim() === '') {
      continue;
    }
    const cells = raw.split(sep).map(unquote);
    if (cells.length !== n + offset) {
      throw fail('COMP_CSV_ROW_LENGTH', `row has ${cells.length} cells; expected ${n + offset}`, line);
    }
    let row = rows;
    if (labelled) {
      const label = cells[0]!;
      const at = position.get(label);
      if (at === undefined || filled[at]) {
        throw fail(
          'COMP_CSV_HEADER',
          `row label '${label}' ${at === undefined ? 'is not a header detector' : 'repeats'}; expected one row per header name`,
          line,
          1,
        );
      }
      row = at;
    }
    if (rows >= n) {
      throw fail('COMP_CSV_ROW_COUNT', `more than ${n} data rows; expected one row per detector`, line);
    }
    for (let c = 0; c < n; c++) {
      const cell = cells[c + offset]!;
      const v = cell === '' ? NaN : Number(cell);
      if (!Number.isFinite(v)) {
        throw fail('COMP_CSV_BAD_NUMBER', `'${cell}' is not a number; expected a spillover coefficient`, line, c + 1 + offset);
      }
      values[row * n + c] = v;
    }
    filled[row] = 1;
    rows++;
  }
  if (rows !== n) {
    throw fail('COMP_CSV_ROW_COUNT', `${rows} data rows for ${n} detectors; expected ${n}`, lines.length);
  }
  return { detectors: header, values, source: 'csv' };
}
