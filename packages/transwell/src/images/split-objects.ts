/** Result of {@link splitObjects}. */
export interface ObjectLabels {
  /** Per pixel: 0 background, k ≥ 1 the object number. */
  readonly labels: Int32Array;
  readonly objectCount: number;
  /** Per object (index k − 1): number of objects in its 8-connected foreground blob. */
  readonly piecesInBlob: Int32Array;
  /** Per object: height of its distance-transform peak, px (≈ the inscribed radius). */
  readonly peak: Float32Array;
}

/**
 * Labels the 8-connected objects of a mask and, when `splitDepth` is given, splits touching
 * objects with a watershed on the distance transform: pixels are flooded from the highest
 * distance down (a bucket queue with 1/8-px steps); where two basins meet, the one with the lower
 * peak stays separate only when it rises above the meeting level by at least
 * `max(minDepthPx, splitDepth × peak)`, otherwise it is merged (a dynamics / h-maxima criterion,
 * so the bumps of a rough outline do not split a cell). Two discs of radius r whose centres are
 * d apart meet at level √(r² − d²/4), so with the default 0.15 they split when d > 1.05 r (before smoothing widens the neck).
 *
 * @param distance the Euclidean distance transform of `mask`
 * @param splitDepth relative depth in (0, 1], or `null` to label connected blobs only
 */
export function splitObjects(
  mask: Uint8Array,
  distance: Float32Array,
  width: number,
  height: number,
  splitDepth: number | null,
  minDepthPx = 0.5,
): ObjectLabels {
  const n = mask.length;
  const steps = 8;
  let maxLevel = 0;
  let fg = 0;
  for (let i = 0; i < n; i++) {
    if (mask[i] === 1) {
      fg++;
      const level = Math.floor(distance[i]! * steps);
      if (level > maxLevel) {
        maxLevel = level;
      }
    }
  }
  // Counting sort of foreground pixels by decreasing level.
  const counts = new Int32Array(maxLevel + 2);
  for (let i = 0; i < n; i++) {
    if (mask[i] === 1) {
      counts[maxLevel - Math.floor(distance[i]! * steps)]!++;
    }
  }
  let acc = 0;
  for (let l = 0; l < counts.length; l++) {
    const c = counts[l]!;
    counts[l] = acc;
    acc += c;
  }
  const order = new Int32Array(fg);
  for (let i = 0; i < n; i++) {
    if (mask[i] === 1) {
      order[counts[maxLevel - Math.floor(distance[i]! * steps)]!++] = i;
    }
  }

  const parent = new Int32Array(n).fill(-1);
  const peakOf = new Float32Array(n);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) {
      r = parent[r]!;
    }
    while (parent[i] !== r) {
      const next = parent[i]!;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const roots: number[] = [];
  for (let o = 0; o < fg; o++) {
    const p = order[o]!;
    const level = distance[p]!;
    const x = p % width;
    const y = (p - x) / width;
    roots.length = 0;
    let bestNeighbour = -1;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= height) {
        continue;
      }
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if ((dx === 0 && dy === 0) || xx < 0 || xx >= width) {
          continue;
        }
        const q = yy * width + xx;
        if (parent[q] === -1) {
          continue;
        }
        const r = find(q);
        if (!roots.includes(r)) {
          roots.push(r);
        }
        if (bestNeighbour < 0 || distance[q]! > distance[bestNeighbour]!) {
          bestNeighbour = q;
        }
      }
    }
    if (roots.length === 0) {
      parent[p] = p;
      peakOf[p] = level;
      continue;
    }
    let winner = roots[0]!;
    for (const r of roots) {
      if (peakOf[r]! > peakOf[winner]!) {
        winner = r;
      }
    }
    for (const r of roots) {
      if (r === winner) {
        continue;
      }
      const depth = peakOf[r]! - level;
      if (splitDepth === null || depth < Math.max(minDepthPx, splitDepth * peakOf[r]!)) {
        parent[r] = winner;
      }
    }
    parent[p] = find(bestNeighbour);
  }

  const labels = new Int32Array(n);
  const labelOfRoot = new Int32Array(n);
  let objectCount = 0;
  const peaks: number[] = [];
  for (let i = 0; i < n; i++) {
    if (mask[i] !== 1) {
      continue;
    }
    const r = find(i);
    if (labelOfRoot[r] === 0) {
      labelOfRoot[r] = ++objectCount;
      peaks.push(peakOf[r]!);
    }
    labels[i] = labelOfRoot[r]!;
  }
  return {
    labels,
    objectCount,
    piecesInBlob: countPiecesPerBlob(mask, labels, width, height, objectCount),
    peak: Float32Array.from(peaks),
  };
}

function countPiecesPerBlob(
  mask: Uint8Array,
  labels: Int32Array,
  width: number,
  height: number,
  objectCount: number,
): Int32Array {
  const blob = new Int32Array(mask.length);
  const stack = new Int32Array(mask.length);
  const blobOfObject = new Int32Array(objectCount + 1);
  const pieces: number[] = [0];
  let blobs = 0;
  for (let s = 0; s < mask.length; s++) {
    if (mask[s] !== 1 || blob[s] !== 0) {
      continue;
    }
    blobs++;
    pieces.push(0);
    let top = 0;
    stack[top++] = s;
    blob[s] = blobs;
    while (top > 0) {
      const i = stack[--top]!;
      const label = labels[i]!;
      if (blobOfObject[label] === 0) {
        blobOfObject[label] = blobs;
        pieces[blobs]!++;
      }
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) {
          continue;
        }
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) {
            continue;
          }
          const q = yy * width + xx;
          if (mask[q] === 1 && blob[q] === 0) {
            blob[q] = blobs;
            stack[top++] = q;
          }
        }
      }
    }
  }
  const out = new Int32Array(objectCount);
  for (let k = 1; k <= objectCount; k++) {
    out[k - 1] = pieces[blobOfObject[k]!]!;
  }
  return out;
}
