export type {
  FcsVersion,
  FcsDataType,
  FcsKeywords,
  FcsSegment,
  FcsParameter,
  SpilloverMatrix,
  FcsDataset,
  FcsFile,
  ByteSource,
  FcsParseOptions,
} from './types.js';
// Reader
export { parseFcs, parseFcsSource } from './parse-fcs.js';
export { memoryByteSource } from './byte-source.js';
export { FCS_PARSE_DEFAULTS, resolveParseOptions } from './parse-options.js';
export type { ResolvedFcsParseOptions } from './parse-options.js';
export { scaleDataset } from './scale-dataset.js';
export { getKeyword, requireKeyword } from './keywords.js';
export { parseSpillover } from './parse-spillover.js';
export { FcsParseError, FcsKeywordError } from './errors.js';
export type { FcsSegmentName, FcsParseErrorContext, FcsKeywordErrorContext } from './errors.js';
// Writer
export { writeFcs, writeFcsChunks } from './write-fcs.js';
export { FCS_WRITE_DEFAULTS } from './write-options.js';
export type { FcsWriteOptions, FcsWriteVersion, FcsIntegerBits } from './write-options.js';
