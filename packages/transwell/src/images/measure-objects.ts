/** Raw measurements of labelled objects (index k − 1 for label k). */
export interface ObjectMeasurements {
  readonly areaPx: Float64Array;
  /** Centroid column (x) and row (y), px, pixel centres at integer coordinates. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Perimeter estimate, px: crack-edge count × π/4 (unbiased for isotropic outlines). */
  readonly perimeterPx: Float64Array;
  /** Highest background-corrected signal inside the object. */
  readonly peakSignal: Float64Array;
}

/**
 * Measures area, centroid, perimeter and peak signal of every labelled object in one pass. An
 * edge between two different labels (a watershed cut) counts for both objects' perimeters.
 */
export function measureObjects(
  labels: Int32Array,
  signal: Float32Array,
  width: number,
  height: number,
  objectCount: number,
): ObjectMeasurements {
  const areaPx = new Float64Array(objectCount);
  const sx = new Float64Array(objectCount);
  const sy = new Float64Array(objectCount);
  const cracks = new Float64Array(objectCount);
  const peakSignal = new Float64Array(objectCount).fill(-Infinity);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      const label = labels[i]!;
      if (label <= 0) {
        continue;
      }
      const k = label - 1;
      areaPx[k]!++;
      sx[k]! += x;
      sy[k]! += y;
      const s = signal[i]!;
      if (s > peakSignal[k]!) {
        peakSignal[k] = s;
      }
      let edges = 0;
      if (x === 0 || labels[i - 1] !== label) {
        edges++;
      }
      if (x === width - 1 || labels[i + 1] !== label) {
        edges++;
      }
      if (y === 0 || labels[i - width] !== label) {
        edges++;
      }
      if (y === height - 1 || labels[i + width] !== label) {
        edges++;
      }
      cracks[k]! += edges;
    }
  }
  const x = new Float64Array(objectCount);
  const y = new Float64Array(objectCount);
  const perimeterPx = new Float64Array(objectCount);
  for (let k = 0; k < objectCount; k++) {
    x[k] = sx[k]! / areaPx[k]!;
    y[k] = sy[k]! / areaPx[k]!;
    perimeterPx[k] = (cracks[k]! * Math.PI) / 4;
  }
  return { areaPx, x, y, perimeterPx, peakSignal };
}

/**
 * Circularity 4πA/P² of an object from its pixel area and perimeter estimate, capped at 1
 * (1 for a disc, lower for elongated or ragged shapes).
 */
export function circularityOf(areaPx: number, perimeterPx: number): number {
  if (perimeterPx <= 0) {
    return 0;
  }
  return Math.min(1, (4 * Math.PI * areaPx) / (perimeterPx * perimeterPx));
}
