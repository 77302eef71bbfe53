import { expect, it } from 'vitest';
import * as transwell from '../src/index.js';

it('exports a stable surface', () => {
  expect(Object.keys(transwell).sort()).toMatchInlineSnapshot(`
    [
      "COUNT_CELLS_DEFAULTS",
      "DoseResponseError",
      "FIT_4PL_DEFAULTS",
      "OVERLAY_COLOURS",
      "READOUT_DEFAULTS",
      "READOUT_UNITS",
      "T_TEST_DEFAULTS",
      "TranswellCsvError",
      "TranswellDataError",
      "TranswellImageError",
      "beadAbsoluteCount",
      "computeReadouts",
      "countCells",
      "decodeImage",
      "doseResponsePoints",
      "dunnettCdf",
      "dunnettTest",
      "fit4pl",
      "kruskalWallis",
      "mannWhitneyU",
      "oneWayAnova",
      "parseCountTable",
      "readoutGroups",
      "renderOverlay",
      "resolveCountOptions",
      "resolveReadoutOptions",
      "studentTTest",
      "summarize",
      "tTest",
      "tukeyHsd",
      "welchTTest",
    ]
  `);
});
