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
