import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as node from '../src/node.js';

describe('public surface', () => {
  it('exports these names', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "DEMO_STUDY_DEFAULTS",
        "DEMO_TRANSWELL_CONDITIONS",
        "ExperimentError",
        "FLOW_TEST_CLASSES",
        "SAMPLE_ROLES",
        "csvCell",
        "csvText",
        "demoExperimentYaml",
        "demoStudy",
        "fieldName",
        "flowStatistics",
        "gatesFileName",
        "globRegExp",
        "guessSample",
        "initExperimentText",
        "isGlob",
        "markersCsv",
        "mergeRunRecords",
        "parseExperiment",
        "parseShard",
        "partialJson",
        "phenotypeResultJson",
        "planExperiment",
        "populationsCsv",
        "readRunRecord",
        "resultFiles",
        "sampleResult",
        "samplesCsv",
        "shardItems",
        "statisticsCsv",
      ]
    `);
    expect(Object.keys(node).sort()).toMatchInlineSnapshot(`
      [
        "analyseSample",
        "fileSha256",
        "runSampleTasks",
        "taskError",
        "workerEntry",
      ]
    `);
  });
});
