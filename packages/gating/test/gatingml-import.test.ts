import { describe, expect, it } from 'vitest';
import { GatingMLError } from '../src/errors.js';
import { parseGatingML } from '../src/gatingml/parse-gatingml.js';
import { toGatingML } from '../src/gatingml/to-gatingml.js';
import type { GatingStrategy } from '../src/strategy/gating-strategy.js';

const G = 'http://www.isac-net.org/std/Gating-ML/v2.0/gating';
const T = 'http://www.isac-net.org/std/Gating-ML/v2.0/transformations';
const D = 'http://www.isac-net.org/std/Gating-ML/v2.0/datatypes';

const doc = (body: string): string =>
  `<?xml version="1.0"?>\n<gating:Gating-ML xmlns:gating="${G}" xmlns:transforms="${T}" xmlns:data-type="${D}">\n${body}\n</gating:Gating-ML>`;

const range = (id: string, extra = ''): string =>
  `<gating:RectangleGate gating:id="${id}"${extra}><gating:dimension gating:compensation-ref="uncompensated" gating:min="1"><data-type:fcs-dimension data-type:name="FSC-H"/></gating:dimension></gating:RectangleGate>`;

function caught(fn: () => unknown): GatingMLError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GatingMLError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a GatingMLError');
}

describe('parseGatingML', () => {
  it('resolves namespaces by URI on every element, whatever the prefixes', () => {
    const xml = `<g:Gating-ML xmlns:g="${G}">
      <x:transformation xmlns:x="${T}" x:id="L"><x:logicle x:T="262144" x:W="0.5" x:M="4.5" x:A="0"/></x:transformation>
      <g:PolygonGate g:id="P" g:parent_id="R" xmlns:dt="${D}">
        <g:dimension g:compensation-ref="FCS" g:transformation-ref="L"><dt:fcs-dimension dt:name="FL1-H"/></g:dimension>
        <g:dimension g:compensation-ref="FCS"><other:fcs-dimension xmlns:other="${D}" other:name="CD206"/></g:dimension>
        <g:vertex><g:coordinate dt:value="0"/><g:coordinate dt:value="0"/></g:vertex>
        <g:vertex><g:coordinate dt:value="1"/><g:coordinate dt:value="0"/></g:vertex>
        <g:vertex><g:coordinate dt:value="1"/><g:coordinate dt:value="1E2"/></g:vertex>
      </g:PolygonGate>
      ${range('R').replaceAll('gating:', 'g:').replaceAll('data-type:', 'dt:').replace('<g:RectangleGate', `<g:RectangleGate xmlns:dt="${D}"`)}
    </g:Gating-ML>`;
    const s = parseGatingML(xml, 'prefixes.xml');
    expect(s.transforms).toEqual({ L: { kind: 'logicle', t: 262144, w: 0.5, m: 4.5, a: 0 } });
    expect(s.gates[0]).toEqual({
      id: 'P',
      parent: 'R',
      gate: {
        kind: 'polygon',
        dimensions: [
          { channel: 'FL1-H', compensation: 'FCS', transform: 'L' },
          { channel: 'CD206', compensation: 'FCS' },
        ],
        vertices: [
          [0, 0],
          [1, 0],
          [1, 100],
        ],
      },
    });
  });

  it('reads use-as-complement true and 1, matrix-inverted-already, and round-trips them', () => {
    const xml = doc(`
      <transforms:spectrumMatrix transforms:id="M" transforms:matrix-inverted-already="1">
        <transforms:fluorochromes><data-type:fcs-dimension data-type:name="FITC"/><data-type:fcs-dimension data-type:name="PE"/></transforms:fluorochromes>
        <transforms:detectors><data-type:fcs-dimension data-type:name="FL1-H"/><data-type:fcs-dimension data-type:name="FL2-H"/></transforms:detectors>
        <transforms:spectrum><transforms:coefficient transforms:value="1"/><transforms:coefficient transforms:value="-0.1"/></transforms:spectrum>
        <transforms:spectrum><transforms:coefficient transforms:value="0"/><transforms:coefficient transforms:value="1"/></transforms:spectrum>
      </transforms:spectrumMatrix>
      ${range('A')}${range('B')}
      <gating:BooleanGate gating:id="C"><gating:and><gating:gateReference gating:ref="A" gating:use-as-complement="true"/><gating:gateReference gating:ref="B" gating:use-as-complement="1"/></gating:and></gating:BooleanGate>`);
    const s = parseGatingML(xml);
    expect(s.matrices.M).toEqual({ detectors: ['FL1-H', 'FL2-H'], fluorochromes: ['FITC', 'PE'], values: Float64Array.from([1, -0.1, 0, 1]), source: 'gatingml', inverted: true });
    expect(s.gates[2]!.gate).toEqual({ kind: 'boolean', op: 'and', operands: [{ ref: 'A', complement: true }, { ref: 'B', complement: true }] });
    expect(parseGatingML(toGatingML(s))).toEqual(s);
  });

  it('rejects malformed XML and foreign roots', () => {
    const bad = caught(() => parseGatingML('<gating:Gating-ML', 'bad.xml'));
    expect([bad.code, bad.context.source]).toEqual(['GATINGML_MALFORMED_XML', 'bad.xml']);
    const foreign = caught(() => parseGatingML('<Gating-ML/>', 'x.xml'));
    expect(foreign.code).toBe('GATINGML_NOT_GATINGML');
    expect(foreign.message).toMatchInlineSnapshot(`"x.xml: <Gating-ML>, line 1: root element is {}Gating-ML, expected Gating-ML in namespace http://www.isac-net.org/std/Gating-ML/v2.0/gating"`);
  });

  it('rejects an element the schema does not allow (an unqualified wrapper)', () => {
    const err = caught(() => parseGatingML(doc(`<sample>${range('Range1')}</sample>`), 'attr.xml'));
    expect(err.code).toBe('GATINGML_UNEXPECTED_ELEMENT');
    expect(err.context).toEqual({ source: 'attr.xml', element: 'sample', line: 3 });
    expect(err.message).toMatchInlineSnapshot(`"attr.xml: <sample>, line 3: element not allowed in gating:Gating-ML (expected gates, transforms:transformation, transforms:spectrumMatrix or data-type:custom_info)"`);
  });

  it('names the gate, element and attribute of a missing or bad value', () => {
    const missing = caught(() =>
      parseGatingML(doc(`<gating:RectangleGate gating:id="R1"><gating:dimension gating:min="1"><data-type:fcs-dimension data-type:name="FSC-H"/></gating:dimension></gating:RectangleGate>`), 'm.xml'),
    );
    expect(missing.code).toBe('GATINGML_MISSING');
    expect(missing.context).toEqual({ source: 'm.xml', element: 'gating:dimension', gateId: 'R1', line: 3, attribute: 'gating:compensation-ref' });
    expect(missing.message).toMatchInlineSnapshot(`"m.xml: gate 'R1', <gating:dimension>, line 3: missing attribute gating:compensation-ref"`);
    const num = caught(() => parseGatingML(doc(range('R2').replace('gating:min="1"', 'gating:min="one"')), 'n.xml'));
    expect(num.code).toBe('GATINGML_BAD_NUMBER');
    expect(num.context).toEqual({ source: 'n.xml', element: 'gating:dimension', gateId: 'R2', line: 3, attribute: 'gating:min' });
    expect(num.message).toMatchInlineSnapshot(`"n.xml: gate 'R2', <gating:dimension>, line 3: gating:min is 'one', expected a number"`);
  });

  it('wraps strategy errors (unknown parent, cycle) with the gate element', () => {
    const parent = caught(() => parseGatingML(doc(range('A', ' gating:parent_id="Z"')), 'p.xml'));
    expect(parent.code).toBe('GATINGML_INVALID');
    expect(parent.context).toEqual({ source: 'p.xml', element: 'gating:RectangleGate', gateId: 'A', line: 3, cause: 'STRATEGY_UNKNOWN_PARENT' });
    expect(parent.message).toMatchInlineSnapshot(`"p.xml: gate 'A', <gating:RectangleGate>, line 3: gate 'A': parent 'Z' is not a gate or quadrant id (STRATEGY_UNKNOWN_PARENT)"`);
    const cycle = caught(() => parseGatingML(doc(`${range('A', ' gating:parent_id="B"')}\n${range('B', ' gating:parent_id="A"')}`), 'c.xml'));
    expect(cycle.context.cause).toBe('STRATEGY_CYCLE');
  });

  it('rejects duplicate and reserved transformation or matrix ids', () => {
    const flin = (id: string): string => `<transforms:transformation transforms:id="${id}"><transforms:flin transforms:T="1" transforms:A="0"/></transforms:transformation>`;
    const dup = caught(() => parseGatingML(doc(`${flin('t')}\n${flin('t')}`), 'd.xml'));
    expect([dup.code, dup.context]).toEqual(['GATINGML_INVALID', { source: 'd.xml', element: 'transforms:transformation', line: 4, ref: 't' }]);
    expect(dup.message).toMatchInlineSnapshot(`"d.xml: <transforms:transformation>, line 4: id 't' is used twice; transformation and spectrumMatrix ids must be unique"`);
    expect(caught(() => parseGatingML(doc(flin('FCS')))).context.ref).toBe('FCS');
  });

  it('rejects transformation bounds and non-square matrices as unsupported', () => {
    const bound = caught(() => parseGatingML(doc(`<transforms:transformation transforms:id="t" transforms:boundMin="0"><transforms:flin transforms:T="1" transforms:A="0"/></transforms:transformation>`)));
    expect(bound.code).toBe('GATINGML_UNSUPPORTED');
  });
});

describe('toGatingML', () => {
  it('rewrites ids that are not XML names and keeps the original as gating:name', () => {
    const s: GatingStrategy = {
      transforms: {},
      matrices: {},
      gates: [
        { id: 'CD11b+', gate: { kind: 'range', dimensions: [{ channel: 'CD11b', compensation: 'FCS', min: 1000 }] } },
        { id: '2nd', parent: 'CD11b+', gate: { kind: 'range', dimensions: [{ channel: 'CD206', compensation: 'FCS', max: 5 }] } },
      ],
    };
    const back = parseGatingML(toGatingML(s));
    expect(back.gates.map((g) => [g.id, g.parent, g.name])).toEqual([
      ['CD11b_', undefined, 'CD11b+'],
      ['_2nd', 'CD11b_', '2nd'],
    ]);
  });

  it('refuses a transform Gating-ML cannot express', () => {
    const err = caught(() =>
      toGatingML({
        transforms: { biex: { kind: 'flowjo-biex', width: -10, negative: 0, positive: 4.4, maxValue: 262144, channelRange: 4096 } },
        matrices: {},
        gates: [],
      }),
    );
    expect([err.code, err.context]).toEqual(['GATINGML_UNSUPPORTED', { source: 'export', element: 'transforms:transformation' }]);
    expect(err.message).toMatchInlineSnapshot(`"export: transform 'biex' is flowjo-biex, which Gating-ML 2.0 cannot express; use logicle or another Gating-ML transform"`);
  });
});
