import type { BooleanOperand, BoundedDimension, Dimension, GateSpec } from '../gates/gate-spec.js';
import type { FieldPath, FileReader } from './file-reader.js';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads gate entries: shared state of one file. */
export interface EntryContext {
  readonly reader: FileReader;
  /** Compensation used by dimensions that do not name one. */
  readonly defaultCompensation: string;
}

const GATE_KEYS: Readonly<Record<string, readonly string[]>> = {
  range: ['dimension', 'min', 'max'],
  rectangle: ['dimensions'],
  polygon: ['dimensions', 'vertices'],
  ellipse: ['dimensions', 'mean', 'covariance', 'distanceSquare'],
  ellipsoid: ['dimensions', 'mean', 'covariance', 'distanceSquare'],
  quadrant: ['dividers', 'quadrants'],
  boolean: ['op', 'operands'],
};
const COMMON_KEYS = ['id', 'name', 'kind', 'parent', 'children'];
const RATIO_KEYS = ['id', 'x', 'y', 'a', 'b', 'c', 'boundMin', 'boundMax'];

/** Converts one gate entry (without its children) into a gate spec; shapes only, rules in assertGateSpec. */
export function readGateSpec(ctx: EntryContext, entry: Obj, path: FieldPath): GateSpec {
  const { reader } = ctx;
  const kind = entry.kind;
  const keys = typeof kind === 'string' ? GATE_KEYS[kind] : undefined;
  if (!keys) {
    throw reader.error([...path, 'kind'], `unknown gate kind ${JSON.stringify(kind)}; expected ${Object.keys(GATE_KEYS).join(', ')}`);
  }
  for (const key of Object.keys(entry)) {
    if (!keys.includes(key) && !COMMON_KEYS.includes(key)) {
      throw reader.error([...path, key], `unknown field for a ${String(kind)} gate; expected ${[...COMMON_KEYS, ...keys].join(', ')}`);
    }
  }
  const dims = (bounded: boolean): BoundedDimension[] => {
    const list = entry.dimensions;
    if (!Array.isArray(list)) {
      throw reader.error([...path, 'dimensions'], 'expected a list of dimensions');
    }
    return list.map((d, i) => readDimension(ctx, d, [...path, 'dimensions', i], bounded));
  };
  switch (kind) {
    case 'range': {
      const dim = readDimension(ctx, entry.dimension, [...path, 'dimension'], false);
      const min = optionalNumber(reader, entry.min, [...path, 'min']);
      const max = optionalNumber(reader, entry.max, [...path, 'max']);
      return { kind, dimensions: [{ ...dim, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }] };
    }
    case 'rectangle':
      return { kind, dimensions: dims(true) };
    case 'polygon': {
      const [x, y] = dims(false);
      if (!x || !y) {
        throw reader.error([...path, 'dimensions'], 'a polygon needs 2 dimensions');
      }
      return { kind, dimensions: [x, y], vertices: entry.vertices as [number, number][] };
    }
    case 'ellipse':
    case 'ellipsoid':
      return {
        kind,
        dimensions: dims(false),
        mean: entry.mean as number[],
        covariance: entry.covariance as number[][],
        distanceSquare: entry.distanceSquare as number,
      };
    case 'quadrant':
      return readQuadrant(ctx, entry, path);
    default:
      return {
        kind: 'boolean',
        op: entry.op as 'and',
        operands: Array.isArray(entry.operands)
          ? entry.operands.map((o: unknown): BooleanOperand => (typeof o === 'string' ? { ref: o } : (o as BooleanOperand)))
          : (entry.operands as BooleanOperand[]),
      };
  }
}

function readQuadrant(ctx: EntryContext, entry: Obj, path: FieldPath): GateSpec {
  const { reader } = ctx;
  if (!Array.isArray(entry.dividers)) {
    throw reader.error([...path, 'dividers'], 'expected a list of dividers');
  }
  if (!Array.isArray(entry.quadrants)) {
    throw reader.error([...path, 'quadrants'], 'expected a list of quadrants');
  }
  const dividers = entry.dividers.map((d: unknown, i) => {
    const p = [...path, 'dividers', i];
    if (!isObj(d) || typeof d.id !== 'string') {
      throw reader.error(p, 'expected { id, dimension, cuts }');
    }
    return { id: d.id, dimension: readDimension(ctx, d.dimension, [...p, 'dimension'], false), cuts: d.cuts as number[] };
  });
  const quadrants = entry.quadrants.map((q: unknown, i) => {
    const p = [...path, 'quadrants', i];
    if (!isObj(q) || typeof q.id !== 'string' || !isObj(q.positions)) {
      throw reader.error(p, 'expected { id, positions: { <divider id>: <location> } }');
    }
    return { id: q.id, positions: Object.entries(q.positions).map(([divider, location]) => ({ divider, location: location as number })) };
  });
  return { kind: 'quadrant', dividers, quadrants };
}

/** A dimension: a channel name, or { channel | ratio, compensation?, transform?, min?, max? }. */
function readDimension(ctx: EntryContext, value: unknown, path: FieldPath, bounded: boolean): BoundedDimension {
  const { reader } = ctx;
  if (typeof value === 'string' && value !== '') {
    return { channel: value, compensation: ctx.defaultCompensation };
  }
  if (!isObj(value)) {
    throw reader.error(path, 'expected a channel name or { channel, compensation?, transform? }');
  }
  const allowed = ['channel', 'ratio', 'compensation', 'transform', ...(bounded ? ['min', 'max'] : [])];
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw reader.error([...path, key], `unknown dimension field; expected ${allowed.join(', ')}`);
    }
  }
  const compensation = value.compensation ?? ctx.defaultCompensation;
  if (typeof compensation !== 'string' || compensation === '') {
    throw reader.error([...path, 'compensation'], "expected 'uncompensated', 'FCS' or a matrix id");
  }
  if (value.transform !== undefined && typeof value.transform !== 'string') {
    throw reader.error([...path, 'transform'], 'expected a transform id');
  }
  const t = value.transform === undefined ? {} : { transform: value.transform };
  const min = optionalNumber(reader, value.min, [...path, 'min']);
  const max = optionalNumber(reader, value.max, [...path, 'max']);
  const bounds = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  let dim: Dimension;
  if (value.ratio !== undefined) {
    const r = value.ratio;
    if (!isObj(r)) {
      throw reader.error([...path, 'ratio'], 'expected { x, y, a, b, c }');
    }
    for (const key of Object.keys(r)) {
      if (!RATIO_KEYS.includes(key)) {
        throw reader.error([...path, 'ratio', key], `unknown ratio field; expected ${RATIO_KEYS.join(', ')}`);
      }
    }
    dim = { ratio: r as unknown as Extract<Dimension, { ratio: unknown }>['ratio'], compensation, ...t };
  } else if (typeof value.channel === 'string' && value.channel !== '') {
    dim = { channel: value.channel, compensation, ...t };
  } else {
    throw reader.error([...path, 'channel'], 'expected a channel name ($PnN or marker label) or a ratio');
  }
  return { ...dim, ...bounds };
}

function optionalNumber(reader: FileReader, value: unknown, path: FieldPath): number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw reader.error(path, `expected a number, found ${JSON.stringify(value)}`);
  }
  return value;
}
