import { fullMask, maskCount, type EventTable, type Mask } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import { applyGate } from '../gates/apply-gate.js';
import type { BooleanGateSpec } from '../gates/gate-spec.js';
import { quadrantMasks } from '../gates/quadrant-masks.js';
import { DimensionValues } from './dimension-values.js';
import { rectangleByThresholds } from './rectangle-by-thresholds.js';
import type { GatingStrategy } from './gating-strategy.js';
import type { Population, PopulationTree } from './population-tree.js';
import { validateStrategy } from './validate-strategy.js';

/** Options of {@link evaluateStrategy}. */
export interface EvaluateOptions {
  /** The data file's own spillover (for `compensation: 'FCS'`); null or absent = uncompensated. */
  readonly fcsSpillover?: SpilloverMatrix | null;
}

/**
 * Evaluates a gating strategy on a table of scale values (Gating-ML 2.0 semantics): for each gate,
 * in dependency order, every dimension is compensated (per dimension, by its own ref), turned into a
 * ratio if it is one, transformed, and tested; the result is ANDed with the parent population. Each
 * quadrant of a quadrant gate is its own population under the quadrant gate (whose own population is
 * its parent's events); boolean gates combine their operands' final memberships (`complement`
 * negates one) and are ANDed with their own parent.
 *
 * @param strategy the gates, transforms and matrices
 * @param table scale values (stage 'scaled'); channels named by $PnN, labels by $PnS
 * @returns every population with mask, count and percentages
 * @throws {StrategyError} see `validateStrategy`, and `STRATEGY_UNKNOWN_CHANNEL`
 * @throws {GateSpecError} `GATE_SPEC_INVALID`
 * @throws {CompensationError} from compensation (missing detector, singular matrix)
 * @example
 * const tree = evaluateStrategy(parseGatingML(xml), scaleDataset(dataset), { fcsSpillover: dataset.spillover });
 * tree.byId.get('Range1')?.count;
 */
export function evaluateStrategy(
  strategy: GatingStrategy,
  table: EventTable,
  options: EvaluateOptions = {},
): PopulationTree {
  const { order } = validateStrategy(strategy);
  const values = new DimensionValues(strategy, table, options.fcsSpillover ?? null);
  const total = table.eventCount;
  const byId = new Map<string, Population>();
  const populations: Population[] = [];
  const add = (id: string, parentId: string | null, mask: Mask): void => {
    const parent = parentId === null ? undefined : byId.get(parentId);
    const count = maskCount(mask);
    const parentCount = parent ? parent.count : total;
    const pop: Population = {
      id,
      path: parent ? [...parent.path, id] : [id],
      parent: parentId,
      mask,
      count,
      percentOfParent: parentCount > 0 ? (100 * count) / parentCount : 0,
      percentOfTotal: total > 0 ? (100 * count) / total : 0,
    };
    byId.set(id, pop);
    populations.push(pop);
  };
  for (const node of order) {
    const parentPop = node.parent === undefined ? undefined : byId.get(node.parent)!;
    const parentMask = parentPop ? parentPop.mask : null;
    // Every population's mask is a subset of its ancestors' masks, so values computed for an ancestor
    // cover the parent's events.
    const supersets = parentPop ? parentPop.path.slice(0, -1).map((id) => byId.get(id)!.mask) : [];
    const gate = node.gate;
    switch (gate.kind) {
      case 'quadrant': {
        const columns = gate.dividers.map((d) => values.values(d.dimension, node.id, parentMask, supersets));
        add(node.id, node.parent ?? null, parentMask ? parentMask.slice() : fullMask(total));
        for (const [qid, mask] of quadrantMasks(gate, columns, parentMask)) {
          add(qid, node.id, mask);
        }
        break;
      }
      case 'boolean':
        add(node.id, node.parent ?? null, andInPlace(combine(gate, byId, total), parentMask));
        break;
      default: {
        // Range and rectangle gates on transformed dimensions test bounds mapped back through the
        // transform, transforming only values next to a bound (same decisions, far less logicle).
        const byThresholds =
          (gate.kind === 'range' || gate.kind === 'rectangle') && gate.dimensions.some((d) => d.transform !== undefined)
            ? rectangleByThresholds(gate, values, node.id, parentMask, supersets)
            : null;
        if (byThresholds) {
          add(node.id, node.parent ?? null, byThresholds);
          break;
        }
        const columns = gate.dimensions.map((d) => values.values(d, node.id, parentMask, supersets));
        add(node.id, node.parent ?? null, applyGate(gate, columns, node.id, parentMask));
      }
    }
  }
  return { eventCount: total, populations, byId };
}

function andInPlace(mask: Mask, other: Mask | null): Mask {
  if (other) {
    for (let i = 0; i < mask.length; i++) {
      mask[i] = mask[i]! & other[i]!;
    }
  }
  return mask;
}

function combine(gate: BooleanGateSpec, byId: ReadonlyMap<string, Population>, total: number): Mask {
  const operand = (k: number): Mask => {
    const o = gate.operands[k]!;
    const m = byId.get(o.ref)!.mask;
    if (!o.complement) {
      return m;
    }
    const out = new Uint8Array(total);
    for (let i = 0; i < total; i++) {
      out[i] = m[i]! ^ 1;
    }
    return out;
  };
  if (gate.op === 'not') {
    const m = operand(0);
    const out = new Uint8Array(total);
    for (let i = 0; i < total; i++) {
      out[i] = m[i]! ^ 1;
    }
    return out;
  }
  const out = operand(0).slice();
  for (let k = 1; k < gate.operands.length; k++) {
    const m = operand(k);
    if (gate.op === 'and') {
      for (let i = 0; i < total; i++) {
        out[i] = out[i]! & m[i]!;
      }
    } else {
      for (let i = 0; i < total; i++) {
        out[i] = out[i]! | m[i]!;
      }
    }
  }
  return out;
}
