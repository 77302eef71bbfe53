export type {
  FcsVersion,
  FcsDataType,
  FcsKeywords,
  FcsSegment,
  FcsParameter,
  SpilloverMatrix,
  FcsDataset,
  FcsFile,
} from './types.js';
export { writeFcs, writeFcsChunks } from './write-fcs.js';
export { FCS_WRITE_DEFAULTS } from './write-options.js';
export type { FcsWriteOptions, FcsWriteVersion, FcsIntegerBits } from './write-options.js';
