import { StrategyError } from '../errors.js';
import { gateDimensions } from '../gates/gate-spec.js';
import { assertGateSpec } from '../gates/validate-gate-spec.js';
import { FCS_COMPENSATION, UNCOMPENSATED, type GateNode, type GatingStrategy } from './gating-strategy.js';

/** Where each population id comes from: a gate node, or a quadrant of a quadrant gate node. */
export interface PopulationSource {
  readonly node: GateNode;
  /** Set for a quadrant population. */
  readonly quadrantId?: string;
}

/**
 * Validates a strategy and returns its gates in evaluation order (every gate after its parent and its
 * boolean operands). Checks every gate spec, unique population ids (gate and quadrant ids), parents,
 * boolean operands, transform and matrix references, and cycles.
 *
 * @throws {GateSpecError} `GATE_SPEC_INVALID` for a malformed gate
 * @throws {StrategyError} `STRATEGY_DUPLICATE_ID`, `STRATEGY_UNKNOWN_PARENT`, `STRATEGY_UNKNOWN_OPERAND`,
 *   `STRATEGY_UNKNOWN_TRANSFORM`, `STRATEGY_UNKNOWN_MATRIX`, `STRATEGY_CYCLE` (context `{ gateId, ... }`)
 * @example
 * validateStrategy({ transforms: {}, matrices: {}, gates: [{ id: 'A', parent: 'B', gate }] });
 * // throws STRATEGY_UNKNOWN_PARENT
 */
export function validateStrategy(strategy: GatingStrategy): {
  order: readonly GateNode[];
  sources: ReadonlyMap<string, PopulationSource>;
} {
  const sources = new Map<string, PopulationSource>();
  const claim = (id: string, source: PopulationSource): void => {
    if (sources.has(id)) {
      throw new StrategyError('STRATEGY_DUPLICATE_ID', `population id '${id}' is used twice; ids must be unique`, {
        gateId: id,
      });
    }
    sources.set(id, source);
  };
  for (const node of strategy.gates) {
    assertGateSpec(node.gate, node.id);
    claim(node.id, { node });
    if (node.gate.kind === 'quadrant') {
      for (const q of node.gate.quadrants) {
        claim(q.id, { node, quadrantId: q.id });
      }
    }
  }
  for (const node of strategy.gates) {
    checkRefs(strategy, node, sources);
  }
  return { order: topologicalOrder(strategy.gates, sources), sources };
}

function checkRefs(strategy: GatingStrategy, node: GateNode, sources: ReadonlyMap<string, PopulationSource>): void {
  const gateId = node.id;
  if (node.parent !== undefined && !sources.has(node.parent)) {
    throw new StrategyError('STRATEGY_UNKNOWN_PARENT', `gate '${gateId}': parent '${node.parent}' is not a gate or quadrant id`, {
      gateId,
      ref: node.parent,
    });
  }
  if (node.gate.kind === 'boolean') {
    for (const o of node.gate.operands) {
      if (!sources.has(o.ref)) {
        throw new StrategyError('STRATEGY_UNKNOWN_OPERAND', `gate '${gateId}': operand '${o.ref}' is not a gate or quadrant id`, {
          gateId,
          ref: o.ref,
        });
      }
    }
  }
  for (const dim of gateDimensions(node.gate)) {
    const ref = dim.compensation;
    if (ref !== UNCOMPENSATED && ref !== FCS_COMPENSATION && !Object.hasOwn(strategy.matrices, ref)) {
      throw new StrategyError('STRATEGY_UNKNOWN_MATRIX', `gate '${gateId}': compensation '${ref}' is not 'uncompensated', 'FCS' or a matrix id`, {
        gateId,
        ref,
      });
    }
    if (dim.transform !== undefined && !Object.hasOwn(strategy.transforms, dim.transform)) {
      throw new StrategyError('STRATEGY_UNKNOWN_TRANSFORM', `gate '${gateId}': transform '${dim.transform}' is not defined`, {
        gateId,
        ref: dim.transform,
      });
    }
  }
}

/** Depth-first topological sort over parent and operand edges; reports the first cycle found. */
function topologicalOrder(gates: readonly GateNode[], sources: ReadonlyMap<string, PopulationSource>): GateNode[] {
  const state = new Map<string, 1 | 2>();
  const order: GateNode[] = [];
  const stack: string[] = [];
  const deps = (node: GateNode): string[] => {
    const refs = node.parent !== undefined ? [node.parent] : [];
    if (node.gate.kind === 'boolean') {
      refs.push(...node.gate.operands.map((o) => o.ref));
    }
    // A quadrant stands for its quadrant gate.
    return refs.map((r) => sources.get(r)!.node.id);
  };
  const visit = (node: GateNode): void => {
    const s = state.get(node.id);
    if (s === 2) {
      return;
    }
    if (s === 1) {
      const cycle = [...stack.slice(stack.indexOf(node.id)), node.id];
      throw new StrategyError('STRATEGY_CYCLE', `gate '${node.id}' depends on itself: ${cycle.join(' -> ')}`, {
        gateId: node.id,
        cycle,
      });
    }
    state.set(node.id, 1);
    stack.push(node.id);
    for (const dep of deps(node)) {
      visit(sources.get(dep)!.node);
    }
    stack.pop();
    state.set(node.id, 2);
    order.push(node);
  };
  for (const node of gates) {
    visit(node);
  }
  return order;
}
