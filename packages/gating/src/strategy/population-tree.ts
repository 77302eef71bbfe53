import type { Mask } from '@tamkit/core';

/** One population of an evaluated strategy (the columns of FlowKit's gating results report). */
export interface Population {
  /** Gate id, or quadrant id for a quadrant population. */
  readonly id: string;
  /** Ids from the root down to this population (a quadrant's path ends with its quadrant gate's id, then its own). */
  readonly path: readonly string[];
  /** Parent population id; null at the root. A quadrant's parent is its quadrant gate. */
  readonly parent: string | null;
  /** Final membership: the gate's own test ANDed with the parent's membership. */
  readonly mask: Mask;
  readonly count: number;
  /** 100 × count / parent count (0 when the parent is empty); relative to all events at the root. */
  readonly percentOfParent: number;
  /** 100 × count / total events (0 when there are no events). */
  readonly percentOfTotal: number;
}

/** The result of evaluating a strategy on one table; populations in evaluation order. */
export interface PopulationTree {
  readonly eventCount: number;
  readonly populations: readonly Population[];
  readonly byId: ReadonlyMap<string, Population>;
}

/**
 * Finds a population by id or by path (ids from the root).
 *
 * @returns the population, or undefined when none matches
 * @example
 * findPopulation(tree, ['Quadrant1', 'FL2P-FL4P'])?.count;
 */
export function findPopulation(tree: PopulationTree, idOrPath: string | readonly string[]): Population | undefined {
  if (typeof idOrPath === 'string') {
    return tree.byId.get(idOrPath);
  }
  const last = idOrPath[idOrPath.length - 1];
  const found = last === undefined ? undefined : tree.byId.get(last);
  return found && found.path.length === idOrPath.length && found.path.every((p, i) => p === idOrPath[i])
    ? found
    : undefined;
}
