import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTruth } from '@tamkit/experiment';
import { DEMO_TRANSWELL_CONDITIONS } from '@tamkit/experiment';
import { run } from './helpers.js';
import { csvRecords, resultBytes, writeStudy } from './run-study.js';

// A simulated study with known truth: 2 donors x (M0, M1, M2, TCM + 5 FMO + unstained), 20k events
// per file, and the demo's transwell part. Analysed twice (2 workers, then 1) into two folders.
let study: { dir: string; truth: DemoTruth };
let first: { code: number; stdout: string; stderr: string };
let second: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  study = writeStudy({ seed: 11, eventsPerSample: 20000, donors: 2 });
  first = await run(['run', join(study.dir, 'experiment.yaml'), '--out', join(study.dir, 'out1'), '--jobs', '2']);
  second = await run(['run', join(study.dir, 'experiment.yaml'), '--out', join(study.dir, 'out2'), '--jobs', '1']);
}, 300_000);

afterAll(() => {
  rmSync(study.dir, { recursive: true, force: true });
});

describe('tamkit run on a simulated study', () => {
  it('succeeds and prints the report path last', () => {
    expect(first.stderr).not.toContain('failed');
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n').at(-1)).toBe(join(study.dir, 'out1', 'report.html'));
    expect(readFileSync(join(study.dir, 'out1', 'report.html'), 'utf8')).toContain('<html');
  });

  it('finds each sample\'s % M1 and % M2 within 2 points of the simulated truth', () => {
    const rows = csvRecords(readFileSync(join(study.dir, 'out1', 'samples.csv'), 'utf8'));
    expect(rows.map((r) => r.sample).sort()).toEqual(Object.keys(study.truth.samples).sort());
    for (const r of rows) {
      const t = study.truth.samples[r.sample!]!;
      expect(r.condition).toBe(t.condition);
      expect(Math.abs(Number(r.M1_pct) - t.M1)).toBeLessThanOrEqual(2);
      expect(Math.abs(Number(r.M2_pct) - t.M2)).toBeLessThanOrEqual(2);
      expect(r.error).toBe('');
    }
  });

  it('puts the tests of % M1 and % M2 against the control into phenotype.json and the report', () => {
    const csv = csvRecords(readFileSync(join(study.dir, 'out1', 'statistics.csv'), 'utf8')).filter((r) => r.row === 'test');
    const phenotype = JSON.parse(readFileSync(join(study.dir, 'out1', 'phenotype.json'), 'utf8')) as { statistics: { control: string; tests: { className: string; condition: string | null; pValue: number }[] } };
    expect(phenotype.statistics.control).toBe('M0');
    expect(phenotype.statistics.tests.map((t) => [t.className, t.condition ?? '', t.pValue])).toEqual(csv.map((r) => [r.class, r.condition, Number(r.p_value)]));
    // 2 classes × (ANOVA + 3 conditions against M0).
    expect(csv).toHaveLength(8);
    const html = readFileSync(join(study.dir, 'out1', 'report.html'), 'utf8');
    expect(html).toContain('% of classified cells against M0');
    expect(html).toContain('TCM vs M0');
  });

  it('gives the transwell readouts of the simulated counts', () => {
    // Independent computation from the count table: mean per field per insert, then the mean of the
    // inserts (the insert is the unit of replication). Image rows are checked through their truth.
    const table = csvRecords(readFileSync(join(study.dir, 'transwell', 'counts.csv'), 'utf8'));
    const readouts = csvRecords(readFileSync(join(study.dir, 'out1', 'transwell', 'readouts.csv'), 'utf8'));
    for (const [condition] of DEMO_TRANSWELL_CONDITIONS) {
      const rows = table.filter((r) => r.condition === condition);
      const inserts = [...new Set(rows.map((r) => r.replicate))];
      const perInsert = inserts.map((ins) => {
        const fields = rows.filter((r) => r.replicate === ins).map((r) => (r.count !== '' ? Number(r.count) : study.truth.images[r.image!]!));
        return fields.reduce((a, b) => a + b, 0) / fields.length;
      });
      const expected = perInsert.reduce((a, b) => a + b, 0) / perInsert.length;
      const got = Number(readouts.find((r) => r.condition === condition)!.mean_per_field);
      const imaged = rows.some((r) => r.image !== '');
      // Counted images may miss or split a cell: allow 5 % there; count rows must match exactly.
      expect(Math.abs(got - expected)).toBeLessThanOrEqual(imaged ? 0.05 * expected : 1e-9);
    }
  });

  it('counts the membrane images and the bead tubes close to what was simulated', () => {
    const images = csvRecords(readFileSync(join(study.dir, 'out1', 'transwell', 'image-counts.csv'), 'utf8'));
    expect(images.length).toBe(Object.keys(study.truth.images).length);
    for (const r of images) {
      const truth = study.truth.images[r.image!]!;
      expect(Math.abs(Number(r.count) - truth)).toBeLessThanOrEqual(Math.max(2, 0.1 * truth));
    }
    const beads = csvRecords(readFileSync(join(study.dir, 'out1', 'transwell', 'beads.csv'), 'utf8'));
    for (const r of beads) {
      const truth = study.truth.beads[r.file!.replace(/^transwell\//, '')]!;
      // Poisson error of the bead ratio: within 4 relative standard errors.
      expect(Math.abs(Number(r.cells_in_tube) - truth.cellsInWell)).toBeLessThanOrEqual(4 * Number(r.poisson_relative_se) * truth.cellsInWell);
    }
  });

  it('writes the same bytes on a second run, whatever the number of workers', () => {
    const a = resultBytes(join(study.dir, 'out1'));
    const b = resultBytes(join(study.dir, 'out2'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) {
      expect(b.get(name)!.equals(bytes), name).toBe(true);
    }
    expect(second.code).toBe(0);
  });

  it('records the inputs with their SHA-256, the seed and no absolute path', () => {
    const manifest = readFileSync(join(study.dir, 'out1', 'manifest.json'), 'utf8');
    const m = JSON.parse(manifest) as { seed: number; inputs: { file: string; sha256: string }[] };
    expect(m.seed).toBe(11);
    expect(m.inputs.some((i) => i.file === 'fcs/D1_M1.fcs' && /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
    for (const [name, bytes] of resultBytes(join(study.dir, 'out1'))) {
      if (/\.(csv|json|xml)$/.test(name)) {
        expect(bytes.toString('utf8'), name).not.toContain(study.dir);
      }
    }
  });

  it('writes the applied gates as Gating-ML', () => {
    const xml = readFileSync(join(study.dir, 'out1', 'gates', 'D1_M1.gating-ml.xml'), 'utf8');
    expect(xml).toContain('http://www.isac-net.org/std/Gating-ML/v2.0/gating');
  });
});

describe('tamkit run arguments', () => {
  it('lists every command in --help', async () => {
    const r = await run(['--help']);
    for (const cmd of ['info', 'export', 'phenotype', 'simulate', 'transwell', 'report', 'init', 'run', 'demo', 'merge']) {
      expect(r.stdout).toContain(`tamkit ${cmd}`);
    }
  });

  it('refuses a bad shard with a usage error', async () => {
    const r = await run(['run', 'x.yaml', '--shard', '3/3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatchInlineSnapshot(`
      "tamkit run: EXPERIMENT_BAD_SHARD: shard '3/3': expected I/N with 0 <= I < N, e.g. 0/4
      "
    `);
  });

  it('names line and field of a bad experiment file and writes nothing', async () => {
    const { dir } = writeStudy({ seed: 1, eventsPerSample: 1000, donors: 1 });
    const path = join(dir, 'bad.yaml');
    const { writeFileSync, existsSync } = await import('node:fs');
    writeFileSync(path, 'samples:\n  - file: fcs/D1_M1.fcs\n    role: sampel\n');
    const r = await run(['run', path, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "tamkit run: EXPERIMENT_INVALID_FIELD: bad.yaml:3:11: samples[0].role: found 'sampel'; expected one of sample, fmo, isotype, unstained, beads
      "
    `);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
