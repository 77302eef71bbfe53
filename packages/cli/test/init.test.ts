import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExperiment, planExperiment } from '@tamkit/experiment';
import { macrophageSampleFcs, simulateMacrophageExperiment } from '@tamkit/simulate';
import { run, tempDir } from './helpers.js';

describe('tamkit init', () => {
  it('writes an experiment file whose roles, markers and donors match the simulated sample sheet', async () => {
    const dir = tempDir();
    const exp = simulateMacrophageExperiment({ seed: 4, eventsPerSample: 2000, replicates: 2 });
    mkdirSync(join(dir, 'fcs'));
    for (const s of exp.samples) {
      writeFileSync(join(dir, 'fcs', s.fileName), macrophageSampleFcs(s));
    }
    const r = await run(['init', dir]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'experiment.yaml'), 'utf8');
    expect(text).toContain('#   M1 markers: CD86, CD80, HLA-DR');
    const parsed = parseExperiment(text, 'experiment.yaml');
    const plan = planExperiment(parsed, exp.samples.map((s) => `fcs/${s.fileName}`));
    // The simulator's sample sheet is the independent source of each file's role.
    for (const s of exp.samples) {
      const f = plan.files.find((x) => x.file === `fcs/${s.fileName}`)!;
      expect(f.role).toBe(s.role);
      expect(f.marker).toBe(s.fmoMarker);
      expect(f.donor).toBe(s.donor);
      if (s.role === 'sample') {
        expect(f.condition).toBe(s.condition);
      }
    }
    const again = await run(['init', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('pass --force to overwrite it');
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a placeholder when no FCS file is found', async () => {
    const dir = tempDir();
    const r = await run(['init', dir]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'experiment.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'experiment.yaml'), 'utf8')).toContain('no FCS file found');
    rmSync(dir, { recursive: true, force: true });
  });
});
