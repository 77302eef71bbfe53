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
