import { isTamkitError } from '@tamkit/core';
import type { GateNode, GatingStrategy, CompensationMatrix } from '../strategy/gating-strategy.js';
import { validateStrategy } from '../strategy/validate-strategy.js';
import { assertGateSpec } from '../gates/validate-gate-spec.js';
import type { TransformSpec } from '../transforms/transform-spec.js';
import { validateTransformSpec } from '../transforms/validate-transform-spec.js';
import { FileReader, type FieldPath } from './file-reader.js';
import { isObj, readGateSpec, type EntryContext } from './read-gate-entry.js';

const TOP_KEYS = ['version', 'defaults', 'transforms', 'compensation', 'gates'];

/**
 * Reads tamkit's gating file (YAML or JSON; JSON is read as YAML 1.2) into a gating strategy. The
 * format (see docs/gating.md and docs/schema/gating.schema.json): `transforms` (named once, reused
 * by id), `compensation` (named spillover matrices), `defaults.compensation` (default `FCS`: the data
 * file's own spillover, uncompensated if it has none), and `gates`, each `{ id, kind, ... }`, nested
 * through `children` or linked with `parent`. Dimensions are a channel name ($PnN or marker label)
 * or `{ channel | ratio, compensation?, transform?, min?, max? }`. Transforms of the Gating-ML kinds
 * and ratios take optional `boundMin`/`boundMax` (Gating-ML 2.0 section 6 bounds). Unknown fields of
 * gates, dimensions, transforms and ratios are errors.
 *
 * @param text the file's text
 * @param sourceName the file name, for messages
 * @throws {GatingFileError} `GATING_FILE_SYNTAX` (YAML/JSON syntax) or `GATING_FILE_INVALID`, context
 *   `{ source, field, line?, column? }` naming the field (`gates[1].dimensions[0].channel`) and its line
 * @example
 * const strategy = parseGatingFile('gates:\n  - { id: Cells, kind: range, dimension: FSC-A, min: 20000 }\n', 'gates.yaml');
 * strategy.gates[0].gate.kind; // 'range'
 */
export function parseGatingFile(text: string, sourceName = 'gating file'): GatingStrategy {
  const reader = new FileReader(text, sourceName);
  const root = reader.data;
  if (!isObj(root)) {
    throw reader.error([], 'expected a mapping with gates (and optionally transforms, compensation, defaults)');
  }
  for (const key of Object.keys(root)) {
    if (!TOP_KEYS.includes(key)) {
      throw reader.error([key], `unknown top-level field; expected ${TOP_KEYS.join(', ')}`);
    }
  }
  if (root.version !== undefined && root.version !== 1) {
    throw reader.error(['version'], `version ${JSON.stringify(root.version)} is not supported; expected 1`);
  }
  const defaults = root.defaults ?? {};
  if (!isObj(defaults) || (defaults.compensation !== undefined && typeof defaults.compensation !== 'string')) {
    throw reader.error(['defaults'], "expected { compensation: 'FCS' | 'uncompensated' | <matrix id> }");
  }
  const transforms = readTransforms(reader, root.transforms ?? {});
  const matrices = readMatrices(reader, root.compensation ?? {});
  const ctx: EntryContext = { reader, defaultCompensation: defaults.compensation ?? 'FCS' };
  const gates: GateNode[] = [];
  const pathOf = new Map<string, FieldPath>();
  const walk = (list: unknown, path: FieldPath, parent: string | undefined): void => {
    if (!Array.isArray(list)) {
      throw reader.error(path, 'expected a list of gates');
    }
    list.forEach((entry: unknown, i) => {
      const p = [...path, i];
      if (!isObj(entry) || typeof entry.id !== 'string' || entry.id === '') {
        throw reader.error([...p, 'id'], 'expected a gate with a non-empty id');
      }
      if (parent !== undefined && entry.parent !== undefined && entry.parent !== parent) {
        throw reader.error([...p, 'parent'], `nested under '${parent}' but names parent ${JSON.stringify(entry.parent)}`);
      }
      const own = parent ?? entry.parent;
      if (own !== undefined && typeof own !== 'string') {
        throw reader.error([...p, 'parent'], 'expected a gate or quadrant id');
      }
      if (entry.name !== undefined && typeof entry.name !== 'string') {
        throw reader.error([...p, 'name'], 'expected a text');
      }
      const gate = readGateSpec(ctx, entry, p);
      try {
        assertGateSpec(gate, entry.id);
      } catch (err) {
        const specPath = isTamkitError(err) ? String(err.context.path) : '';
        throw reader.error([...p, ...toFieldPath(entry.kind, specPath)], isTamkitError(err) ? err.message : String(err), err);
      }
      if (!pathOf.has(entry.id)) {
        pathOf.set(entry.id, p);
      }
      gates.push({ id: entry.id, ...(own === undefined ? {} : { parent: own }), ...(entry.name === undefined ? {} : { name: entry.name }), gate });
      if (entry.children !== undefined) {
        walk(entry.children, [...p, 'children'], entry.id);
      }
    });
  };
  walk(root.gates ?? [], ['gates'], undefined);
  const strategy: GatingStrategy = { transforms, matrices, gates };
  try {
    validateStrategy(strategy);
  } catch (err) {
    if (!isTamkitError(err)) {
      throw err;
    }
    const gateId = typeof err.context.gateId === 'string' ? err.context.gateId : '';
    const field = { STRATEGY_UNKNOWN_PARENT: ['parent'], STRATEGY_UNKNOWN_OPERAND: ['operands'], STRATEGY_CYCLE: ['parent'] }[err.code] ?? ['id'];
    throw reader.error([...(pathOf.get(gateId) ?? ['gates']), ...field], err.message, err);
  }
  return strategy;
}

/** Maps a gate-spec path (`dimensions[0].max`) to the file's field path for the gate's kind. */
function toFieldPath(kind: unknown, specPath: string): FieldPath {
  const parts: (string | number)[] = [];
  for (const m of specPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(m[2] === undefined ? m[1]! : Number(m[2]));
  }
  if (kind === 'range' && parts[0] === 'dimensions') {
    const rest = parts.slice(2);
    return rest[0] === 'min' || rest[0] === 'max' ? rest : ['dimension', ...rest];
  }
  if (kind === 'quadrant' && parts[2] === 'positions') {
    return parts.slice(0, 3);
  }
  return parts;
}

const BOUND_KEYS = ['boundMin', 'boundMax'];

/** Fields of each transform kind (as in docs/schema/gating.schema.json); Gating-ML kinds take bounds. */
const TRANSFORM_KEYS: Readonly<Record<string, readonly string[]>> = {
  linear: ['t', 'a', ...BOUND_KEYS],
  log: ['t', 'm', ...BOUND_KEYS],
  asinh: ['t', 'm', 'a', ...BOUND_KEYS],
  logicle: ['t', 'w', 'm', 'a', ...BOUND_KEYS],
  hyperlog: ['t', 'w', 'm', 'a', ...BOUND_KEYS],
  'flowjo-biex': ['width', 'negative', 'positive', 'maxValue', 'channelRange'],
};

function readTransforms(reader: FileReader, value: unknown): Record<string, TransformSpec> {
  if (!isObj(value)) {
    throw reader.error(['transforms'], 'expected a mapping of transform id to { kind, ... }');
  }
  const out: Record<string, TransformSpec> = {};
  for (const [id, spec] of Object.entries(value)) {
    if (!isObj(spec)) {
      throw reader.error(['transforms', id], 'expected { kind, ... } (e.g. { kind: logicle, t: 262144, w: 0.5, m: 4.5, a: 0 })');
    }
    const keys = typeof spec.kind === 'string' ? TRANSFORM_KEYS[spec.kind] : undefined;
    const unknown = keys && Object.keys(spec).find((key) => key !== 'kind' && !keys.includes(key));
    if (keys && unknown !== undefined) {
      throw reader.error(['transforms', id, unknown], `unknown field for a ${String(spec.kind)} transform; expected kind, ${keys.join(', ')}`);
    }
    try {
      validateTransformSpec(spec as unknown as TransformSpec);
    } catch (err) {
      const param = isTamkitError(err) && typeof err.context.parameter === 'string' ? [err.context.parameter] : [];
      throw reader.error(['transforms', id, ...param], isTamkitError(err) ? err.message : 'expected { kind, ... }', err);
    }
    out[id] = spec as unknown as TransformSpec;
  }
  return out;
}

function readMatrices(reader: FileReader, value: unknown): Record<string, CompensationMatrix> {
  if (!isObj(value)) {
    throw reader.error(['compensation'], 'expected a mapping of matrix id to { detectors, values }');
  }
  const out: Record<string, CompensationMatrix> = {};
  for (const [id, m] of Object.entries(value)) {
    const p = ['compensation', id];
    const names = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== '');
    if (!isObj(m) || !names(m.detectors)) {
      throw reader.error([...p, 'detectors'], 'expected a list of detector names ($PnN)');
    }
    const n = m.detectors.length;
    if (m.fluorochromes !== undefined && (!names(m.fluorochromes) || m.fluorochromes.length !== n)) {
      throw reader.error([...p, 'fluorochromes'], `expected ${n} fluorochrome names`);
    }
    const rows = m.values;
    if (!Array.isArray(rows) || rows.length !== n) {
      throw reader.error([...p, 'values'], `expected ${n} rows (one per fluorochrome) of ${n} numbers`);
    }
    rows.forEach((row: unknown, r) => {
      if (!Array.isArray(row) || row.length !== n || !row.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        throw reader.error([...p, 'values', r], `expected ${n} finite numbers`);
      }
    });
    if (m.inverted !== undefined && typeof m.inverted !== 'boolean') {
      throw reader.error([...p, 'inverted'], 'expected true or false');
    }
    out[id] = {
      detectors: m.detectors,
      values: Float64Array.from((rows as number[][]).flat()),
      source: 'gating-file',
      ...(m.fluorochromes === undefined ? {} : { fluorochromes: m.fluorochromes }),
      ...(m.inverted === true ? { inverted: true } : {}),
    };
  }
  return out;
}
