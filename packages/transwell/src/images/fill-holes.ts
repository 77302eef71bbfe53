/**
 * Fills holes in a binary mask in place: background pixels not 4-connected to the image border
 * become foreground (a stained cell with a pale centre stays one disc). O(n).
 *
 * @returns the number of pixels filled
 */
export function fillHoles(mask: Uint8Array, width: number, height: number): number {
  const outside = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  let top = 0;
  const seed = (i: number): void => {
    if (mask[i] === 0 && outside[i] === 0) {
      outside[i] = 1;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % width;
    if (x > 0) {
      seed(i - 1);
    }
    if (x < width - 1) {
      seed(i + 1);
    }
    if (i >= width) {
      seed(i - width);
    }
    if (i < mask.length - width) {
      seed(i + width);
    }
  }
  let filled = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0 && outside[i] === 0) {
      mask[i] = 1;
      filled++;
    }
  }
  return filled;
}
