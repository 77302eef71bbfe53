import { TranswellCsvError } from '../errors.js';

/** Where a cell sits, for error contexts. */
export interface CellPlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly header: string;
}

const INTEGER = /^\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads a migrated-cell count: a non-negative integer written with digits only. */
export function readCount(raw: string, place: CellPlace): number {
  const value = raw.trim();
  if (!INTEGER.test(value)) {
    throw new TranswellCsvError(
      'TRANSWELL_CSV_BAD_COUNT',
      `${place.file}:${place.line}: ${place.header} '${raw}' is not a count; expected a non-negative integer`,
      { ...place, value: raw },
    );
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new TranswellCsvError(
      'TRANSWELL_CSV_BAD_COUNT',
      `${place.file}:${place.line}: ${place.header} '${raw}' is too large; expected an integer below 2^53`,
      { ...place, value: raw },
    );
  }
  return n;
}

/** Reads a finite, non-negative decimal number (concentrations, doses, areas, cells seeded). */
export function readNumber(raw: string, place: CellPlace): number {
  const value = raw.trim();
  const n = Number(value);
  if (!NUMBER.test(value) || !Number.isFinite(n) || n < 0) {
    throw new TranswellCsvError(
      'TRANSWELL_CSV_BAD_NUMBER',
      `${place.file}:${place.line}: ${place.header} '${raw}' is not a number; expected a finite non-negative decimal`,
      { ...place, value: raw },
    );
  }
  return n;
}
