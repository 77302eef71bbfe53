import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GatingFileError } from '../src/errors.js';
import { parseGatingFile } from '../src/gating-file/parse-gating-file.js';
import { toGatingFile } from '../src/gating-file/to-gating-file.js';
import { parseGatingML } from '../src/gatingml/parse-gatingml.js';
import { toGatingML } from '../src/gatingml/to-gatingml.js';
import { evaluateStrategy } from '../src/strategy/evaluate-strategy.js';
import { differences, hasCorpus, loadData1, loadManifest, readCorpusText, readTruth } from './gatingml-corpus.js';

/**
 * Hand-written equivalent of gates of the Gating-ML compliance set 1 (gml_all_gates.xml), using the
 * file's conveniences: marker labels instead of $PnN (data1's FL2-H is 'CD8 B PE', FL3-H 'CD3 PerCP'),
 * nesting, default compensation FCS (data1 has no spillover, so FCS = uncompensated).
 */
const FILE = `# set 1 gates written by hand
version: 1
transforms:
  logicle: { kind: logicle, t: 10000, w: 0.5, m: 4.5, a: 0 }
  hyperlog: { kind: hyperlog, t: 10000, w: 1, m: 4.5, a: 0 }
  ratiolog: { kind: log, t: 100, m: 2 }
compensation:
  MySpill:
    detectors: [FL1-H, FL2-H, FL3-H]
    fluorochromes: [FITC, PE, PerCP]
    values:
      - [1, 0.02, 0.06]
      - [0.11, 1, 0.07]
      - [0.09, 0.01, 1]
gates:
  - id: ScaleRect1
    kind: rectangle
    dimensions:
      - { channel: PE, compensation: MySpill, transform: logicle, min: 0.31, max: 0.69 }
      - { channel: PerCP, compensation: MySpill, transform: logicle, min: 0.27, max: 0.73 }
    children:
      - id: ScalePar1
        kind: range
        dimension: { channel: FITC, compensation: MySpill, transform: hyperlog }
        min: 0.12
        max: 0.43
  - id: Quadrant1
    kind: quadrant
    dividers:
      - { id: FL2, dimension: FL2-H, cuts: [12.14748] }
      - { id: FL4, dimension: FL4-H, cuts: [14.22417] }
    quadrants:
      - { id: FL2P-FL4P, positions: { FL2: 15, FL4: 15 } }
      - { id: FL2N-FL4P, positions: { FL2: 5, FL4: 15 } }
      - { id: FL2N-FL4N, positions: { FL2: 5, FL4: 5 } }
      - { id: FL2P-FL4N, positions: { FL2: 15, FL4: 5 } }
  - id: ParRectangle1
    parent: FL2P-FL4P
    kind: rectangle
    dimensions:
      - { channel: FL2-H, compensation: uncompensated, min: 6, max: 14.5 }
      - { channel: FL4-H, compensation: uncompensated, min: 7, max: 16 }
  - id: Polygon1
    kind: polygon
    dimensions: [CD8 B PE, CD3 PerCP]
    vertices: [[5, 5], [500, 5], [500, 500]]
  - id: Range1
    kind: range
    dimension: { channel: FSC-H, compensation: uncompensated }
    min: 100
  - id: Ellipse1
    kind: ellipse
    dimensions: [FL3-H, FL4-H]
    mean: [12.99701, 16.22941]
    covariance: [[62.5, 37.5], [37.5, 62.5]]
    distanceSquare: 1
  - id: And3
    kind: boolean
    op: and
    operands: [Range1, { ref: Ellipse1, complement: true }, Polygon1]
  - id: RatRange1a
    kind: range
    dimension: { ratio: { x: FL2-H, y: FL2-A, a: 1, b: 0, c: -1 }, transform: ratiolog }
    min: 0.40625
    max: 0.6601562
`;

function caught(fn: () => unknown): GatingFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GatingFileError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a GatingFileError');
}

describe.skipIf(!hasCorpus)(`gating file against the Gating-ML compliance set 1${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  it('gives the same populations as the equivalent Gating-ML, event for event', () => {
    const manifest = loadManifest();
    const { table } = loadData1();
    const fromFile = evaluateStrategy(parseGatingFile(FILE, 'set1.yaml'), table);
    const doc = manifest.all_gates_document;
    const fromXml = evaluateStrategy(parseGatingML(readCorpusText(doc.gml), doc.gml), table);
    const truthOf = new Map([...doc.gates, ...manifest.checks].map((g) => [g.gate_id, g.truth]));
    const ids = ['ScaleRect1', 'ScalePar1', 'FL2P-FL4P', 'FL2N-FL4P', 'FL2N-FL4N', 'FL2P-FL4N', 'ParRectangle1', 'Polygon1', 'Range1', 'Ellipse1', 'And3', 'RatRange1a'];
    for (const id of ids) {
      const mask = fromFile.byId.get(id)!.mask;
      expect({ id, ...differences(mask, readTruth(truthOf.get(id)!)) }).toEqual({ id, count: 0, first: [] });
      const xml = fromXml.byId.get(id);
      if (xml) {
        expect(differences(mask, xml.mask).count).toBe(0);
      }
    }
    expect(fromFile.byId.get('ScalePar1')!.path).toEqual(['ScaleRect1', 'ScalePar1']);
    expect(fromFile.byId.get('ParRectangle1')!.path).toEqual(['Quadrant1', 'FL2P-FL4P', 'ParRectangle1']);
  });

  it('round-trips the whole suite through toGatingFile (YAML and JSON)', () => {
    const manifest = loadManifest();
    const docs = [...new Set([...manifest.checks.map((c) => c.gml), manifest.all_gates_document.gml])];
    for (const gml of docs) {
      const strategy = parseGatingML(readCorpusText(gml), gml);
      expect(parseGatingFile(toGatingFile(strategy), 'x.yaml')).toEqual({ ...strategy, matrices: relabel(strategy.matrices) });
      expect(parseGatingFile(toGatingFile(strategy, { format: 'json' }), 'x.json')).toEqual({ ...strategy, matrices: relabel(strategy.matrices) });
    }
  });
});

/** Matrices read from a gating file record that source. */
function relabel<T extends object>(matrices: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(matrices).map(([k, m]) => [k, { ...m, source: 'gating-file' }]));
}

describe('parseGatingFile', () => {
  it('reads the example of docs/gating.md (so the guide cannot drift)', () => {
    const guide = readFileSync(new URL('../../../docs/gating.md', import.meta.url), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
    const s = parseGatingFile(example, 'gating.md');
    expect(s.gates.map((g) => [g.id, g.parent ?? null])).toEqual([
      ['Cells', null],
      ['Live', 'Cells'],
      ['M1-M2', 'Live'],
      ['CD11b-high', 'Live'],
      ['Not-M1', 'Live'],
    ]);
    expect(parseGatingFile(toGatingFile(s), 'again.yaml')).toEqual(s);
  });

  it('reads JSON too, with nesting and bare channel names', () => {
    const s = parseGatingFile(
      JSON.stringify({ gates: [{ id: 'Cells', kind: 'range', dimension: 'FSC-A', min: 1, children: [{ id: 'Live', kind: 'range', dimension: { channel: 'Zombie', compensation: 'uncompensated' }, max: 2 }] }] }),
      'g.json',
    );
    expect(s.gates).toEqual([
      { id: 'Cells', gate: { kind: 'range', dimensions: [{ channel: 'FSC-A', compensation: 'FCS', min: 1 }] } },
      { id: 'Live', parent: 'Cells', gate: { kind: 'range', dimensions: [{ channel: 'Zombie', compensation: 'uncompensated', max: 2 }] } },
    ]);
  });

  it('reports YAML syntax errors with line and column', () => {
    const err = caught(() => parseGatingFile('gates:\n  - id: A\n    kind: [range\n', 'bad.yaml'));
    expect(err.code).toBe('GATING_FILE_SYNTAX');
    // The flow sequence opened on line 3 is still open when line 4 starts (column 1).
    expect(err.context).toEqual({ source: 'bad.yaml', field: '', line: 4, column: 1 });
    expect(err.message).toMatchInlineSnapshot(`"bad.yaml:4:1: Flow sequence in block collection must be sufficiently indented and end with a ]"`);
  });

  it('names the line and field of a bad value', () => {
    const text = 'gates:\n  - id: A\n    kind: range\n    dimension: FSC-A\n    min: low\n';
    const err = caught(() => parseGatingFile(text, 'g.yaml'));
    expect(err.code).toBe('GATING_FILE_INVALID');
    // Line 5 holds `min: low`; the value starts at column 10.
    expect(err.context).toEqual({ source: 'g.yaml', field: 'gates[0].min', line: 5, column: 10 });
    expect(err.message).toMatchInlineSnapshot(`"g.yaml:5: gates[0].min: expected a number, found "low""`);
  });

  it('names the field of a rule broken inside a gate', () => {
    const text = 'gates:\n  - id: P\n    kind: polygon\n    dimensions: [A, B]\n    vertices: [[0, 0], [1, 1]]\n';
    const err = caught(() => parseGatingFile(text, 'p.yaml'));
    expect(err.context).toEqual({ source: 'p.yaml', field: 'gates[0].vertices', line: 5, column: 15 });
    expect(err.message).toMatchInlineSnapshot(`"p.yaml:5: gates[0].vertices: gate 'P': vertices: expected at least 3 vertices, found 2"`);
  });

  it('names unknown parents and bad transform parameters', () => {
    const parent = caught(() => parseGatingFile('gates:\n  - id: A\n    parent: Nope\n    kind: range\n    dimension: X\n', 'a.yaml'));
    expect(parent.context).toEqual({ source: 'a.yaml', field: 'gates[0].parent', line: 3, column: 13 });
    expect(parent.message).toMatchInlineSnapshot(`"a.yaml:3: gates[0].parent: gate 'A': parent 'Nope' is not a gate or quadrant id"`);
    const transform = caught(() => parseGatingFile('transforms:\n  L: { kind: logicle, t: -1, w: 0.5, m: 4.5, a: 0 }\n', 't.yaml'));
    expect(transform.context.field).toMatch(/^transforms\.L/);
    expect(transform.context.line).toBe(2);
    const kind = caught(() => parseGatingFile('gates:\n  - { id: A, kind: circle }\n', 'k.yaml'));
    expect([kind.context.field, kind.context.line]).toEqual(['gates[0].kind', 2]);
  });

  it('reads transform and ratio bounds (Gating-ML boundMin/boundMax) and writes them back', () => {
    const text = [
      'transforms:',
      '  lin: { kind: linear, t: 100, a: 0, boundMin: 0.1, boundMax: 0.5 }',
      'gates:',
      '  - id: Top',
      '    kind: range',
      '    dimension: { channel: FL1-H, transform: lin }',
      '    min: 0.45',
      '  - id: Ratio',
      '    kind: range',
      '    dimension: { ratio: { x: FL1-H, y: FL2-H, a: 1, b: 0, c: 0, boundMax: 2 } }',
      '    min: 1.5',
      '',
    ].join('\n');
    const s = parseGatingFile(text, 'b.yaml');
    expect(s.transforms.lin).toEqual({ kind: 'linear', t: 100, a: 0, boundMin: 0.1, boundMax: 0.5 });
    expect(s.gates[1]!.gate).toEqual({
      kind: 'range',
      dimensions: [{ ratio: { x: 'FL1-H', y: 'FL2-H', a: 1, b: 0, c: 0, boundMax: 2 }, compensation: 'FCS', min: 1.5 }],
    });
    expect(parseGatingFile(toGatingFile(s), 'yaml')).toEqual(s);
    expect(parseGatingFile(toGatingFile(s, { format: 'json' }), 'json')).toEqual(s);
    expect(parseGatingFile(toGatingFile(parseGatingML(toGatingML(s))), 'via Gating-ML').transforms).toEqual(s.transforms);
  });

  it('names the field and line of bad bounds and of unknown transform or ratio fields', () => {
    const order = caught(() => parseGatingFile('transforms:\n  lin:\n    kind: linear\n    t: 100\n    a: 0\n    boundMin: 0.6\n    boundMax: 0.5\n', 'o.yaml'));
    expect(order.context).toEqual({ source: 'o.yaml', field: 'transforms.lin.boundMax', line: 7, column: 15 });
    expect(order.message).toMatchInlineSnapshot(
      `"o.yaml:7: transforms.lin.boundMax: linear parameter boundMax = 0.5 is not valid; expected boundMax >= boundMin (0.6)"`,
    );
    const typo = caught(() => parseGatingFile('transforms:\n  lin: { kind: linear, t: 100, a: 0, boundmax: 0.5 }\n', 't.yaml'));
    expect([typo.context.field, typo.context.line]).toEqual(['transforms.lin.boundmax', 2]);
    expect(typo.message).toMatchInlineSnapshot(
      `"t.yaml:2: transforms.lin.boundmax: unknown field for a linear transform; expected kind, t, a, boundMin, boundMax"`,
    );
    const biex = caught(() =>
      parseGatingFile('transforms:\n  b: { kind: flowjo-biex, width: -10, negative: 0, positive: 4.4, maxValue: 262144, channelRange: 4096, boundMax: 1 }\n', 'x.yaml'),
    );
    expect(biex.context.field).toBe('transforms.b.boundMax');
    const ratio = 'gates:\n  - id: R\n    kind: range\n    dimension: { ratio: { x: A, y: B, a: 1, b: 0, c: 0, boundMin: 3, boundMax: 2 } }\n';
    const bad = caught(() => parseGatingFile(ratio, 'r.yaml'));
    expect([bad.context.field, bad.context.line]).toEqual(['gates[0].dimension.ratio.boundMax', 4]);
    const unknown = caught(() => parseGatingFile(ratio.replace('boundMin: 3', 'bound: 3'), 'u.yaml'));
    expect(unknown.context.field).toBe('gates[0].dimension.ratio.bound');
  });
});
