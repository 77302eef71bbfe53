import type { Rng } from '@tamkit/core';
import type { MembraneImageOptions } from './simulate-membrane-image.js';
import type { SimulatedCell } from './place-cells.js';

/**
 * A disc (or an ellipse of the same area) drawn with a soft edge: centre, radius (px), amplitude,
 * optional aspect ratio ≥ 1 and angle (radians), and edge width (px, default 1: in focus).
 */
export interface Spot {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly amplitude: number;
  readonly aspect?: number;
  readonly angle?: number;
  readonly edgePx?: number;
}

type Resolved = Required<MembraneImageOptions>;

/** Pore centres: a jittered hexagonal lattice at random phase, or uniform random positions. */
export function placePores(o: Resolved, rng: Rng): Spot[] {
  const pores: Spot[] = [];
  if (o.poreDensity === 0) {
    return pores;
  }
  const r = o.poreDiameterUm / 2 / o.pixelSizeUm;
  const perPx2 = (o.poreDensity / 1e6) * o.pixelSizeUm * o.pixelSizeUm;
  const amplitude = (): number => 0.12 + 0.06 * rng.next();
  if (o.poreLayout === 'random') {
    const n = Math.round(perPx2 * o.width * o.height);
    for (let i = 0; i < n; i++) {
      pores.push({ x: rng.next() * o.width, y: rng.next() * o.height, r, amplitude: amplitude() });
    }
    return pores;
  }
  // Hexagonal lattice: spacing a with density 2 / (√3 a²).
  const a = Math.sqrt(2 / (Math.sqrt(3) * perPx2));
  const rowStep = (a * Math.sqrt(3)) / 2;
  const phaseX = rng.next() * a;
  const phaseY = rng.next() * rowStep;
  const jitter = 0.05 * a;
  for (let row = -1; row * rowStep < o.height + rowStep; row++) {
    const y0 = phaseY + row * rowStep;
    const shift = row % 2 === 0 ? 0 : a / 2;
    for (let x0 = phaseX + shift - a; x0 < o.width + a; x0 += a) {
      pores.push({ x: x0 + jitter * rng.normal(), y: y0 + jitter * rng.normal(), r, amplitude: amplitude() });
    }
  }
  return pores;
}

/** Debris: particles 1–4 µm across at uniform positions, amplitude 0.4–1.1 of a cell's. */
export function placeDebris(o: Resolved, rng: Rng): Spot[] {
  const debris: Spot[] = [];
  for (let i = 0; i < o.debrisCount; i++) {
    const diameterUm = 1 + 3 * rng.next();
    debris.push({
      x: rng.next() * o.width,
      y: rng.next() * o.height,
      r: diameterUm / 2 / o.pixelSizeUm,
      amplitude: 0.4 + 0.7 * rng.next(),
    });
  }
  return debris;
}

/**
 * Renders the stain density (max of cell domes and debris, plus faint pores), applies the
 * illumination field and the stain's optics, adds noise and quantises.
 */
export function renderMembrane(
  o: Resolved,
  cells: readonly SimulatedCell[],
  pores: readonly Spot[],
  debris: readonly Spot[],
  rng: Rng,
): { pixels: Uint8Array | Uint16Array; channels: 1 | 3 } {
  const { width, height } = o;
  const n = width * height;
  const density = new Float32Array(n);
  for (const cell of cells) {
    // Cells vary in staining, shape (ellipses up to 1 + shapeVariability in aspect) and focus
    // (outOfFocusFraction of them with a 2–4 µm soft edge); a dome keeps the centre darker than the rim.
    const amplitude = 0.8 + 0.4 * rng.next();
    const aspect = 1 + o.shapeVariability * rng.next();
    const angle = rng.next() * Math.PI;
    const blurred = rng.next() < o.outOfFocusFraction;
    const edgePx = blurred ? Math.max(1, (2 + 2 * rng.next()) / o.pixelSizeUm) : 1;
    drawSpot(density, width, height, { ...cell, amplitude, aspect, angle, edgePx }, 0.25, true);
  }
  for (const d of debris) {
    drawSpot(density, width, height, d, 0, true);
  }
  // Pores scatter transmitted light (visible on crystal violet) but barely fluoresce.
  const poreScale = o.stain === 'nuclear' ? 0.25 : 1;
  for (const p of pores) {
    drawSpot(density, width, height, { ...p, amplitude: p.amplitude * poreScale }, 0, false);
  }
  const illumination = illuminationField(o, rng);
  const channels = o.stain === 'crystal-violet' ? 3 : 1;
  const max = 2 ** o.bitDepth - 1;
  const pixels = o.bitDepth === 16 ? new Uint16Array(n * channels) : new Uint8Array(n * channels);
  const quantise = (v: number): number => Math.round((v < 0 ? 0 : v > 1 ? 1 : v) * max);
  if (o.stain === 'crystal-violet') {
    // Membrane tint and absorbance per channel (crystal violet absorbs most near 590 nm: green).
    const base = [0.9, 0.88, 0.86] as const;
    const absorbance = [0.9, 1.6, 0.55] as const;
    for (let i = 0; i < n; i++) {
      const od = density[i]!;
      const light = illumination[i]!;
      for (let c = 0; c < 3; c++) {
        const v = light * base[c]! * Math.exp(-absorbance[c]! * od) + o.noiseSd * rng.normal();
        pixels[i * 3 + c] = quantise(v);
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      // Pores are barely visible (weak autofluorescence), cells bright.
      const v = illumination[i]! * (0.05 + 0.75 * density[i]!) + o.noiseSd * rng.normal();
      pixels[i] = quantise(v);
    }
  }
  return { pixels, channels };
}

function drawSpot(
  plane: Float32Array,
  width: number,
  height: number,
  spot: Spot,
  dome: number,
  useMax: boolean,
): void {
  const { x, y, r, amplitude } = spot;
  const aspect = spot.aspect ?? 1;
  const edge = spot.edgePx ?? 1;
  // Ellipse of the disc's area: semi-axes r·√aspect and r/√aspect, rotated by angle.
  const sqrtAspect = Math.sqrt(aspect);
  const cos = Math.cos(spot.angle ?? 0);
  const sin = Math.sin(spot.angle ?? 0);
  const reach = r * sqrtAspect + edge + 1;
  const x0 = Math.max(0, Math.floor(x - reach));
  const x1 = Math.min(width - 1, Math.ceil(x + reach));
  const y0 = Math.max(0, Math.floor(y - reach));
  const y1 = Math.min(height - 1, Math.ceil(y + reach));
  for (let py = y0; py <= y1; py++) {
    for (let px = x0; px <= x1; px++) {
      const dx = px - x;
      const dy = py - y;
      const u = (dx * cos + dy * sin) / sqrtAspect;
      const v = (dy * cos - dx * sin) * sqrtAspect;
      // Distance in disc-equivalent units: the outline sits at d = r.
      const d = Math.hypot(u, v);
      const coverage = Math.min(1, Math.max(0, (r - d) / edge + 0.5));
      if (coverage <= 0) {
        continue;
      }
      const value = amplitude * coverage * (1 - dome * Math.min(1, (d / r) ** 2));
      const i = py * width + px;
      plane[i] = useMax ? Math.max(plane[i]!, value) : plane[i]! + value;
    }
  }
}

function illuminationField(o: Resolved, rng: Rng): Float32Array {
  const { width, height, illuminationGradient: g } = o;
  const angle = rng.next() * 2 * Math.PI;
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const halfSpan = Math.abs(ux) * cx + Math.abs(uy) * cy || 1;
  const r2max = cx * cx + cy * cy || 1;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const linear = ((x - cx) * ux + (y - cy) * uy + halfSpan) / (2 * halfSpan);
      const vignette = ((x - cx) ** 2 + (y - cy) ** 2) / r2max;
      out[y * width + x] = 1 - g * (0.5 * linear + 0.5 * vignette);
    }
  }
  return out;
}
