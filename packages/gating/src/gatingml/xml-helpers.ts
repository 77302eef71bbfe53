import type { Element } from '@xmldom/xmldom';
import { GatingMLError } from '../errors.js';

/** Gating-ML 2.0 namespace URIs (prefixes in documents are arbitrary). */
export const GATING_NS = 'http://www.isac-net.org/std/Gating-ML/v2.0/gating';
export const TRANSFORMS_NS = 'http://www.isac-net.org/std/Gating-ML/v2.0/transformations';
export const DATATYPE_NS = 'http://www.isac-net.org/std/Gating-ML/v2.0/datatypes';

const NS_PREFIX: Readonly<Record<string, string>> = {
  [GATING_NS]: 'gating',
  [TRANSFORMS_NS]: 'transforms',
  [DATATYPE_NS]: 'data-type',
};

/** Reading context: the document's name, for messages. */
export interface XmlContext {
  readonly source: string;
}

/** `prefix:local` with the conventional prefix of the element's namespace (for messages). */
export function qname(el: Element): string {
  const prefix = el.namespaceURI ? NS_PREFIX[el.namespaceURI] : undefined;
  return prefix ? `${prefix}:${el.localName}` : (el.localName ?? el.nodeName);
}

/** Element children of `el` (text, comments and processing instructions skipped). */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      out.push(n as Element);
    }
  }
  return out;
}

/** True when `el` is `{ns}local`. */
export function isElement(el: Element, ns: string, local: string): boolean {
  return el.namespaceURI === ns && el.localName === local;
}

/** Element children of `el` named `{ns}local`. */
export function children(el: Element, ns: string, local: string): Element[] {
  return childElements(el).filter((c) => isElement(c, ns, local));
}

/** Builds a GatingMLError with the element's name, line and the gate id in context. */
export function xmlError(
  ctx: XmlContext,
  code: string,
  el: Element | null,
  gateId: string | undefined,
  what: string,
  extra: Readonly<Record<string, unknown>> = {},
): GatingMLError {
  const element = el ? qname(el) : null;
  const line = el?.lineNumber;
  const where = [gateId === undefined ? null : `gate '${gateId}'`, element ? `<${element}>` : null, line ? `line ${line}` : null]
    .filter((s) => s !== null)
    .join(', ');
  return new GatingMLError(code, `${ctx.source}: ${where ? `${where}: ` : ''}${what}`, {
    source: ctx.source,
    element,
    ...(gateId === undefined ? {} : { gateId }),
    ...(line ? { line } : {}),
    ...extra,
  });
}

/**
 * Reads a namespace-qualified attribute (`{ns}name`); an unqualified attribute of the same local name
 * is accepted as a fallback. Returns undefined when absent.
 */
export function attr(el: Element, ns: string, name: string): string | undefined {
  if (el.hasAttributeNS(ns, name)) {
    return el.getAttributeNS(ns, name) ?? undefined;
  }
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? undefined) : undefined;
}

/** A required attribute. @throws {GatingMLError} `GATINGML_MISSING` */
export function requiredAttr(ctx: XmlContext, el: Element, ns: string, name: string, gateId?: string): string {
  const v = attr(el, ns, name);
  if (v === undefined || v.trim() === '') {
    const prefix = NS_PREFIX[ns] ?? '';
    throw xmlError(ctx, 'GATINGML_MISSING', el, gateId, `missing attribute ${prefix}:${name}`, {
      attribute: `${prefix}:${name}`,
    });
  }
  return v.trim();
}

/** The value of xs:double text (INF, +INF, -INF accepted; surrounding space ignored), NaN if it is none. */
export function doubleValue(text: string): number {
  const t = text.trim();
  return t === 'INF' || t === '+INF' ? Infinity : t === '-INF' ? -Infinity : t === '' ? NaN : Number(t);
}

/** Parses an xs:double (INF, -INF accepted). @throws {GatingMLError} `GATINGML_BAD_NUMBER` */
export function parseDouble(ctx: XmlContext, text: string, el: Element, what: string, gateId?: string): number {
  const v = doubleValue(text);
  if (Number.isNaN(v)) {
    throw xmlError(ctx, 'GATINGML_BAD_NUMBER', el, gateId, `${what} is '${text}', expected a number`, {
      attribute: what,
    });
  }
  return v;
}

/** A required numeric attribute. */
export function numberAttr(ctx: XmlContext, el: Element, ns: string, name: string, gateId?: string): number {
  return parseDouble(ctx, requiredAttr(ctx, el, ns, name, gateId), el, `${NS_PREFIX[ns] ?? ''}:${name}`, gateId);
}

/** An optional numeric attribute. */
export function optionalNumberAttr(ctx: XmlContext, el: Element, ns: string, name: string, gateId?: string): number | undefined {
  const v = attr(el, ns, name);
  return v === undefined ? undefined : parseDouble(ctx, v, el, `${NS_PREFIX[ns] ?? ''}:${name}`, gateId);
}

/** xs:boolean: true/1 → true, false/0/absent → false. */
export function booleanAttr(ctx: XmlContext, el: Element, ns: string, name: string, gateId?: string): boolean {
  const v = attr(el, ns, name)?.trim();
  if (v === undefined || v === 'false' || v === '0') {
    return false;
  }
  if (v === 'true' || v === '1') {
    return true;
  }
  throw xmlError(ctx, 'GATINGML_INVALID', el, gateId, `${NS_PREFIX[ns] ?? ''}:${name} is '${v}', expected true, false, 1 or 0`);
}
