import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFcs, scaleDataset } from '@tamkit/fcs';
import { corpusDir, hasCorpus, repoRoot, run, tempDir } from './helpers.js';

function parseCsv(text: string): { header: string[]; rows: number[][] } {
  const lines = text.trimEnd().split('\n');
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',').map(Number)) };
}

describe('tamkit export', () => {
  const fixture = 'fixtures/fcs/demo-macrophages.fcs';

  it('writes every event with values that parse back exactly', async () => {
    const dir = tempDir();
    const out = join(dir, 'events.csv');
    const { code, stderr } = await run(['export', fixture, '-o', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ds = parseFcs(readFileSync(join(repoRoot, fixture))).datasets[0]!;
    const { header, rows } = parseCsv(readFileSync(out, 'utf8'));
    expect(header).toEqual(ds.parameters.map((p) => p.name));
    expect(rows).toHaveLength(ds.eventCount);
    for (let c = 0; c < header.length; c++) {
      const col = ds.table.columns[c]!;
      for (let i = 0; i < rows.length; i++) {
        if (rows[i]![c] !== col[i]) {
          throw new Error(`row ${i} column ${c}: ${rows[i]![c]} != ${col[i]}`);
        }
      }
    }
    // Written atomically: no temporary file left behind.
    expect(readdirSync(dir)).toEqual(['events.csv']);
  });

  it('writes scale values with --scaled to standard output', async () => {
    const { code, stdout } = await run(['export', fixture, '--scaled']);
    expect(code).toBe(0);
    const scaled = scaleDataset(parseFcs(readFileSync(join(repoRoot, fixture))).datasets[0]!);
    const { rows } = parseCsv(stdout);
    expect(rows[0]).toEqual(scaled.columns.map((c) => c[0]));
  });

  it('names a missing data set', async () => {
    const { code, stderr } = await run(['export', fixture, '--dataset', '3']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/DATASET_NOT_FOUND: --dataset 3 but the file holds 1 data set/);
  });
});

describe.skipIf(!hasCorpus)(`tamkit export on a two-data-set corpus file${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  it('exports the second data set of a $NEXTDATA file, matching the manifest', async () => {
    const manifest = JSON.parse(readFileSync(join(corpusDir, 'fcs', 'MANIFEST.json'), 'utf8')) as {
      files: { file: string; datasets?: { reference: { events: number; first3: number[][]; last3: number[][] } }[] }[];
    };
    const entry = manifest.files.find((f) => f.file === 'cytoflow__Beckman_Coulter_-_Gallios.LMD.fcs')!;
    const ref = entry.datasets![1]!.reference;
    const { code, stdout } = await run(['export', join(corpusDir, 'fcs', entry.file), '--dataset', '2']);
    expect(code).toBe(0);
    const { rows } = parseCsv(stdout);
    expect(rows).toHaveLength(ref.events);
    expect(rows.slice(0, 3)).toEqual(ref.first3);
    expect(rows.slice(-3)).toEqual(ref.last3);
  });
});
