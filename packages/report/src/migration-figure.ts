import type { PlotlyFigure, PlotlyTrace } from './plotly-figure.js';
import { plotlyText, round, seriesColour } from './plotly-figure.js';
import { formatP, significanceStars } from './significance.js';

/** One condition of a migration plot: every replicate value and the summary drawn over them. */
export interface MigrationGroup {
  readonly condition: string;
  /** One value per unit of replication (experiment or insert). */
  readonly values: readonly number[];
  readonly mean: number;
  readonly sem: number | null;
}

/** A pairwise comparison to annotate with a bracket (from a test result: Tukey, Dunnett, t, ...). */
export interface Comparison {
  readonly a: string;
  readonly b: string;
  readonly pValue: number;
}

/** Input of {@link migrationFigure}. */
export interface MigrationFigureInput {
  readonly groups: readonly MigrationGroup[];
  /** Y axis title with unit, e.g. 'cells/field'. */
  readonly yLabel: string;
  readonly style?: 'bar' | 'box';
  readonly comparisons?: readonly Comparison[];
  /** Name of the test, shown in the title of the brackets' legend, e.g. 'Tukey HSD'. */
  readonly test?: string;
  /** Height the figure is drawn at, px (default 360): brackets are spaced by at least 20 px of it. */
  readonly height?: number;
}

/** Smallest vertical distance between two bracket levels, px: an 11 px label and its line. */
const BRACKET_LEVEL_PX = 20;

/**
 * Bracket levels: comparisons sorted by span (narrow first, then left first), each on the lowest
 * level where its interval [left, right] overlaps no bracket already there (intervals that share an
 * end overlap, so two brackets never meet at one bar). Returns the level of each comparison, in the
 * input order, and the number of levels.
 *
 * @example bracketLevels([[0, 1], [2, 3], [0, 3]]) // { levels: [0, 0, 1], count: 2 }
 */
export function bracketLevels(spans: readonly (readonly [number, number])[]): { levels: number[]; count: number } {
  const order = spans
    .map(([a, b], i) => ({ lo: Math.min(a, b), hi: Math.max(a, b), i }))
    .sort((p, q) => p.hi - p.lo - (q.hi - q.lo) || p.lo - q.lo || p.i - q.i);
  const placed: { lo: number; hi: number }[][] = [];
  const levels = spans.map(() => 0);
  for (const b of order) {
    let level = placed.findIndex((row) => row.every((o) => b.hi < o.lo || o.hi < b.lo));
    if (level < 0) {
      level = placed.length;
      placed.push([]);
    }
    placed[level]!.push(b);
    levels[b.i] = level;
  }
  return { levels, count: placed.length };
}

/** Each comparison's pair of category positions. */
function bracketSpans(input: MigrationFigureInput): [number, number][] {
  return (input.comparisons ?? []).map((c): [number, number] => {
    const ia = input.groups.findIndex((g) => g.condition === c.a);
    const ib = input.groups.findIndex((g) => g.condition === c.b);
    if (ia < 0 || ib < 0) {
      throw new RangeError(`comparison ${c.a} vs ${c.b} names a condition that is not plotted`);
    }
    return [ia, ib];
  });
}

/**
 * The height to draw a migration figure at: 360 px up to two bracket levels, 22 px more for each level
 * above, so the bars keep about half the plot however many brackets there are.
 *
 * @throws {RangeError} when a comparison names a condition that is not plotted.
 * @example migrationFigureHeight({ groups, yLabel: 'cells/field', comparisons }) // 470 for 7 levels
 */
export function migrationFigureHeight(input: MigrationFigureInput): number {
  return 360 + 22 * Math.max(0, bracketLevels(bracketSpans(input)).count - 2);
}

/** Deterministic horizontal offsets of `n` points around a category (no randomness). */
function spread(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (n === 1 ? 0 : -0.2 + (0.4 * i) / (n - 1)));
}

/**
 * Migration per condition: a bar at the mean with SEM error bars (or a box plot), every replicate
 * drawn as a point, and a significance bracket per comparison (stars and p-value) above the highest
 * point, on levels from {@link bracketLevels} at least 20 px apart at `height` (draw the figure at
 * {@link migrationFigureHeight}). Categories sit at x = 0, 1, 2, ... so brackets are placed exactly.
 *
 * @throws {RangeError} when a comparison names a condition that is not plotted.
 * @example migrationFigure({ groups, yLabel: 'cells/field', comparisons: [{ a: 'medium', b: 'CCL2', pValue: 0.001 }] })
 */
export function migrationFigure(input: MigrationFigureInput): PlotlyFigure {
  const style = input.style ?? 'bar';
  const names = input.groups.map((g) => plotlyText(g.condition));
  const positions = input.groups.map((_, i) => i);
  const data: PlotlyTrace[] = [];
  if (style === 'bar') {
    data.push({
      type: 'bar',
      name: 'mean ± SEM',
      x: positions,
      y: input.groups.map((g) => round(g.mean, 4)),
      error_y: { type: 'data', array: input.groups.map((g) => round(g.sem ?? 0, 4)), visible: true, color: '#000' },
      marker: { color: input.groups.map((_, i) => seriesColour(i)), opacity: 0.5 },
      hovertemplate: '%{text}<br>mean %{y}<extra></extra>',
      text: names,
      textposition: 'none',
    });
  } else {
    input.groups.forEach((g, i) => {
      data.push({ type: 'box', name: names[i], x: g.values.map(() => i), y: g.values.map((v) => round(v, 4)), marker: { color: seriesColour(i) }, boxpoints: false, hoverinfo: 'y' });
    });
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'mean ± SEM',
      x: positions.map((p) => p + 0.3),
      y: input.groups.map((g) => round(g.mean, 4)),
      error_y: { type: 'data', array: input.groups.map((g) => round(g.sem ?? 0, 4)), visible: true, color: '#000' },
      marker: { symbol: 'diamond', color: '#000', size: 8 },
    });
  }
  data.push({
    type: 'scatter',
    mode: 'markers',
    name: 'replicates',
    x: input.groups.flatMap((g, i) => spread(g.values.length).map((d) => round(i + d, 4))),
    y: input.groups.flatMap((g) => g.values.map((v) => round(v, 4))),
    text: input.groups.flatMap((g, i) => g.values.map(() => names[i])),
    marker: { color: '#000', size: 7, symbol: 'circle-open' },
    hovertemplate: '%{text}: %{y}<extra>replicate</extra>',
  });
  const top = Math.max(0, ...input.groups.flatMap((g) => [...g.values, g.mean + (g.sem ?? 0)]).filter(Number.isFinite));
  const comparisons = input.comparisons ?? [];
  const spans = bracketSpans(input);
  const { levels, count } = bracketLevels(spans);
  // Level k's line is at top + step · (k + 1); the axis ends 1.5 steps above the highest. A step is
  // 8 % of the highest value, or more so that it spans BRACKET_LEVEL_PX of the plot height:
  // step / (top + step · (count + 1.5)) · plotPx >= BRACKET_LEVEL_PX.
  const margin = { l: 60, r: 10, t: input.test ? 40 : 20, b: 60 };
  const plotPx = (input.height ?? 360) - margin.t - margin.b;
  const room = plotPx - BRACKET_LEVEL_PX * (count + 1.5);
  const step = Math.max(top * 0.08, count > 0 && room > 0 ? (BRACKET_LEVEL_PX * top) / room : 0) || 1;
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  comparisons.forEach((c, k) => {
    const [ia, ib] = spans[k]!;
    const y = top + step * (levels[k]! + 1);
    const tick = step * 0.25;
    shapes.push({ type: 'path', xref: 'x', yref: 'y', path: `M${ia},${round(y - tick, 4)} L${ia},${round(y, 4)} L${ib},${round(y, 4)} L${ib},${round(y - tick, 4)}`, line: { color: '#000', width: 1 } });
    annotations.push({ xref: 'x', yref: 'y', x: (ia + ib) / 2, y: round(y, 4), yanchor: 'bottom', showarrow: false, text: `${significanceStars(c.pValue)} (${formatP(c.pValue)})`, font: { size: 11 } });
  });
  return {
    data,
    layout: {
      showlegend: false,
      xaxis: { tickmode: 'array', tickvals: positions, ticktext: names, range: [-0.6, input.groups.length - 0.4] },
      yaxis: { title: { text: plotlyText(input.yLabel) }, range: [0, round(top + step * (count + 1.5), 4)] },
      margin,
      ...(input.test ? { title: { text: `brackets: ${plotlyText(input.test)}`, font: { size: 11 } } } : {}),
      shapes,
      annotations,
    },
  };
}
