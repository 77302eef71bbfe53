import { isTamkitError } from '@tamkit/core';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { GatingMLError } from '../errors.js';
import type { RatioSpec } from '../gates/gate-spec.js';
import type { CompensationMatrix, GateNode, GatingStrategy } from '../strategy/gating-strategy.js';
import { validateStrategy } from '../strategy/validate-strategy.js';
import type { TransformBounds, TransformSpec } from '../transforms/transform-spec.js';
import { parseGateElement } from './parse-gatingml-gates.js';
import {
  DATATYPE_NS,
  GATING_NS,
  TRANSFORMS_NS,
  attr,
  booleanAttr,
  childElements,
  children,
  doubleValue,
  numberAttr,
  requiredAttr,
  xmlError,
  type XmlContext,
} from './xml-helpers.js';

const GATE_ELEMENTS = new Set(['RectangleGate', 'PolygonGate', 'EllipsoidGate', 'QuadrantGate', 'BooleanGate']);

/**
 * Imports a Gating-ML 2.0 document as a gating strategy. Namespaces are resolved by URI on every
 * element (prefixes are arbitrary) and attributes are read namespace-qualified. Supports every gate
 * type (RectangleGate, PolygonGate, EllipsoidGate, QuadrantGate, BooleanGate with `use-as-complement`
 * true/1), `parent_id` (a gate or a single Quadrant), transformations flin, flog, fasinh, logicle,
 * hyperlog and fratio (inlined into the dimensions that use it) with their optional `boundMin` /
 * `boundMax` (kept as the spec's bounds: the result is clamped to [boundMin, boundMax]), and square
 * `spectrumMatrix` elements including `matrix-inverted-already`. Elements outside the schema (such
 * as an unqualified wrapper) are rejected. A RectangleGate with one dimension becomes a `range` gate,
 * a 2-D EllipsoidGate an `ellipse`.
 *
 * @param xml the document text
 * @param sourceName name used in messages (e.g. the file name)
 * @throws {GatingMLError} `GATINGML_MALFORMED_XML`, `GATINGML_NOT_GATINGML`, `GATINGML_UNEXPECTED_ELEMENT`,
 *   `GATINGML_MISSING`, `GATINGML_BAD_NUMBER`, `GATINGML_INVALID` (also wrapping strategy errors such as
 *   unknown parents or cycles), `GATINGML_UNSUPPORTED` (non-square matrices); context
 *   `{ source, element, gateId?, line? }`. A bad bound (BAD_NUMBER for text that is no number, INVALID
 *   for boundMin > boundMax) adds `{ attribute, ref }`, `ref` naming the transformation.
 * @example
 * const strategy = parseGatingML(xmlText, 'gates.xml');
 * strategy.gates.map((g) => g.id); // ['Range1', ...]
 */
export function parseGatingML(xml: string, sourceName = 'Gating-ML'): GatingStrategy {
  const ctx: XmlContext = { source: sourceName };
  const root = parseXml(ctx, xml);
  if (root.namespaceURI !== GATING_NS || root.localName !== 'Gating-ML') {
    throw xmlError(ctx, 'GATINGML_NOT_GATINGML', root, undefined, `root element is {${root.namespaceURI ?? ''}}${root.localName ?? ''}, expected Gating-ML in namespace ${GATING_NS}`);
  }
  const transforms: Record<string, TransformSpec> = {};
  const ratios = new Map<string, RatioSpec>();
  const matrices: Record<string, CompensationMatrix> = {};
  const gateElements: Element[] = [];
  const ids = new Set<string>();
  const claim = (el: Element, id: string): string => {
    if (ids.has(id)) {
      throw xmlError(ctx, 'GATINGML_INVALID', el, undefined, `id '${id}' is used twice; transformation and spectrumMatrix ids must be unique`, { ref: id });
    }
    if (id === 'FCS' || id === 'uncompensated') {
      throw xmlError(ctx, 'GATINGML_INVALID', el, undefined, `id '${id}' is reserved for compensation-ref`, { ref: id });
    }
    ids.add(id);
    return id;
  };
  for (const el of childElements(root)) {
    if (el.namespaceURI === GATING_NS && GATE_ELEMENTS.has(el.localName ?? '')) {
      gateElements.push(el);
    } else if (el.namespaceURI === TRANSFORMS_NS && el.localName === 'transformation') {
      claim(el, requiredAttr(ctx, el, TRANSFORMS_NS, 'id'));
      readTransformation(ctx, el, transforms, ratios);
    } else if (el.namespaceURI === TRANSFORMS_NS && el.localName === 'spectrumMatrix') {
      const id = claim(el, requiredAttr(ctx, el, TRANSFORMS_NS, 'id'));
      matrices[id] = readMatrix(ctx, el, id);
    } else if (!(el.namespaceURI === DATATYPE_NS && el.localName === 'custom_info')) {
      throw xmlError(ctx, 'GATINGML_UNEXPECTED_ELEMENT', el, undefined, 'element not allowed in gating:Gating-ML (expected gates, transforms:transformation, transforms:spectrumMatrix or data-type:custom_info)');
    }
  }
  const gctx = { ...ctx, ratios, transformIds: new Set(Object.keys(transforms)) };
  const elementOf = new Map<string, Element>();
  const gates: GateNode[] = gateElements.map((el) => {
    const id = requiredAttr(ctx, el, GATING_NS, 'id');
    const parent = attr(el, GATING_NS, 'parent_id')?.trim();
    const name = attr(el, GATING_NS, 'name');
    elementOf.set(id, el);
    return {
      id,
      ...(parent ? { parent } : {}),
      ...(name !== undefined && name !== id ? { name } : {}),
      gate: parseGateElement(gctx, el, id),
    };
  });
  const strategy: GatingStrategy = { transforms, matrices, gates };
  try {
    validateStrategy(strategy);
  } catch (err) {
    if (!isTamkitError(err)) {
      throw err;
    }
    const gateId = typeof err.context.gateId === 'string' ? err.context.gateId : undefined;
    const el = gateId === undefined ? null : (elementOf.get(gateId) ?? null);
    throw xmlError(ctx, 'GATINGML_INVALID', el, gateId, `${err.message} (${err.code})`, { cause: err.code });
  }
  return strategy;
}

function parseXml(ctx: XmlContext, xml: string): Element {
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') {
          throw new Error(message);
        }
      },
    }).parseFromString(xml, 'text/xml');
    const root = doc.documentElement;
    if (!root) {
      throw new Error('no root element');
    }
    return root;
  } catch (err) {
    throw new GatingMLError('GATINGML_MALFORMED_XML', `${ctx.source}: not well-formed XML: ${(err as Error).message.split('\n')[0] ?? ''}`, {
      source: ctx.source,
      element: null,
    }, { cause: err });
  }
}

function readTransformation(
  ctx: XmlContext,
  el: Element,
  transforms: Record<string, TransformSpec>,
  ratios: Map<string, RatioSpec>,
): void {
  const id = requiredAttr(ctx, el, TRANSFORMS_NS, 'id');
  const bounds = readBounds(ctx, el, id);
  const kids = childElements(el).filter((c) => c.namespaceURI === TRANSFORMS_NS);
  const [f] = kids;
  if (!f || kids.length > 1) {
    throw xmlError(ctx, 'GATINGML_INVALID', el, undefined, `transformation '${id}': expected one transformation function, found ${kids.length}`);
  }
  const n = (name: string): number => numberAttr(ctx, f, TRANSFORMS_NS, name);
  switch (f.localName) {
    case 'flin':
      transforms[id] = { kind: 'linear', t: n('T'), a: n('A'), ...bounds };
      return;
    case 'flog':
      transforms[id] = { kind: 'log', t: n('T'), m: n('M'), ...bounds };
      return;
    case 'fasinh':
      transforms[id] = { kind: 'asinh', t: n('T'), m: n('M'), a: n('A'), ...bounds };
      return;
    case 'logicle':
    case 'hyperlog':
      transforms[id] = { kind: f.localName, t: n('T'), w: n('W'), m: n('M'), a: n('A'), ...bounds };
      return;
    case 'fratio': {
      const dims = children(f, DATATYPE_NS, 'fcs-dimension').map((d) => requiredAttr(ctx, d, DATATYPE_NS, 'name'));
      if (dims.length !== 2) {
        throw xmlError(ctx, 'GATINGML_INVALID', f, undefined, `transformation '${id}': fratio needs 2 data-type:fcs-dimension, found ${dims.length}`);
      }
      ratios.set(id, { id, x: dims[0]!, y: dims[1]!, a: n('A'), b: n('B'), c: n('C'), ...bounds });
      return;
    }
    default:
      throw xmlError(ctx, 'GATINGML_UNEXPECTED_ELEMENT', f, undefined, `transformation '${id}': unknown transformation function`);
  }
}

/**
 * Reads `transforms:boundMin`/`boundMax` of a transformation (Gating-ML 2.0 section 6: the function's
 * result is clamped to [boundMin, boundMax]). `boundMin="-INF"` and `boundMax="INF"` bound nothing and
 * are dropped; `boundMin="INF"`, `boundMax="-INF"` or boundMin > boundMax is GATINGML_INVALID.
 */
function readBounds(ctx: XmlContext, el: Element, id: string): TransformBounds {
  const read = (name: 'boundMin' | 'boundMax'): number | undefined => {
    const text = attr(el, TRANSFORMS_NS, name);
    if (text === undefined) {
      return undefined;
    }
    const attribute = `transforms:${name}`;
    const value = doubleValue(text);
    if (Number.isNaN(value)) {
      throw xmlError(ctx, 'GATINGML_BAD_NUMBER', el, undefined, `transformation '${id}': ${attribute} is '${text}', expected a number`, { attribute, ref: id });
    }
    const open = name === 'boundMin' ? -Infinity : Infinity;
    if (value === open) {
      return undefined;
    }
    if (!Number.isFinite(value)) {
      throw xmlError(ctx, 'GATINGML_INVALID', el, undefined, `transformation '${id}': ${attribute} is '${text}', which bounds every value to infinity; expected a finite number`, { attribute, ref: id });
    }
    return value;
  };
  const boundMin = read('boundMin');
  const boundMax = read('boundMax');
  if (boundMin !== undefined && boundMax !== undefined && boundMin > boundMax) {
    throw xmlError(ctx, 'GATINGML_INVALID', el, undefined, `transformation '${id}': transforms:boundMin ${boundMin} is greater than transforms:boundMax ${boundMax}`, { attribute: 'transforms:boundMin', ref: id });
  }
  return { ...(boundMin === undefined ? {} : { boundMin }), ...(boundMax === undefined ? {} : { boundMax }) };
}

function readMatrix(ctx: XmlContext, el: Element, id: string): CompensationMatrix {
  const names = (local: string): string[] => {
    const [list] = children(el, TRANSFORMS_NS, local);
    if (!list) {
      throw xmlError(ctx, 'GATINGML_MISSING', el, undefined, `spectrumMatrix '${id}': missing transforms:${local}`);
    }
    return children(list, DATATYPE_NS, 'fcs-dimension').map((d) => requiredAttr(ctx, d, DATATYPE_NS, 'name'));
  };
  const fluorochromes = names('fluorochromes');
  const detectors = names('detectors');
  const rows = children(el, TRANSFORMS_NS, 'spectrum').map((s) =>
    children(s, TRANSFORMS_NS, 'coefficient').map((c) => numberAttr(ctx, c, TRANSFORMS_NS, 'value')),
  );
  const n = detectors.length;
  if (fluorochromes.length !== n) {
    throw xmlError(ctx, 'GATINGML_UNSUPPORTED', el, undefined, `spectrumMatrix '${id}': ${fluorochromes.length} fluorochromes for ${n} detectors; only square matrices are supported`);
  }
  if (rows.length !== n || rows.some((r) => r.length !== n)) {
    throw xmlError(ctx, 'GATINGML_INVALID', el, undefined, `spectrumMatrix '${id}': expected ${n} transforms:spectrum rows of ${n} coefficients`);
  }
  const inverted = booleanAttr(ctx, el, TRANSFORMS_NS, 'matrix-inverted-already');
  return {
    detectors,
    values: Float64Array.from(rows.flat()),
    source: 'gatingml',
    fluorochromes,
    ...(inverted ? { inverted } : {}),
  };
}
