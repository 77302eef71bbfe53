export type { TransformSpec, Transform } from './transforms/transform-spec.js';
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
