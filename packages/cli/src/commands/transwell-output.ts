import { createHash } from 'node:crypto';
import type { TamkitWarning } from '@tamkit/core';
import { VERSION } from '../version.js';
import { csvField } from '../io/csv.js';
import { isTamkitError } from '@tamkit/core';
import { formatError } from '../io/format-error.js';

/**
 * Result kinds of the transwell commands' JSON documents. `transwell` is the kind `tamkit report`
 * reads as a migration section (`@tamkit/report` `RESULT_KINDS`); image and bead results have
 * their own kinds.
 */
export type TranswellResultKind = 'transwell' | 'transwell-images' | 'transwell-beads';

/** The envelope every tamkit JSON result starts with (`@tamkit/report`'s `ResultHeader`). */
export interface ResultEnvelope {
  readonly tamkit: {
    readonly version: string;
    readonly command: string;
    readonly date: string;
    readonly inputs: readonly { readonly file: string; readonly sha256: string }[];
    readonly parameters: Readonly<Record<string, unknown>>;
  };
  readonly kind: TranswellResultKind;
}

/** SHA-256 (hex) of input bytes, for the envelope's `inputs`. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `{ tamkit: { version, command, date, inputs, parameters }, kind }` for a transwell JSON result. */
export function envelope(
  command: string,
  kind: TranswellResultKind,
  inputs: readonly { readonly file: string; readonly sha256: string }[],
  parameters: Readonly<Record<string, unknown>>,
): ResultEnvelope {
  return { tamkit: { version: VERSION, command, date: new Date().toISOString(), inputs, parameters }, kind };
}

/** A warning as JSON: code, message and context. */
export function warningJson(w: TamkitWarning): { code: string; message: string; context?: unknown } {
  return { code: w.code, message: w.message, ...(w.context === undefined ? {} : { context: w.context }) };
}

/** One stderr line per warning: `tamkit transwell X: [file: ]warning CODE: message`. */
export function warningLines(prefix: string, source: string | null, warnings: readonly TamkitWarning[]): string {
  return warnings.map((w) => `${prefix}: ${source ? `${source}: ` : ''}warning ${w.code}: ${w.message}\n`).join('');
}

/**
 * One error line with the table place appended when the error names one (`line 3, column 4`), so
 * a bad count table cell is found without opening the file.
 */
export function placedErrorLine(error: unknown): string {
  const { code, message } = formatError(error);
  const ctx = isTamkitError(error) ? error.context : {};
  const line = typeof ctx?.line === 'number' ? ctx.line : null;
  const column = typeof ctx?.column === 'number' && ctx.column > 0 ? ctx.column : null;
  const header = typeof ctx?.header === 'string' ? ` '${ctx.header}'` : '';
  const place = line === null ? '' : ` (line ${line}${column === null ? '' : `, column ${column}${header}`})`;
  return `${code}: ${message.replace(/\s*\n\s*/g, ' ')}${place}`;
}

/** A number for humans: `-` for null, 0 below 1e-9 in magnitude, `digits` significant digits, no exponent for usual sizes. */
export function num(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || Number.isNaN(v)) {
    return '-';
  }
  if (Math.abs(v) < 1e-9) {
    // Rounding noise of a difference that is zero by construction (e.g. the control against itself).
    return '0';
  }
  if ( (Math.abs(v) >= 1e7 || Math.abs(v) < 1e-4)) {
    return v.toExponential(digits - 1);
  }
  return String(Number(v.toPrecision(digits)));
}

/** A p-value for humans: `< 1e-4` below 1e-4, else 4 significant digits. */
export function pValue(p: number): string {
  return p < 1e-4 ? '< 1e-4' : num(p, 3);
}

/** Aligns rows of cells into columns separated by two spaces. */
export function textTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  }
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** CSV text (RFC 4180 quoting, LF, final newline); numbers in shortest round-trip form, null empty. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null): string => (v === null ? '' : typeof v === 'number' ? String(v) : csvField(v));
  return `${[header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n')}\n`;
}
