import { createEventTable, findChannel, type Column, type EventTable, type Mask } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import { compensate } from '../compensation/compensate.js';
import { invertMatrix } from '../compensation/invert-matrix.js';
import { StrategyError } from '../errors.js';
import { isRatioDimension, type Dimension } from '../gates/gate-spec.js';
import { createTransform } from '../transforms/create-transform.js';
import type { Transform } from '../transforms/transform-spec.js';
import { FCS_COMPENSATION, UNCOMPENSATED, type GatingStrategy } from './gating-strategy.js';
import { LazyColumn } from './lazy-column.js';

/** What compensation with one matrix needs: S⁻¹ and the table positions of its detectors. */
interface Compensation {
  readonly inverse: Float64Array;
  readonly detectorIndex: readonly number[];
  /** Table position → matrix column, for the detectors. */
  readonly columnOf: ReadonlyMap<number, number>;
  readonly fluorochromes: readonly string[] | undefined;
  readonly detectors: readonly string[];
}

/**
 * Resolves gate dimensions to value columns for one evaluation: scale values → compensation (per
 * dimension) → ratio (with its bounds) → transform (with its bounds). Every derived column (a compensated detector, a ratio, a
 * transformed column) is computed once and shared by every gate that uses it. Ratios and
 * transforms are computed only for the events the requesting gates need (their parent's events; see
 * {@link LazyColumn}). Only the detectors that gates read are compensated, with values equal to
 * `compensate()`'s (same inverse, same summation order).
 */
export class DimensionValues {
  private readonly compensations = new Map<string, Compensation | null>();
  private readonly transforms = new Map<string, Transform>();
  private readonly lazy = new Map<string, LazyColumn>();
  private readonly compensated = new Map<string, Float64Array>();

  constructor(
    private readonly strategy: GatingStrategy,
    private readonly table: EventTable,
    private readonly fcsSpillover: SpilloverMatrix | null,
  ) {}

  /**
   * Values of `dimension` in the gate's coordinate space, guaranteed for the events of `within`
   * (all when null); other events may be NaN, which is harmless because gate results are ANDed
   * with `within`. `supersets` are masks known to contain `within` (its ancestor populations'
   * masks): values already computed for one of them are reused without scanning.
   */
  values(dimension: Dimension, gateId: string, within: Mask | null = null, supersets: readonly Mask[] = []): Column {
    const { base, key } = this.baseValues(dimension, gateId, within, supersets);
    const transformId = dimension.transform;
    if (transformId === undefined) {
      return base;
    }
    const tkey = `${key}\u0000${transformId}`;
    const transform = this.transform(transformId);
    return this.column(tkey).ensure(within, (todo, count) => {
      const out = this.lazy.get(tkey)!.values;
      const input = new Float64Array(count);
      for (let t = 0; t < count; t++) {
        input[t] = base[todo[t]!]!;
      }
      const output = transform.applyColumn(input);
      for (let t = 0; t < count; t++) {
        out[todo[t]!] = output[t]!;
      }
    }, supersets);
  }

  /**
   * The dimension's values before its transform (compensated, ratio applied; guaranteed for the
   * events of `within`) and its transform (null when it has none), for callers that test
   * transformed values through thresholds instead of transforming every event.
   */
  untransformed(
    dimension: Dimension,
    gateId: string,
    within: Mask | null = null,
    supersets: readonly Mask[] = [],
  ): { readonly base: Column; readonly transform: Transform | null } {
    const { base } = this.baseValues(dimension, gateId, within, supersets);
    return { base, transform: dimension.transform === undefined ? null : this.transform(dimension.transform) };
  }

  /** The dimension's transform, or null when it has none (no values are computed). */
  transformOf(dimension: Dimension): Transform | null {
    return dimension.transform === undefined ? null : this.transform(dimension.transform);
  }

  private baseValues(dimension: Dimension, gateId: string, within: Mask | null, supersets: readonly Mask[]): { base: Column; key: string } {
    const ref = dimension.compensation;
    if (isRatioDimension(dimension)) {
      const { x, y, a, b, c, boundMin = -Infinity, boundMax = Infinity } = dimension.ratio;
      const key = `${ref}\u0000ratio(${x},${y},${a},${b},${c},${boundMin},${boundMax})`;
      const xs = this.channel(ref, x, gateId);
      const ys = this.channel(ref, y, gateId);
      const base = this.column(key).ensure(within, (todo, count) => {
        const out = this.lazy.get(key)!.values;
        for (let t = 0; t < count; t++) {
          const i = todo[t]!;
          // Gating-ML fratio, evaluated as (A·(x − B))/(y − C) and bounded like ratioValues(); absent
          // bounds are ±∞, which leave every value (NaN included) unchanged.
          const v = (a * (xs[i]! - b)) / (ys[i]! - c);
          out[i] = v > boundMax ? boundMax : v < boundMin ? boundMin : v;
        }
      }, supersets);
      return { base, key };
    }
    return { base: this.channel(ref, dimension.channel, gateId), key: `${ref}\u0000channel(${dimension.channel})` };
  }

  private column(key: string): LazyColumn {
    let c = this.lazy.get(key);
    if (!c) {
      c = new LazyColumn(this.table.eventCount);
      this.lazy.set(key, c);
    }
    return c;
  }

  private transform(id: string): Transform {
    let t = this.transforms.get(id);
    if (!t) {
      t = createTransform(this.strategy.transforms[id]!);
      this.transforms.set(id, t);
    }
    return t;
  }

  /** A channel's values through compensation `ref` (uncompensated channels are returned as stored). */
  private channel(ref: string, name: string, gateId: string): Column {
    const comp = this.compensation(ref);
    let idx = findChannel(this.table, name);
    if (idx < 0 && name.includes('/')) {
      idx = findChannel(this.table, name.replaceAll('/', '_'));
    }
    if (idx < 0 && comp?.fluorochromes) {
      const f = comp.fluorochromes.indexOf(name);
      idx = f >= 0 ? comp.detectorIndex[f]! : -1;
    }
    if (idx < 0) {
      const available = this.table.channels.map((c) => (c.label ? `${c.name} (${c.label})` : c.name));
      throw new StrategyError(
        'STRATEGY_UNKNOWN_CHANNEL',
        `gate '${gateId}': no channel '${name}' (compensation '${ref}'); available: ${available.join(', ')}`,
        { gateId, channel: name, available },
      );
    }
    const j = comp?.columnOf.get(idx);
    if (!comp || j === undefined) {
      return this.table.columns[idx]!;
    }
    const key = `${ref}\u0000compensated(${j})`;
    let out = this.compensated.get(key);
    if (!out) {
      // observed[detectors] · S⁻¹, column j only, summed over k in ascending order as compensate()
      // does, skipping zero coefficients as it does (so values are identical). All events: streaming
      // is cheaper than a gather. Up to four terms per pass over the events.
      const n = comp.detectorIndex.length;
      const len = this.table.eventCount;
      out = new Float64Array(len);
      const cols: Column[] = [];
      const fs: number[] = [];
      for (let k = 0; k < n; k++) {
        const f = comp.inverse[k * n + j]!;
        if (f !== 0) {
          cols.push(this.table.columns[comp.detectorIndex[k]!]!);
          fs.push(f);
        }
      }
      for (let t = 0; t < cols.length; t += 4) {
        accumulate(out, cols.slice(t, t + 4), fs.slice(t, t + 4));
      }
      this.compensated.set(key, out);
    }
    return out;
  }

  private compensation(ref: string): Compensation | null {
    if (this.compensations.has(ref)) {
      return this.compensations.get(ref)!;
    }
    let result: Compensation | null = null;
    const spill = ref === UNCOMPENSATED ? null : ref === FCS_COMPENSATION ? this.fcsSpillover : this.strategy.matrices[ref]!;
    if (spill) {
      const m = this.strategy.matrices[ref];
      const fluorochromes = m?.fluorochromes;
      const inverted = m?.inverted === true;
      // Compensating an empty table runs compensate()'s checks (missing detectors, shape, singular
      // matrix) with their errors, at no cost per event.
      const empty = createEventTable(this.table.channels, this.table.channels.map(() => new Float64Array(0)), 'scaled');
      compensate(empty, spill, { ...(fluorochromes ? { fluorochromes } : {}), ...(inverted ? { inverted } : {}) });
      const detectorIndex = spill.detectors.map((d) => {
        const i = this.table.channels.findIndex((c) => c.name === d);
        return i >= 0 ? i : this.table.channels.findIndex((c) => c.name.replaceAll('/', '_') === d.replaceAll('/', '_'));
      });
      result = {
        inverse: inverted ? spill.values : invertMatrix(spill.values, spill.detectors.length),
        detectorIndex,
        columnOf: new Map(detectorIndex.map((i, j) => [i, j])),
        fluorochromes,
        detectors: spill.detectors,
      };
    }
    this.compensations.set(ref, result);
    return result;
  }
}

/** out[e] = (((out[e] + c0[e]·f0) + c1[e]·f1) + c2[e]·f2) + c3[e]·f3 for 1 to 4 terms, in this order. */
function accumulate(out: Float64Array, cols: readonly Column[], fs: readonly number[]): void {
  const len = out.length;
  const [c0, c1, c2, c3] = cols;
  const [f0 = 0, f1 = 0, f2 = 0, f3 = 0] = fs;
  if (c3 && c2 && c1 && c0) {
    for (let e = 0; e < len; e++) {
      out[e] = out[e]! + c0[e]! * f0 + c1[e]! * f1 + c2[e]! * f2 + c3[e]! * f3;
    }
  } else if (c2 && c1 && c0) {
    for (let e = 0; e < len; e++) {
      out[e] = out[e]! + c0[e]! * f0 + c1[e]! * f1 + c2[e]! * f2;
    }
  } else if (c1 && c0) {
    for (let e = 0; e < len; e++) {
      out[e] = out[e]! + c0[e]! * f0 + c1[e]! * f1;
    }
  } else if (c0) {
    for (let e = 0; e < len; e++) {
      out[e] = out[e]! + c0[e]! * f0;
    }
  }
}
