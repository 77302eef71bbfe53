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
}

/** Deterministic horizontal offsets of `n` points around a category (no randomness). */
function spread(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (n === 1 ? 0 : -0.2 + (0.4 * i) / (n - 1)));
}

/**
 * Migration per condition: a bar at the mean with SEM error bars (or a box plot), every replicate
 * drawn as a point, and a significance bracket per comparison (stars and p-value), stacked above the
 * highest point. Categories sit at x = 0, 1, 2, ... so brackets are placed exactly.
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
  const step = top * 0.08 || 1;
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  (input.comparisons ?? []).forEach((c, k) => {
    const ia = input.groups.findIndex((g) => g.condition === c.a);
    const ib = input.groups.findIndex((g) => g.condition === c.b);
    if (ia < 0 || ib < 0) {
      throw new RangeError(`comparison ${c.a} vs ${c.b} names a condition that is not plotted`);
    }
    const y = top + step * (k + 1);
    const tick = step * 0.25;
    shapes.push({ type: 'path', xref: 'x', yref: 'y', path: `M${ia},${round(y - tick, 4)} L${ia},${round(y, 4)} L${ib},${round(y, 4)} L${ib},${round(y - tick, 4)}`, line: { color: '#000', width: 1 } });
    annotations.push({ xref: 'x', yref: 'y', x: (ia + ib) / 2, y: round(y, 4), yanchor: 'bottom', showarrow: false, text: `${significanceStars(c.pValue)} (${formatP(c.pValue)})`, font: { size: 11 } });
  });
  const nComparisons = input.comparisons?.length ?? 0;
  return {
    data,
    layout: {
      showlegend: false,
      xaxis: { tickmode: 'array', tickvals: positions, ticktext: names, range: [-0.6, input.groups.length - 0.4] },
      yaxis: { title: { text: plotlyText(input.yLabel) }, range: [0, top + step * (nComparisons + 1.5)] },
      margin: { l: 60, r: 10, t: input.test ? 40 : 20, b: 60 },
      ...(input.test ? { title: { text: `brackets: ${plotlyText(input.test)}`, font: { size: 11 } } } : {}),
      shapes,
      annotations,
    },
  };
}
