import { describe, expect, it } from 'vitest';
import { mergeRunRecords, partialJson, readRunRecord } from '../src/index.js';
import type { RunRecord, SampleResult } from '../src/index.js';

const sample = (id: string): SampleResult => ({
  id, file: `${id}.fcs`, condition: 'M1', donor: null, eventCount: 10, method: 'rules', pregates: [], thresholds: [],
  counts: {}, percent: {}, m1m2Ratio: null, markers: [], gatingMl: '<x/>', populations: null, controls: {}, warnings: [],
});

const base: RunRecord = {
  version: '0.1.0', experiment: { file: 'e.yaml', sha256: 'aa', name: 'e' }, seed: 1, parameters: {}, inputs: [],
  sampleIds: ['a', 'b', 'c'], shard: null, samples: [], failures: [], transwell: null,
};

describe('mergeRunRecords', () => {
  it('sorts the samples of all shards and keeps the transwell part of the shard that ran it', () => {
    const t = { files: [{ name: 'transwell/readouts.csv', text: 'x\n' }], result: {}, failure: null };
    const merged = mergeRunRecords([
      { ...base, shard: { index: 1, count: 2 }, samples: [sample('b')] },
      { ...base, shard: { index: 0, count: 2 }, samples: [sample('c'), sample('a')], transwell: t },
    ]);
    expect(merged.samples.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(merged.transwell).toEqual(t);
    expect(merged.shard).toBeNull();
  });

  it('refuses missing, repeated and foreign shards', () => {
    const s0 = { ...base, shard: { index: 0, count: 3 } };
    expect(() => mergeRunRecords([s0, s0], ['p0', 'p0b'])).toThrowErrorMatchingInlineSnapshot(`[ExperimentError: shards of 3: missing 1/3, 2/3; given twice 0/3; expected each of 0/3 to 2/3 once]`);
    expect(() => mergeRunRecords([s0, { ...s0, shard: { index: 1, count: 3 }, experiment: { ...base.experiment, sha256: 'bb' } }], ['p0', 'p1'])).toThrow(
      expect.objectContaining({ code: 'EXPERIMENT_MERGE_MISMATCH', context: { source: 'p1', field: 'experiment file' } }),
    );
    expect(() => mergeRunRecords([])).toThrow(expect.objectContaining({ code: 'EXPERIMENT_MERGE_INCOMPLETE' }));
  });
});

describe('partial.json', () => {
  it('round-trips through partialJson and readRunRecord', () => {
    const r = { ...base, shard: { index: 0, count: 1 }, samples: [sample('a')] };
    expect(readRunRecord(JSON.parse(partialJson(r)), 'p.json')).toEqual(r);
  });

  it('names what is wrong in a file that is not a partial result', () => {
    expect(() => readRunRecord({ kind: 'phenotype' }, 'p.json')).toThrow(expect.objectContaining({ code: 'EXPERIMENT_BAD_PARTIAL', context: { source: 'p.json', field: 'kind' } }));
    expect(() => readRunRecord({ kind: 'tamkit-partial', samples: [] }, 'p.json')).toThrowErrorMatchingInlineSnapshot(`[ExperimentError: p.json: failures is missing or malformed; expected partial.json written by tamkit run --shard]`);
  });
});
