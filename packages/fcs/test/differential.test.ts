import FCS from 'fcs';
import { describe, expect, it } from 'vitest';
import { parseFcs } from '../src/index.js';
import { hasCorpus, loadManifest, readCorpus } from './corpus-helpers.js';

// Differential test: the independent npm `fcs` 0.0.7 reader (byEvent rows of numbers, every event)
// against ours, on the corpus files whose manifest entry records that it agrees with the reference
// (or with the unmasked stored values, which we give with bitMask 'ignore'). It reads the first data
// set only.

const candidates = loadManifest().filter(
  (f) => f.npm_fcs_0_0_7?.agrees_with_reference === true || f.npm_fcs_0_0_7?.agrees_with_unmasked_raw === true,
);

describe.skipIf(!hasCorpus)(`agreement with npm fcs 0.0.7${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  it('has corpus files to compare', () => {
    expect(candidates.length).toBeGreaterThan(10);
  });
  for (const entry of candidates) {
    const masked = entry.npm_fcs_0_0_7?.agrees_with_reference === true;
    it(`${entry.file} (${masked ? "bitMask 'apply'" : "bitMask 'ignore'"})`, () => {
      const bytes = readCorpus(`fcs/${entry.file}`);
      const npm = new FCS({ dataFormat: 'asNumber', eventsToRead: -1 }, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      const rows = npm.dataAsNumbers;
      const ours = parseFcs(bytes, { bitMask: masked ? 'apply' : 'ignore', dataset: 0 }).datasets[0]!.table;
      expect(rows).not.toBeNull();
      expect(rows!.length).toBe(ours.eventCount);
      let differing = 0;
      ours.columns.forEach((col, c) => {
        for (let i = 0; i < col.length; i++) {
          if (rows![i]![c] !== col[i]) {
            differing++;
          }
        }
      });
      expect(differing).toBe(0);
    });
  }
});
