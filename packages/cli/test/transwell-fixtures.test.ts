import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { makeTranswellFixtures } from '../../../fixtures/scripts/make-transwell-fixtures.js';
import { repoRoot } from './helpers.js';

it('keeps the committed count tables and bead tubes identical to their generator', () => {
  // The membrane images are left out: they follow the membrane simulator, and the tests compare
  // counts with the truth recorded in truth.json when they were made.
  const files = makeTranswellFixtures().filter((f) => !f.name.startsWith('images/') && f.name !== 'truth.json');
  expect(files.map((f) => f.name)).toEqual(['counts-long.csv', 'counts-wide.csv', 'counts-images.csv', 'beads/beads-CCL2.fcs', 'beads/beads-medium.fcs']);
  for (const f of files) {
    expect(Buffer.compare(readFileSync(join(repoRoot, 'fixtures/transwell', f.name)), Buffer.from(f.bytes)), f.name).toBe(0);
  }
});
