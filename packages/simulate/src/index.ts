export { simulateMembraneImage, MEMBRANE_IMAGE_DEFAULTS } from './membrane/simulate-membrane-image.js';
export type { MembraneImageOptions, SimulatedMembraneImage } from './membrane/simulate-membrane-image.js';
export { encodeMembraneImage } from './membrane/encode-membrane-image.js';
export type { MembranePixels } from './membrane/encode-membrane-image.js';
export type { SimulatedCell } from './membrane/place-cells.js';
export { simulateMacrophageSample, MACROPHAGE_RANGE, MACROPHAGE_TIMESTEP } from './macrophages/simulate-macrophage-sample.js';
export type { MacrophageSample, MacrophageTruth } from './macrophages/simulate-macrophage-sample.js';
export {
  MACROPHAGE_CLASS_NAMES,
  MACROPHAGE_CONDITIONS,
  MACROPHAGE_PHENOTYPE_DEFAULTS,
  MACROPHAGE_SAMPLE_DEFAULTS,
  resolveMacrophageSampleOptions,
} from './macrophages/macrophage-options.js';
export type {
  MacrophageClass,
  MacrophageComposition,
  MacrophageCondition,
  MacrophagePhenotype,
  MacrophageSampleOptions,
  ResolvedMacrophageSampleOptions,
} from './macrophages/macrophage-options.js';
export { MACROPHAGE_STAINS, MACROPHAGE_FMO_MARKERS, macrophageSpillover } from './macrophages/macrophage-panel.js';
export type { MacrophageStain } from './macrophages/macrophage-panel.js';
export {
  simulateMacrophageExperiment,
  MACROPHAGE_EXPERIMENT_DEFAULTS,
} from './macrophages/simulate-macrophage-experiment.js';
export type {
  MacrophageExperiment,
  MacrophageExperimentOptions,
  MacrophageExperimentSample,
  MacrophageSampleRole,
} from './macrophages/simulate-macrophage-experiment.js';
export {
  writeMacrophageExperiment,
  macrophageSampleFcs,
  macrophageSampleSheet,
  macrophageTruthCsv,
  truthFileName,
} from './macrophages/write-macrophage-experiment.js';
export type { NamedFile } from './macrophages/write-macrophage-experiment.js';
export {
  simulateBeadSample,
  BEAD_SAMPLE_DEFAULTS,
  BEAD_SAMPLE_RANGE,
  BEAD_SAMPLE_TIMESTEP,
} from './beads/simulate-bead-sample.js';
export type { BeadSample, BeadSampleOptions, BeadSampleTruth } from './beads/simulate-bead-sample.js';
export { beadSampleFile } from './beads/bead-sample-file.js';
