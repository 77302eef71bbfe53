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
