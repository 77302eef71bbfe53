import { channelMeta, createEventTable, createRng, sampleIndices, isTamkitError } from '@tamkit/core';
import type { ChannelMeta, Column, TamkitWarning } from '@tamkit/core';
import { readDataLayout, type DataLayout } from './data-layout.js';
import { decodeAscii } from './decode-ascii.js';
import { decodeBinary, decodeBinarySubset } from './decode-binary.js';
import { FcsKeywordError, FcsParseError, filePrefix } from './errors.js';
import { HEADER_SIZE, parseHeader } from './header.js';
import { badValue, getKeyword, parseCount } from './keywords.js';
import type { ResolvedFcsParseOptions } from './parse-options.js';
import { readText } from './read-text.js';
import { resolveDataSegment } from './resolve-data-segment.js';
import { datasetSpillover } from './dataset-spillover.js';
import type { ByteSource, FcsDataset, FcsSegment, FcsKeywords } from './types.js';

/** One data set plus its relative $NEXTDATA value. */
export interface ReadDatasetResult {
  readonly dataset: FcsDataset;
  readonly nextData: number;
}

function analysisSegment(
  header: FcsSegment | null,
  keywords: FcsKeywords,
  datasetOffset: number,
  size: number,
  p: string,
  warnings: TamkitWarning[],
): FcsSegment | null {
  let seg = header;
  if (seg === null) {
    const b = parseCount(getKeyword(keywords, '$BEGINANALYSIS'));
    const e = parseCount(getKeyword(keywords, '$ENDANALYSIS'));
    seg = b === undefined || e === undefined || (b === 0 && e === 0) ? null : [b, e];
  }
  if (seg !== null && (seg[0] < HEADER_SIZE || seg[1] < seg[0] || datasetOffset + seg[1] >= size)) {
    warnings.push({
      code: 'FCS_ANALYSIS_IGNORED',
      message: `${p}ANALYSIS segment [${seg[0]}, ${seg[1]}] lies outside the file (${size} bytes); ignored`,
      offset: datasetOffset + seg[0],
    });
    return null;
  }
  return seg;
}

/** Whole events in the DATA segment, for FCS 2.0 files without $TOT. */
function deriveEventCount(
  header: FcsSegment | null,
  keywords: FcsKeywords,
  layout: DataLayout,
  file: string | undefined,
): number {
  const b = header?.[0] ?? parseCount(getKeyword(keywords, '$BEGINDATA'));
  const e = header?.[1] ?? parseCount(getKeyword(keywords, '$ENDDATA'));
  if (layout.eventWidth === 0 || b === undefined || e === undefined) {
    throw new FcsKeywordError('FCS_MISSING_KEYWORD', `${filePrefix(file)}required keyword $TOT is missing and cannot be derived from the DATA segment`, {
      ...(file === undefined ? {} : { file }),
      keyword: '$TOT',
    });
  }
  const len = Math.max(0, e - b + 1);
  // A length one byte over whole events is the tolerated off-by-one end offset.
  return Math.floor(len / layout.eventWidth);
}

function channelsOf(layout: DataLayout, p: string, warnings: TamkitWarning[]): ChannelMeta[] {
  const seen = new Set<string>();
  return layout.parameters.map((par) => {
    let name = par.name;
    if (seen.has(name)) {
      const renamed = `${name} (P${par.n})`;
      warnings.push({
        code: 'FCS_DUPLICATE_CHANNEL_NAME',
        message: `${p}$P${par.n}N '${name}' repeats an earlier parameter's name; renamed '${renamed}'`,
        context: { keyword: `$P${par.n}N` },
      });
      name = renamed;
    }
    seen.add(name);
    return channelMeta({
      name,
      label: par.label,
      range: par.range,
      gain: par.gain,
      logDecades: par.amplification[0],
      logZero: par.amplification[1],
    });
  });
}

/**
 * Reads the data set whose HEADER starts at `datasetOffset`: HEADER, TEXT (+ supplemental TEXT),
 * layout checks, DATA location, then (unless `skipData`) the DATA decode.
 */
export function readDataset(
  source: ByteSource,
  datasetOffset: number,
  opts: ResolvedFcsParseOptions,
  skipData: boolean,
): ReadDatasetResult {
  const file = opts.sourceName;
  const p = filePrefix(file);
  const size = source.size;
  const header = parseHeader(source.read(datasetOffset, Math.min(HEADER_SIZE, size - datasetOffset)), datasetOffset, file);
  const utf8 = header.version === 'FCS3.1' || header.version === 'FCS3.2';
  const text = readText(source, datasetOffset, header.text, utf8, file);
  const warnings: TamkitWarning[] = [...text.warnings];
  const { keywords } = text;
  const nextRaw = getKeyword(keywords, '$NEXTDATA');
  // $NEXTDATA is relative to this data set's HEADER; a negative value points backwards (a loop).
  const nextData = nextRaw === undefined || nextRaw === '' ? 0 : /^-\d{1,15}$/.test(nextRaw) ? Number(nextRaw) : parseCount(nextRaw);
  if (nextData === undefined) {
    throw badValue('$NEXTDATA', nextRaw ?? '', 'a non-negative integer byte offset', file);
  }
  const layout = readDataLayout(keywords, header.version, text.keywordCount, datasetOffset + header.text[0], file);
  warnings.push(...layout.warnings);
  const channels = channelsOf(layout, p, warnings);
  let eventCount = layout.eventCount;
  if (eventCount === null) {
    eventCount = deriveEventCount(header.data, keywords, layout, file);
    warnings.push({
      code: 'FCS_TOT_DERIVED',
      message: `${p}$TOT is absent (optional in FCS 2.0); ${eventCount} events derived from the DATA length`,
      offset: datasetOffset,
    });
  }
  const analysis = analysisSegment(header.analysis, keywords, datasetOffset, size, p, warnings);
  const input = {
    header: header.data,
    keywords,
    text: header.text,
    datasetOffset,
    fileSize: size,
    eventCount,
    eventWidth: layout.eventWidth,
  };
  let data: FcsSegment | null;
  let available: number;
  if (skipData) {
    try {
      const r = resolveDataSegment(input, opts);
      data = r.segment;
      warnings.push(...r.warnings);
    } catch (e) {
      if (!isTamkitError(e)) {
        throw e;
      }
      data = header.data;
      warnings.push({ code: e.code, message: e.message, context: e.context });
    }
    available = 0;
  } else {
    const r = resolveDataSegment(input, opts);
    data = r.segment;
    available = r.eventCount;
    warnings.push(...r.warnings);
  }
  let columns: Column[];
  let eventIndex: Uint32Array | undefined;
  const applyMask = opts.bitMask === 'apply';
  if (skipData || data === null || available === 0) {
    columns = layout.channels.map((c) => (c.wide ? new Float64Array(0) : new Float32Array(0)));
  } else {
    if (layout.eventWidth === 0) {
      // Delimited ASCII: each value takes at least one character and one separator, so $TOT × $PAR
      // is bounded by the segment length before anything sized by $TOT is allocated.
      const len = Math.min(datasetOffset + data[1] + 1, size) - (datasetOffset + data[0]);
      const most = Math.floor((len + 1) / 2);
      if (available * layout.channels.length > most) {
        if (!opts.allowDataSizeMismatch) {
          throw new FcsParseError(
            'FCS_DATA_SIZE_MISMATCH',
            `${p}delimited ASCII DATA of ${len} bytes cannot hold $TOT ${available} × $PAR ${layout.channels.length} values; pass allowDataSizeMismatch to read the whole events present`,
            { ...(file === undefined ? {} : { file }), segment: 'DATA', offset: datasetOffset + data[0] },
          );
        }
        available = Math.floor(most / Math.max(1, layout.channels.length));
      }
    }
    if (opts.subsample !== null) {
      eventIndex = sampleIndices(available, opts.subsample.count, createRng(opts.subsample.seed));
    }
    const begin = datasetOffset + data[0];
    if (layout.dataType === 'A') {
      const end = Math.min(datasetOffset + data[1] + 1, size);
      const bytes = source.read(begin, end - begin);
      const r = decodeAscii(bytes, begin, layout, available, eventIndex ?? null, file, opts.allowDataSizeMismatch);
      columns = r.columns;
      if (eventIndex !== undefined && eventIndex.length !== r.eventCount) {
        eventIndex = eventIndex.subarray(0, r.eventCount);
      }
    } else if (eventIndex !== undefined) {
      columns = decodeBinarySubset(source, begin, layout, eventIndex, applyMask);
    } else {
      columns = decodeBinary(source, begin, layout, available, applyMask);
    }
  }
  const table = createEventTable(channels, columns, 'raw');
  const spill = datasetSpillover(keywords, channels, file, warnings);
  const dataset: FcsDataset = {
    version: header.version,
    offset: datasetOffset,
    segments: { text: header.text, data, analysis, supplementalText: text.supplementalText },
    delimiter: text.delimiter,
    keywords,
    parameters: layout.parameters,
    dataType: layout.dataType,
    byteOrder: layout.byteOrder,
    eventCount: columns[0]?.length ?? (skipData ? 0 : available),
    ...(eventIndex === undefined ? {} : { eventIndex }),
    table,
    spillover: spill,
    warnings,
  };
  return { dataset, nextData };
}
