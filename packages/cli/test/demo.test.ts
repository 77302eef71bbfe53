import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

describe('tamkit demo', () => {
  it('simulates the study, analyses it and ends by printing the report path', async () => {
    const dir = tempDir();
    const out = join(dir, 'demo');
    const r = await run(['demo', '--out', out, '--events', '8000', '--jobs', '2']);
    expect(r.code, r.stderr).toBe(0);
    const last = r.stdout.trim().split('\n').at(-1)!;
    expect(last).toBe(join(out, 'results', 'report.html'));
    expect(readFileSync(last, 'utf8')).toContain('<html');
    for (const f of ['experiment.yaml', 'truth.json', 'fcs/D1_M1.fcs', 'fcs/D3_unstained.fcs', 'transwell/counts.csv', 'results/samples.csv', 'results/transwell/readouts.csv', 'results/transwell/beads.csv']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
