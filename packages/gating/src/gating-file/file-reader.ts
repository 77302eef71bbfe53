import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { GatingFileError } from '../errors.js';

/** A path inside the file: keys and array indices. */
export type FieldPath = readonly (string | number)[];

/** `gates[2].dimensions[0].channel` */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
}

/**
 * The parsed file (JSON is read as YAML 1.2, so both get line numbers) and a way to report a
 * field's line.
 */
export class FileReader {
  readonly data: unknown;
  private readonly doc: Document;
  private readonly lines: LineCounter;

  constructor(
    text: string,
    readonly source: string,
  ) {
    this.lines = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true });
    const [first] = this.doc.errors;
    if (first) {
      const pos = first.linePos?.[0];
      throw new GatingFileError(
        'GATING_FILE_SYNTAX',
        `${source}${pos ? `:${pos.line}:${pos.col}` : ''}: ${(first.message.split('\n')[0] ?? first.code).replace(/ at line \d+, column \d+:?$/, '')}`,
        { source, field: '', ...(pos ? { line: pos.line, column: pos.col } : {}) },
      );
    }
    this.data = this.doc.toJS() as unknown;
  }

  /** Line and column of the deepest node along `path` (1-based). */
  position(path: FieldPath): { line: number; column: number } | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = this.lines.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return undefined;
  }

  /** A `GATING_FILE_INVALID` error naming the field and its line. */
  error(path: FieldPath, message: string, cause?: unknown): GatingFileError {
    const field = fieldName(path);
    const pos = this.position(path);
    return new GatingFileError(
      'GATING_FILE_INVALID',
      `${this.source}${pos ? `:${pos.line}` : ''}: ${field || '(top level)'}: ${message}`,
      { source: this.source, field, ...(pos ? { line: pos.line, column: pos.column } : {}) },
      cause === undefined ? undefined : { cause },
    );
  }
}
