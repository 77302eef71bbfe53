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
});
