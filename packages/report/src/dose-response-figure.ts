import type { PlotlyFigure, PlotlyTrace } from './plotly-figure.js';
import { plotlyText, round } from './plotly-figure.js';

/** A fitted 4PL curve: y = bottom + (top − bottom)/(1 + (x/IC50)^hill) (decreasing) or (EC50/x)^hill. */
export interface FourPlCurve {
  readonly bottom: number;
  readonly top: number;
  readonly hill: number;
  readonly direction: 'decreasing' | 'increasing';
  readonly potencyLabel: 'IC50' | 'EC50';
  readonly potency: number;
  readonly potencyCi: readonly [number, number];
  readonly confidenceLevel: number;
}

/** Input of {@link doseResponseFigure}. */
export interface DoseResponseInput {
  readonly title: string;
  /** Every replicate (dose in `doseUnit`, response in `responseLabel`'s unit). */
  readonly points: readonly { readonly dose: number; readonly response: number }[];
  readonly fit: FourPlCurve | null;
  readonly doseUnit: string;
  readonly responseLabel: string;
}

/** Value of a 4PL curve at dose x (> 0). @example fourPl({ bottom: 0, top: 100, hill: 1, direction: 'decreasing', potency: 1, ... }, 1) // 50 */
export function fourPl(c: FourPlCurve, x: number): number {
  const ratio = c.direction === 'decreasing' ? x / c.potency : c.potency / x;
  return c.bottom + (c.top - c.bottom) / (1 + ratio ** c.hill);
}

/**
 * Dose-response plot on a log dose axis: replicate points, the fitted 4PL curve (120 points log-spaced
 * over the positive doses), the IC50/EC50 as a dotted line and its confidence interval as a band.
 * Zero doses cannot sit on a log axis: they are left out and the title says how many.
 *
 * @example doseResponseFigure({ title: 'RS504393', points, fit, doseUnit: 'µM', responseLabel: '% of control' })
 */
export function doseResponseFigure(input: DoseResponseInput): PlotlyFigure {
  const positive = input.points.filter((p) => p.dose > 0);
  const zeros = input.points.length - positive.length;
  const data: PlotlyTrace[] = [
    { type: 'scatter', mode: 'markers', name: 'replicates', x: positive.map((p) => p.dose), y: positive.map((p) => round(p.response, 4)), marker: { color: '#000', size: 7 } },
  ];
  const shapes: Record<string, unknown>[] = [];
  if (input.fit && positive.length > 0) {
    const fit = input.fit;
    const lo = Math.log10(Math.min(...positive.map((p) => p.dose)));
    const hi = Math.log10(Math.max(...positive.map((p) => p.dose)));
    const xs = Array.from({ length: 120 }, (_, i) => 10 ** (lo + ((hi - lo) * i) / 119));
    data.push({ type: 'scatter', mode: 'lines', name: '4PL fit', x: xs.map((x) => Number(x.toPrecision(6))), y: xs.map((x) => round(fourPl(fit, x), 4)), line: { color: '#0072B2', width: 2 } });
    const yMin = Math.min(fit.bottom, fit.top, ...positive.map((p) => p.response));
    const yMax = Math.max(fit.bottom, fit.top, ...positive.map((p) => p.response));
    const [c0, c1] = fit.potencyCi;
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: `${fit.potencyLabel} ${Math.round(fit.confidenceLevel * 100)}% CI`,
      x: [c0, c1, c1, c0, c0].map((v) => Number(v.toPrecision(6))),
      y: [yMin, yMin, yMax, yMax, yMin].map((v) => round(v, 4)),
      fill: 'toself',
      fillcolor: 'rgba(0,114,178,0.12)',
      line: { width: 0 },
      hoverinfo: 'skip',
    });
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: `${fit.potencyLabel} = ${Number(fit.potency.toPrecision(3))} ${plotlyText(input.doseUnit)}`,
      x: [fit.potency, fit.potency].map((v) => Number(v.toPrecision(6))),
      y: [round(yMin, 4), round(yMax, 4)],
      line: { color: '#D55E00', dash: 'dot' },
    });
  }
  const title = `${plotlyText(input.title)}${zeros > 0 ? ` (${zeros} zero-dose point${zeros > 1 ? 's' : ''} not on the log axis)` : ''}`;
  return {
    data,
    layout: {
      title: { text: title, font: { size: 13 } },
      xaxis: { type: 'log', title: { text: `dose (${plotlyText(input.doseUnit)})` } },
      yaxis: { title: { text: plotlyText(input.responseLabel) } },
      margin: { l: 60, r: 10, t: 50, b: 50 },
      legend: { orientation: 'h', y: -0.25 },
      shapes,
    },
  };
}
