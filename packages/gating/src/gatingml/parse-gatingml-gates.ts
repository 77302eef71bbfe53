import type { Element } from '@xmldom/xmldom';
import type {
  BooleanOperand,
  BoundedDimension,
  Dimension,
  GateSpec,
  QuadrantDivider,
  RatioSpec,
} from '../gates/gate-spec.js';
import {
  DATATYPE_NS,
  GATING_NS,
  attr,
  booleanAttr,
  childElements,
  children,
  isElement,
  numberAttr,
  optionalNumberAttr,
  parseDouble,
  requiredAttr,
  xmlError,
  type XmlContext,
} from './xml-helpers.js';

/** Gate-parsing context: the document and its ratio (`fratio`) transformations by id. */
export interface GateContext extends XmlContext {
  readonly ratios: ReadonlyMap<string, RatioSpec>;
  /** Ids of the document's non-ratio transformations. */
  readonly transformIds: ReadonlySet<string>;
}

/** Reads one gate element (RectangleGate, PolygonGate, EllipsoidGate, QuadrantGate, BooleanGate). */
export function parseGateElement(ctx: GateContext, el: Element, gateId: string): GateSpec {
  switch (el.localName) {
    case 'RectangleGate': {
      const dims = children(el, GATING_NS, 'dimension').map((d) => boundedDimension(ctx, d, gateId));
      if (dims.length === 0) {
        throw xmlError(ctx, 'GATINGML_MISSING', el, gateId, 'expected at least 1 gating:dimension');
      }
      return dims.length === 1 ? { kind: 'range', dimensions: [dims[0]!] } : { kind: 'rectangle', dimensions: dims };
    }
    case 'PolygonGate': {
      const dims = children(el, GATING_NS, 'dimension').map((d) => dimension(ctx, d, gateId));
      if (dims.length !== 2) {
        throw xmlError(ctx, 'GATINGML_INVALID', el, gateId, `expected 2 gating:dimension elements, found ${dims.length}`);
      }
      const vertices = children(el, GATING_NS, 'vertex').map((v) => {
        const c = coordinates(ctx, v, gateId);
        if (c.length !== 2) {
          throw xmlError(ctx, 'GATINGML_INVALID', v, gateId, `expected 2 coordinates, found ${c.length}`);
        }
        return [c[0]!, c[1]!] as const;
      });
      if (vertices.length < 3) {
        throw xmlError(ctx, 'GATINGML_INVALID', el, gateId, `expected at least 3 gating:vertex elements, found ${vertices.length}`);
      }
      return { kind: 'polygon', dimensions: [dims[0]!, dims[1]!], vertices };
    }
    case 'EllipsoidGate':
      return ellipsoid(ctx, el, gateId);
    case 'QuadrantGate':
      return quadrantGate(ctx, el, gateId);
    case 'BooleanGate':
      return booleanGate(ctx, el, gateId);
    default:
      throw xmlError(ctx, 'GATINGML_UNEXPECTED_ELEMENT', el, gateId, 'unknown gate element');
  }
}

function ellipsoid(ctx: GateContext, el: Element, gateId: string): GateSpec {
  const dims = children(el, GATING_NS, 'dimension').map((d) => dimension(ctx, d, gateId));
  const one = (local: string): Element => {
    const [found] = children(el, GATING_NS, local);
    if (!found) {
      throw xmlError(ctx, 'GATINGML_MISSING', el, gateId, `missing gating:${local}`);
    }
    return found;
  };
  const mean = coordinates(ctx, one('mean'), gateId);
  const covariance = children(one('covarianceMatrix'), GATING_NS, 'row').map((row) =>
    children(row, GATING_NS, 'entry').map((e) => numberAttr(ctx, e, DATATYPE_NS, 'value', gateId)),
  );
  const distanceSquare = numberAttr(ctx, one('distanceSquare'), DATATYPE_NS, 'value', gateId);
  return { kind: dims.length === 2 ? 'ellipse' : 'ellipsoid', dimensions: dims, mean, covariance, distanceSquare };
}

function quadrantGate(ctx: GateContext, el: Element, gateId: string): GateSpec {
  const dividers: QuadrantDivider[] = children(el, GATING_NS, 'divider').map((d) => ({
    id: requiredAttr(ctx, d, GATING_NS, 'id', gateId),
    dimension: dimension(ctx, d, gateId),
    cuts: children(d, GATING_NS, 'value').map((v) => parseDouble(ctx, v.textContent ?? '', v, 'gating:value', gateId)),
  }));
  const quadrants = children(el, GATING_NS, 'Quadrant').map((q) => ({
    id: requiredAttr(ctx, q, GATING_NS, 'id', gateId),
    positions: children(q, GATING_NS, 'position').map((p) => {
      const divider = requiredAttr(ctx, p, GATING_NS, 'divider_ref', gateId);
      if (!dividers.some((d) => d.id === divider)) {
        throw xmlError(ctx, 'GATINGML_INVALID', p, gateId, `divider_ref '${divider}' names no divider of this gate`);
      }
      return { divider, location: numberAttr(ctx, p, GATING_NS, 'location', gateId) };
    }),
  }));
  return { kind: 'quadrant', dividers, quadrants };
}

function booleanGate(ctx: GateContext, el: Element, gateId: string): GateSpec {
  const ops = childElements(el).filter(
    (c) => c.namespaceURI === GATING_NS && (c.localName === 'and' || c.localName === 'or' || c.localName === 'not'),
  );
  const [opEl] = ops;
  if (!opEl || ops.length > 1) {
    throw xmlError(ctx, 'GATINGML_INVALID', el, gateId, `expected one of gating:and, gating:or, gating:not, found ${ops.length}`);
  }
  const operands: BooleanOperand[] = children(opEl, GATING_NS, 'gateReference').map((r) => {
    const ref = requiredAttr(ctx, r, GATING_NS, 'ref', gateId);
    return booleanAttr(ctx, r, GATING_NS, 'use-as-complement', gateId) ? { ref, complement: true } : { ref };
  });
  const op = opEl.localName as 'and' | 'or' | 'not';
  if (op === 'not' ? operands.length !== 1 : operands.length < 2) {
    throw xmlError(ctx, 'GATINGML_INVALID', opEl, gateId, `${op} takes ${op === 'not' ? 'exactly 1' : 'at least 2'} gating:gateReference, found ${operands.length}`);
  }
  return { kind: 'boolean', op, operands };
}

function coordinates(ctx: GateContext, el: Element, gateId: string): number[] {
  return children(el, GATING_NS, 'coordinate').map((c) => numberAttr(ctx, c, DATATYPE_NS, 'value', gateId));
}

function boundedDimension(ctx: GateContext, el: Element, gateId: string): BoundedDimension {
  const dim = dimension(ctx, el, gateId);
  const min = optionalNumberAttr(ctx, el, GATING_NS, 'min', gateId);
  const max = optionalNumberAttr(ctx, el, GATING_NS, 'max', gateId);
  return { ...dim, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** A `gating:dimension` or `gating:divider`: compensation-ref, transformation-ref, fcs- or new-dimension. */
function dimension(ctx: GateContext, el: Element, gateId: string): Dimension {
  const compensation = requiredAttr(ctx, el, GATING_NS, 'compensation-ref', gateId);
  const transform = attr(el, GATING_NS, 'transformation-ref')?.trim();
  if (transform !== undefined && !ctx.transformIds.has(transform)) {
    throw xmlError(ctx, 'GATINGML_INVALID', el, gateId, `transformation-ref '${transform}' names no transformation (fratio is only allowed in data-type:new-dimension)`, { ref: transform });
  }
  const t = transform === undefined ? {} : { transform };
  const inner = childElements(el).filter(
    (c) => isElement(c, DATATYPE_NS, 'fcs-dimension') || isElement(c, DATATYPE_NS, 'new-dimension'),
  );
  const [d] = inner;
  if (!d || inner.length > 1) {
    throw xmlError(ctx, 'GATINGML_INVALID', el, gateId, `expected one data-type:fcs-dimension or data-type:new-dimension, found ${inner.length}`);
  }
  if (d.localName === 'fcs-dimension') {
    return { channel: requiredAttr(ctx, d, DATATYPE_NS, 'name', gateId), compensation, ...t };
  }
  const ref = requiredAttr(ctx, d, DATATYPE_NS, 'transformation-ref', gateId);
  const ratio = ctx.ratios.get(ref);
  if (!ratio) {
    throw xmlError(ctx, 'GATINGML_INVALID', d, gateId, `transformation-ref '${ref}' names no fratio transformation`, { ref });
  }
  return { ratio, compensation, ...t };
}
