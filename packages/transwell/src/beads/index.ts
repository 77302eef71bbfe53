export { gateBeadsAndCells, GATE_BEADS_DEFAULTS, resolveGateBeadsOptions } from './gate-beads-and-cells.js';
export type { BeadGating, GateBeadsOptions, ResolvedGateBeadsOptions } from './gate-beads-and-cells.js';
export { countWithBeads } from './count-with-beads.js';
export type { BeadCountResult, CountWithBeadsOptions } from './count-with-beads.js';
export { findValley, FIND_VALLEY_DEFAULTS } from './find-valley.js';
export type { FindValleyOptions, Valley } from './find-valley.js';
export { TranswellBeadError } from './bead-errors.js';
export type { TranswellBeadErrorCode } from './bead-errors.js';
