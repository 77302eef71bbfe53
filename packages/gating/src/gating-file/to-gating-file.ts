import { Document, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import { isRatioDimension, type BoundedDimension, type Dimension, type GateSpec } from '../gates/gate-spec.js';
import type { GatingStrategy } from '../strategy/gating-strategy.js';
import { validateStrategy } from '../strategy/validate-strategy.js';

/** Options of {@link toGatingFile}. */
export interface GatingFileOptions {
  /** Output syntax. */
  readonly format?: 'yaml' | 'json';
}

/** Defaults of {@link GatingFileOptions}. */
export const GATING_FILE_DEFAULTS: Required<GatingFileOptions> = { format: 'yaml' };

/**
 * Writes a strategy as tamkit's gating file (YAML by default, or JSON), the inverse of
 * `parseGatingFile`: gates are listed flat with `parent`, a dimension read with the default
 * compensation (`FCS`) and no transform is written as its bare channel name.
 *
 * @throws {StrategyError} / {GateSpecError} when the strategy is invalid
 * @example
 * toGatingFile(parseGatingML(xml)); // 'version: 1\ntransforms: ...'
 */
export function toGatingFile(strategy: GatingStrategy, options: GatingFileOptions = {}): string {
  const { format } = { ...GATING_FILE_DEFAULTS, ...options };
  validateStrategy(strategy);
  const doc = {
    version: 1,
    ...(Object.keys(strategy.transforms).length ? { transforms: strategy.transforms } : {}),
    ...(Object.keys(strategy.matrices).length
      ? {
          compensation: Object.fromEntries(
            Object.entries(strategy.matrices).map(([id, m]) => {
              const n = m.detectors.length;
              return [
                id,
                {
                  detectors: m.detectors,
                  ...(m.fluorochromes ? { fluorochromes: m.fluorochromes } : {}),
                  values: Array.from({ length: n }, (_, r) => Array.from(m.values.subarray(r * n, r * n + n))),
                  ...(m.inverted ? { inverted: true } : {}),
                },
              ];
            }),
          ),
        }
      : {}),
    gates: strategy.gates.map((node) => ({
      id: node.id,
      ...(node.name === undefined ? {} : { name: node.name }),
      ...(node.parent === undefined ? {} : { parent: node.parent }),
      ...gateFields(node.gate),
    })),
  };
  if (format === 'json') {
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
  // Compact YAML: lists of numbers, transform parameters and single-line dimensions in flow style.
  const yaml = new Document(doc);
  visit(yaml, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item) || (isSeq(item) && item.items.every((i) => isScalar(i))))) {
        node.flow = true;
      }
    },
    Map(_, node, path) {
      const parent = path[path.length - 1];
      const owner = path[path.length - 3];
      const underTransforms = isPair(parent) && isPair(owner) && isScalar(owner.key) && owner.key.value === 'transforms';
      const dimensionLike = isPair(parent) && isScalar(parent.key) && ['dimension', 'positions', 'ratio'].includes(String(parent.key.value));
      if (underTransforms || dimensionLike || (isSeq(parent) && node.items.every((p) => isScalar(p.value)))) {
        node.flow = isMap(node);
      }
    },
  });
  return yaml.toString({ lineWidth: 0 });
}

function dimension(d: Dimension | BoundedDimension): unknown {
  const bounds = d as BoundedDimension;
  const extra = {
    ...(d.compensation === 'FCS' ? {} : { compensation: d.compensation }),
    ...(d.transform === undefined ? {} : { transform: d.transform }),
    ...(bounds.min === undefined ? {} : { min: bounds.min }),
    ...(bounds.max === undefined ? {} : { max: bounds.max }),
  };
  if (isRatioDimension(d)) {
    return { ratio: d.ratio, ...extra };
  }
  return Object.keys(extra).length === 0 ? d.channel : { channel: d.channel, ...extra };
}

function gateFields(gate: GateSpec): Record<string, unknown> {
  switch (gate.kind) {
    case 'range': {
      const [d] = gate.dimensions;
      const { min, max, ...dim } = d;
      return { kind: 'range', dimension: dimension(dim), ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
    }
    case 'rectangle':
      return { kind: 'rectangle', dimensions: gate.dimensions.map(dimension) };
    case 'polygon':
      return { kind: 'polygon', dimensions: gate.dimensions.map(dimension), vertices: gate.vertices };
    case 'ellipse':
    case 'ellipsoid':
      return { kind: gate.kind, dimensions: gate.dimensions.map(dimension), mean: gate.mean, covariance: gate.covariance, distanceSquare: gate.distanceSquare };
    case 'quadrant':
      return {
        kind: 'quadrant',
        dividers: gate.dividers.map((d) => ({ id: d.id, dimension: dimension(d.dimension), cuts: d.cuts })),
        quadrants: gate.quadrants.map((q) => ({ id: q.id, positions: Object.fromEntries(q.positions.map((p) => [p.divider, p.location])) })),
      };
    case 'boolean':
      return { kind: 'boolean', op: gate.op, operands: gate.operands.map((o) => (o.complement ? { ref: o.ref, complement: true } : o.ref)) };
  }
}
