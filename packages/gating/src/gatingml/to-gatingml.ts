import { GatingMLError } from '../errors.js';
import { isRatioDimension, type BoundedDimension, type Dimension, type GateSpec, type RatioSpec } from '../gates/gate-spec.js';
import type { GatingStrategy } from '../strategy/gating-strategy.js';
import { validateStrategy } from '../strategy/validate-strategy.js';
import type { TransformBounds, TransformSpec } from '../transforms/transform-spec.js';
import { DATATYPE_NS, GATING_NS, TRANSFORMS_NS } from './xml-helpers.js';

/**
 * Exports a strategy as a Gating-ML 2.0 document that validates against the three Gating-ML 2.0 XSDs.
 * Ratio dimensions become `transforms:fratio` transformations (their `ratio.id`, or a generated one);
 * transform and ratio bounds become the transformation's `transforms:boundMin`/`boundMax`; range
 * gates become one-dimensional RectangleGates. Ids that are not XML names (e.g. `CD11b+`) are
 * rewritten to valid, unique ones (`CD11b_`) and the original kept as `gating:name`.
 * Numbers are written with JavaScript's shortest round-trip form, so import → export → import
 * reproduces every coordinate exactly.
 *
 * @throws {GatingMLError} `GATINGML_UNSUPPORTED` for what Gating-ML cannot express (a `flowjo-biex`
 *   transform, a matrix of fewer than 2 detectors), context `{ source: 'export', element, gateId? }`
 * @throws {StrategyError} / {GateSpecError} when the strategy is invalid
 * @example
 * const xml = toGatingML(parseGatingML(text));
 */
export function toGatingML(strategy: GatingStrategy): string {
  validateStrategy(strategy);
  const ids = new IdMap();
  for (const id of Object.keys(strategy.matrices)) {
    ids.reserve(`m:${id}`, id);
  }
  for (const id of Object.keys(strategy.transforms)) {
    ids.reserve(`t:${id}`, id);
  }
  for (const g of strategy.gates) {
    ids.reserve(`p:${g.id}`, g.id);
    if (g.gate.kind === 'quadrant') {
      g.gate.quadrants.forEach((q) => ids.reserve(`p:${q.id}`, q.id));
      g.gate.dividers.forEach((d) => ids.reserve(`d:${g.id}:${d.id}`, d.id));
    }
  }
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gating:Gating-ML xmlns:gating="${GATING_NS}" xmlns:transforms="${TRANSFORMS_NS}" xmlns:data-type="${DATATYPE_NS}">`,
  ];
  for (const [id, m] of Object.entries(strategy.matrices)) {
    const n = m.detectors.length;
    if (n < 2) {
      throw unsupported('transforms:spectrumMatrix', `matrix '${id}' has ${n} detector; Gating-ML needs at least 2`);
    }
    const names = (list: readonly string[]): string =>
      list.map((d) => `<data-type:fcs-dimension data-type:name="${esc(d)}"/>`).join('');
    lines.push(`  <transforms:spectrumMatrix transforms:id="${ids.get(`m:${id}`)}"${m.inverted ? ' transforms:matrix-inverted-already="true"' : ''}>`);
    lines.push(`    <transforms:fluorochromes>${names(m.fluorochromes ?? m.detectors)}</transforms:fluorochromes>`);
    lines.push(`    <transforms:detectors>${names(m.detectors)}</transforms:detectors>`);
    for (let r = 0; r < n; r++) {
      const row = Array.from(m.values.subarray(r * n, r * n + n), (v) => `<transforms:coefficient transforms:value="${num(v)}"/>`);
      lines.push(`    <transforms:spectrum>${row.join('')}</transforms:spectrum>`);
    }
    lines.push('  </transforms:spectrumMatrix>');
  }
  for (const [id, spec] of Object.entries(strategy.transforms)) {
    const xml = transformXml(id, spec);
    const bounded = spec.kind === 'flowjo-biex' ? '' : boundAttrs(spec);
    lines.push(`  <transforms:transformation transforms:id="${ids.get(`t:${id}`)}"${bounded}>${xml}</transforms:transformation>`);
  }
  const ratioIds = new Map<string, string>();
  const ratioId = (r: RatioSpec): string => {
    const key = JSON.stringify([r.x, r.y, r.a, r.b, r.c, r.boundMin ?? null, r.boundMax ?? null, r.id ?? '']);
    let id = ratioIds.get(key);
    if (!id) {
      id = ids.reserve(`r:${key}`, r.id ?? `ratio_${r.x}_${r.y}`);
      ratioIds.set(key, id);
      const x = `<data-type:fcs-dimension data-type:name="${esc(r.x)}"/><data-type:fcs-dimension data-type:name="${esc(r.y)}"/>`;
      lines.push(`  <transforms:transformation transforms:id="${id}"${boundAttrs(r)}><transforms:fratio transforms:A="${num(r.a)}" transforms:B="${num(r.b)}" transforms:C="${num(r.c)}">${x}</transforms:fratio></transforms:transformation>`);
    }
    return id;
  };
  const dim = (tag: string, d: Dimension, extra = '', body = ''): string => {
    const t = d.transform === undefined ? '' : ` gating:transformation-ref="${ids.get(`t:${d.transform}`)}"`;
    const inner = isRatioDimension(d)
      ? `<data-type:new-dimension data-type:transformation-ref="${ratioId(d.ratio)}"/>`
      : `<data-type:fcs-dimension data-type:name="${esc(d.channel)}"/>`;
    return `<gating:${tag}${extra} gating:compensation-ref="${esc(d.compensation)}"${t}>${inner}${body}</gating:${tag}>`;
  };
  for (const node of strategy.gates) {
    const gid = ids.get(`p:${node.id}`);
    const name = node.name ?? (gid === node.id ? undefined : node.id);
    const attrs = `gating:id="${gid}"${node.parent === undefined ? '' : ` gating:parent_id="${ids.get(`p:${node.parent}`)}"`}${name === undefined ? '' : ` gating:name="${esc(name)}"`}`;
    const body = gateBody(node.id, node.gate, dim, (k) => ids.get(k));
    lines.push(`  <gating:${body.element} ${attrs}>`, ...body.lines.map((l) => `    ${l}`), `  </gating:${body.element}>`);
  }
  lines.push('</gating:Gating-ML>', '');
  return lines.join('\n');
}

type DimWriter = (tag: string, d: Dimension, extra?: string, body?: string) => string;

function gateBody(gateId: string, gate: GateSpec, dim: DimWriter, id: (key: string) => string): { element: string; lines: string[] } {
  const coord = (v: number, tag = 'coordinate'): string => `<gating:${tag} data-type:value="${num(v)}"/>`;
  switch (gate.kind) {
    case 'range':
    case 'rectangle':
      return { element: 'RectangleGate', lines: gate.dimensions.map((d: BoundedDimension) => dim('dimension', d, bounds(d))) };
    case 'polygon':
      return {
        element: 'PolygonGate',
        lines: [...gate.dimensions.map((d) => dim('dimension', d)), ...gate.vertices.map((v) => `<gating:vertex>${coord(v[0])}${coord(v[1])}</gating:vertex>`)],
      };
    case 'ellipse':
    case 'ellipsoid':
      return {
        element: 'EllipsoidGate',
        lines: [
          ...gate.dimensions.map((d) => dim('dimension', d)),
          `<gating:mean>${gate.mean.map((v) => coord(v)).join('')}</gating:mean>`,
          `<gating:covarianceMatrix>${gate.covariance.map((row) => `<gating:row>${row.map((v) => coord(v, 'entry')).join('')}</gating:row>`).join('')}</gating:covarianceMatrix>`,
          `<gating:distanceSquare data-type:value="${num(gate.distanceSquare)}"/>`,
        ],
      };
    case 'quadrant':
      return {
        element: 'QuadrantGate',
        lines: [
          ...gate.dividers.map((d) => dim('divider', d.dimension, ` gating:id="${id(`d:${gateId}:${d.id}`)}"`, d.cuts.map((c) => `<gating:value>${num(c)}</gating:value>`).join(''))),
          ...gate.quadrants.map(
            (q) => `<gating:Quadrant gating:id="${id(`p:${q.id}`)}">${q.positions.map((p) => `<gating:position gating:divider_ref="${id(`d:${gateId}:${p.divider}`)}" gating:location="${num(p.location)}"/>`).join('')}</gating:Quadrant>`,
          ),
        ],
      };
    case 'boolean':
      return {
        element: 'BooleanGate',
        lines: [
          `<gating:${gate.op}>${gate.operands.map((o) => `<gating:gateReference gating:ref="${id(`p:${o.ref}`)}"${o.complement ? ' gating:use-as-complement="true"' : ''}/>`).join('')}</gating:${gate.op}>`,
        ],
      };
  }
}

function bounds(d: BoundedDimension): string {
  return `${d.min === undefined ? '' : ` gating:min="${num(d.min)}"`}${d.max === undefined ? '' : ` gating:max="${num(d.max)}"`}`;
}

/** `transforms:boundMin`/`boundMax` attributes of a transformation, when the spec has them. */
function boundAttrs(b: TransformBounds): string {
  return `${b.boundMin === undefined ? '' : ` transforms:boundMin="${num(b.boundMin)}"`}${b.boundMax === undefined ? '' : ` transforms:boundMax="${num(b.boundMax)}"`}`;
}

function transformXml(id: string, spec: TransformSpec): string {
  switch (spec.kind) {
    case 'linear':
      return `<transforms:flin transforms:T="${num(spec.t)}" transforms:A="${num(spec.a)}"/>`;
    case 'log':
      return `<transforms:flog transforms:T="${num(spec.t)}" transforms:M="${num(spec.m)}"/>`;
    case 'asinh':
      return `<transforms:fasinh transforms:T="${num(spec.t)}" transforms:M="${num(spec.m)}" transforms:A="${num(spec.a)}"/>`;
    case 'logicle':
    case 'hyperlog':
      return `<transforms:${spec.kind} transforms:T="${num(spec.t)}" transforms:W="${num(spec.w)}" transforms:M="${num(spec.m)}" transforms:A="${num(spec.a)}"/>`;
    default:
      throw unsupported('transforms:transformation', `transform '${id}' is ${spec.kind}, which Gating-ML 2.0 cannot express; use logicle or another Gating-ML transform`);
  }
}

function unsupported(element: string, what: string): GatingMLError {
  return new GatingMLError('GATINGML_UNSUPPORTED', `export: ${what}`, { source: 'export', element });
}

/** xs:double text: shortest round-trip decimal; ±∞ as INF/-INF. */
function num(v: number): string {
  return v === Infinity ? 'INF' : v === -Infinity ? '-INF' : Object.is(v, -0) ? '-0' : String(v);
}

function esc(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;').replaceAll('>', '&gt;');
}

/** Maps tamkit ids to unique XML NCNames (Gating-ML ids share one ID space). */
class IdMap {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  reserve(key: string, wanted: string): string {
    const existing = this.byKey.get(key);
    if (existing) {
      return existing;
    }
    let base = wanted.replace(/[^A-Za-z0-9._-]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) {
      base = `_${base}`;
    }
    let id = base;
    for (let k = 2; this.used.has(id); k++) {
      id = `${base}_${k}`;
    }
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }

  get(key: string): string {
    const id = this.byKey.get(key);
    if (id === undefined) {
      throw new RangeError(`no XML id reserved for ${key}`);
    }
    return id;
  }
}
