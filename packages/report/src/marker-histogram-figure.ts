import type { Binned1d } from './bin-events.js';
import { binCentres } from './bin-events.js';
import { axisLayout } from './gating-hierarchy-figure.js';
import type { DisplayAxis } from './gating-hierarchy-figure.js';
import type { PlotlyFigure, PlotlyTrace } from './plotly-figure.js';
import { plotlyText, round, seriesColour } from './plotly-figure.js';

/** Input of {@link markerHistogramFigure}. */
export interface MarkerHistogramInput {
  /** Marker, e.g. 'CD80'. */
  readonly marker: string;
  /** Display axis (the marker's display transform). */
  readonly axis: DisplayAxis;
  /** Sample events, binned on the axis range. */
  readonly sample: { readonly label: string; readonly histogram: Binned1d };
  /** The control the threshold came from (FMO, isotype, unstained), binned on the same range. */
  readonly control?: { readonly label: string; readonly histogram: Binned1d };
  /** Positivity threshold in display units, with its label in data units (e.g. '1 234 (FMO 99.5th pct)'). */
  readonly threshold?: { readonly position: number; readonly label: string };
}

function percentTrace(h: Binned1d, name: string, colour: string, dash: string): PlotlyTrace {
  const total = h.counts.reduce((s, c) => s + c, 0);
  return {
    type: 'scatter',
    mode: 'lines',
    name: plotlyText(name),
    x: binCentres(h.range, h.counts.length).map((v) => round(v, 5)),
    y: h.counts.map((c) => (total > 0 ? round((c / total) * 100, 3) : 0)),
    line: { shape: 'hvh', color: colour, width: 1.5, dash },
    fill: dash === 'solid' ? 'tozeroy' : 'none',
    hovertemplate: `${plotlyText(name)}: %{y}% of events<extra></extra>`,
  };
}

/**
 * Traces, threshold line and label of a marker histogram drawn on the axes `xref`/`yref` (e.g. 'x4',
 * 'y4'), for figures that combine several plots.
 *
 * @example markerHistogramParts(input, 'x2', 'y2').data.length // 2 with a control
 */
export function markerHistogramParts(
  input: MarkerHistogramInput,
  xref: string,
  yref: string,
): { data: PlotlyTrace[]; shapes: Record<string, unknown>[]; annotations: Record<string, unknown>[] } {
  const axes = { xaxis: xref, yaxis: yref };
  const data: PlotlyTrace[] = [{ ...percentTrace(input.sample.histogram, input.sample.label, seriesColour(0), 'solid'), ...axes }];
  if (input.control) {
    data.push({ ...percentTrace(input.control.histogram, input.control.label, '#555555', 'dash'), ...axes });
  }
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  if (input.threshold) {
    const x = input.threshold.position;
    shapes.push({ type: 'line', xref, yref: `${yref} domain`, x0: x, x1: x, y0: 0, y1: 1, line: { color: '#C00000', width: 1.5 } });
    annotations.push({ xref, yref: `${yref} domain`, x, y: 1, yanchor: 'bottom', showarrow: false, text: plotlyText(input.threshold.label), font: { size: 11, color: '#C00000' } });
  }
  return { data, shapes, annotations };
}

/**
 * A marker histogram on its display transform: the sample as % of events per bin (so sample and
 * control compare whatever their event counts), the control (FMO) dashed, and the positivity threshold
 * as a vertical line with its label.
 *
 * @example markerHistogramFigure({ marker: 'CD206', axis, sample: { label: 'S1', histogram } })
 */
export function markerHistogramFigure(input: MarkerHistogramInput): PlotlyFigure {
  const { data, shapes, annotations } = markerHistogramParts(input, 'x', 'y');
  return {
    data,
    layout: {
      title: { text: plotlyText(input.marker), font: { size: 13 } },
      xaxis: axisLayout(input.axis),
      yaxis: { title: { text: '% of events' }, rangemode: 'tozero' },
      margin: { l: 50, r: 10, t: 50, b: 50 },
      legend: { orientation: 'h', y: -0.25 },
      shapes,
      annotations,
    },
  };
}
