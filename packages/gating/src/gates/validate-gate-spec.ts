import { GateSpecError } from '../errors.js';
import type { GateSpec } from './gate-spec.js';

/** One problem found in a gate spec: where (`path` inside the gate) and what. */
export interface GateSpecIssue {
  readonly path: string;
  readonly message: string;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const isFiniteNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * Checks that `value` is a well-formed {@link GateSpec} and lists every problem found, each with the
 * path of the field (`dimensions[1].max`). Checks shapes and local rules only (dimension counts,
 * vertex counts, min < max, matrix sizes, operand counts); references to other gates, transforms and
 * matrices are checked by `validateStrategy`.
 *
 * @returns an empty array when the spec is valid
 * @example
 * gateSpecIssues({ kind: 'polygon', dimensions: [], vertices: [] })[0];
 * // { path: 'dimensions', message: 'expected 2 dimensions, found 0' }
 */
export function gateSpecIssues(value: unknown): GateSpecIssue[] {
  const issues: GateSpecIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  if (!isObj(value)) {
    add('', 'expected an object with a kind');
    return issues;
  }
  const dims = (count: (n: number) => string | null, bounded: boolean): void => {
    const d = value.dimensions;
    if (!Array.isArray(d)) {
      add('dimensions', 'expected an array of dimensions');
      return;
    }
    const wrong = count(d.length);
    if (wrong) {
      add('dimensions', `${wrong}, found ${d.length}`);
    }
    d.forEach((dim, i) => {
      dimensionIssues(dim, join('dimensions', i), add);
      if (bounded && isObj(dim)) {
        boundIssues(dim, join('dimensions', i), add);
      }
    });
  };
  switch (value.kind) {
    case 'range':
      dims((n) => (n === 1 ? null : 'expected 1 dimension'), true);
      break;
    case 'rectangle':
      dims((n) => (n >= 1 ? null : 'expected at least 1 dimension'), true);
      break;
    case 'polygon': {
      dims((n) => (n === 2 ? null : 'expected 2 dimensions'), false);
      const v = value.vertices;
      if (!Array.isArray(v) || v.length < 3) {
        add('vertices', `expected at least 3 vertices, found ${Array.isArray(v) ? v.length : typeof v}`);
      } else {
        v.forEach((vertex, i) => {
          if (!Array.isArray(vertex) || vertex.length !== 2 || !vertex.every(isFiniteNum)) {
            add(join('vertices', i), `expected [x, y] finite numbers, found ${JSON.stringify(vertex)}`);
          }
        });
      }
      break;
    }
    case 'ellipse':
    case 'ellipsoid':
      ellipsoidIssues(value, add, dims);
      break;
    case 'quadrant':
      quadrantIssues(value, add);
      break;
    case 'boolean':
      booleanIssues(value, add);
      break;
    default:
      add('kind', `unknown gate kind ${JSON.stringify(value.kind)}; expected range, rectangle, polygon, ellipse, ellipsoid, quadrant or boolean`);
  }
  return issues;
}

/**
 * Asserts that `value` is a valid gate spec.
 *
 * @throws {GateSpecError} `GATE_SPEC_INVALID`, context `{ gateId, path }` of the first problem
 * @example
 * assertGateSpec({ kind: 'range', dimensions: [{ channel: 'FSC-H', compensation: 'uncompensated', min: 100 }] }, 'Range1');
 */
export function assertGateSpec(value: unknown, gateId: string): asserts value is GateSpec {
  const [first] = gateSpecIssues(value);
  if (first) {
    throw new GateSpecError(`gate '${gateId}': ${first.path || 'spec'}: ${first.message}`, {
      gateId,
      path: first.path,
    });
  }
}

type Add = (path: string, message: string) => void;

function dimensionIssues(dim: unknown, path: string, add: Add): void {
  if (!isObj(dim)) {
    add(path, 'expected a dimension object');
    return;
  }
  if (!isName(dim.compensation)) {
    add(join(path, 'compensation'), "expected 'uncompensated', 'FCS' or a matrix id");
  }
  if (dim.transform !== undefined && !isName(dim.transform)) {
    add(join(path, 'transform'), 'expected a transform id');
  }
  if (isObj(dim.ratio)) {
    const r = dim.ratio;
    for (const key of ['x', 'y'] as const) {
      if (!isName(r[key])) {
        add(join(join(path, 'ratio'), key), 'expected a channel name');
      }
    }
    for (const key of ['a', 'b', 'c'] as const) {
      if (!isFiniteNum(r[key])) {
        add(join(join(path, 'ratio'), key), `expected a finite number, found ${JSON.stringify(r[key])}`);
      }
    }
    for (const key of ['boundMin', 'boundMax'] as const) {
      if (r[key] !== undefined && !isFiniteNum(r[key])) {
        add(join(join(path, 'ratio'), key), `expected a finite number, found ${JSON.stringify(r[key])}`);
      }
    }
    if (isFiniteNum(r.boundMin) && isFiniteNum(r.boundMax) && r.boundMin > r.boundMax) {
      add(join(join(path, 'ratio'), 'boundMax'), `boundMax ${r.boundMax} must not be less than boundMin ${r.boundMin}`);
    }
  } else if (!isName(dim.channel)) {
    add(join(path, 'channel'), 'expected a channel name ($PnN or marker label) or a ratio');
  }
}

function boundIssues(dim: Obj, path: string, add: Add): void {
  for (const key of ['min', 'max'] as const) {
    if (dim[key] !== undefined && !isNum(dim[key])) {
      add(join(path, key), `expected a number, found ${JSON.stringify(dim[key])}`);
    }
  }
  if (isNum(dim.min) && isNum(dim.max) && !(dim.min < dim.max)) {
    add(join(path, 'max'), `max ${dim.max} must be greater than min ${dim.min}`);
  }
}

function ellipsoidIssues(value: Obj, add: Add, dims: (c: (n: number) => string | null, b: boolean) => void): void {
  dims((n) => (value.kind === 'ellipse' ? (n === 2 ? null : 'expected 2 dimensions') : n >= 2 ? null : 'expected at least 2 dimensions'), false);
  const n = Array.isArray(value.dimensions) ? value.dimensions.length : 0;
  const mean = value.mean;
  if (!Array.isArray(mean) || mean.length !== n || !mean.every(isFiniteNum)) {
    add('mean', `expected ${n} finite numbers`);
  }
  const cov = value.covariance;
  if (!Array.isArray(cov) || cov.length !== n) {
    add('covariance', `expected ${n} rows`);
  } else {
    cov.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== n || !row.every(isFiniteNum)) {
        add(join('covariance', i), `expected ${n} finite numbers`);
      }
    });
  }
  if (!isFiniteNum(value.distanceSquare) || value.distanceSquare <= 0) {
    add('distanceSquare', `expected a positive number, found ${JSON.stringify(value.distanceSquare)}`);
  }
}

function quadrantIssues(value: Obj, add: Add): void {
  const dividers = value.dividers;
  const ids = new Set<string>();
  if (!Array.isArray(dividers) || dividers.length === 0) {
    add('dividers', 'expected at least 1 divider');
  } else {
    dividers.forEach((d, i) => {
      const p = join('dividers', i);
      if (!isObj(d)) {
        add(p, 'expected a divider object');
        return;
      }
      if (!isName(d.id)) {
        add(join(p, 'id'), 'expected a divider id');
      } else if (ids.has(d.id)) {
        add(join(p, 'id'), `divider id '${d.id}' is used twice in this gate`);
      } else {
        ids.add(d.id);
      }
      dimensionIssues(d.dimension, join(p, 'dimension'), add);
      if (!Array.isArray(d.cuts) || d.cuts.length === 0 || !d.cuts.every(isFiniteNum)) {
        add(join(p, 'cuts'), 'expected at least 1 finite cut value');
      }
    });
  }
  const quadrants = value.quadrants;
  if (!Array.isArray(quadrants) || quadrants.length === 0) {
    add('quadrants', 'expected at least 1 quadrant');
    return;
  }
  quadrants.forEach((q, i) => {
    const p = join('quadrants', i);
    if (!isObj(q) || !isName(q.id)) {
      add(join(p, 'id'), 'expected a quadrant with an id');
      return;
    }
    if (!Array.isArray(q.positions) || q.positions.length === 0) {
      add(join(p, 'positions'), 'expected at least 1 position');
      return;
    }
    q.positions.forEach((pos, j) => {
      const pp = join(join(p, 'positions'), j);
      if (!isObj(pos) || !isName(pos.divider) || !ids.has(pos.divider)) {
        add(join(pp, 'divider'), `expected one of the divider ids ${[...ids].join(', ')}`);
      } else if (!isFiniteNum(pos.location)) {
        add(join(pp, 'location'), 'expected a finite number');
      }
    });
  });
}

function booleanIssues(value: Obj, add: Add): void {
  const op = value.op;
  if (op !== 'and' && op !== 'or' && op !== 'not') {
    add('op', `expected and, or or not, found ${JSON.stringify(op)}`);
    return;
  }
  const operands = value.operands;
  if (!Array.isArray(operands)) {
    add('operands', 'expected an array of operands');
    return;
  }
  if (op === 'not' ? operands.length !== 1 : operands.length < 2) {
    add('operands', `${op} takes ${op === 'not' ? 'exactly 1 operand' : 'at least 2 operands'}, found ${operands.length}`);
  }
  operands.forEach((o, i) => {
    if (!isObj(o) || !isName(o.ref)) {
      add(join(join('operands', i), 'ref'), 'expected a population id');
    } else if (o.complement !== undefined && typeof o.complement !== 'boolean') {
      add(join(join('operands', i), 'complement'), 'expected true or false');
    }
  });
}
