export { simulateMembraneImage, MEMBRANE_IMAGE_DEFAULTS } from './membrane/simulate-membrane-image.js';
export type { MembraneImageOptions, SimulatedMembraneImage } from './membrane/simulate-membrane-image.js';
export { encodeMembraneImage } from './membrane/encode-membrane-image.js';
export type { MembranePixels } from './membrane/encode-membrane-image.js';
export type { SimulatedCell } from './membrane/place-cells.js';
