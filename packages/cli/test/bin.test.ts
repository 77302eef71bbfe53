import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/** The real entry point, as `pnpm --silent tamkit` runs it. */
function tamkit(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    ['--conditions=@tamkit/source', '--import', 'tsx', 'packages/cli/src/bin.ts', ...args],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the tamkit executable', () => {
  it('prints one parseable JSON document for --json', () => {
    const r = tamkit(['info', 'fixtures/fcs/demo-macrophages.fcs', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: unknown[] };
    expect(doc.files).toHaveLength(1);
  });

  it('lists every command in --help', () => {
    const r = tamkit(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['info', 'export']) {
      expect(r.stdout).toContain(`tamkit ${cmd}`);
    }
  });

  it('exits 1 with one line for an unknown command', () => {
    const r = tamkit(['frobnicate']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('usage errors', () => {
  it('run no command handler: nothing on stdout, no files written', async () => {
    const { run } = await import('./helpers.js');
    const r = await run(['info', 'fixtures/fcs/demo-macrophages.fcs', '--bogus']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
