import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codesInSource, listErrorCodes } from '../../../scripts/list-error-codes.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('error codes', () => {
  it('finds codes in constructor calls, throw statements and ErrorCode unions only', () => {
    const source = [
      "export type XErrorCode = 'X_ONE' | 'X_TWO';",
      "throw new XError('X_THREE', `bad`, {});",
      "throw xmlError(ctx, 'X_FOUR', el);",
      "warnings.push({ code: 'X_WARNING_ONLY', message: 'm' });",
    ].join('\n');
    expect(codesInSource(source)).toEqual(['X_FOUR', 'X_ONE', 'X_THREE', 'X_TWO']);
  });

  it('documents every code thrown in packages/*/src in docs/guide/troubleshooting.md', () => {
    const doc = readFileSync(new URL('../../../docs/guide/troubleshooting.md', import.meta.url), 'utf8');
    const codes = listErrorCodes(root).map((s) => s.code);
    expect(codes).toContain('FCS_TRUNCATED');
    expect(codes).toContain('EXPERIMENT_INVALID_FIELD');
    const undocumented = codes.filter((c) => !doc.includes(`### \`${c}\``));
    expect(undocumented).toEqual([]);
  });
});
