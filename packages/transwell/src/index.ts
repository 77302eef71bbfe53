export type { CountRecord } from './count-record.js';
export { TranswellCsvError, TranswellDataError, DoseResponseError } from './errors.js';
export type { TranswellCsvContext } from './errors.js';
export { parseCountTable } from './count-table/parse-count-table.js';
export type { CountTable, ParseCountTableOptions } from './count-table/parse-count-table.js';
export { beadAbsoluteCount } from './bead-absolute-count.js';
export type { BeadAbsoluteCount, BeadCountInput } from './bead-absolute-count.js';
export { computeReadouts, resolveReadoutOptions, READOUT_DEFAULTS, READOUT_UNITS } from './readouts/compute-readouts.js';
export type {
  ConditionReadout,
  ReadoutMetric,
  ReadoutOptions,
  ResolvedReadoutOptions,
  TranswellReadouts,
} from './readouts/compute-readouts.js';
export type { WellReadout } from './readouts/wells.js';
export type { UnitValue, ReplicationUnit } from './readouts/unit-values.js';
export { readoutGroups } from './readouts/readout-groups.js';
export { doseResponsePoints } from './readouts/dose-response-points.js';
export type { DoseResponsePoints } from './readouts/dose-response-points.js';
export { summarize } from './stats/summarize.js';
export type { Summary } from './stats/summarize.js';
export type { Alternative, Group } from './stats/alternative.js';
export { tTest, welchTTest, studentTTest, T_TEST_DEFAULTS } from './stats/t-test.js';
export type { TTestOptions, TTestResult } from './stats/t-test.js';
export { mannWhitneyU } from './stats/mann-whitney.js';
export type { MannWhitneyOptions, MannWhitneyResult } from './stats/mann-whitney.js';
export { oneWayAnova } from './stats/anova.js';
export type { AnovaResult } from './stats/anova.js';
export { tukeyHsd } from './stats/tukey-hsd.js';
export type { TukeyComparison, TukeyResult } from './stats/tukey-hsd.js';
export { dunnettTest } from './stats/dunnett.js';
export type { DunnettComparison, DunnettResult } from './stats/dunnett.js';
export { dunnettCdf } from './stats/dunnett-distribution.js';
export { kruskalWallis } from './stats/kruskal-wallis.js';
export { holmAdjust } from './stats/holm.js';
export { gamesHowell, welchAnova } from './stats/welch-anova.js';
export type { GamesHowellComparison, GamesHowellResult, WelchAnovaResult } from './stats/welch-anova.js';
export type { KruskalWallisResult } from './stats/kruskal-wallis.js';
export { fit4pl, FIT_4PL_DEFAULTS } from './dose-response/fit-4pl.js';
export type { Fit4plOptions, Fit4plResult, ParameterEstimate } from './dose-response/fit-4pl.js';
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
export {
  gateBeadsAndCells,
  GATE_BEADS_DEFAULTS,
  resolveGateBeadsOptions,
  countWithBeads,
  findValley,
  FIND_VALLEY_DEFAULTS,
  TranswellBeadError,
} from './beads/index.js';
export type {
  BeadGating,
  GateBeadsOptions,
  ResolvedGateBeadsOptions,
  BeadCountResult,
  CountWithBeadsOptions,
  FindValleyOptions,
  Valley,
  TranswellBeadErrorCode,
} from './beads/index.js';
