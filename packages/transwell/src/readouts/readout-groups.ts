import type { Group } from '../stats/alternative.js';
import type { TranswellReadouts } from './compute-readouts.js';

/**
 * The per-unit metric values of each condition as named groups for the statistics functions
 * (`oneWayAnova`, `dunnettTest`, `tukeyHsd`, `kruskalWallis`). A condition with a coating is named
 * `'<condition> [<coating>]'`; pass `coating` to keep only that coating (`null` = uncoated-unlabelled).
 *
 * @example
 * dunnettTest(readoutGroups(readouts), 'CCL2');
 */
export function readoutGroups(readouts: TranswellReadouts, options: { readonly coating?: string | null } = {}): Group[] {
  return readouts.conditions
    .filter((c) => options.coating === undefined || c.coating === options.coating)
    .map((c) => ({
      name: c.coating === null || options.coating !== undefined ? c.condition : `${c.condition} [${c.coating}]`,
      values: c.unitValues.map((u) => u.value),
    }));
}
