import { findChannel, type Column, type EventTable } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import { compensate } from '../compensation/compensate.js';
import { StrategyError } from '../errors.js';
import { isRatioDimension, type Dimension } from '../gates/gate-spec.js';
import { createTransform } from '../transforms/create-transform.js';
import { ratioValues } from '../transforms/transform-columns.js';
import type { Transform } from '../transforms/transform-spec.js';
import { FCS_COMPENSATION, UNCOMPENSATED, type CompensationMatrix, type GatingStrategy } from './gating-strategy.js';

/**
 * Resolves gate dimensions to value columns for one evaluation: scale values → compensation (per
 * dimension) → ratio → transform. Compensated tables, transforms and every (compensation, channel or
 * ratio, transform) column are computed once and cached for the lifetime of the resolver.
 */
export class DimensionValues {
  private readonly tables = new Map<string, EventTable>();
  private readonly transforms = new Map<string, Transform>();
  private readonly columns = new Map<string, Column>();

  constructor(
    private readonly strategy: GatingStrategy,
    private readonly table: EventTable,
    private readonly fcsSpillover: SpilloverMatrix | null,
  ) {}

  /** Values of `dimension` for every event, in the gate's coordinate space. */
  values(dimension: Dimension, gateId: string): Column {
    const ref = dimension.compensation;
    const source = isRatioDimension(dimension)
      ? `ratio(${dimension.ratio.x},${dimension.ratio.y},${dimension.ratio.a},${dimension.ratio.b},${dimension.ratio.c})`
      : `channel(${dimension.channel})`;
    const key = `${ref}\u0000${source}\u0000${dimension.transform ?? ''}`;
    const cached = this.columns.get(key);
    if (cached) {
      return cached;
    }
    let column: Column;
    if (isRatioDimension(dimension)) {
      const { x, y, a, b, c } = dimension.ratio;
      const xs = this.channel(ref, x, gateId);
      const ys = this.channel(ref, y, gateId);
      column = ratioValues(xs, ys, a, b, c);
    } else {
      column = this.channel(ref, dimension.channel, gateId);
    }
    if (dimension.transform !== undefined) {
      column = this.transform(dimension.transform).applyColumn(column);
    }
    this.columns.set(key, column);
    return column;
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
