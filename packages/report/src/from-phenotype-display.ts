import type {
  DisplayAxisData,
  DisplayHistogram1d,
  DisplayHistogram2d,
  PhenotypeDisplay,
} from '@tamkit/gating';
import type { Binned1d, Binned2d } from './bin-events.js';
import { dataUnitTicks } from './data-unit-ticks.js';
import { gateOverlayFromSpec } from './gate-overlay-from-spec.js';
import type { DisplayAxis, GatePanel } from './gating-hierarchy-figure.js';
import type { MarkerHistogramInput } from './marker-histogram-figure.js';

/** A display axis with data-unit tick labels from the ticks the gating result carries (0, ±10^k). */
function axisOf(a: DisplayAxisData): DisplayAxis {
  if (a.ticks.length === 0) {
    return { label: a.label, range: [a.range[0], a.range[1]] };
  }
  // dataUnitTicks asks for the position of 0 and ±10^k: answer from the stored pairs (NaN = not on the axis).
  const position = new Map(a.ticks.map((t) => [t.value, t.position]));
  return {
    label: a.label,
    range: [a.range[0], a.range[1]],
    ticks: dataUnitTicks((v) => position.get(v) ?? Number.NaN, [a.range[0], a.range[1]]),
  };
}

function binRange(a: DisplayAxisData, first: number, n: number): [number, number] {
  const w = (a.range[1] - a.range[0]) / a.bins;
  return [a.range[0] + first * w, a.range[0] + (first + Math.max(n, 1)) * w];
}

function binned1d(a: DisplayAxisData, h: DisplayHistogram1d): Binned1d {
  return {
    range: binRange(a, h.first, h.counts.length),
    counts: h.counts.length > 0 ? h.counts : [0],
    total: h.total,
    outside: h.clamped,
    nan: h.nan,
  };
}

function binned2d(x: DisplayAxisData, y: DisplayAxisData, h: DisplayHistogram2d): Binned2d {
  const cols = h.counts[0]?.length ?? 0;
  return {
    xRange: binRange(x, h.xFirst, cols),
    yRange: binRange(y, h.yFirst, h.counts.length),
    xBins: Math.max(cols, 1),
    yBins: Math.max(h.counts.length, 1),
    counts: h.counts.length > 0 ? h.counts : [[0]],
    total: h.total,
    outside: h.clamped,
    nan: h.nan,
  };
}

/**
 * Report plots of a phenotyped sample's display data (`phenotypeSample(..., { display: true })` or
 * `tamkit phenotype --json`): one gating-hierarchy panel per pre-gate (its parent's density, or
 * histogram for a range gate, with the gate drawn in the gate's own display space and its % of
 * parent), and one marker histogram per M1/M2 marker with its control and the positivity threshold.
 *
 * @example const { panels, histograms } = displayPlots(result.display, 'S1.fcs');
 */
export function displayPlots(
  display: PhenotypeDisplay,
  sampleLabel: string,
): { panels: GatePanel[]; histograms: MarkerHistogramInput[] } {
  const panels = display.pregates.map((p): GatePanel => {
    const gate = gateOverlayFromSpec(p.gateId, p.gate, {}, p.percentOfParent);
    const population = p.parent ?? 'All events';
    if (p.y !== undefined && p.density !== undefined) {
      return {
        population,
        x: axisOf(p.x),
        y: axisOf(p.y),
        density: binned2d(p.x, p.y, p.density),
        gates: gate ? [gate] : [],
      };
    }
    const histogram = binned1d(
      p.x,
      p.histogram ?? { first: 0, counts: [], total: 0, clamped: 0, nan: 0 },
    );
    const top = Math.max(1, ...histogram.counts);
    return {
      population,
      x: axisOf(p.x),
      y: { label: 'events', range: [0, top * 1.1] },
      histogram,
      gates: gate ? [gate] : [],
    };
  });
  const histograms = display.markers.map((m): MarkerHistogramInput => ({
    marker: m.marker,
    axis: axisOf(m.axis),
    sample: { label: sampleLabel, histogram: binned1d(m.axis, m.sample) },
    ...(m.control
      ? { control: { label: m.control.label, histogram: binned1d(m.axis, m.control.histogram) } }
      : {}),
    threshold: {
      position: m.threshold.position,
      label: `${m.threshold.value.toPrecision(4)} (${m.threshold.source})`,
    },
  }));
  return { panels, histograms };
}
