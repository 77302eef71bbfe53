import { describe, expect, it } from 'vitest';
import { escapeXml, renderHtml, staticFigureSvg } from '../src/index.js';
import type { PlotlyFigure } from '../src/index.js';
import { HOSTILE, syntheticReport } from './synthetic-report.js';

/** A 200 × 150 drawing with margins 50/10/50/50: the plot area spans x 50..190 and y 50..100. */
const FIGURE: PlotlyFigure = {
  data: [{ type: 'scatter', mode: 'lines', x: [0, 10], y: [0, 4], line: { color: '#0072B2' } }],
  layout: {
    margin: { l: 50, r: 10, t: 50, b: 50 },
    xaxis: { range: [0, 10], title: { text: 'FL1-A &lt;x&gt;' } },
    yaxis: { range: [0, 4] },
    shapes: [{ type: 'line', xref: 'x', yref: 'y domain', x0: 5, x1: 5, y0: 0, y1: 1, line: { color: '#C00000' } }],
    annotations: [{ xref: 'x', yref: 'y', x: 5, y: 2, text: '<b>Cells</b> 84.7%', showarrow: false }],
  },
};

describe('staticFigureSvg', () => {
  it('maps data units to the plot area of the layout margins', () => {
    const svg = staticFigureSvg(FIGURE, { width: 200, height: 150 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('viewBox="0 0 200 150"');
    // x = 5 of [0, 10] over 50..190 is 120; the line spans the y domain, 100 (bottom) to 50 (top).
    expect(svg).toContain('<line x1="120" x2="120" y1="100" y2="50"');
    // The trace from (0, 0) to (10, 4): pixel (50, 100) to (190, 50).
    expect(svg).toContain('d="M50,100L190,50"');
    // The annotation at (5, 2) is at pixel (120, 75), bold, its tags dropped.
    expect(svg).toMatch(/<text x="120" y="[\d.]+" font-size="12" fill="#444" font-weight="bold"[^>]*>Cells 84.7%<\/text>/);
    // Plotly entities become text, written again with XML escapes.
    expect(svg).toContain('>FL1-A &lt;x&gt;</text>');
    // One subplot group.
    expect(svg.match(/class="tk-subplot"/g)).toHaveLength(1);
    // The grid is one path, ticks as Plotly places them: nt = clamp(length / 80 (x) or 40 (y), 4, 9)
    // + 1 = 5 on both axes here; x: 10 / 5 = 2, rounded up strictly to 5: ticks 0, 5, 10 at 50, 120,
    // 190. y: 4 / 5 = 0.8 = 8 × 0.1, rounded up to 10 × 0.1 = 1: ticks 0..4 at 100, 87.5, ..., 50.
    expect(svg).toContain(
      '<path d="M50,50V100M120,50V100M190,50V100M50,100H190M50,87.5H190M50,75H190M50,62.5H190M50,50H190" fill="none" stroke="#eee"/>',
    );
    // Tick labels in one group per axis, 14 px under the x axis and 4 px left of the y axis.
    expect(svg).toContain('<g font-size="11" fill="#444" text-anchor="middle"><text x="50" y="114">0</text><text x="120" y="114">5</text><text x="190" y="114">10</text></g>');
    expect(svg).toContain('<g font-size="11" fill="#444" text-anchor="end"><text x="46" y="104">0</text><text x="46" y="91.5">1</text>');
  });

  it('labels ticks with one SI suffix per axis, as Plotly does', () => {
    const labels = (hi: number): string[] => {
      const svg = staticFigureSvg({ data: [], layout: { margin: { l: 50, r: 10, t: 50, b: 50 }, xaxis: { range: [0, 1] }, yaxis: { range: [0, hi] } } }, { width: 200, height: 300 });
      return [...svg.matchAll(/<text x="46" y="[\d.]+">([^<]*)<\/text>/g)].map((m) => m[1]!);
    };
    // 200 px of y axis: nt = 200 / 40 + 1 = 6. 0..23 664: step 3944 → 5000; the larger end has 5
    // digits (exponent 4 > 3), so every label is in thousands, 5000 included.
    expect(labels(23_664)).toEqual(['0', '5k', '10k', '15k', '20k']);
    // 0..9000: step 1500 → 2000; 4 digits (exponent 3): no suffix.
    expect(labels(9000)).toEqual(['0', '2000', '4000', '6000', '8000']);
    // 0..2.5: step 0.42 → 0.5.
    expect(labels(2.5)).toEqual(['0', '0.5', '1', '1.5', '2', '2.5']);
  });

  it('escapes every name from the inputs in the report as XML text', () => {
    const doc = syntheticReport({ samples: 1, eventsPerSample: 500, seed: 3, hostile: true });
    const html = renderHtml(doc, { plotlyJs: '' });
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain(escapeXml(HOSTILE.marker));
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('onerror="');
    // The only URIs are the density images.
    expect(svg.match(/href="[^"]*"/g)?.every((h) => h.startsWith('href="data:image/png;base64,'))).toBe(true);
  });

  it('carries its title for screen readers, escaped', () => {
    const svg = staticFigureSvg(FIGURE, { width: 200, height: 150, label: 'S1 <b> "gating"' });
    expect(svg).toContain('role="img" aria-label="S1 &lt;b&gt; &quot;gating&quot;"><title>S1 &lt;b&gt; &quot;gating&quot;</title>');
  });

  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
