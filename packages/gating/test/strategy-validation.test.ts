import { describe, expect, it } from 'vitest';
import { channelMeta, createEventTable } from '@tamkit/core';
import { StrategyError } from '../src/errors.js';
import type { GateSpec } from '../src/gates/gate-spec.js';
import { evaluateStrategy } from '../src/strategy/evaluate-strategy.js';
import type { GateNode, GatingStrategy } from '../src/strategy/gating-strategy.js';
import { validateStrategy } from '../src/strategy/validate-strategy.js';

const range = (channel: string, min: number, extra: Partial<{ compensation: string; transform: string }> = {}): GateSpec => ({
  kind: 'range',
  dimensions: [{ channel, compensation: 'uncompensated', ...extra, min }],
});
const strategy = (gates: GateNode[], rest: Partial<GatingStrategy> = {}): GatingStrategy => ({
  transforms: {},
  matrices: {},
  gates,
  ...rest,
});

function caught(fn: () => unknown): StrategyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StrategyError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a StrategyError');
}

describe('validateStrategy', () => {
  it('orders gates after their parents and operands whatever the input order', () => {
    const { order } = validateStrategy(
      strategy([
        { id: 'Both', gate: { kind: 'boolean', op: 'and', operands: [{ ref: 'Child' }, { ref: 'Root' }] } },
        { id: 'Child', parent: 'Root', gate: range('A', 1) },
        { id: 'Root', gate: range('A', 0) },
      ]),
    );
    expect(order.map((g) => g.id)).toEqual(['Root', 'Child', 'Both']);
  });

  it('rejects duplicate ids, including quadrant ids', () => {
    const err = caught(() =>
      validateStrategy(
        strategy([
          { id: 'Q', gate: range('A', 0) },
          {
            id: 'Quad',
            gate: { kind: 'quadrant', dividers: [{ id: 'D', dimension: { channel: 'A', compensation: 'FCS' }, cuts: [1] }], quadrants: [{ id: 'Q', positions: [{ divider: 'D', location: 0 }] }] },
          },
        ]),
      ),
    );
    expect(err.code).toBe('STRATEGY_DUPLICATE_ID');
    expect(err.context).toEqual({ gateId: 'Q' });
    expect(err.message).toMatchInlineSnapshot(`"population id 'Q' is used twice; ids must be unique"`);
  });

  it('rejects unknown parents, operands, transforms and matrices', () => {
    const parent = caught(() => validateStrategy(strategy([{ id: 'A', parent: 'Nope', gate: range('A', 0) }])));
    expect([parent.code, parent.context]).toEqual(['STRATEGY_UNKNOWN_PARENT', { gateId: 'A', ref: 'Nope' }]);
    expect(parent.message).toMatchInlineSnapshot(`"gate 'A': parent 'Nope' is not a gate or quadrant id"`);
    const operand = caught(() =>
      validateStrategy(strategy([{ id: 'A', gate: range('A', 0) }, { id: 'N', gate: { kind: 'boolean', op: 'not', operands: [{ ref: 'B' }] } }])),
    );
    expect([operand.code, operand.context]).toEqual(['STRATEGY_UNKNOWN_OPERAND', { gateId: 'N', ref: 'B' }]);
    const transform = caught(() => validateStrategy(strategy([{ id: 'A', gate: range('A', 0, { transform: 'logicle1' }) }])));
    expect([transform.code, transform.context]).toEqual(['STRATEGY_UNKNOWN_TRANSFORM', { gateId: 'A', ref: 'logicle1' }]);
    expect(transform.message).toMatchInlineSnapshot(`"gate 'A': transform 'logicle1' is not defined"`);
    const matrix = caught(() => validateStrategy(strategy([{ id: 'A', gate: range('A', 0, { compensation: 'Spill2' }) }])));
    expect([matrix.code, matrix.context]).toEqual(['STRATEGY_UNKNOWN_MATRIX', { gateId: 'A', ref: 'Spill2' }]);
    expect(matrix.message).toMatchInlineSnapshot(`"gate 'A': compensation 'Spill2' is not 'uncompensated', 'FCS' or a matrix id"`);
  });

  it('rejects cycles through parents and boolean operands, naming the cycle', () => {
    const err = caught(() =>
      validateStrategy(
        strategy([
          { id: 'A', parent: 'C', gate: range('A', 0) },
          { id: 'B', parent: 'A', gate: range('A', 0) },
          { id: 'C', gate: { kind: 'boolean', op: 'or', operands: [{ ref: 'B' }, { ref: 'B', complement: true }] } },
        ]),
      ),
    );
    expect(err.code).toBe('STRATEGY_CYCLE');
    expect(err.context).toEqual({ gateId: 'A', cycle: ['A', 'C', 'B', 'A'] });
    expect(err.message).toMatchInlineSnapshot(`"gate 'A' depends on itself: A -> C -> B -> A"`);
  });
});

describe('evaluateStrategy', () => {
  const table = createEventTable(
    [channelMeta({ name: 'FL1-H', label: 'CD4 FITC' }), channelMeta({ name: 'FL2-H' })],
    [Float64Array.from([1, 2, 3, 4]), Float64Array.from([4, 3, 2, 1])],
    'scaled',
  );

  it('counts and percentages (hand-derived)', () => {
    // FL1-H ≥ 2: events 1, 2, 3 (3 of 4 = 75 %); child FL2-H ≥ 2 within it: events 1, 2
    // (2 of 3 = 66.7 % of parent, 50 % of total). The label 'CD4 FITC' names FL1-H.
    const tree = evaluateStrategy(
      strategy([
        { id: 'P', gate: range('CD4 FITC', 2) },
        { id: 'C', parent: 'P', gate: range('FL2-H', 2) },
      ]),
      table,
    );
    const c = tree.byId.get('C')!;
    expect(Array.from(c.mask)).toEqual([0, 1, 1, 0]);
    expect({ path: c.path, count: c.count, parent: c.parent, total: c.percentOfTotal }).toEqual({ path: ['P', 'C'], count: 2, parent: 'P', total: 50 });
    expect(c.percentOfParent).toBeCloseTo(200 / 3, 12);
    expect(tree.byId.get('P')!.percentOfParent).toBe(75);
  });

  it('shares a transformed column between gates with disjoint parents', () => {
    // flin with T = 9, A = 1: y = (x + 1)/10, so FL2-H = 4, 3, 2, 1 → 0.5, 0.4, 0.3, 0.2.
    // Low = FL1-H < 3 (events 0, 1), High = FL1-H ≥ 3 (events 2, 3). Both children test y ≥ 0.3:
    // under Low only event 0 and 1 qualify (0.5, 0.4); under High only event 2 (0.3). The root-level
    // gate All (y ≥ 0.3) then needs every event: 0, 1, 2.
    const lin = { channel: 'FL2-H', compensation: 'uncompensated', transform: 'lin', min: 0.3 };
    const tree = evaluateStrategy(
      strategy(
        [
          { id: 'Low', gate: { kind: 'range', dimensions: [{ channel: 'FL1-H', compensation: 'uncompensated', max: 3 }] } },
          { id: 'High', gate: range('FL1-H', 3) },
          { id: 'LowY', parent: 'Low', gate: { kind: 'range', dimensions: [lin] } },
          { id: 'HighY', parent: 'High', gate: { kind: 'range', dimensions: [lin] } },
          { id: 'All', gate: { kind: 'range', dimensions: [lin] } },
        ],
        { transforms: { lin: { kind: 'linear', t: 9, a: 1 } } },
      ),
      table,
    );
    expect(['LowY', 'HighY', 'All'].map((id) => Array.from(tree.byId.get(id)!.mask))).toEqual([
      [1, 1, 0, 0],
      [0, 0, 1, 0],
      [1, 1, 1, 0],
    ]);
  });

  it('uses a quadrant as a parent and as a boolean operand', () => {
    // Quadrants of FL1-H cut at 2.5: Lo = events 0, 1 and Hi = events 2, 3. Child of Hi: FL2-H ≥ 2
    // keeps event 2 only (FL2-H = 2, 1). Boolean Lo or not-Hi-child: events 0, 1 (Lo) plus every
    // event outside Hi-child (0, 1, 3) = 0, 1, 3.
    const tree = evaluateStrategy(
      strategy([
        {
          id: 'Q',
          gate: { kind: 'quadrant', dividers: [{ id: 'D', dimension: { channel: 'FL1-H', compensation: 'FCS' }, cuts: [2.5] }], quadrants: [{ id: 'Lo', positions: [{ divider: 'D', location: 0 }] }, { id: 'Hi', positions: [{ divider: 'D', location: 3 }] }] },
        },
        { id: 'HiChild', parent: 'Hi', gate: range('FL2-H', 2) },
        { id: 'Either', gate: { kind: 'boolean', op: 'or', operands: [{ ref: 'Lo' }, { ref: 'HiChild', complement: true }] } },
      ]),
      table,
    );
    expect(tree.byId.get('HiChild')!.path).toEqual(['Q', 'Hi', 'HiChild']);
    expect(Array.from(tree.byId.get('HiChild')!.mask)).toEqual([0, 0, 1, 0]);
    expect(Array.from(tree.byId.get('Either')!.mask)).toEqual([1, 1, 0, 1]);
    expect(tree.byId.get('Q')!.count).toBe(4);
  });

  it('names a missing channel', () => {
    const err = caught(() => evaluateStrategy(strategy([{ id: 'G', gate: range('CD206', 0) }]), table));
    expect(err.code).toBe('STRATEGY_UNKNOWN_CHANNEL');
    expect(err.context).toEqual({ gateId: 'G', channel: 'CD206', available: ['FL1-H (CD4 FITC)', 'FL2-H'] });
    expect(err.message).toMatchInlineSnapshot(`"gate 'G': no channel 'CD206' (compensation 'uncompensated'); available: FL1-H (CD4 FITC), FL2-H"`);
  });

  it('gives percentages of 0 on an empty table', () => {
    const empty = createEventTable([channelMeta({ name: 'FL1-H' })], [new Float64Array(0)], 'scaled');
    const pop = evaluateStrategy(strategy([{ id: 'G', gate: range('FL1-H', 0) }]), empty).byId.get('G')!;
    expect([pop.count, pop.percentOfParent, pop.percentOfTotal]).toEqual([0, 0, 0]);
  });
});
