import { FcsKeywordError, filePrefix } from './errors.js';
import type { FcsKeywords } from './types.js';

/**
 * Looks a keyword up case-insensitively (keys are stored trimmed and upper-cased) and returns its
 * value trimmed, or undefined when absent.
 *
 * @example
 * getKeyword(dataset.keywords, '$tot'); // '20000'
 */
export function getKeyword(keywords: FcsKeywords, key: string): string | undefined {
  const k = key.trim().toUpperCase();
  const v = Object.prototype.hasOwnProperty.call(keywords, k) ? keywords[k] : undefined;
  return v === undefined ? undefined : v.trim();
}

/**
 * Like {@link getKeyword} but throws when the keyword is absent.
 *
 * @throws {FcsKeywordError} code `FCS_MISSING_KEYWORD`, context `{ file, keyword }`.
 * @example
 * requireKeyword(dataset.keywords, '$PAR'); // '8'
 */
export function requireKeyword(keywords: FcsKeywords, key: string, file?: string): string {
  const v = getKeyword(keywords, key);
  if (v === undefined) {
    const keyword = key.trim().toUpperCase();
    throw new FcsKeywordError(
      'FCS_MISSING_KEYWORD',
      `${filePrefix(file)}required keyword ${keyword} is missing`,
      file === undefined ? { keyword } : { file, keyword },
    );
  }
  return v;
}

/** Parses a non-negative decimal integer (leading zeros allowed); undefined when not one. */
export function parseCount(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const t = value.trim();
  if (!/^\+?\d{1,16}$/.test(t)) {
    return undefined;
  }
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Reads a required non-negative integer keyword.
 * @throws {FcsKeywordError} `FCS_MISSING_KEYWORD` or `FCS_BAD_KEYWORD_VALUE`.
 */
export function requireCount(keywords: FcsKeywords, key: string, file?: string): number {
  const raw = requireKeyword(keywords, key, file);
  const n = parseCount(raw);
  if (n === undefined) {
    throw badValue(key, raw, 'a non-negative integer', file);
  }
  return n;
}

/** Parses a finite decimal number (FCS writes e.g. '1024', '262144.0', '4.0,0.1' parts). */
export function parseNumber(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const t = value.trim();
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    return undefined;
  }
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** A `FCS_BAD_KEYWORD_VALUE` error naming the keyword, the value found and what was expected. */
export function badValue(key: string, value: string, expected: string, file?: string): FcsKeywordError {
  const keyword = key.trim().toUpperCase();
  const ctx = file === undefined ? { keyword, value } : { file, keyword, value };
  return new FcsKeywordError(
    'FCS_BAD_KEYWORD_VALUE',
    `${filePrefix(file)}${keyword} is '${value}', expected ${expected}`,
    ctx,
  );
}
