import { expect, it } from 'vitest';
import * as transwell from '../src/index.js';

it('exports a stable surface', () => {
  expect(Object.keys(transwell).sort()).toMatchInlineSnapshot(`
    [
      "COUNT_CELLS_DEFAULTS",
      "DoseResponseError",
      "FIND_VALLEY_DEFAULTS",
      "FIT_4PL_DEFAULTS",
      "GATE_BEADS_DEFAULTS",
      "OVERLAY_COLOURS",
      "READOUT_DEFAULTS",
      "READOUT_UNITS",
      "T_TEST_DEFAULTS",
      "TranswellBeadError",
      "TranswellCsvError",
      "TranswellDataError",
      "TranswellImageError",
      "beadAbsoluteCount",
      "computeReadouts",
      "countCells",
      "countWithBeads",
      "decodeImage",
      "doseResponsePoints",
      "dunnettCdf",
      "dunnettTest",
      "findValley",
      "fit4pl",
      "gateBeadsAndCells",
      "holmAdjust",
      "kruskalWallis",
      "mannWhitneyU",
      "oneWayAnova",
      "parseCountTable",
      "readoutGroups",
      "renderOverlay",
      "resolveCountOptions",
      "resolveGateBeadsOptions",
      "resolveReadoutOptions",
      "studentTTest",
      "summarize",
      "tTest",
      "tukeyHsd",
      "welchTTest",
    ]
  `);
});
