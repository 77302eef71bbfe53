import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGatingFile } from '../src/gating-file/parse-gating-file.js';
import { toGatingFile } from '../src/gating-file/to-gating-file.js';
import type { Dimension, GateSpec } from '../src/gates/gate-spec.js';
import { parseGatingML } from '../src/gatingml/parse-gatingml.js';
import { toGatingML } from '../src/gatingml/to-gatingml.js';
import type { GatingStrategy } from '../src/strategy/gating-strategy.js';

const num = fc.double({ noNaN: true, noDefaultInfinity: true });
const channel = fc.constantFrom('FSC-A', 'SSC-A', 'CD11b', 'CD206', 'FL1-H');
/** A ratio, with Gating-ML bounds on one, both or neither side (boundMin <= boundMax). */
const ratio = fc
  .record({ x: channel, y: channel, a: num, b: num, c: num, boundMin: num, boundMax: num }, { requiredKeys: ['x', 'y', 'a', 'b', 'c'] })
  .filter((r) => r.boundMin === undefined || r.boundMax === undefined || r.boundMin <= r.boundMax);
const dimension: fc.Arbitrary<Dimension> = fc.oneof(
  fc.record({ channel, compensation: fc.constantFrom('uncompensated', 'FCS', 'M'), transform: fc.constantFrom('L', 'A', 'Lin') }, { requiredKeys: ['channel', 'compensation'] }),
  fc.record({ ratio, compensation: fc.constant('uncompensated') }),
);
const sorted2 = fc.tuple(num, num).filter(([a, b]) => a < b);
const gate: fc.Arbitrary<GateSpec> = fc.oneof(
  fc.tuple(dimension, sorted2).map(([d, [min, max]]): GateSpec => ({ kind: 'range', dimensions: [{ ...d, min, max }] })),
  fc.tuple(dimension, dimension, fc.array(fc.tuple(num, num), { minLength: 3, maxLength: 6 })).map(
    ([x, y, vertices]): GateSpec => ({ kind: 'polygon', dimensions: [x, y], vertices }),
  ),
  fc.tuple(dimension, dimension, fc.array(num, { minLength: 6, maxLength: 6 })).map(
    ([x, y, v]): GateSpec => ({ kind: 'ellipse', dimensions: [x, y], mean: [v[0]!, v[1]!], covariance: [[v[2]!, v[3]!], [v[4]!, v[5]!]], distanceSquare: Math.abs(v[0]!) + 1 }),
  ),
);

/** Random strategies: a chain of geometric gates plus a boolean gate over the first two. */
const strategyArb: fc.Arbitrary<GatingStrategy> = fc.array(gate, { minLength: 2, maxLength: 5 }).map((gates) => ({
  transforms: {
    L: { kind: 'logicle', t: 262144, w: 0.5, m: 4.5, a: 0 },
    A: { kind: 'asinh', t: 1000, m: 4, a: 1 },
    Lin: { kind: 'linear', t: 1000, a: 0, boundMin: -0.25, boundMax: 1 },
  },
  matrices: { M: { detectors: ['FL1-H', 'CD206'], values: Float64Array.from([1, 0.1, 0.02, 1]), source: 'gatingml', fluorochromes: ['FITC', 'PE'] } },
  gates: [
    ...gates.map((g, i) => ({ id: `G${i}`, ...(i > 0 ? { parent: `G${i - 1}` } : {}), gate: g })),
    { id: 'B', gate: { kind: 'boolean', op: 'or', operands: [{ ref: 'G0' }, { ref: 'G1', complement: true }] } },
  ],
}));

/** Deep copy with generated ratio ids removed (re-import names them) and, optionally, −0 read as 0. */
function normalise(value: unknown, zeroSign = true): unknown {
  if (typeof value === 'number') {
    return zeroSign || !Object.is(value, -0) ? value : 0;
  }
  if (Array.isArray(value)) {
    return value.map((v) => normalise(v, zeroSign));
  }
  if (value instanceof Float64Array) {
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => !(k === 'id' && typeof v === 'string' && v.startsWith('ratio_')))
        .map(([k, v]) => [k, normalise(v, zeroSign)]),
    );
  }
  return value;
}

describe('round trips of random strategies (property tests)', () => {
  it('Gating-ML export → import keeps every number and reference', () => {
    fc.assert(
      fc.property(strategyArb, (s) => {
        const back = parseGatingML(toGatingML(s), 'random.xml');
        // Every number comes back bit for bit (−0 included); generated ratio ids are the only change.
        expect(normalise(back)).toEqual(normalise(s));
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  const xsd = fileURLToPath(new URL('../../../../shared/corpus/gatingml/schema/Gating-ML.v2.0.xsd', import.meta.url));
  const canValidate = existsSync(xsd) && spawnSync('xmllint', ['--version']).status === 0;
  it.skipIf(!canValidate)(`exports of random strategies validate against the Gating-ML XSDs${!canValidate ? ' (skipped: xmllint or ../shared/corpus schemas missing)' : ''}`, () => {
    fc.assert(
      fc.property(strategyArb, (s) => {
        const run = spawnSync('xmllint', ['--noout', '--schema', xsd, '-'], { input: toGatingML(s), encoding: 'utf8' });
        expect(run.status === 0 ? '' : run.stderr).toBe('');
      }),
      { seed: 9, numRuns: 15 },
    );
  });

  it('gating file export → import is the identity (YAML and JSON)', () => {
    fc.assert(
      fc.property(strategyArb, (s) => {
        const yaml = parseGatingFile(toGatingFile(s), 'r.yaml');
        expect(yaml.gates).toEqual(s.gates);
        // JSON has no −0 (JSON.stringify writes 0); gates treat both zeros alike.
        expect(normalise(parseGatingFile(toGatingFile(s, { format: 'json' }), 'r.json').gates, false)).toEqual(normalise(s.gates, false));
      }),
      { seed: 8, numRuns: 40 },
    );
  });
});
