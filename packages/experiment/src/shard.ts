import { ExperimentError } from './errors.js';

/** A slice of the samples: shard `index` of `count` (0-based). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * Parses `I/N` (0 ≤ I < N), as given to `tamkit run --shard` (Slurm's `$SLURM_ARRAY_TASK_ID/N`).
 *
 * @throws {ExperimentError} `EXPERIMENT_BAD_SHARD` (context `{ shard }`).
 * @example parseShard('1/4'); // { index: 1, count: 4 }
 */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1) || !(index < count)) {
    throw new ExperimentError('EXPERIMENT_BAD_SHARD', `shard '${text}': expected I/N with 0 <= I < N, e.g. 0/4`, { shard: text });
  }
  return { index, count };
}

/**
 * The items of one shard: sorted by id, then dealt round-robin (item k goes to shard k mod N), so
 * shards differ by at most one item and the split depends only on the ids.
 *
 * @example shardItems([{ id: 'b' }, { id: 'a' }, { id: 'c' }], { index: 0, count: 2 }); // a, c
 */
export function shardItems<T extends { readonly id: string }>(items: readonly T[], shard: Shard): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).filter((_, k) => k % shard.count === shard.index);
}
