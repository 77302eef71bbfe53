import { FcsKeywordError, filePrefix } from './errors.js';
import { parseCount, parseNumber } from './keywords.js';
import type { SpilloverMatrix } from './types.js';

/**
 * Parses a spillover keyword value: `n,name1,...,namen,v11,v12,...,vnn` (row-major; `$SPILLOVER`
 * in FCS 3.1 §3.3.28, and BD's `SPILL`/`$SPILL`), or `n,v11,...,vnn` without names (`$COMP` in
 * FCS 3.0), whose detectors are then the 1-based parameter numbers '1'..'n'. Names are trimmed.
 * Rows are sources (fluorochromes), columns are detectors.
 *
 * @param keyword the keyword the value came from, recorded as `source`.
 * @throws {FcsKeywordError} code `FCS_BAD_SPILLOVER`, context `{ keyword, value }`, when the count,
 *   the number of entries or a value is wrong.
 * @example
 * parseSpillover('2,FL1-A,FL2-A,1,0.1,0.02,1', '$SPILLOVER').values; // Float64Array [1, 0.1, 0.02, 1]
 */
export function parseSpillover(value: string, keyword: string, file?: string): SpilloverMatrix {
  const tokens = value.split(',');
  const fail = (why: string): FcsKeywordError =>
    new FcsKeywordError(
      'FCS_BAD_SPILLOVER',
      `${filePrefix(file)}${keyword} is malformed: ${why}`,
      file === undefined ? { keyword, value } : { file, keyword, value },
    );
  const n = parseCount(tokens[0]);
  if (n === undefined || n === 0) {
    throw fail(`first entry '${(tokens[0] ?? '').trim()}' is not a positive matrix size`);
  }
  let names: string[];
  let first: number;
  if (tokens.length === 1 + n + n * n) {
    names = tokens.slice(1, 1 + n).map((s) => s.trim());
    first = 1 + n;
  } else if (tokens.length === 1 + n * n) {
    names = Array.from({ length: n }, (_, i) => String(i + 1));
    first = 1;
  } else {
    throw fail(
      `${tokens.length - 1} entries after the size ${n}, expected ${n + n * n} (names and values) or ${n * n} (values only)`,
    );
  }
  if (new Set(names).size !== n) {
    throw fail('a detector name repeats');
  }
  const values = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) {
    const raw = tokens[first + i]!;
    const v = parseNumber(raw);
    if (v === undefined) {
      throw fail(`value ${i + 1} is '${raw.trim()}', expected a number`);
    }
    values[i] = v;
  }
  return { detectors: names, values, source: keyword };
}
