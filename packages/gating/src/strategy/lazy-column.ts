import type { Mask } from '@tamkit/core';

/**
 * A derived column filled on demand: `ensure(within, compute)` computes the values of the events
 * selected by `within` (all when null) that are not computed yet. Values of events never requested
 * stay NaN. Gates only need values inside their parent population, so costly steps (compensation,
 * logicle) run on the parent's events only and are reused by later gates.
 */
export class LazyColumn {
  readonly values: Float64Array;
  private readonly done: Uint8Array;
  private complete = false;
  /** Masks this column was already ensured for (by identity). */
  private readonly ensuredFor = new Set<Mask>();

  constructor(length: number) {
    this.values = new Float64Array(length).fill(NaN);
    this.done = new Uint8Array(length);
  }

  /**
   * @param compute receives the positions to fill (`todo[0..count)`, ascending) and writes
   *   `values[todo[t]]` for each of them
   * @param supersets masks known to contain every event of `within` (e.g. the masks of its
   *   ancestor populations): when the column was already ensured for one of them, nothing is left to
   *   compute and the scan is skipped
   */
  ensure(
    within: Mask | null,
    compute: (todo: Uint32Array, count: number) => void,
    supersets: readonly Mask[] = [],
  ): Float64Array {
    if (this.complete || (within !== null && (this.ensuredFor.has(within) || supersets.some((m) => this.ensuredFor.has(m))))) {
      return this.values;
    }
    const n = this.values.length;
    const { done } = this;
    // Room for one extra write: the branch-free compaction below stores every i and advances only
    // past the ones to keep (masks are unpredictable, so a branch here costs more than the store).
    const todo = new Uint32Array(n + 1);
    let count = 0;
    if (within === null) {
      for (let i = 0; i < n; i++) {
        todo[count] = i;
        count += done[i]! ^ 1;
      }
    } else {
      for (let i = 0; i < n; i++) {
        todo[count] = i;
        count += (done[i]! ^ 1) & within[i]!;
      }
      this.ensuredFor.add(within);
    }
    if (count > 0) {
      compute(todo, count);
      for (let t = 0; t < count; t++) {
        done[todo[t]!] = 1;
      }
    }
    this.complete = within === null || count === n;
    return this.values;
  }
}
