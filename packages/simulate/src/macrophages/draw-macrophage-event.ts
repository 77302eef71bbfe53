import type { Rng } from '@tamkit/core';
import { MACROPHAGE_STAINS } from './macrophage-panel.js';

/** Natural-log SD of one stain around its median: 0.25 decades. */
export const STAIN_SIGMA_LN: number = 0.25 * Math.LN10;
/** Natural-log SD of the shared strength of a marker programme (M1 or M2) in one cell: 0.15 decades. */
const PROGRAMME_SIGMA_LN = 0.15 * Math.LN10;
/** Natural-log SD of a cell's autofluorescence level. */
const AF_SIGMA_LN = 0.3;
/** Stain of dead cells relative to live ones (membrane loss). */
const DEAD_STAIN_FACTOR = 0.6;
/** Probability that a debris particle takes up the viability dye. */
const DEBRIS_VIABILITY_POSITIVE = 0.5;

/** Log-normal scatter of a cell type: medians and natural-log SDs of FSC-A and SSC-A. */
interface ScatterModel {
  readonly fsc: number;
  readonly fscSigma: number;
  readonly ssc: number;
  readonly sscSigma: number;
  /** Relative autofluorescence of this cell type. */
  readonly af: number;
}

/** Scatter and autofluorescence per cell type (FSC/SSC on the 0..262144 scale of digital instruments). */
export const CELL_MODELS: Readonly<Record<'macrophage' | 'nonMacrophage' | 'dead' | 'debris', ScatterModel>> = {
  macrophage: { fsc: 95000, fscSigma: 0.18, ssc: 60000, sscSigma: 0.3, af: 1 },
  nonMacrophage: { fsc: 50000, fscSigma: 0.15, ssc: 20000, sscSigma: 0.3, af: 0.4 },
  dead: { fsc: 55000, fscSigma: 0.3, ssc: 65000, sscSigma: 0.35, af: 2 },
  debris: { fsc: 12000, fscSigma: 0.5, ssc: 9000, sscSigma: 0.6, af: 0.3 },
};
/** FSC-H / FSC-A of single cells: normal, mean 0.82, SD 0.03. */
const SINGLET_HEIGHT_RATIO = { mean: 0.82, sd: 0.03 };

/** One event before spillover and noise. `signal[f]` = stain + autofluorescence of fluorochrome f. */
export interface EventDraw {
  fscA: number;
  fscH: number;
  sscA: number;
  readonly signal: Float64Array;
}

/** Per-sample constants the event draws need. */
export interface DrawContext {
  readonly rng: Rng;
  /** Decades of positives above the stain's background level (separation + donor shift). */
  readonly positiveDecades: number;
  /** 1 when a stain is present, 0 when absent (FMO marker, unstained control). */
  readonly stainPresent: Float64Array;
  /** Cumulative phenotype probabilities of live macrophages (M1, M2, double+, double-). */
  readonly phenotypeCdf: readonly number[];
}

const M1 = MACROPHAGE_STAINS.map((s) => s.role === 'm1');
const M2 = MACROPHAGE_STAINS.map((s) => s.role === 'm2');
const PAN = MACROPHAGE_STAINS.map((s) => s.role === 'macrophage');
const VIABILITY = MACROPHAGE_STAINS.map((s) => s.role === 'viability');

function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * rng.normal());
}

/** Phenotype index 0..3 (M1, M2, double+, double-) drawn from the cumulative mix. */
export function drawPhenotype(ctx: DrawContext): number {
  const u = ctx.rng.next();
  const idx = ctx.phenotypeCdf.findIndex((p) => u < p);
  return idx < 0 ? 3 : idx;
}

/**
 * Adds one cell's stains and autofluorescence to `out.signal` and sets its scatter. `positive[f]` says
 * whether marker f is expressed (the TRUE state). Every cell carries the stain's nonspecific binding
 * (median `nonspecific · autofluorescence`); a positive marker adds a specific stain of median
 * `backgroundLevel · (10^(positiveDecades + extraDecades) − 1)` times the cell's programme strength
 * (none when that exponent is ≤ 0). Both are log-normal (0.25 decades); antibody stains are
 * multiplied by `scale`.
 */
function addCell(ctx: DrawContext, model: ScatterModel, positive: readonly boolean[], scale: number, out: EventDraw): void {
  const { rng } = ctx;
  out.fscA = logNormal(rng, model.fsc, model.fscSigma);
  out.fscH = out.fscA * (SINGLET_HEIGHT_RATIO.mean + SINGLET_HEIGHT_RATIO.sd * rng.normal());
  out.sscA = logNormal(rng, model.ssc, model.sscSigma);
  const m1Strength = PROGRAMME_SIGMA_LN * rng.normal();
  const m2Strength = PROGRAMME_SIGMA_LN * rng.normal();
  const af = model.af * Math.exp(AF_SIGMA_LN * rng.normal());
  for (let f = 0; f < MACROPHAGE_STAINS.length; f++) {
    const stain = MACROPHAGE_STAINS[f]!;
    let value = logNormal(rng, stain.nonspecific * stain.autofluorescence, STAIN_SIGMA_LN);
    if (positive[f]) {
      const gain = 10 ** (ctx.positiveDecades + stain.extraDecades) - 1;
      if (gain > 0) {
        const strength = M1[f] ? m1Strength : M2[f] ? m2Strength : 0;
        value += stain.backgroundLevel * gain * Math.exp(strength + STAIN_SIGMA_LN * rng.normal());
      }
    }
    value *= ctx.stainPresent[f]!;
    // `scale` dims antibody stains (dead cells, debris); the viability dye binds regardless.
    out.signal[f]! += (VIABILITY[f] ? 1 : scale) * value + af * stain.autofluorescence;
  }
}

/** Marker states of a live macrophage of phenotype p (0 M1, 1 M2, 2 double+, 3 double-). */
function macrophageState(p: number): boolean[] {
  const m1 = p === 0 || p === 2;
  const m2 = p === 1 || p === 2;
  return MACROPHAGE_STAINS.map((_, f) => PAN[f]! || (M1[f]! && m1) || (M2[f]! && m2));
}
const MACROPHAGE_STATES: readonly (readonly boolean[])[] = [0, 1, 2, 3].map(macrophageState);
const NEGATIVE_STATE: readonly boolean[] = MACROPHAGE_STAINS.map(() => false);
const VIABILITY_ONLY: readonly boolean[] = VIABILITY;

/** A live single macrophage of phenotype p (0 M1, 1 M2, 2 double+, 3 double-). */
export function drawMacrophage(ctx: DrawContext, p: number, out: EventDraw): void {
  out.signal.fill(0);
  addCell(ctx, CELL_MODELS.macrophage, MACROPHAGE_STATES[p]!, 1, out);
}

/** A live non-macrophage: pan-macrophage marker, M1 and M2 markers all negative. */
export function drawNonMacrophage(ctx: DrawContext, out: EventDraw): void {
  out.signal.fill(0);
  addCell(ctx, CELL_MODELS.nonMacrophage, NEGATIVE_STATE, 1, out);
}

/** A dead macrophage (phenotype from the sample's mix): viability dye bright, other stains dimmed. */
export function drawDead(ctx: DrawContext, out: EventDraw): void {
  out.signal.fill(0);
  const state = MACROPHAGE_STATES[drawPhenotype(ctx)]!.map((s, f) => s || VIABILITY[f]!);
  addCell(ctx, CELL_MODELS.dead, state, DEAD_STAIN_FACTOR, out);
}

/** Debris: small, dim; half take up the viability dye. */
export function drawDebris(ctx: DrawContext, out: EventDraw): void {
  out.signal.fill(0);
  const state = ctx.rng.next() < DEBRIS_VIABILITY_POSITIVE ? VIABILITY_ONLY : NEGATIVE_STATE;
  addCell(ctx, CELL_MODELS.debris, state, 0.3, out);
}

/**
 * Two live macrophages passing together: areas and stains add, while FSC-H is about that of the taller
 * cell (times 1.0-1.1), so FSC-H/FSC-A falls to about half the singlet ratio.
 */
export function drawDoublet(ctx: DrawContext, out: EventDraw): void {
  out.signal.fill(0);
  addCell(ctx, CELL_MODELS.macrophage, MACROPHAGE_STATES[drawPhenotype(ctx)]!, 1, out);
  const { fscA, fscH, sscA } = out;
  addCell(ctx, CELL_MODELS.macrophage, MACROPHAGE_STATES[drawPhenotype(ctx)]!, 1, out);
  out.fscH = Math.max(fscH, out.fscH) * (1 + 0.1 * ctx.rng.next());
  out.fscA += fscA;
  out.sscA += sscA;
}
