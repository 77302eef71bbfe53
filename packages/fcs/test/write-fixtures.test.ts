import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeFcsFixtures } from '../../../fixtures/scripts/make-fcs-fixtures.js';

// The committed fixtures must be exactly what the seeded generator writes today: any change to the
// writer or the script that alters a byte shows up here (regenerate with the command in
// fixtures/fcs/README.md and review the diff).
const fixturesRoot = new URL('../../../fixtures/', import.meta.url);

describe('fixtures/fcs', () => {
  const generated = makeFcsFixtures();

  it.each([...generated.keys()])('%s is byte-identical to the generator output', (path) => {
    const committed = readFileSync(new URL(path, fixturesRoot));
    const expected = generated.get(path)!;
    expect(committed.length).toBe(expected.length);
    expect(Buffer.compare(committed, expected)).toBe(0);
  });

  it('holds only generated .fcs files, each well under 1 MB', () => {
    const onDisk = readdirSync(new URL('fcs/', fixturesRoot)).filter((f) => f.endsWith('.fcs'));
    const made = [...generated.keys()].filter((p) => p.endsWith('.fcs')).map((p) => p.slice(4));
    expect(onDisk.sort()).toEqual(made.sort());
    for (const p of made) {
      expect(generated.get(`fcs/${p}`)!.length).toBeLessThan(500_000);
    }
  });
});
