import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialJson } from '@tamkit/experiment';
import type { RunRecord } from '@tamkit/experiment';
import { run, tempDir } from './helpers.js';

const record = (index: number, count: number): RunRecord => ({
  version: '0.1.0', experiment: { file: 'e.yaml', sha256: 'aa', name: 'e' }, seed: 1, parameters: { report: { html: false, title: 't' } }, inputs: [],
  sampleIds: [], shard: { index, count }, samples: [], failures: [], transwell: null,
});

describe('tamkit merge', () => {
  it('refuses an incomplete set of shards and writes nothing', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'p0'));
    writeFileSync(join(dir, 'p0', 'partial.json'), partialJson(record(0, 2)));
    const r = await run(['merge', join(dir, 'p0'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "tamkit merge: EXPERIMENT_MERGE_INCOMPLETE: shards of 2: missing 1/2; expected each of 0/2 to 1/2 once
      "
    `);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names a folder without partial results', async () => {
    const dir = tempDir();
    const r = await run(['merge', join(dir, 'nothing'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ENOENT');
    rmSync(dir, { recursive: true, force: true });
  });
});
