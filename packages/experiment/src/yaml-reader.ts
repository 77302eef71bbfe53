import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { ExperimentError } from './errors.js';
import type { ExperimentErrorCode } from './errors.js';

/** A path into the YAML value: keys and sequence indexes. */
export type FieldPath = readonly (string | number)[];

/** `samples[2].role` from `['samples', 2, 'role']`. */
export function fieldName(path: FieldPath): string {
  let out = '';
  for (const p of path) {
    out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  }
  return out === '' ? '(top level)' : out;
}

/**
 * Reads a YAML document and turns field paths into line and column, so that every validation error
 * names where the field is. Keys point at the key itself, values at the value.
 */
export class YamlReader {
  readonly data: unknown;
  private readonly doc: Document;
  private readonly lines: LineCounter;

  constructor(
    text: string,
    readonly source: string,
  ) {
    this.lines = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    const first = this.doc.errors[0];
    if (first !== undefined) {
      const [line, col] = this.position(first.pos[0]);
      throw new ExperimentError(
        'EXPERIMENT_YAML_SYNTAX',
        `${source}:${line}:${col}: ${first.message.split('\n')[0] ?? first.message}`,
        { file: source, line, column: col, field: null },
      );
    }
    this.data = this.doc.toJS({ maxAliasCount: 100 }) as unknown;
  }

  private position(offset: number): [number, number] {
    const p = this.lines.linePos(offset);
    return [p.line, p.col];
  }

  /** Line and column (1-based) of the value at `path`, or of its nearest existing ancestor. */
  place(path: FieldPath, key = false): { line: number; column: number } {
    for (let n = path.length; n >= 0; n--) {
      const sub = path.slice(0, n);
      if (key && n === path.length && n > 0) {
        const parent = sub.length === 1 ? this.doc.contents : this.doc.getIn(sub.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === sub.at(-1));
          if (pair && isNode(pair.key) && pair.key.range) {
            const [line, column] = this.position(pair.key.range[0]);
            return { line, column };
          }
        }
      }
      const node: unknown = n === 0 ? this.doc.contents : this.doc.getIn(sub, true);
      if (isNode(node) && node.range) {
        const [line, column] = this.position(node.range[0]);
        return { line, column };
      }
    }
    return { line: 1, column: 1 };
  }

  /** An error naming the file, line, column and field. */
  error(code: ExperimentErrorCode, path: FieldPath, message: string, key = false): ExperimentError {
    const { line, column } = this.place(path, key);
    const field = fieldName(path);
    return new ExperimentError(code, `${this.source}:${line}:${column}: ${field}: ${message}`, { file: this.source, line, column, field });
  }
}
