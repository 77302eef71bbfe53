import { describe, expect, it } from 'vitest';
import { ellipsePoints, gateOverlayParts, gatingHierarchyFigure, markerHistogramFigure, sampleFlowFigure } from '../src/index.js';
import type { Binned2d } from '../src/index.js';

const density: Binned2d = { xRange: [0, 4], yRange: [0, 4], xBins: 2, yBins: 2, counts: [[0, 10], [1, 100]], total: 111, outside: 0, nan: 0 };

describe('ellipsePoints', () => {
  it('puts the axis ends at c ± d·σ for a diagonal covariance (hand-derived)', () => {
    // Σ = diag(4, 1), d² = 1: L = diag(2, 1), so t = 0, π/2, π, 3π/2 give (±2, 0) and (0, ±1) around c.
    const p = ellipsePoints([10, 20], [[4, 0], [0, 1]], 1, 4);
    expect(p.map(([x, y]) => [Number(x.toFixed(12)), Number(y.toFixed(12))])).toEqual([
      [12, 20],
      [10, 21],
      [8, 20],
      [10, 19],
      [12, 20],
    ]);
  });
  it('puts every point on the boundary (x − c)ᵀ Σ⁻¹ (x − c) = d² (checked with the explicit inverse)', () => {
    const cov: [[number, number], [number, number]] = [[3, 1.2], [1.2, 2]];
    const det = 3 * 2 - 1.2 * 1.2;
    for (const [x, y] of ellipsePoints([1, -1], cov, 6.25, 36)) {
      const dx = x - 1;
      const dy = y + 1;
      const m = (2 * dx * dx - 2 * 1.2 * dx * dy + 3 * dy * dy) / det;
      expect(m).toBeCloseTo(6.25, 10);
    }
  });
  it('rejects a covariance that is not positive definite', () => {
    expect(() => ellipsePoints([0, 0], [[1, 2], [2, 1]], 1)).toThrow(RangeError);
  });
});

describe('gateOverlayParts', () => {
  it('draws an open rectangle to the axis edge and labels it with its % of parent', () => {
    const parts = gateOverlayParts([{ kind: 'rectangle', label: 'Live <dead>', percentOfParent: 81.26, x: [1, null], y: [null, 2] }], 'x2', 'y2', [0, 4], [-1, 3]);
    expect(parts.shapes).toEqual([{ type: 'rect', xref: 'x2', yref: 'y2', x0: 1, x1: 4, y0: -1, y1: 2, line: { color: '#C00000', width: 1.5 } }]);
    expect(parts.annotations[0]).toMatchObject({ text: 'Live &lt;dead&gt; 81.3%', x: 2.5, y: 2 });
  });
  it('draws quadrant lines across the plot and the four percentages in the corners', () => {
    const parts = gateOverlayParts([{ kind: 'quadrant', label: 'Q', x: 2, y: 1, percents: [10, 20, 30, 40] }], 'x', 'y', [0, 4], [0, 4]);
    expect(parts.shapes).toHaveLength(2);
    expect(parts.annotations.map((a) => a.text)).toEqual(['++ 10.0%', '-+ 20.0%', '-- 30.0%', '+- 40.0%']);
  });
  it('closes polygon paths', () => {
    const parts = gateOverlayParts([{ kind: 'polygon', label: 'P', percentOfParent: null, vertices: [[0, 0], [1, 0], [1, 1]] }], 'x', 'y', [0, 1], [0, 1]);
    expect(parts.shapes[0]).toMatchObject({ type: 'path', path: 'M0,0 L1,0 L1,1 Z' });
    expect(parts.annotations[0]!.text).toBe('P n/a');
    // Range labels: an open end anchors the label just inside the plot at that end (axis-domain
    // units); a closed range at its middle (data units).
    const ranges = gateOverlayParts(
      [
        { kind: 'range', label: 'Hi', percentOfParent: 10, x: [3, null] },
        { kind: 'range', label: 'Lo', percentOfParent: 20, x: [null, 1] },
        { kind: 'range', label: 'Mid', percentOfParent: 30, x: [1, 3] },
      ],
      'x',
      'y',
      [0, 4],
      [0, 1],
    );
    expect(ranges.annotations.map((a) => [a.x, a.xanchor, a.xref])).toEqual([
      [0.99, 'right', 'x domain'],
      [0.01, 'left', 'x domain'],
      [2, undefined, 'x'],
    ]);
  });
});

describe('gatingHierarchyFigure', () => {
  it('builds one heatmap per panel on its own axes, with log10 densities and empty bins blank', () => {
    const fig = gatingHierarchyFigure([
      { population: 'All', x: { label: 'FSC-A', range: [0, 4] }, y: { label: 'SSC-A', range: [0, 4] }, density, gates: [{ kind: 'range', label: 'R', percentOfParent: 50, x: [2, null] }] },
      { population: 'R', x: { label: 'CD80', range: [0, 4], ticks: { tickvals: [0, 2], ticktext: ['0', '10²'] } }, y: { label: 'CD206', range: [0, 4] }, density, gates: [] },
    ]);
    expect(fig.data.map((t) => [t.type, t.xaxis, t.yaxis])).toEqual([
      ['heatmap', 'x', 'y'],
      ['heatmap', 'x2', 'y2'],
    ]);
    // log10 of 10, 1 and 100 are 1, 0 and 2; a zero count has no log and is left blank (null).
    expect(fig.data[0]!.z).toEqual([[null, 1], [0, 2]]);
    expect(fig.data[0]!.x).toEqual([1, 3]);
    expect(fig.layout.xaxis2).toMatchInlineSnapshot(`
      {
        "anchor": "y2",
        "domain": [
          0.5325,
          0.9675,
        ],
        "range": [
          0,
          4,
        ],
        "tickmode": "array",
        "ticktext": [
          "0",
          "10²",
        ],
        "tickvals": [
          0,
          2,
        ],
        "title": {
          "font": {
            "size": 11,
          },
          "text": "CD80",
        },
        "zeroline": false,
      }
    `);
  });
  it('says how many events a subsampled scatter shows', () => {
    const fig = gatingHierarchyFigure([{ population: 'All', x: { label: 'a', range: [0, 1] }, y: { label: 'b', range: [0, 1] }, scatter: { x: [0.1, 0.2], y: [0.3, 0.4], of: 1000, seed: 3 }, gates: [] }]);
    expect(fig.data[0]!.type).toBe('scatter');
    expect(JSON.stringify(fig.layout.annotations)).toContain('(2 of 1000 events)');
  });
  it('needs a panel', () => {
    expect(() => gatingHierarchyFigure([])).toThrowErrorMatchingInlineSnapshot(`[RangeError: gatingHierarchyFigure needs at least one panel]`);
  });
});

describe('markerHistogramFigure', () => {
  it('draws sample and control as % of their own events, and the threshold line', () => {
    const fig = markerHistogramFigure({
      marker: 'CD80',
      axis: { label: 'CD80', range: [0, 4] },
      sample: { label: 'S1', histogram: { range: [0, 4], counts: [1, 3, 0, 4], total: 8, outside: 0, nan: 0 } },
      control: { label: 'FMO', histogram: { range: [0, 4], counts: [2, 2, 0, 0], total: 4, outside: 0, nan: 0 } },
      threshold: { position: 2.5, label: '1 000' },
    });
    // 1, 3, 0, 4 of 8 events = 12.5, 37.5, 0, 50 %; 2, 2 of 4 = 50, 50 %.
    expect(fig.data[0]!.y).toEqual([12.5, 37.5, 0, 50]);
    expect(fig.data[1]!.y).toEqual([50, 50, 0, 0]);
    expect(fig.layout.shapes).toEqual([{ type: 'line', xref: 'x', yref: 'y domain', x0: 2.5, x1: 2.5, y0: 0, y1: 1, line: { color: '#C00000', width: 1.5 } }]);
  });
});

describe('sampleFlowFigure', () => {
  it('puts the hierarchy on the top row and the histograms on their own axes in the bottom row', () => {
    const h = { range: [0, 4] as [number, number], counts: [1, 1], total: 2, outside: 0, nan: 0 };
    const hist = (marker: string) => ({ marker, axis: { label: marker, range: [0, 4] as [number, number] }, sample: { label: 'S1', histogram: h }, control: { label: 'FMO', histogram: h }, threshold: { position: 1, label: 't' } });
    const fig = sampleFlowFigure([{ population: 'All', x: { label: 'a', range: [0, 4] }, y: { label: 'b', range: [0, 4] }, density, gates: [] }], [hist('CD80'), hist('CD206')]);
    // 1 heatmap + 2 × (sample + control) traces, on axes 1, 2, 2, 3, 3.
    expect(fig.data.map((t) => [t.type, t.xaxis])).toEqual([
      ['heatmap', 'x'],
      ['scatter', 'x2'],
      ['scatter', 'x2'],
      ['scatter', 'x3'],
      ['scatter', 'x3'],
    ]);
    expect([fig.layout.yaxis, fig.layout.yaxis2, fig.layout.yaxis3].map((a) => (a as { domain: number[] }).domain)).toEqual([
      [0.58, 1],
      [0, 0.36],
      [0, 0.36],
    ]);
    expect((fig.layout.xaxis3 as { domain: number[] }).domain).toEqual([0.525, 0.975]);
    expect((fig.layout.shapes as { xref: string }[]).map((s) => s.xref)).toEqual(['x2', 'x3']);
  });
});
