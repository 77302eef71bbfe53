export type { TransformSpec, Transform } from './transforms/transform-spec.js';
