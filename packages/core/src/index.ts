export { TamkitError, UnknownChannelError, isTamkitError } from './errors.js';
export type { TamkitWarning } from './errors.js';
export {
  createEventTable,
  channelMeta,
  guessChannelKind,
  findChannel,
  requireChannel,
  replaceColumns,
  selectEvents,
} from './event-table.js';
export type { Column, ChannelMeta, ChannelKind, TableStage, EventTable } from './event-table.js';
export { fullMask, maskAnd, maskOr, maskNot, maskCount, maskToIndex, indexToMask } from './mask.js';
export type { Mask, EventIndex } from './mask.js';
export { createRng, sampleIndices } from './rng.js';
export type { Rng } from './rng.js';
export { fsum } from './sum.js';
