import { findChannel, type Column, type EventTable, type Mask } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import { compensate } from '../compensation/compensate.js';
import { StrategyError } from '../errors.js';
import { isRatioDimension, type Dimension } from '../gates/gate-spec.js';
import { createTransform } from '../transforms/create-transform.js';
import { ratioValues } from '../transforms/transform-columns.js';
import type { Transform } from '../transforms/transform-spec.js';
import { FCS_COMPENSATION, UNCOMPENSATED, type CompensationMatrix, type GatingStrategy } from './gating-strategy.js';

/** A transformed column filled lazily: `done[i]` = 1 once `values[i]` is computed. */
interface TransformedColumn {
  readonly values: Float64Array;
  readonly done: Uint8Array;
  complete: boolean;
}

/**
 * Resolves gate dimensions to value columns for one evaluation: scale values → compensation (per
 * dimension) → ratio → transform. Compensated tables, transforms and every (compensation, channel or
 * ratio, transform) column are computed once and cached for the lifetime of the resolver.
 */
export class DimensionValues {
  private readonly tables = new Map<string, EventTable>();
  private readonly transforms = new Map<string, Transform>();
  private readonly columns = new Map<string, Column>();
  private readonly transformed = new Map<string, TransformedColumn>();

  constructor(
    private readonly strategy: GatingStrategy,
    private readonly table: EventTable,
    private readonly fcsSpillover: SpilloverMatrix | null,
  ) {}

  /**
   * Values of `dimension` in the gate's coordinate space. With `within`, transformed values are only
   * guaranteed for the events selected there (others may be NaN): a gate's result is ANDed with its
   * parent, so a child never needs values outside its parent, and expensive transforms (logicle,
   * hyperlog) run on the parent's events only. Values computed once are reused by later gates.
   */
  values(dimension: Dimension, gateId: string, within: Mask | null = null): Column {
    const ref = dimension.compensation;
    const source = isRatioDimension(dimension)
      ? `ratio(${dimension.ratio.x},${dimension.ratio.y},${dimension.ratio.a},${dimension.ratio.b},${dimension.ratio.c})`
      : `channel(${dimension.channel})`;
    const baseKey = `${ref}\u0000${source}`;
    let base = this.columns.get(baseKey);
    if (!base) {
      if (isRatioDimension(dimension)) {
        const { x, y, a, b, c } = dimension.ratio;
        base = ratioValues(this.channel(ref, x, gateId), this.channel(ref, y, gateId), a, b, c);
      } else {
        base = this.channel(ref, dimension.channel, gateId);
      }
      this.columns.set(baseKey, base);
    }
    if (dimension.transform === undefined) {
      return base;
    }
    const key = `${baseKey}\u0000${dimension.transform}`;
    let entry = this.transformed.get(key);
    if (!entry) {
      entry = { values: new Float64Array(base.length).fill(NaN), done: new Uint8Array(base.length), complete: false };
      this.transformed.set(key, entry);
    }
    if (!entry.complete) {
      this.fill(entry, base, this.transform(dimension.transform), within);
    }
    return entry.values;
  }

  /** Transforms the events of `within` (all when null) that are not done yet: gather, transform, scatter. */
  private fill(entry: TransformedColumn, base: Column, transform: Transform, within: Mask | null): void {
    const { values, done } = entry;
    const n = base.length;
    const todo = new Uint32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (done[i] === 0 && (within === null || within[i] === 1)) {
        todo[k++] = i;
      }
    }
    if (k === 0) {
      entry.complete = within === null;
      return;
    }
    const input = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      input[j] = base[todo[j]!]!;
    }
    const output = transform.applyColumn(input);
    for (let j = 0; j < k; j++) {
      const i = todo[j]!;
      values[i] = output[j]!;
      done[i] = 1;
    }
    entry.complete = within === null || k === n;
  }

  private transform(id: string): Transform {
    let t = this.transforms.get(id);
    if (!t) {
      t = createTransform(this.strategy.transforms[id]!);
      this.transforms.set(id, t);
    }
    return t;
  }

  private channel(ref: string, name: string, gateId: string): Column {
    const table = this.compensated(ref);
    const matrix: CompensationMatrix | undefined = this.strategy.matrices[ref];
    let idx = findChannel(table, name);
    if (idx < 0 && name.includes('/')) {
      idx = findChannel(table, name.replaceAll('/', '_'));
    }
    if (idx < 0 && matrix?.fluorochromes) {
      const f = matrix.fluorochromes.indexOf(name);
      const detector = f >= 0 ? matrix.detectors[f] : undefined;
      idx = detector === undefined ? -1 : findChannel(table, detector);
    }
    if (idx < 0) {
      const available = table.channels.map((c) => (c.label ? `${c.name} (${c.label})` : c.name));
      throw new StrategyError(
        'STRATEGY_UNKNOWN_CHANNEL',
        `gate '${gateId}': no channel '${name}' (compensation '${ref}'); available: ${available.join(', ')}`,
        { gateId, channel: name, available },
      );
    }
    return table.columns[idx]!;
  }

  private compensated(ref: string): EventTable {
    const cached = this.tables.get(ref);
    if (cached) {
      return cached;
    }
    let result: EventTable;
    if (ref === UNCOMPENSATED || (ref === FCS_COMPENSATION && !this.fcsSpillover)) {
      result = this.table;
    } else if (ref === FCS_COMPENSATION) {
      result = compensate(this.table, this.fcsSpillover!);
    } else {
      const m = this.strategy.matrices[ref]!;
      result = compensate(this.table, m, {
        ...(m.fluorochromes ? { fluorochromes: m.fluorochromes } : {}),
        ...(m.inverted ? { inverted: true } : {}),
      });
    }
    this.tables.set(ref, result);
    return result;
  }
}
