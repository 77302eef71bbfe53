import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Which plotly.js build to inline: `cartesian` (1.5 MB: bar, box, heatmap, histogram, scatter, ...) or `full` (4.8 MB, WebGL traces too). */
export type PlotlyBuild = 'cartesian' | 'full';

const FILES: Record<PlotlyBuild, string> = {
  cartesian: 'plotly.js-cartesian-dist-min/plotly-cartesian.min.js',
  full: 'plotly.js-dist-min/plotly.min.js',
};

const cache = new Map<PlotlyBuild, string>();

/**
 * Reads the plotly.js bundle shipped with @tamkit/report (the Node layer of this package: the only
 * place it reads a file). The report's figures need only the cartesian build.
 *
 * @example renderHtml(doc, { plotlyJs: plotlyBundle() })
 */
export function plotlyBundle(build: PlotlyBuild = 'cartesian'): string {
  let src = cache.get(build);
  if (src === undefined) {
    const path = createRequire(import.meta.url).resolve(FILES[build]);
    src = readFileSync(path, 'utf8');
    cache.set(build, src);
  }
  return src;
}
