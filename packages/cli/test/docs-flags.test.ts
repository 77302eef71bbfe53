import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, run } from './helpers.js';

const COMMANDS = [
  ['info'],
  ['export'],
  ['gate'],
  ['phenotype'],
  ['simulate', 'macrophages'],
  ['transwell', 'counts'],
  ['transwell', 'images'],
  ['transwell', 'beads'],
  ['report'],
  ['init'],
  ['run'],
  ['demo'],
  ['merge'],
];

/** Long options listed in a command's --help (yargs prints them as `--name`), less the generic ones. */
function flagsOf(help: string): string[] {
  const flags = new Set(help.match(/--[a-z][a-z0-9-]*/g) ?? []);
  for (const generic of ['--help', '--version']) {
    flags.delete(generic);
  }
  return [...flags].sort();
}

describe('the command reference', () => {
  const reference = readFileSync(join(repoRoot, 'docs', 'guide', 'commands.md'), 'utf8');

  it('names every command', async () => {
    const { stdout } = await run(['--help']);
    for (const [cmd] of COMMANDS) {
      expect(stdout).toContain(`tamkit ${cmd!}`);
      expect(reference).toContain(`tamkit ${cmd!}`);
    }
  });

  it.each(COMMANDS.map((c) => [c.join(' '), c]))('documents every flag of tamkit %s', async (_name, cmd) => {
    const { code, stdout } = await run([...cmd, '--help']);
    expect(code).toBe(0);
    const flags = flagsOf(stdout);
    expect(flags.length).toBeGreaterThan(0);
    const missing = flags.filter((f) => !reference.includes(f));
    expect(missing, `flags of tamkit ${cmd.join(' ')} missing from docs/guide/commands.md`).toEqual([]);
  });
});
