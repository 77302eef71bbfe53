import { describe, expect, it } from 'vitest';
import { ExperimentError, globRegExp, parseExperiment, parseShard, planExperiment, shardItems } from '../src/index.js';

const FILES = ['fcs/D1_M0.fcs', 'fcs/D1_M1.fcs', 'fcs/D1_FMO-CD206.fcs', 'fcs/D1_unstained.fcs', 'fcs/D2_M1.fcs', 'fcs/D2_unstained.fcs', 'other/x.fcs'];

describe('globRegExp', () => {
  it('keeps * and ? inside one folder and lets ** span folders', () => {
    expect(globRegExp('fcs/*.fcs').test('fcs/D1_M1.fcs')).toBe(true);
    expect(globRegExp('*.fcs').test('fcs/D1_M1.fcs')).toBe(false);
    expect(globRegExp('**/*.fcs').test('fcs/D1_M1.fcs')).toBe(true);
    expect(globRegExp('**/*.fcs').test('a.fcs')).toBe(true);
    expect(globRegExp('fcs/D?_M1.fcs').test('fcs/D2_M1.fcs')).toBe(true);
    expect(globRegExp('a+b.fcs').test('a+b.fcs')).toBe(true);
  });
});

describe('planExperiment', () => {
  const exp = parseExperiment(
    [
      'samples:',
      '  - { file: "fcs/D1_M*.fcs", donor: D1, condition: X }',
      '  - { file: fcs/D2_M1.fcs, donor: D2, condition: M1 }',
      '  - { file: fcs/D1_FMO-CD206.fcs, role: fmo, marker: CD206, donor: D1 }',
      '  - { file: "fcs/*_unstained.fcs", role: unstained }',
    ].join('\n'),
    'exp.yaml',
  );

  it('expands globs, sorts tasks by id and attaches controls by donor', () => {
    const plan = planExperiment(exp, FILES);
    expect(plan.tasks.map((t) => t.id)).toEqual(['D1_M0', 'D1_M1', 'D2_M1']);
    // The FMO has donor D1, so only D1 samples get it; the unstained files have no donor, so every
    // sample falls back to the first of them (sorted: D1_unstained).
    expect(plan.tasks[0]!.controls).toEqual({ fmo: { CD206: 'fcs/D1_FMO-CD206.fcs' }, unstained: 'fcs/D1_unstained.fcs', isotype: null });
    expect(plan.tasks[2]!.controls.fmo).toEqual({});
    expect(plan.files).toHaveLength(6);
  });

  it('names the line of an entry that matches nothing', () => {
    const bad = parseExperiment('samples:\n  - file: fcs/missing.fcs\n', 'exp.yaml');
    let err: unknown;
    try {
      planExperiment(bad, FILES, 'exp.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExperimentError);
    const e = err as ExperimentError;
    expect(e.code).toBe('EXPERIMENT_NO_MATCH');
    expect(e.context).toEqual({ file: 'exp.yaml', line: 2, field: 'samples[0].file' });
    expect(e.message).toMatchInlineSnapshot(`"exp.yaml:2: samples[0].file: 'fcs/missing.fcs' matches no FCS file beside the experiment file; expected a path or glob relative to its folder"`);
  });

  it('refuses two files with one id', () => {
    const dup = parseExperiment('samples:\n  - file: fcs/D1_M1.fcs\n  - { file: other/x.fcs, id: D1_M1 }\n', 'exp.yaml');
    expect(() => planExperiment(dup, FILES, 'exp.yaml')).toThrow(expect.objectContaining({ code: 'EXPERIMENT_DUPLICATE_SAMPLE', context: { file: 'exp.yaml', line: 3, field: 'samples[1]', id: 'D1_M1' } }));
  });
});

describe('shards', () => {
  it('parses I/N and refuses out-of-range shards', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    for (const bad of ['4/4', '1', '-1/2', 'a/b', '0/0']) {
      expect(() => parseShard(bad)).toThrow(expect.objectContaining({ code: 'EXPERIMENT_BAD_SHARD', context: { shard: bad } }));
    }
    expect(() => parseShard('4/4')).toThrowErrorMatchingInlineSnapshot(`[ExperimentError: shard '4/4': expected I/N with 0 <= I < N, e.g. 0/4]`);
  });

  it('deals sorted ids round-robin, so the shards partition the items', () => {
    const items = ['e', 'b', 'a', 'd', 'c'].map((id) => ({ id }));
    // Sorted a b c d e; with 2 shards: positions 0,2,4 → a c e and 1,3 → b d.
    expect(shardItems(items, { index: 0, count: 2 }).map((x) => x.id)).toEqual(['a', 'c', 'e']);
    expect(shardItems(items, { index: 1, count: 2 }).map((x) => x.id)).toEqual(['b', 'd']);
    const all = [0, 1, 2].flatMap((index) => shardItems(items, { index, count: 3 }).map((x) => x.id)).sort();
    expect(all).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
