import type { PlotlyFigure, PlotlyTrace } from './plotly-figure.js';
import { plotlyText, round, seriesColour } from './plotly-figure.js';
import { significanceStars } from './significance.js';

/** Class percentages per sample, e.g. classes ['M1', 'M2', 'double positive', 'double negative']. */
export interface CompositionInput {
  readonly classes: readonly string[];
  readonly samples: readonly {
    readonly sample: string;
    readonly condition: string;
    /** % of the classified population per class, in the order of `classes`. */
    readonly percents: readonly number[];
  }[];
}

function checkInput(input: CompositionInput): void {
  for (const s of input.samples) {
    if (s.percents.length !== input.classes.length) {
      throw new RangeError(`sample '${s.sample}' has ${s.percents.length} percentages for ${input.classes.length} classes`);
    }
  }
}

/**
 * M1/M2 composition per sample: one stacked bar per sample (x grouped by condition, then sample),
 * one colour per class, heights = % of the classified population.
 *
 * @throws {RangeError} when a sample's percentages do not match the classes.
 * @example compositionBySampleFigure({ classes: ['M1', 'M2'], samples: [{ sample: 'S1', condition: 'LPS', percents: [70, 30] }] })
 */
export function compositionBySampleFigure(input: CompositionInput): PlotlyFigure {
  checkInput(input);
  const x = [input.samples.map((s) => plotlyText(s.condition)), input.samples.map((s) => plotlyText(s.sample))];
  const data: PlotlyTrace[] = input.classes.map((c, k) => ({
    type: 'bar',
    name: plotlyText(c),
    x,
    y: input.samples.map((s) => round(s.percents[k]!, 3)),
    marker: { color: seriesColour(k) },
    hovertemplate: `${plotlyText(c)}: %{y:.1f}%<extra>%{x}</extra>`,
  }));
  return {
    data,
    layout: { barmode: 'stack', yaxis: { title: { text: '% of classified cells' }, range: [0, 100] }, margin: { l: 60, r: 10, t: 30, b: 80 }, legend: { orientation: 'h', y: -0.3 } },
  };
}

/** Mean of each class per condition, in first-appearance order of conditions. */
export function conditionMeans(input: CompositionInput): { condition: string; means: number[]; replicates: (readonly number[])[] }[] {
  checkInput(input);
  const groups = new Map<string, (readonly number[])[]>();
  for (const s of input.samples) {
    const g = groups.get(s.condition) ?? [];
    g.push(s.percents);
    groups.set(s.condition, g);
  }
  return [...groups].map(([condition, replicates]) => ({
    condition,
    means: input.classes.map((_, k) => replicates.reduce((sum, r) => sum + r[k]!, 0) / replicates.length),
    replicates,
  }));
}

/** A tested difference to mark on a bar: the class, the condition and its p-value against the control. */
export interface CompositionMark {
  readonly className: string;
  readonly condition: string;
  readonly pValue: number;
}

/**
 * M1/M2 composition per condition: for each class, one bar per condition at the mean % over the
 * condition's samples, with every replicate drawn as a point on its bar. `marks` with p < 0.05 put
 * their GraphPad stars above their bar (grouped bars: bar j of m in class k is centred at
 * k − 0.4 + 0.8·(j + ½)/m, Plotly's default gap of 0.2).
 *
 * @throws {RangeError} when a sample's percentages do not match the classes.
 * @example compositionByConditionFigure(input).data.length // classes × 2 (bars + replicate points)
 */
export function compositionByConditionFigure(input: CompositionInput, marks: readonly CompositionMark[] = []): PlotlyFigure {
  const groups = conditionMeans(input);
  const data: PlotlyTrace[] = [];
  groups.forEach((g, j) => {
    const colour = seriesColour(j);
    data.push({
      type: 'bar',
      name: plotlyText(g.condition),
      legendgroup: `c${j}`,
      offsetgroup: `c${j}`,
      x: input.classes.map((c) => plotlyText(c)),
      y: g.means.map((m) => round(m, 3)),
      marker: { color: colour, opacity: 0.6 },
      hovertemplate: `${plotlyText(g.condition)} mean %{y:.1f}%<extra>%{x}</extra>`,
    });
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: `${plotlyText(g.condition)} replicates`,
      legendgroup: `c${j}`,
      offsetgroup: `c${j}`,
      showlegend: false,
      x: g.replicates.flatMap(() => input.classes.map((c) => plotlyText(c))),
      y: g.replicates.flatMap((r) => r.map((v) => round(v, 3))),
      marker: { color: colour, size: 7, line: { color: '#000', width: 1 } },
      hovertemplate: `${plotlyText(g.condition)} replicate %{y:.1f}%<extra>%{x}</extra>`,
    });
  });
  const m = groups.length;
  const annotations = marks.flatMap((mark) => {
    const k = input.classes.indexOf(mark.className);
    const j = groups.findIndex((g) => g.condition === mark.condition);
    if (k < 0 || j < 0 || !(mark.pValue < 0.05)) {
      return [];
    }
    const g = groups[j]!;
    const top = Math.max(g.means[k]!, ...g.replicates.map((r) => r[k]!));
    return [{ x: round(k - 0.4 + (0.8 * (j + 0.5)) / m, 4), y: round(top, 3), yanchor: 'bottom', yshift: 2, showarrow: false, text: significanceStars(mark.pValue), font: { size: 12 } }];
  });
  return {
    data,
    layout: {
      barmode: 'group',
      scattermode: 'group',
      yaxis: { title: { text: '% of classified cells' }, rangemode: 'tozero' },
      margin: { l: 60, r: 10, t: 30, b: 60 },
      legend: { orientation: 'h', y: -0.2 },
      ...(annotations.length > 0 ? { annotations } : {}),
    },
  };
}
