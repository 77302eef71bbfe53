/**
 * Fills holes in a binary mask in place: background pixels not 4-connected to the image border
 * become foreground (a stained cell with a pale centre stays one disc). O(n): background runs are
 * labelled in one raster pass with union–find, then runs not joined to the border are filled.
 *
 * @returns the number of pixels filled
 */
export function fillHoles(mask: Uint8Array, width: number, height: number): number {
  // Label background pixels (4-connectivity) with union–find over labels.
  const labels = new Int32Array(mask.length);
  const parent: number[] = [0];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      const up = parent[parent[a]!]!;
      parent[a] = up;
      a = up;
    }
    return a;
  };
  // Label 1 is "outside": everything reached from the border.
  parent.push(1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (mask[i] !== 0) {
        continue;
      }
      const left = x > 0 ? labels[i - 1]! : 0;
      const up = y > 0 ? labels[i - width]! : 0;
      let label: number;
      if (left === 0 && up === 0) {
        label = parent.length;
        parent.push(label);
      } else if (left !== 0 && up !== 0) {
        const a = find(left);
        const b = find(up);
        label = a < b ? a : b;
        parent[a > b ? a : b] = label;
      } else {
        label = left !== 0 ? left : up;
      }
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) {
        const root = find(label);
        if (root !== 1) {
          parent[root] = 1;
        }
        label = 1;
      }
      labels[i] = label;
    }
  }
  let filled = 0;
  for (let i = 0; i < mask.length; i++) {
    const label = labels[i]!;
    if (label !== 0 && find(label) !== 1) {
      mask[i] = 1;
      filled++;
    }
  }
  return filled;
}
