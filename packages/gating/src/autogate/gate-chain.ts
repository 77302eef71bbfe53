import { maskCount, type Mask } from '@tamkit/core';
import { applyGate } from '../gates/apply-gate.js';
import type { GeometricGateSpec } from '../gates/gate-spec.js';
import type { GateNode } from '../strategy/gating-strategy.js';
import type { Population } from '../strategy/population-tree.js';
import { AutogateError } from './autogate-errors.js';

/**
 * A chain of gates, each the child of the previous one, with the population of each (mask ANDed with
 * the parent's, count, % of parent, % of total) and its fit parameters: what `autoPregate` builds.
 */
export class GateChain {
  readonly gates: GateNode[] = [];
  readonly populations: Population[] = [];
  readonly parameters: Record<string, Readonly<Record<string, unknown>>> = {};

  constructor(
    private readonly total: number,
    private readonly minEvents: number,
  ) {}

  /** Mask of the last gate, or null (every event) before the first. */
  get last(): Mask | null {
    return this.populations.at(-1)?.mask ?? null;
  }

  /**
   * Appends `gate` under the last gate. `evalGate` (default `gate`) computes the mask: fluorescence
   * gates pass the same gate with bounds mapped back to compensated units, so that events are not
   * transformed one by one.
   */
  add(
    id: string,
    gate: GeometricGateSpec,
    columns: readonly (Float64Array | Float32Array)[],
    params: Readonly<Record<string, unknown>>,
    evalGate: GeometricGateSpec = gate,
  ): Mask {
    const parentPop = this.populations.at(-1);
    const mask = applyGate(evalGate, columns, id);
    if (parentPop !== undefined) {
      const parentMask = parentPop.mask;
      for (let i = 0; i < mask.length; i++) {
        mask[i] = mask[i]! & parentMask[i]!;
      }
    }
    const count = maskCount(mask);
    const parentCount = parentPop === undefined ? this.total : parentPop.count;
    this.gates.push({ id, ...(parentPop === undefined ? {} : { parent: parentPop.id }), gate });
    this.populations.push({
      id,
      path: [...(parentPop?.path ?? []), id],
      parent: parentPop?.id ?? null,
      mask,
      count,
      percentOfParent: parentCount > 0 ? (100 * count) / parentCount : 0,
      percentOfTotal: this.total > 0 ? (100 * count) / this.total : 0,
    });
    this.parameters[id] = params;
    return mask;
  }

  /** @throws {AutogateError} `AUTOGATE_TOO_FEW_EVENTS` when the last population is too small to fit `gateId`. */
  requireEvents(gateId: string): void {
    const n = this.populations.at(-1)?.count ?? this.total;
    if (n < this.minEvents) {
      throw new AutogateError(
        'AUTOGATE_TOO_FEW_EVENTS',
        `gate '${gateId}': its parent population has ${n} events; expected at least ${this.minEvents} to fit it (option minEvents)`,
        { gateId, eventCount: n, minimum: this.minEvents },
      );
    }
  }
}
