import { requireChannel } from '@tamkit/core';
import type { Column, EventTable } from '@tamkit/core';
import { boundColumn, hasBounds } from './transform-bounds.js';
import type { Transform, TransformBounds } from './transform-spec.js';

/**
 * Applies a transform to some channels of a table, keyed by 0-based channel index or by $PnN
 * (or unique marker label, as `requireChannel` resolves it). Returns a new table with stage
 * `'transformed'`: transformed columns are new `Float64Array`s, every other column is shared.
 * O(n) per transformed channel.
 *
 * @throws {UnknownChannelError} code `UNKNOWN_CHANNEL` for a name that is not in the table.
 * @throws {RangeError} for an index outside the table or two keys naming the same channel.
 * @example
 * const logicle = createTransform({ kind: 'logicle', t: 262144, w: 0.5, m: 4.5, a: 0 });
 * const shown = transformColumns(table, new Map([['FL1-A', logicle]]));
 * shown.stage; // 'transformed'
 */
export function transformColumns(
  table: EventTable,
  map: ReadonlyMap<number | string, Transform>,
): EventTable {
  const replaced = new Map<number, Column>();
  for (const [key, transform] of map) {
    const index = typeof key === 'number' ? key : requireChannel(table, key);
    if (!Number.isInteger(index) || index < 0 || index >= table.channels.length) {
      throw new RangeError(`channel index ${index} outside 0..${table.channels.length - 1}`);
    }
    if (replaced.has(index)) {
      throw new RangeError(`channel ${table.channels[index]!.name} is transformed twice`);
    }
    replaced.set(index, transform.applyColumn(table.columns[index]!));
  }
  const columns = table.columns.map((col, i) => replaced.get(i) ?? col);
  return { eventCount: table.eventCount, channels: table.channels, columns, stage: 'transformed' };
}

/**
 * Gating-ML 2.0 fratio (section 6.2): A·(x − B)/(y − C) per event, into a new Float64Array.
 * Division by zero gives ±Infinity or NaN (0/0), which no gate contains. With `bounds` (the
 * transformation's `boundMin`/`boundMax`, section 6) each value becomes
 * max(min(ratio, boundMax), boundMin), so a division by zero is clamped too; NaN stays NaN.
 *
 * @throws {RangeError} when x and y differ in length.
 * @example
 * ratioValues(new Float64Array([4]), new Float64Array([3]), 2, 1, 1); // Float64Array [3]
 * ratioValues(new Float64Array([4]), new Float64Array([3]), 2, 1, 1, { boundMax: 2 }); // Float64Array [2]
 */
export function ratioValues(
  x: Column,
  y: Column,
  a: number,
  b: number,
  c: number,
  bounds: TransformBounds = {},
): Float64Array {
  if (x.length !== y.length) {
    throw new RangeError(`ratio columns differ in length: ${x.length} and ${y.length}`);
  }
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    out[i] = (a * (x[i]! - b)) / (y[i]! - c);
  }
  return hasBounds(bounds) ? boundColumn(out, bounds) : out;
}
