import { expect, it } from 'vitest';
import * as core from '../src/index.js';

it('exports a stable surface', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "TamkitError",
      "UnknownChannelError",
      "channelMeta",
      "createEventTable",
      "createRng",
      "findChannel",
      "fsum",
      "fullMask",
      "guessChannelKind",
      "indexToMask",
      "isTamkitError",
      "maskAnd",
      "maskCount",
      "maskNot",
      "maskOr",
      "maskToIndex",
      "replaceColumns",
      "requireChannel",
      "sampleIndices",
      "selectEvents",
    ]
  `);
});
