import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFcs, scaleDataset } from '@tamkit/fcs';
import { run } from './helpers.js';
import { csvRecords, writeStudy } from './run-study.js';

// A one-donor study run with the experiment's own gating file and populationsFcs.
let dir: string;
let result: { code: number; stdout: string; stderr: string };
const CUT = 50000;

beforeAll(async () => {
  dir = writeStudy({ seed: 8, eventsPerSample: 5000, donors: 1 }).dir;
  writeFileSync(join(dir, 'gates.yaml'), `version: 1\ngates:\n  - id: big\n    kind: range\n    dimension: { channel: FSC-A, compensation: uncompensated }\n    min: ${CUT}\n`);
  const text = readFileSync(join(dir, 'experiment.yaml'), 'utf8')
    .replace('gating: auto ', 'gating: gates.yaml ')
    .replace('report:\n', 'report:\n  populationsFcs: true\n');
  writeFileSync(join(dir, 'experiment.yaml'), text);
  result = await run(['run', join(dir, 'experiment.yaml'), '--out', join(dir, 'out'), '--jobs', '1']);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('tamkit run with a gating file and populationsFcs', () => {
  it('counts the gating file\'s populations per sample', () => {
    expect(result.code, result.stderr).toBe(0);
    const rows = csvRecords(readFileSync(join(dir, 'out', 'populations.csv'), 'utf8')).filter((r) => r.kind === 'gating');
    expect(rows.map((r) => r.sample)).toEqual(['D1_M0', 'D1_M1', 'D1_M2', 'D1_TCM']);
    for (const r of rows) {
      // Independent count: scale values of FSC-A read straight from the file, min <= v (range gate).
      const ds = parseFcs(readFileSync(join(dir, 'fcs', `${r.sample}.fcs`))).datasets[0]!;
      const table = scaleDataset(ds);
      const fsc = table.columns[table.channels.findIndex((c) => c.name === 'FSC-A')]!;
      let n = 0;
      for (const v of fsc) {
        n += v >= CUT ? 1 : 0;
      }
      expect(Number(r.count)).toBe(n);
      expect(r.population).toBe('big');
    }
  });

  it('never takes the FCS files it wrote into its results folder as inputs on the next run', async () => {
    // The experiment lists its samples with a glob over every folder; out/populations/ now holds FCS files.
    const text = readFileSync(join(dir, 'experiment.yaml'), 'utf8').replace('samples:\n', 'samples:\n  - { file: "**/D1_M0*.fcs", condition: M0, donor: D1 }\n').replace(/\n {2}- \{ file: fcs\/D1_M0\.fcs[^\n]*/, '');
    writeFileSync(join(dir, 'again.yaml'), text);
    const again = await run(['run', join(dir, 'again.yaml'), '--out', join(dir, 'out'), '--jobs', '1', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { samples: number }).samples).toBe(4);
  });

  it('writes each sample\'s macrophage-gate events as FCS', () => {
    const samples = csvRecords(readFileSync(join(dir, 'out', 'samples.csv'), 'utf8'));
    for (const s of samples) {
      const ds = parseFcs(readFileSync(join(dir, 'out', 'populations', `${s.sample}.macrophages.fcs`))).datasets[0]!;
      expect(ds.table.eventCount).toBe(Number(s.macrophages_count));
    }
  });
});
