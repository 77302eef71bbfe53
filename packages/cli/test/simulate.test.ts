import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFcs } from '@tamkit/fcs';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

describe('tamkit simulate macrophages', () => {
  it('writes every FCS file, truth CSV and the sample sheet, the same bytes for the same seed', async () => {
    const a = tempDir();
    const b = tempDir();
    const args = [
      'simulate',
      'macrophages',
      '--seed',
      '5',
      '--events',
      '2000',
      '--replicates',
      '1',
    ];
    const ra = await run([...args, '--out', a]);
    const rb = await run([...args, '--out', b]);
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    expect(ra.stdout).toBe(`wrote 21 files to ${a} (seed 5, 2000 events per FCS file)\n`);
    // 1 donor × (4 conditions + 5 FMO controls + 1 unstained) = 10 FCS files + 10 truth CSVs + samples.csv.
    const names = readdirSync(a).sort();
    expect(names).toHaveLength(21);
    expect(names.filter((n) => n.endsWith('.fcs'))).toHaveLength(10);
    expect(names).toContain('samples.csv');
    for (const n of names) {
      expect(readFileSync(join(a, n)).equals(readFileSync(join(b, n))), n).toBe(true);
    }
    const sheet = readFileSync(join(a, 'samples.csv'), 'utf8').split('\n');
    expect(sheet[0]).toBe('file,condition,role,fmo_marker,donor,replicate,seed,events');
    expect(sheet.filter(Boolean)).toHaveLength(11);
    const fcs = parseFcs(readFileSync(join(a, 'D1_M1.fcs')));
    expect(fcs.datasets[0]!.eventCount).toBe(2000);
    const truth = readFileSync(join(a, 'D1_M1.truth.csv'), 'utf8').trim().split('\n');
    expect(truth[0]).toBe('event,class');
    expect(truth).toHaveLength(2001);
  });

  it('rejects a missing seed and an unknown kind as usage errors and writes nothing', async () => {
    const a = tempDir();
    const b = tempDir();
    const missingSeed = await run(['simulate', 'macrophages', '--out', a]);
    expect(missingSeed.code).toBe(1);
    expect(missingSeed.stderr).toBe(
      'tamkit: Missing required argument: seed (see tamkit --help)\n',
    );
    expect((await run(['simulate', 'neutrophils', '--out', b, '--seed', '1'])).code).toBe(1);
    expect(readdirSync(a)).toEqual([]);
    expect(readdirSync(b)).toEqual([]);
  });
});
