import { describe, expect, it } from 'vitest';
import { fuzz, builtSeeds } from './fuzz-mutate.js';
import { hasCorpus, loadManifest, readCorpus } from './corpus-helpers.js';

// Seeded mutation fuzzing: byte flips, truncations, random HEADER offsets, rewritten keyword digits,
// duplicated segments and random overwrites. Every case must either parse or throw a TamkitError,
// and a parsed result must not hold more column bytes than 8 × the file size (+ 4 KB).

function corpusSeeds(): Uint8Array[] {
  // Files up to 1 MB keep the run within a few seconds.
  return loadManifest()
    .filter((f) => f.size_bytes <= 1_000_000)
    .map((f) => readCorpus(`fcs/${f.file}`));
}

describe('fuzzing the reader', () => {
  it.skipIf(!hasCorpus)('mutated corpus files give a result or a typed error (2000 cases)', { timeout: 60_000 }, () => {
    const summary = fuzz(corpusSeeds(), 2000, 20261201);
    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBeGreaterThan(0);
  });

  it('mutated in-memory files give a result or a typed error (2000 cases)', { timeout: 60_000 }, () => {
    const summary = fuzz(builtSeeds(), 2000, 7);
    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBeGreaterThan(0);
    expect(Object.keys(summary.codes).length).toBeGreaterThan(3);
  });
});
