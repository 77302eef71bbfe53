import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, run, tempDir } from './helpers.js';

interface TubeTruth {
  cellsInWell: number;
  beadsAdded: number;
  sampleVolumeUl: number;
  acquiredFraction: number;
  beadEvents: number;
  cellEvents: number;
}
const truth = JSON.parse(readFileSync(join(repoRoot, 'fixtures/transwell/truth.json'), 'utf8')) as { beads: Record<string, TubeTruth> };

interface BeadsDoc {
  tamkit: { command: string };
  kind: string;
  options: { beadsAdded: number; sampleVolumeUl?: number };
  files: { file: string; beadEvents: number; cellEvents: number; cellsInSample: number; cellsPerUl: number | null; gates: { beads: { kind: string } } }[];
}

describe('tamkit transwell beads', () => {
  it('recovers the cells of each simulated well within the sampling error', async () => {
    const files = Object.keys(truth.beads).map((k) => `fixtures/transwell/${k}`);
    const { code, stdout } = await run(['transwell', 'beads', ...files, '--beads-added', '20000', '--volume-ul', '300', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as BeadsDoc;
    expect(doc.kind).toBe('transwell-beads');
    expect(doc.tamkit.command).toBe('transwell beads');
    for (const r of doc.files) {
      const t = truth.beads[r.file.replace('fixtures/transwell/', '')]!;
      // The simulated populations are decades apart: the gates find exactly the simulated events.
      expect(r.beadEvents).toBe(t.beadEvents);
      expect(r.cellEvents).toBe(t.cellEvents);
      // Beads and cells are each acquired with probability f, so N̂ = c/b × B has relative variance
      // (1 − f)(1/(N f) + 1/(B f)) (delta method). CCL2 tube: N = 50 000, B = 20 000, f = 0.1 →
      // 0.9 (1/5000 + 1/2000) = 6.3e-4, SD 2.5 %; medium tube: N = 2000 → 0.9 (1/200 + 1/2000), SD 7.0 %.
      // Allowed: 4 SD.
      const f = t.acquiredFraction;
      const sd = Math.sqrt((1 - f) * (1 / (t.cellsInWell * f) + 1 / (t.beadsAdded * f)));
      expect(Math.abs(r.cellsInSample / t.cellsInWell - 1)).toBeLessThan(4 * sd);
      expect(r.cellsPerUl).toBeCloseTo(r.cellsInSample / 300, 9);
      expect(r.gates.beads.kind).toBe('range');
    }
  });

  it('prints a table', async () => {
    const { code, stdout } = await run(['transwell', 'beads', 'fixtures/transwell/beads/beads-CCL2.fcs', '--beads-added', '20000']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^file +bead events +cell events +cells in tube/);
    expect(stdout).toContain('PE-A');
  });

  it('needs --beads-added', async () => {
    const { code, stderr } = await run(['transwell', 'beads', 'fixtures/transwell/beads/beads-CCL2.fcs']);
    expect(code).toBe(1);
    expect(stderr).toContain('beads-added');
    const zero = await run(['transwell', 'beads', 'fixtures/transwell/beads/beads-CCL2.fcs', '--beads-added', '0']);
    expect(zero.code).toBe(1);
  });

  it('reports a file it cannot read on one line and goes on', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.fcs'), 'FCS3.1 not really');
    const { code, stdout, stderr } = await run(['transwell', 'beads', join(dir, 'broken.fcs'), 'fixtures/transwell/beads/beads-CCL2.fcs', '--beads-added', '20000', '--json']);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/broken\.fcs: FCS_/);
    const doc = JSON.parse(stdout) as { files: { error?: unknown; cellEvents?: number }[] };
    expect(doc.files[0]).toHaveProperty('error');
    expect(doc.files[1]).toHaveProperty('cellEvents');
  });
});
