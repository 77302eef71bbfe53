import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, run } from './helpers.js';
import { resultBytes, writeStudy } from './run-study.js';

/** Runs the real executable in its own process (as a Slurm array task would). */
function tamkit(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ['--conditions=@tamkit/source', '--import', 'tsx', 'packages/cli/src/bin.ts', ...args], { cwd: repoRoot });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (status) => resolvePromise({ status, stderr }));
  });
}

let dir: string;
const SHARDS = 3;

beforeAll(() => {
  dir = writeStudy({ seed: 5, eventsPerSample: 10000, donors: 2 }).dir;
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('tamkit run --shard and tamkit merge', () => {
  it('merges shards run in separate processes into the bytes of a single run', async () => {
    const experiment = join(dir, 'experiment.yaml');
    const single = await run(['run', experiment, '--out', join(dir, 'single'), '--jobs', '1']);
    expect(single.code, single.stderr).toBe(0);
    const parts = await Promise.all(
      [...Array(SHARDS).keys()].map((i) => tamkit(['run', experiment, '--shard', `${i}/${SHARDS}`, '--out', join(dir, `part-${i}`), '--jobs', '1'])),
    );
    for (const p of parts) {
      expect(p.stderr).not.toContain('failed');
      expect(p.status, p.stderr).toBe(0);
    }
    const merged = await run(['merge', ...[...Array(SHARDS).keys()].map((i) => join(dir, `part-${i}`)), '--out', join(dir, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    const a = resultBytes(join(dir, 'single'));
    const b = resultBytes(join(dir, 'merged'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) {
      expect(b.get(name)!.equals(bytes), name).toBe(true);
    }
  }, 300_000);

  it('deals 8 samples over 3 shards as 3, 3 and 2', async () => {
    const r = await run(['run', join(dir, 'experiment.yaml'), '--shard', '2/3', '--out', join(dir, 'p2'), '--jobs', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { samples: number; files: string[] };
    // Sorted ids D1_M0 D1_M1 D1_M2 D1_TCM D2_M0 D2_M1 D2_M2 D2_TCM; shard 2 takes positions 2 and 5.
    expect(doc.samples).toBe(2);
    expect(doc.files).toEqual(['partial.json', 'timing.json']);
  }, 120_000);
});
