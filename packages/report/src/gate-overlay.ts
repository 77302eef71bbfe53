import { plotlyText, round } from './plotly-figure.js';

/**
 * A gate drawn on its parent's plot, in the plot's display units (the adapter transforms gate
 * coordinates with the same display transform as the axes). `null` bounds are open (drawn to the
 * axis edge).
 */
export type GateOverlay =
  | { readonly kind: 'rectangle'; readonly label: string; readonly percentOfParent: number | null; readonly x: readonly [number | null, number | null]; readonly y: readonly [number | null, number | null] }
  | { readonly kind: 'polygon'; readonly label: string; readonly percentOfParent: number | null; readonly vertices: readonly (readonly [number, number])[] }
  | {
      readonly kind: 'ellipse';
      readonly label: string;
      readonly percentOfParent: number | null;
      readonly centre: readonly [number, number];
      /** 2 × 2 covariance [[sxx, sxy], [sxy, syy]] (Gating-ML 2.0 §5.3.4). */
      readonly covariance: readonly [readonly [number, number], readonly [number, number]];
      /** Squared Mahalanobis distance of the boundary. */
      readonly distanceSquared: number;
    }
  | {
      readonly kind: 'quadrant';
      readonly label: string;
      readonly x: number;
      readonly y: number;
      /** % of parent of the quadrants, in the order ++ (upper right), -+ (upper left), -- , +-. */
      readonly percents: readonly [number | null, number | null, number | null, number | null];
      readonly names?: readonly [string, string, string, string];
    }
  | { readonly kind: 'range'; readonly label: string; readonly percentOfParent: number | null; readonly x: readonly [number | null, number | null] };

/** Plotly shapes and annotations of the gates on one subplot. */
export interface OverlayParts {
  readonly shapes: Record<string, unknown>[];
  readonly annotations: Record<string, unknown>[];
}

/** `12.3%` (1 decimal), or `n/a`. @example formatPercent(12.345) // '12.3%' */
export function formatPercent(p: number | null): string {
  return p === null || !Number.isFinite(p) ? 'n/a' : `${p.toFixed(1)}%`;
}

const GATE_LINE = { color: '#C00000', width: 1.5 };

/**
 * Points on the boundary (x − c)ᵀ Σ⁻¹ (x − c) = d² of an ellipse: c + d·L·(cos t, sin t) with L the
 * Cholesky factor of Σ (L Lᵀ = Σ), `steps` points, first point repeated at the end.
 *
 * @throws {RangeError} when Σ is not positive definite or d² is not positive.
 * @example ellipsePoints([0, 0], [[4, 0], [0, 1]], 1, 4)[0] // [2, 0]
 */
export function ellipsePoints(
  centre: readonly [number, number],
  covariance: readonly [readonly [number, number], readonly [number, number]],
  distanceSquared: number,
  steps = 72,
): [number, number][] {
  const [[a, b], [, c]] = covariance;
  const l11 = Math.sqrt(a);
  const l21 = b / l11;
  const l22sq = c - l21 * l21;
  if (!(a > 0) || !(l22sq > 0) || !(distanceSquared > 0)) {
    throw new RangeError('ellipse covariance must be positive definite and distanceSquared positive');
  }
  const l22 = Math.sqrt(l22sq);
  const d = Math.sqrt(distanceSquared);
  const pts: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const t = (2 * Math.PI * (i % steps)) / steps;
    const u = Math.cos(t);
    const v = Math.sin(t);
    pts.push([centre[0] + d * l11 * u, centre[1] + d * (l21 * u + l22 * v)]);
  }
  return pts;
}

function pathOf(points: readonly (readonly [number, number])[]): string {
  return `${points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p[0], 5)},${round(p[1], 5)}`).join(' ')} Z`;
}

/**
 * Shapes and labelled annotations (name and % of parent) of gates drawn on the subplot with axes
 * `xref`/`yref` (e.g. 'x2', 'y2') and the given display ranges.
 *
 * @example gateOverlayParts([{ kind: 'range', label: 'CD14+', percentOfParent: 40, x: [1, null] }], 'x', 'y', [0, 4], [0, 1])
 */
export function gateOverlayParts(
  gates: readonly GateOverlay[],
  xref: string,
  yref: string,
  xRange: readonly [number, number],
  yRange: readonly [number, number],
): OverlayParts {
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  const label = (x: number, y: number, text: string, extra: Record<string, unknown> = {}): void => {
    annotations.push({ xref, yref, x: round(x, 5), y: round(y, 5), text, showarrow: false, font: { size: 11, color: '#C00000' }, bgcolor: 'rgba(255,255,255,0.7)', ...extra });
  };
  for (const g of gates) {
    const name = plotlyText(g.label);
    switch (g.kind) {
      case 'rectangle': {
        const x0 = g.x[0] ?? xRange[0];
        const x1 = g.x[1] ?? xRange[1];
        const y0 = g.y[0] ?? yRange[0];
        const y1 = g.y[1] ?? yRange[1];
        shapes.push({ type: 'rect', xref, yref, x0, x1, y0, y1, line: GATE_LINE });
        label((x0 + x1) / 2, y1, `${name} ${formatPercent(g.percentOfParent)}`, { yanchor: 'bottom' });
        break;
      }
      case 'polygon': {
        shapes.push({ type: 'path', xref, yref, path: pathOf(g.vertices), line: GATE_LINE });
        const cx = g.vertices.reduce((s, p) => s + p[0], 0) / Math.max(1, g.vertices.length);
        const top = Math.max(...g.vertices.map((p) => p[1]));
        label(cx, top, `${name} ${formatPercent(g.percentOfParent)}`, { yanchor: 'bottom' });
        break;
      }
      case 'ellipse': {
        const pts = ellipsePoints(g.centre, g.covariance, g.distanceSquared);
        shapes.push({ type: 'path', xref, yref, path: pathOf(pts.slice(0, -1)), line: GATE_LINE });
        label(g.centre[0], Math.max(...pts.map((p) => p[1])), `${name} ${formatPercent(g.percentOfParent)}`, { yanchor: 'bottom' });
        break;
      }
      case 'quadrant': {
        shapes.push({ type: 'line', xref, yref: `${yref} domain`, x0: g.x, x1: g.x, y0: 0, y1: 1, line: GATE_LINE });
        shapes.push({ type: 'line', xref: `${xref} domain`, yref, x0: 0, x1: 1, y0: g.y, y1: g.y, line: GATE_LINE });
        const names = g.names ?? ['++', '-+', '--', '+-'];
        // Corner labels in axis-domain units, so they sit inside the plot whatever the range.
        const corners: [number, number, string, string][] = [
          [0.99, 0.99, 'right', 'top'],
          [0.01, 0.99, 'left', 'top'],
          [0.01, 0.01, 'left', 'bottom'],
          [0.99, 0.01, 'right', 'bottom'],
        ];
        corners.forEach(([x, y, xanchor, yanchor], i) => {
          label(x, y, `${plotlyText(names[i]!)} ${formatPercent(g.percents[i] ?? null)}`, { xanchor, yanchor, xref: `${xref} domain`, yref: `${yref} domain` });
        });
        break;
      }
      case 'range': {
        const x0 = g.x[0] ?? xRange[0];
        const x1 = g.x[1] ?? xRange[1];
        for (const x of [g.x[0], g.x[1]]) {
          if (x !== null) {
            shapes.push({ type: 'line', xref, yref: `${yref} domain`, x0: x, x1: x, y0: 0, y1: 1, line: { ...GATE_LINE, dash: 'dash' } });
          }
        }
        shapes.push({ type: 'line', xref, yref: `${yref} domain`, x0, x1, y0: 0.93, y1: 0.93, line: GATE_LINE });
        // An open-ended range is labelled from its open end inwards (in axis-domain units, just inside
        // the plot edge: Plotly hides data-placed annotations off the axis range), so the label stays
        // in the plot however narrow the visible part is; a closed range is labelled at its middle.
        const open = g.x[1] === null ? 'right' : g.x[0] === null ? 'left' : null;
        const text = `${name} ${formatPercent(g.percentOfParent)}`;
        if (open === null) {
          label((x0 + x1) / 2, 0.99, text, { yanchor: 'top', yref: `${yref} domain` });
        } else {
          label(open === 'right' ? 0.99 : 0.01, 0.99, text, { yanchor: 'top', xanchor: open, xref: `${xref} domain`, yref: `${yref} domain` });
        }
        break;
      }
    }
  }
  return { shapes, annotations };
}
