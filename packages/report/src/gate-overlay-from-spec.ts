import type { GateSpec } from '@tamkit/gating';
import { ellipsePoints } from './gate-overlay.js';
import type { GateOverlay } from './gate-overlay.js';

/** Display transforms of a plot's axes (data → display units), e.g. `createTransform(spec).apply`. */
export interface AxisTransforms {
  readonly x: (value: number) => number;
  readonly y: (value: number) => number;
}

const identity = (v: number): number => v;

function bound(v: number | undefined, f: (v: number) => number): number | null {
  return v === undefined ? null : f(v);
}

/**
 * The outline of a gate spec (@tamkit/gating) on its parent's plot, in display units: bounds and
 * vertices go through the axes' display transforms; an ellipse's boundary is traced in the gate's own
 * coordinates (Gating-ML 2.0 §5.3.4) and each point transformed, so it is drawn as a polygon when the
 * display transform is not linear. Boolean gates have no outline (null). Quadrant percentages are
 * given in the order of `quadrantPercents` (++, -+, --, +-), with the first cut of each divider.
 *
 * @example gateOverlayFromSpec('Live', spec, { x: t.apply, y: t.apply }, 81.2)
 */
export function gateOverlayFromSpec(
  label: string,
  spec: GateSpec,
  axes: Partial<AxisTransforms> = {},
  percentOfParent: number | null = null,
  quadrantPercents: readonly [number | null, number | null, number | null, number | null] = [null, null, null, null],
): GateOverlay | null {
  const fx = axes.x ?? identity;
  const fy = axes.y ?? identity;
  switch (spec.kind) {
    case 'range':
      return { kind: 'range', label, percentOfParent, x: [bound(spec.dimensions[0].min, fx), bound(spec.dimensions[0].max, fx)] };
    case 'rectangle': {
      const [dx, dy] = spec.dimensions;
      if (dx === undefined) {
        return null;
      }
      if (dy === undefined) {
        return { kind: 'range', label, percentOfParent, x: [bound(dx.min, fx), bound(dx.max, fx)] };
      }
      return { kind: 'rectangle', label, percentOfParent, x: [bound(dx.min, fx), bound(dx.max, fx)], y: [bound(dy.min, fy), bound(dy.max, fy)] };
    }
    case 'polygon':
      return { kind: 'polygon', label, percentOfParent, vertices: spec.vertices.map(([x, y]) => [fx(x), fy(y)] as const) };
    case 'ellipse':
    case 'ellipsoid': {
      const [mx, my] = spec.mean;
      const c = spec.covariance;
      if (spec.dimensions.length !== 2 || mx === undefined || my === undefined || c[0]?.[0] === undefined || c[0][1] === undefined || c[1]?.[1] === undefined) {
        return null;
      }
      const pts = ellipsePoints([mx, my], [[c[0][0], c[0][1]], [c[0][1], c[1][1]]], spec.distanceSquare);
      return { kind: 'polygon', label, percentOfParent, vertices: pts.slice(0, -1).map(([x, y]) => [fx(x), fy(y)] as const) };
    }
    case 'quadrant': {
      const [dx, dy] = spec.dividers;
      const cx = dx?.cuts[0];
      const cy = dy?.cuts[0];
      if (cx === undefined || cy === undefined) {
        return null;
      }
      return { kind: 'quadrant', label, x: fx(cx), y: fy(cy), percents: quadrantPercents };
    }
    case 'boolean':
      return null;
  }
}
