import type { Binned1d, Binned2d } from './bin-events.js';
import { binCentres } from './bin-events.js';
import type { DataUnitTicks } from './data-unit-ticks.js';
import { densityImageUri } from './density-image.js';
import { gateOverlayParts } from './gate-overlay.js';
import type { GateOverlay } from './gate-overlay.js';
import type { PlotlyFigure, PlotlyTrace } from './plotly-figure.js';
import { plotlyText, round } from './plotly-figure.js';

/** An axis on display units, with tick labels in data units when the axis is transformed. */
export interface DisplayAxis {
  /** Channel and marker, e.g. 'FL1-A (CD80)'. */
  readonly label: string;
  /** Axis range in display units. */
  readonly range: readonly [number, number];
  /** Ticks from {@link dataUnitTicks}; absent on linear axes (Plotly's own ticks). */
  readonly ticks?: DataUnitTicks;
}

/** One plot of the gating hierarchy: the parent population's events and the gates drawn on it. */
export interface GatePanel {
  /** Parent population, e.g. 'Singlets'. */
  readonly population: string;
  readonly x: DisplayAxis;
  readonly y: DisplayAxis;
  /** Pre-binned events of the parent population (what is drawn, as a heatmap). */
  readonly density?: Binned2d;
  /** Pre-binned events on x alone (a 1-D gate such as a range), drawn as a histogram of counts; `y` is then the count axis. */
  readonly histogram?: Binned1d;
  /** Seeded subsample (≤ 100 000 events) drawn as points where a scatter is clearer. */
  readonly scatter?: { readonly x: readonly number[]; readonly y: readonly number[]; readonly of: number; readonly seed: number };
  readonly gates: readonly GateOverlay[];
}

/** Plotly axis attributes of a display axis. */
export function axisLayout(axis: DisplayAxis): Record<string, unknown> {
  return {
    title: { text: plotlyText(axis.label), font: { size: 11 } },
    range: [axis.range[0], axis.range[1]],
    zeroline: false,
    ...(axis.ticks ? { tickmode: 'array', tickvals: axis.ticks.tickvals.map((v) => round(v, 5)), ticktext: axis.ticks.ticktext } : {}),
  };
}

/** Density z values: log10(count) rounded to 2 decimals, empty bins null (drawn blank). */
function logDensity(counts: readonly (readonly number[])[]): (number | null)[][] {
  return counts.map((row) => row.map((c) => (c > 0 ? Math.round(Math.log10(c) * 100) / 100 : null)));
}

/** Options of {@link gatingHierarchyFigure}. */
export interface GatingFigureOptions {
  readonly title?: string;
  /**
   * Draw densities as one PNG image per plot (`layout.images`, see `densityImageUri`) instead of a
   * heatmap trace: much faster to draw, but without hover read-outs of the bins. Default false.
   */
  readonly densityImage?: boolean;
}

/**
 * The gating hierarchy of one sample as a row of plots, one per parent population: a heatmap of the
 * pre-binned events (colour = log10 events per bin; never raw events), or a seeded subsampled scatter,
 * with each child gate drawn on its parent's plot (rectangle, polygon, ellipse outline, quadrant lines,
 * range lines) and labelled with its % of parent.
 *
 * @throws {RangeError} when `panels` is empty.
 * @example gatingHierarchyFigure([{ population: 'All events', x, y, density, gates: [] }])
 */
export function gatingHierarchyFigure(panels: readonly GatePanel[], options: GatingFigureOptions = {}): PlotlyFigure {
  if (panels.length === 0) {
    throw new RangeError('gatingHierarchyFigure needs at least one panel');
  }
  const n = panels.length;
  // Between plots: room for the right plot's y tick labels ('250k') and y title, about 65 px at the
  // report's 1,000 px width (0.035 of it, as before, put the title on the left plot's density).
  const gap = Math.max(0.065, 0.06 / n + 0.02);
  const data: PlotlyTrace[] = [];
  const layout: Record<string, unknown> = {
    showlegend: false,
    margin: { l: 50, r: 10, t: 50, b: 50 },
    hovermode: 'closest',
    ...(options.title ? { title: { text: plotlyText(options.title), font: { size: 14 } } } : {}),
  };
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  const images: Record<string, unknown>[] = [];
  panels.forEach((p, i) => {
    const suffix = i === 0 ? '' : String(i + 1);
    const xref = `x${suffix}`;
    const yref = `y${suffix}`;
    if (p.density && options.densityImage === true) {
      const d = p.density;
      images.push({
        source: densityImageUri(d),
        xref,
        yref,
        x: round(d.xRange[0], 6),
        y: round(d.yRange[1], 6),
        sizex: round(d.xRange[1] - d.xRange[0], 6),
        sizey: round(d.yRange[1] - d.yRange[0], 6),
        sizing: 'stretch',
        xanchor: 'left',
        yanchor: 'top',
        layer: 'below',
      });
    } else if (p.density) {
      const d = p.density;
      data.push({
        type: 'heatmap',
        xaxis: xref,
        yaxis: yref,
        x: binCentres(d.xRange, d.xBins).map((v) => round(v, 5)),
        y: binCentres(d.yRange, d.yBins).map((v) => round(v, 5)),
        z: logDensity(d.counts),
        colorscale: 'Viridis',
        showscale: false,
        hoverongaps: false,
        hovertemplate: `${plotlyText(p.population)}<br>x %{x}<br>y %{y}<br>log10 events %{z}<extra></extra>`,
      });
    }
    if (p.histogram) {
      const h = p.histogram;
      data.push({
        type: 'scatter',
        mode: 'lines',
        xaxis: xref,
        yaxis: yref,
        x: binCentres(h.range, h.counts.length).map((v) => round(v, 5)),
        y: [...h.counts],
        line: { shape: 'hvh', color: '#440154', width: 1 },
        fill: 'tozeroy',
        hovertemplate: `${plotlyText(p.population)}<br>x %{x}<br>%{y} events<extra></extra>`,
      });
    }
    if (p.scatter) {
      data.push({
        type: 'scatter',
        mode: 'markers',
        xaxis: xref,
        yaxis: yref,
        x: p.scatter.x.map((v) => round(v, 4)),
        y: p.scatter.y.map((v) => round(v, 4)),
        marker: { size: 2, color: '#333', opacity: 0.4 },
        hovertemplate: `${plotlyText(p.population)}<br>x %{x}<br>y %{y}<extra></extra>`,
      });
    }
    // Grid lines would be drawn over a density image: leave them out there.
    const grid = p.density && options.densityImage === true ? { showgrid: false } : {};
    layout[`xaxis${suffix}`] = { ...axisLayout(p.x), ...grid, domain: [i / n + gap / 2, (i + 1) / n - gap / 2], anchor: yref };
    layout[`yaxis${suffix}`] = { ...axisLayout(p.y), ...grid, anchor: xref };
    annotations.push({
      xref: `${xref} domain`,
      yref: `${yref} domain`,
      x: 0.5,
      y: 1.02,
      yanchor: 'bottom',
      showarrow: false,
      text: `<b>${plotlyText(p.population)}</b>${p.scatter ? ` (${p.scatter.x.length} of ${p.scatter.of} events)` : ''}`,
      font: { size: 12 },
    });
    const parts = gateOverlayParts(p.gates, xref, yref, p.x.range, p.y.range);
    shapes.push(...parts.shapes);
    annotations.push(...parts.annotations);
  });
  layout.shapes = shapes;
  layout.annotations = annotations;
  if (images.length > 0) {
    layout.images = images;
  }
  return { data, layout };
}
