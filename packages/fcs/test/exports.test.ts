import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as fcs from '../src/index.js';
import * as node from '../src/node.js';

describe('public surface', () => {
  it('@tamkit/fcs exports these names', () => {
    expect(Object.keys(fcs).sort()).toMatchInlineSnapshot(`
      [
        "FCS_PARSE_DEFAULTS",
        "FCS_WRITE_DEFAULTS",
        "FcsKeywordError",
        "FcsParseError",
        "getKeyword",
        "memoryByteSource",
        "parseFcs",
        "parseFcsSource",
        "parseSpillover",
        "requireKeyword",
        "resolveParseOptions",
        "scaleDataset",
        "writeFcs",
        "writeFcsChunks",
      ]
    `);
  });

  it('@tamkit/fcs/node exports these names', () => {
    expect(Object.keys(node).sort()).toMatchInlineSnapshot(`
      [
        "fileByteSource",
        "readFcsFile",
      ]
    `);
  });

  it('the main entry imports no Node module (it runs in browsers); only node.ts does', () => {
    const src = new URL('../src/', import.meta.url);
    const offenders = readdirSync(src)
      .filter((f) => f.endsWith('.ts') && f !== 'node.ts')
      .filter((f) => /from '(node:|fs'|path'|os')/.test(readFileSync(new URL(f, src), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
