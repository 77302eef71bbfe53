export {
  countCells,
  COUNT_CELLS_DEFAULTS,
  resolveCountOptions,
  decodeImage,
  TranswellImageError,
  renderOverlay,
  OVERLAY_COLOURS,
} from './images/index.js';
export type {
  CellCountResult,
  CountedObject,
  CountCellsOptions,
  ResolvedCountOptions,
  TranswellImageErrorCode,
  MembraneImage,
  MembraneStain,
  CountOverlay,
  ThresholdMethod,
} from './images/index.js';
