import type { PlotlyFigure } from './plotly-figure.js';
import { plotlyText, round } from './plotly-figure.js';

/** Cluster centres per marker (display units) with each cluster's annotation and size. */
export interface ClusterHeatmapInput {
  readonly markers: readonly string[];
  readonly clusters: readonly {
    readonly id: string;
    /** Class the cluster was annotated as, e.g. 'M1' (from its centre). */
    readonly annotation: string;
    /** Share of events, %. */
    readonly percent: number;
    /** Centre per marker, in the order of `markers`. */
    readonly centre: readonly number[];
  }[];
}

/**
 * A heatmap of cluster centres: one row per cluster (labelled id, annotation and % of events), one
 * column per marker, colour = the centre on the marker's display scale.
 *
 * @throws {RangeError} when a centre's length differs from the marker count.
 * @example clusterHeatmapFigure({ markers: ['CD80'], clusters: [{ id: '1', annotation: 'M1', percent: 40, centre: [2.1] }] })
 */
export function clusterHeatmapFigure(input: ClusterHeatmapInput): PlotlyFigure {
  for (const c of input.clusters) {
    if (c.centre.length !== input.markers.length) {
      throw new RangeError(`cluster '${c.id}' has ${c.centre.length} centre values for ${input.markers.length} markers`);
    }
  }
  const rows = input.clusters.map((c) => `${plotlyText(c.id)}: ${plotlyText(c.annotation)} (${c.percent.toFixed(1)}%)`);
  return {
    data: [
      {
        type: 'heatmap',
        x: input.markers.map((m) => plotlyText(m)),
        y: rows,
        z: input.clusters.map((c) => c.centre.map((v) => round(v, 4))),
        colorscale: 'RdBu',
        reversescale: true,
        colorbar: { title: { text: 'centre (display units)', side: 'right' } },
        hovertemplate: '%{y}<br>%{x}: %{z}<extra></extra>',
      },
    ],
    layout: { margin: { l: 160, r: 10, t: 30, b: 60 }, yaxis: { autorange: 'reversed', type: 'category' }, xaxis: { type: 'category' } },
  };
}
