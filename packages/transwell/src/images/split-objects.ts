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
  // Second union–find over the same pixels: blobs join whenever basins touch, split or not.
  const blobParent = new Int32Array(n);
  const peakOf = new Float32Array(n);
  const find = (table: Int32Array, i: number): number => {
    let r = i;
    while (table[r] !== r) {
      r = table[r]!;
    }
    while (table[i] !== r) {
      const next = table[i]!;
      table[i] = r;
      i = next;
    }
    return r;
  };
  const roots = new Int32Array(8);
  const lastX = width - 1;
  const lastY = height - 1;
  for (let o = 0; o < fg; o++) {
    const p = order[o]!;
    const level = distance[p]!;
    const x = p % width;
    const y = (p - x) / width;
    let rootCount = 0;
    let bestNeighbour = -1;
    let bestDistance = -1;
    const y0 = y > 0 ? -1 : 0;
    const y1 = y < lastY ? 1 : 0;
    const x0 = x > 0 ? -1 : 0;
    const x1 = x < lastX ? 1 : 0;
    for (let dy = y0; dy <= y1; dy++) {
      const rowOffset = p + dy * width;
      for (let dx = x0; dx <= x1; dx++) {
        const q = rowOffset + dx;
        if (q === p || parent[q] === -1) {
          continue;
        }
        const r = find(parent, q);
        let seen = false;
        for (let k = 0; k < rootCount; k++) {
          if (roots[k] === r) {
            seen = true;
            break;
          }
        }
        if (!seen) {
          roots[rootCount++] = r;
        }
        const dq = distance[q]!;
        if (dq > bestDistance) {
          bestDistance = dq;
          bestNeighbour = q;
        }
      }
    }
    if (rootCount === 0) {
      parent[p] = p;
      blobParent[p] = p;
      peakOf[p] = level;
      continue;
    }
    let winner = roots[0]!;
    for (let k = 1; k < rootCount; k++) {
      if (peakOf[roots[k]!]! > peakOf[winner]!) {
        winner = roots[k]!;
      }
    }
    const winnerBlob = find(blobParent, winner);
    for (let k = 0; k < rootCount; k++) {
      const r = roots[k]!;
      if (r === winner) {
        continue;
      }
      const rBlob = find(blobParent, r);
      if (rBlob !== winnerBlob) {
        blobParent[rBlob] = winnerBlob;
      }
      const depth = peakOf[r]! - level;
      if (splitDepth === null || depth < Math.max(minDepthPx, splitDepth * peakOf[r]!)) {
        parent[r] = winner;
      }
    }
    parent[p] = find(parent, bestNeighbour);
    blobParent[p] = winnerBlob;
  }

  const labels = new Int32Array(n);
  const labelOfRoot = new Int32Array(n);
  let objectCount = 0;
  const peaks: number[] = [];
  const blobOf: number[] = [];
  for (let i = 0; i < n; i++) {
    if (mask[i] !== 1) {
      continue;
    }
    const r = find(parent, i);
    if (labelOfRoot[r] === 0) {
      labelOfRoot[r] = ++objectCount;
      peaks.push(peakOf[r]!);
      blobOf.push(find(blobParent, r));
    }
    labels[i] = labelOfRoot[r]!;
  }
  const piecesOfBlob = new Map<number, number>();
  for (const b of blobOf) {
    piecesOfBlob.set(b, (piecesOfBlob.get(b) ?? 0) + 1);
  }
  return {
    labels,
    objectCount,
    piecesInBlob: Int32Array.from(blobOf, (b) => piecesOfBlob.get(b)!),
    peak: Float32Array.from(peaks),
  };
}
