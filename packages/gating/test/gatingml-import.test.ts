import { channelMeta, createEventTable } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import { GatingMLError } from '../src/errors.js';
import { parseGatingML } from '../src/gatingml/parse-gatingml.js';
import { toGatingML } from '../src/gatingml/to-gatingml.js';
import { evaluateStrategy } from '../src/strategy/evaluate-strategy.js';
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

  it('rejects non-square matrices as unsupported', () => {
    const names = (list: string[]): string => list.map((n) => `<data-type:fcs-dimension data-type:name="${n}"/>`).join('');
    const row = '<transforms:spectrum><transforms:coefficient transforms:value="1"/><transforms:coefficient transforms:value="0"/><transforms:coefficient transforms:value="0"/></transforms:spectrum>';
    const xml = doc(
      `<transforms:spectrumMatrix transforms:id="M"><transforms:fluorochromes>${names(['FITC', 'PE'])}</transforms:fluorochromes><transforms:detectors>${names(['FL1-H', 'FL2-H', 'FL3-H'])}</transforms:detectors>${row}${row}</transforms:spectrumMatrix>`,
    );
    const err = caught(() => parseGatingML(xml, 's.xml'));
    expect([err.code, err.context]).toEqual(['GATINGML_UNSUPPORTED', { source: 's.xml', element: 'transforms:spectrumMatrix', line: 3 }]);
  });
});

describe('transformation bounds (transforms:boundMin / transforms:boundMax)', () => {
  // Gating-ML 2.0 section 6: the transformation's result is max(min(f, boundMax), boundMin).
  const transformation = (id: string, bounds: string, fn: string): string =>
    `<transforms:transformation transforms:id="${id}"${bounds}>${fn}</transforms:transformation>`;
  const flin = '<transforms:flin transforms:T="100" transforms:A="0"/>';
  const dimension = (min: string, max: string, inner: string, transform = ''): string =>
    `<gating:dimension gating:compensation-ref="uncompensated"${transform}${min ? ` gating:min="${min}"` : ''}${max ? ` gating:max="${max}"` : ''}>${inner}</gating:dimension>`;
  const fl1 = '<data-type:fcs-dimension data-type:name="FL1-H"/>';
  const rect = (id: string, dim: string): string => `<gating:RectangleGate gating:id="${id}">${dim}</gating:RectangleGate>`;
  const BOUNDED = doc(
    [
      transformation('lin', ' transforms:boundMin="0.1" transforms:boundMax="0.5"', flin),
      transformation('lgc', ' transforms:boundMax="0.75"', '<transforms:logicle transforms:T="1000" transforms:W="1" transforms:M="4" transforms:A="0"/>'),
      transformation(
        'r',
        ' transforms:boundMin="1" transforms:boundMax="2"',
        '<transforms:fratio transforms:A="1" transforms:B="0" transforms:C="0"><data-type:fcs-dimension data-type:name="FL1-H"/><data-type:fcs-dimension data-type:name="FL2-H"/></transforms:fratio>',
      ),
      rect('Top', dimension('0.45', '0.6', fl1, ' gating:transformation-ref="lin"')),
      rect('Low', dimension('0.05', '0.15', fl1, ' gating:transformation-ref="lin"')),
      rect('Bright', dimension('0.74', '0.8', fl1, ' gating:transformation-ref="lgc"')),
      rect('Ratio', dimension('1.5', '2.5', '<data-type:new-dimension data-type:transformation-ref="r"/>')),
    ].join('\n'),
  );

  it('reads the bounds of every transformation into its spec', () => {
    const s = parseGatingML(BOUNDED, 'bounded.xml');
    expect(s.transforms).toEqual({
      lin: { kind: 'linear', t: 100, a: 0, boundMin: 0.1, boundMax: 0.5 },
      lgc: { kind: 'logicle', t: 1000, w: 1, m: 4, a: 0, boundMax: 0.75 },
    });
    expect(s.gates[3]!.gate).toEqual({
      kind: 'range',
      dimensions: [{ ratio: { id: 'r', x: 'FL1-H', y: 'FL2-H', a: 1, b: 0, c: 0, boundMin: 1, boundMax: 2 }, compensation: 'uncompensated', min: 1.5, max: 2.5 }],
    });
  });

  it('evaluates gates on clamped values, so events beyond a bound join gates that contain the bound', () => {
    // FL1-H through flin(T = 100, A = 0) = x/100, then clamped to [0.1, 0.5]:
    //   -50 → -0.5 → 0.1 | 10 → 0.1 | 30 → 0.3 | 47 → 0.47 | 80 → 0.8 → 0.5 | 1000 → 10 → 0.5 | NaN → NaN
    // Top [0.45, 0.6): 47, 80 and 1000 (unbounded, 80 and 1000 would be above 0.6).
    // Low [0.05, 0.15): -50 and 10 (unbounded, -50 would be below 0.05).
    // Logicle(1000, 1, 4, 0) clamped to at most 0.75: 1000 → 1 → 0.75; 100 → 0.739548 (Gating-ML 2.0
    //   Table 8), so 80 and below are under 0.74. Bright [0.74, 0.8): only 1000.
    // Ratio FL1-H/FL2-H with FL2-H = 10, clamped to [1, 2]: -5 → 1, 1, 3 → 2, 4.7 → 2, 8 → 2, 100 → 2, NaN.
    //   Ratio [1.5, 2.5): 30, 47, 80 and 1000 (unbounded, every ratio would be outside).
    const fl1Values = [-50, 10, 30, 47, 80, 1000, Number.NaN];
    const table = createEventTable(
      [channelMeta({ name: 'FL1-H' }), channelMeta({ name: 'FL2-H' })],
      [Float64Array.from(fl1Values), new Float64Array(fl1Values.length).fill(10)],
      'scaled',
    );
    const tree = evaluateStrategy(parseGatingML(BOUNDED, 'bounded.xml'), table);
    const members = (id: string): number[] => Array.from(tree.byId.get(id)!.mask);
    expect(members('Top')).toEqual([0, 0, 0, 1, 1, 1, 0]);
    expect(members('Low')).toEqual([1, 1, 0, 0, 0, 0, 0]);
    expect(members('Bright')).toEqual([0, 0, 0, 0, 0, 1, 0]);
    expect(members('Ratio')).toEqual([0, 0, 1, 1, 1, 1, 0]);
  });

  it('round-trips bounds: import → export → import gives the same specs', () => {
    const first = parseGatingML(BOUNDED, 'bounded.xml');
    const xml = toGatingML(first);
    expect(xml).toContain('<transforms:transformation transforms:id="lin" transforms:boundMin="0.1" transforms:boundMax="0.5">');
    expect(xml).toContain('<transforms:transformation transforms:id="lgc" transforms:boundMax="0.75">');
    expect(xml).toContain('<transforms:transformation transforms:id="r" transforms:boundMin="1" transforms:boundMax="2">');
    expect(parseGatingML(xml, 'exported.xml')).toEqual(first);
  });

  it('drops boundMin -INF and boundMax INF, which bound nothing', () => {
    const s = parseGatingML(doc(transformation('t', ' transforms:boundMin="-INF" transforms:boundMax="INF"', flin)));
    expect(s.transforms.t).toEqual({ kind: 'linear', t: 100, a: 0 });
  });

  it('rejects boundMin > boundMax, naming the transformation, element and line', () => {
    const err = caught(() => parseGatingML(doc(`\n${transformation('lin', ' transforms:boundMin="0.6" transforms:boundMax="0.5"', flin)}`), 'b.xml'));
    expect(err.code).toBe('GATINGML_INVALID');
    expect(err.context).toEqual({ source: 'b.xml', element: 'transforms:transformation', line: 4, attribute: 'transforms:boundMin', ref: 'lin' });
    expect(err.message).toMatchInlineSnapshot(
      `"b.xml: <transforms:transformation>, line 4: transformation 'lin': transforms:boundMin 0.6 is greater than transforms:boundMax 0.5"`,
    );
  });

  it('rejects a bound that is not a number, or an infinite bound on the closed side', () => {
    const text = caught(() => parseGatingML(doc(transformation('lin', ' transforms:boundMax="high"', flin)), 'n.xml'));
    expect([text.code, text.context]).toEqual([
      'GATINGML_BAD_NUMBER',
      { source: 'n.xml', element: 'transforms:transformation', line: 3, attribute: 'transforms:boundMax', ref: 'lin' },
    ]);
    expect(text.message).toMatchInlineSnapshot(`"n.xml: <transforms:transformation>, line 3: transformation 'lin': transforms:boundMax is 'high', expected a number"`);
    const inf = caught(() => parseGatingML(doc(transformation('lin', ' transforms:boundMin="INF"', flin)), 'i.xml'));
    expect([inf.code, inf.context.attribute, inf.context.ref]).toEqual(['GATINGML_INVALID', 'transforms:boundMin', 'lin']);
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
