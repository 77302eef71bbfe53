/**
 * A Plotly figure as plain JSON data: the `data` traces and the `layout`, exactly what
 * `Plotly.newPlot(element, data, layout)` takes. Builders return these; nothing here imports Plotly.
 */
export interface PlotlyFigure {
  readonly data: readonly PlotlyTrace[];
  readonly layout: PlotlyLayout;
}

/** One Plotly trace (`type` plus the trace's attributes, see plotly.com/javascript/reference). */
export type PlotlyTrace = { readonly type: string } & Readonly<Record<string, unknown>>;

/** A Plotly layout object. */
export type PlotlyLayout = Readonly<Record<string, unknown>>;

/** Colours used across figures (colour-blind safe Okabe–Ito palette). */
export const REPORT_COLOURS: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
];

/** The colour of the i-th series (cycling through {@link REPORT_COLOURS}). @example seriesColour(0) // '#0072B2' */
export function seriesColour(i: number): string {
  return REPORT_COLOURS[((i % REPORT_COLOURS.length) + REPORT_COLOURS.length) % REPORT_COLOURS.length]!;
}

/**
 * Makes an input string safe as Plotly text: Plotly reads a small HTML subset (`<b>`, `<a href>`,
 * `<br>`) in titles, labels and annotations, so `<` and `>` of names coming from files are written as
 * entities, which Plotly shows as the literal characters.
 *
 * @example plotlyText('CD80 <b>') // 'CD80 &lt;b&gt;'
 */
export function plotlyText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Rounds to `digits` significant decimals for compact JSON (NaN/infinite become null). */
export function round(value: number, digits = 4): number | null {
  if (!Number.isFinite(value)) {
    return null;
  }
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
