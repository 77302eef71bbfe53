import type { TamkitWarning } from '@tamkit/core';
import { memoryByteSource } from './byte-source.js';
import { FcsParseError, filePrefix } from './errors.js';
import { HEADER_SIZE } from './header.js';
import { resolveParseOptions } from './parse-options.js';
import { readDataset } from './read-dataset.js';
import type { ByteSource, FcsDataset, FcsFile, FcsParseOptions } from './types.js';

/**
 * Parses an FCS 2.0/3.0/3.1/3.2 file from a {@link ByteSource}, reading only the byte ranges it
 * needs: each HEADER, TEXT and supplemental TEXT, and DATA in chunks of a few MB decoded straight
 * into preallocated columns. Every data set chained by $NEXTDATA is read (forward only, loop-safe).
 * Values are the stored numbers (stage 'raw'); see {@link scaleDataset} for scale values.
 *
 * @throws {FcsParseError} codes `FCS_NOT_FCS`, `FCS_UNSUPPORTED_VERSION`, `FCS_BAD_HEADER`,
 *   `FCS_BAD_TEXT`, `FCS_TRUNCATED`, `FCS_OFFSET_OUT_OF_RANGE`, `FCS_OFFSET_DISCREPANCY`,
 *   `FCS_DATA_SIZE_MISMATCH`, `FCS_NEXTDATA_LOOP`, `FCS_UNSUPPORTED_MODE`, `FCS_UNSUPPORTED_DATATYPE`,
 *   `FCS_UNSUPPORTED_BYTEORD`, `FCS_UNSUPPORTED_WIDTH`, `FCS_BAD_ASCII_VALUE`, `FCS_DATASET_NOT_FOUND`.
 * @throws {FcsKeywordError} `FCS_MISSING_KEYWORD`, `FCS_BAD_KEYWORD_VALUE`.
 * @example
 * const fcs = parseFcsSource(fileByteSource(fd), { sourceName: 'a.fcs' });
 * fcs.datasets[0].table.eventCount; // 20000
 * @see FCS 3.1 (Spidlen et al. 2010) §3; FCS 3.2 (2020) for the optional $MODE.
 */
export function parseFcsSource(source: ByteSource, options?: FcsParseOptions): FcsFile {
  const opts = resolveParseOptions(options);
  const file = opts.sourceName;
  const p = filePrefix(file);
  const datasets: FcsDataset[] = [];
  const fileWarnings: TamkitWarning[] = [];
  const visited = new Set<number>();
  let offset = 0;
  let index = 0;
  for (;;) {
    visited.add(offset);
    const wanted = opts.dataset === 'all' || opts.dataset === index;
    const { dataset, nextData } = readDataset(source, offset, opts, !wanted || opts.textOnly);
    if (wanted) {
      datasets.push(dataset);
    }
    if (opts.dataset === index || nextData === 0) {
      break;
    }
    const next = offset + nextData;
    const ctx = { ...(file === undefined ? {} : { file }), segment: 'HEADER' as const, offset: next, keyword: '$NEXTDATA' };
    let problem: FcsParseError | null = null;
    if (visited.has(next) || next <= offset) {
      problem = new FcsParseError(
        'FCS_NEXTDATA_LOOP',
        `${p}$NEXTDATA of the data set at byte ${offset} points to byte ${next}, expected a later data set (forward only); pass ignoreBadNextData to stop there`,
        ctx,
      );
    } else if (next + HEADER_SIZE > source.size) {
      problem = new FcsParseError(
        'FCS_OFFSET_OUT_OF_RANGE',
        `${p}$NEXTDATA of the data set at byte ${offset} points to byte ${next}, beyond the last HEADER position ${source.size - HEADER_SIZE}; pass ignoreBadNextData to stop there`,
        ctx,
      );
    }
    if (problem !== null) {
      if (!opts.ignoreBadNextData) {
        throw problem;
      }
      fileWarnings.push({ code: problem.code, message: problem.message.replace(/; pass ignoreBadNextData.*$/, '; ignored'), offset: next });
      break;
    }
    offset = next;
    index++;
  }
  if (typeof opts.dataset === 'number' && datasets.length === 0) {
    throw new FcsParseError(
      'FCS_DATASET_NOT_FOUND',
      `${p}data set ${opts.dataset} requested, but the file holds ${index + 1}`,
      { ...(file === undefined ? {} : { file }), segment: 'HEADER', offset },
    );
  }
  const warnings = [...datasets.flatMap((d) => d.warnings), ...fileWarnings];
  return { datasets, warnings };
}

/**
 * Parses FCS bytes already in memory (see {@link parseFcsSource} for everything it does).
 *
 * @throws {FcsParseError} / {FcsKeywordError} as {@link parseFcsSource}.
 * @example
 * const fcs = parseFcs(bytes, { sourceName: 'sample.fcs' });
 * const { table } = fcs.datasets[0];
 * table.channels.map((c) => c.name); // ['FSC-H', 'SSC-H', ...]
 */
export function parseFcs(bytes: Uint8Array, options?: FcsParseOptions): FcsFile {
  return parseFcsSource(memoryByteSource(bytes), options);
}
