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
    // One subplot group, with x ticks every 2 (about one per 70 px of 140).
    expect(svg.match(/class="tk-subplot"/g)).toHaveLength(1);
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

  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
