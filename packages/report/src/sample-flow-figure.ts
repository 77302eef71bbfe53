import { axisLayout, gatingHierarchyFigure } from './gating-hierarchy-figure.js';
import type { GatePanel, GatingFigureOptions } from './gating-hierarchy-figure.js';
import { markerHistogramParts } from './marker-histogram-figure.js';
import type { MarkerHistogramInput } from './marker-histogram-figure.js';
import type { PlotlyFigure, PlotlyTrace } from './plotly-figure.js';
import { plotlyText } from './plotly-figure.js';

/**
 * One figure for a sample: its gating hierarchy on the top row (as {@link gatingHierarchyFigure}) and
 * its marker histograms with control and threshold on the bottom row, so a sample reads at a glance
 * and exports as one image. Solid: the sample; dashed: its control.
 *
 * @throws {RangeError} when `panels` is empty.
 * @example sampleFlowFigure(panels, [cd80Histogram, cd206Histogram]).layout.xaxis5 // the second histogram's axis
 */
export function sampleFlowFigure(panels: readonly GatePanel[], histograms: readonly MarkerHistogramInput[], options: GatingFigureOptions = {}): PlotlyFigure {
  const top = gatingHierarchyFigure(panels, options);
  if (histograms.length === 0) {
    return top;
  }
  const layout: Record<string, unknown> = { ...top.layout };
  const topDomain = [0.58, 1];
  panels.forEach((_, i) => {
    const key = `yaxis${i === 0 ? '' : String(i + 1)}`;
    layout[key] = { ...(layout[key] as Record<string, unknown>), domain: topDomain };
  });
  const data: PlotlyTrace[] = [...top.data];
  const shapes = [...(layout.shapes as Record<string, unknown>[])];
  const annotations = [...(layout.annotations as Record<string, unknown>[])];
  const m = histograms.length;
  const gap = 0.06 / m + 0.02;
  histograms.forEach((h, j) => {
    const k = panels.length + j + 1;
    const xref = `x${k}`;
    const yref = `y${k}`;
    const parts = markerHistogramParts(h, xref, yref);
    data.push(...parts.data.map((t) => ({ ...t, showlegend: false })));
    shapes.push(...parts.shapes);
    annotations.push(...parts.annotations);
    layout[`xaxis${k}`] = { ...axisLayout(h.axis), domain: [j / m + gap / 2, (j + 1) / m - gap / 2], anchor: yref };
    layout[`yaxis${k}`] = { title: { text: j === 0 ? '% of events' : '', font: { size: 11 } }, rangemode: 'tozero', domain: [0, 0.36], anchor: xref };
    annotations.push({ xref: `${xref} domain`, yref: `${yref} domain`, x: 0.5, y: 1.12, yanchor: 'bottom', showarrow: false, text: `<b>${plotlyText(h.marker)}</b>`, font: { size: 12 } });
  });
  layout.shapes = shapes;
  layout.annotations = annotations;
  return { data, layout };
}
