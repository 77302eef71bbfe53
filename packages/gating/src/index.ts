export type { TransformSpec, TransformBounds, Transform } from './transforms/transform-spec.js';
export { PanelError } from './phenotype/errors.js';
export type { PanelErrorCode } from './phenotype/errors.js';
export { detectPanel, DEFAULT_PANEL_ROLES } from './phenotype/panel.js';
export type {
  DetectedPanel,
  PanelMarker,
  PanelMarkerSource,
  PanelOverrides,
  PanelRoleMarkers,
  PanelRoles,
} from './phenotype/panel.js';
export { parsePanelFile } from './phenotype/panel-file.js';
export { findMarkers, canonicalMarker, VIABILITY_MARKER } from './phenotype/panel-spellings.js';
export { TransformSpecError, CompensationError } from './errors.js';
export { createTransform } from './transforms/create-transform.js';
export { validateTransformSpec } from './transforms/validate-transform-spec.js';
export { transformColumns, ratioValues } from './transforms/transform-columns.js';
export {
  defaultDisplayTransform,
  DEFAULT_LOGICLE_DECADES,
  FALLBACK_TOP_OF_SCALE,
} from './transforms/default-display-transform.js';
export { flowJoBiexTable } from './transforms/flowjo-biex.js';
export type { FlowJoBiexParameters } from './transforms/flowjo-biex.js';
export { compensate, decompensate, COMPENSATE_DEFAULTS } from './compensation/compensate.js';
export type { CompensateOptions } from './compensation/compensate.js';
export { invertMatrix } from './compensation/invert-matrix.js';
export { parseSpilloverCsv } from './compensation/parse-spillover-csv.js';
export type { SpilloverMatrix } from '@tamkit/fcs';
export { populationStats, POPULATION_STATS_DEFAULTS, MAD_TO_SD } from './stats/population-stats.js';
export type { PopulationStats, PopulationStatsOptions } from './stats/population-stats.js';
export { ThresholdError, ClassificationError } from './phenotype/classify-errors.js';
export type { ThresholdErrorCode, ClassificationErrorCode } from './phenotype/classify-errors.js';
export type { Threshold, ThresholdMethod, ThresholdSource } from './phenotype/threshold-types.js';
export {
  thresholdFromControl,
  thresholdFromData,
  CONTROL_THRESHOLD_DEFAULTS,
  DATA_THRESHOLD_DEFAULTS,
} from './phenotype/thresholds.js';
export type { ControlThresholdOptions, DataThresholdOptions } from './phenotype/thresholds.js';
export { sidakPercentile, roleFalsePositiveRate } from './phenotype/error-rates.js';
export { PHENOTYPE_CLASSES, NOT_CLASSIFIED } from './phenotype/classification.js';
export type { Classification, PhenotypeClass, RolePanel } from './phenotype/classification.js';
export { ROLE_RULE_DEFAULTS } from './phenotype/role-rule.js';
export type { RoleRule, RoleRuleOptions } from './phenotype/role-rule.js';
export { classifyByRules } from './phenotype/classify.js';
export type { RuleClassification } from './phenotype/classify.js';
export { classStatistics, classPercentages } from './phenotype/class-stats.js';
export type {
  ClassMarkerStats,
  ClassPercentages,
  ControlColumn,
  ControlSummary,
  MarkerClassStats,
} from './phenotype/class-stats.js';
export { kmeansCluster, KMEANS_CLUSTER_DEFAULTS } from './cluster/kmeans-cluster.js';
export type { KmeansClusterOptions, KmeansClusterResult } from './cluster/kmeans-cluster.js';
export { annotateClusters } from './cluster/annotate-clusters.js';
export type { ClusterClassification } from './cluster/annotate-clusters.js';
export { ClusterError } from './cluster/cluster-errors.js';
export type { ClusterErrorCode } from './cluster/cluster-errors.js';
// Gates, gating strategies, Gating-ML 2.0
export { GateSpecError, StrategyError, GatingMLError, GatingFileError } from './errors.js';
export type {
  CompensationRef,
  ChannelDimension,
  RatioSpec,
  RatioDimension,
  Dimension,
  BoundedDimension,
  RangeGateSpec,
  RectangleGateSpec,
  PolygonGateSpec,
  EllipsoidGateSpec,
  QuadrantDivider,
  Quadrant,
  QuadrantGateSpec,
  BooleanOperand,
  BooleanGateSpec,
  GeometricGateSpec,
  GateSpec,
} from './gates/gate-spec.js';
export { isRatioDimension, gateDimensions } from './gates/gate-spec.js';
export { gateSpecIssues, assertGateSpec } from './gates/validate-gate-spec.js';
export type { GateSpecIssue } from './gates/validate-gate-spec.js';
export { applyGate } from './gates/apply-gate.js';
export { rectangleMask } from './gates/rectangle-mask.js';
export { polygonMask } from './gates/polygon-mask.js';
export { ellipsoidMask } from './gates/ellipsoid-mask.js';
export { quadrantMasks, quadrantBand } from './gates/quadrant-masks.js';
export { UNCOMPENSATED, FCS_COMPENSATION } from './strategy/gating-strategy.js';
export type { CompensationMatrix, GateNode, GatingStrategy } from './strategy/gating-strategy.js';
export { validateStrategy } from './strategy/validate-strategy.js';
export type { PopulationSource } from './strategy/validate-strategy.js';
export { evaluateStrategy } from './strategy/evaluate-strategy.js';
export type { EvaluateOptions } from './strategy/evaluate-strategy.js';
export { findPopulation } from './strategy/population-tree.js';
export type { Population, PopulationTree } from './strategy/population-tree.js';
export { parseGatingML } from './gatingml/parse-gatingml.js';
export { toGatingML } from './gatingml/to-gatingml.js';
export { parseGatingFile } from './gating-file/parse-gating-file.js';
export { toGatingFile, GATING_FILE_DEFAULTS } from './gating-file/to-gating-file.js';
export type { GatingFileOptions } from './gating-file/to-gating-file.js';
// Automated pre-gates and the phenotyping pipeline
export { autoPregate, displayTransformId, PREGATE_IDS } from './autogate/auto-pregate.js';
export type { AutoPregateResult } from './autogate/auto-pregate.js';
export { AUTO_PREGATE_DEFAULTS, resolveAutoPregateOptions } from './autogate/auto-pregate-options.js';
export type { AutoPregateOptions, ResolvedAutoPregateOptions } from './autogate/auto-pregate-options.js';
export { AutogateError } from './autogate/autogate-errors.js';
export type { AutogateErrorCode } from './autogate/autogate-errors.js';
export { findScatterChannels } from './autogate/scatter-channels.js';
export type { ScatterChannels } from './autogate/scatter-channels.js';
export { phenotypeSample, PHENOTYPE_DEFAULTS } from './phenotype/phenotype-sample.js';
export { phenotypeDisplay, PHENOTYPE_DISPLAY_DEFAULTS } from './phenotype/phenotype-display.js';
export type {
  DisplayAxisData,
  DisplayHistogram1d,
  DisplayHistogram2d,
  MarkerDisplay,
  MarkerDisplayInput,
  PhenotypeDisplay,
  PhenotypeDisplayInput,
  PhenotypeDisplayOptions,
  PregateDisplay,
} from './phenotype/phenotype-display.js';
export {
  displayHistogram1d,
  displayHistogram2d,
  displayRange,
  displayTicks,
} from './phenotype/display-histograms.js';
export { PhenotypePipelineError } from './phenotype/pipeline-errors.js';
export type { PhenotypePipelineErrorCode } from './phenotype/pipeline-errors.js';
export type {
  MarkerThreshold,
  PhenotypeControls,
  PhenotypeInput,
  PhenotypeOptions,
  PhenotypeResult,
  PregateYield,
} from './phenotype/pipeline-types.js';
