import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as simulate from '../src/index.js';
import { MACROPHAGE_CLASS_NAMES, simulateMacrophageSample } from '../src/index.js';

describe('simulateMacrophageSample properties', () => {
  it('class counts sum to the event count and agree with the per-event codes, for any composition', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom('M0' as const, 'M1' as const, 'M2' as const, 'TCM' as const),
        fc.array(fc.double({ min: 0, max: 0.25, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (seed, events, condition, [debris, doublet, dead, nonMacrophage], separation) => {
          const s = simulateMacrophageSample({
            seed,
            events,
            condition,
            separation,
            composition: { debris: debris!, doublet: doublet!, dead: dead!, nonMacrophage: nonMacrophage! },
          });
          expect(s.truth.eventClass).toHaveLength(events);
          const tally = new Array<number>(MACROPHAGE_CLASS_NAMES.length).fill(0);
          for (const c of s.truth.eventClass) {
            tally[c] = (tally[c] ?? 0) + 1;
          }
          expect(MACROPHAGE_CLASS_NAMES.map((c) => s.truth.counts[c])).toEqual(tally);
          for (const col of s.table.columns) {
            expect(col).toHaveLength(events);
            expect(col.every((v) => Number.isFinite(v))).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a zero fraction never occurs', () => {
    const s = simulateMacrophageSample({
      seed: 3,
      events: 3000,
      condition: 'M1',
      composition: { debris: 0, doublet: 0, dead: 0, nonMacrophage: 0, phenotype: { M1: 1, M2: 0, double_positive: 0, double_negative: 0 } },
    });
    expect(s.truth.counts.M1).toBe(3000);
  });
});

it('exports the macrophage simulation API', () => {
  const names = Object.keys(simulate);
  for (const name of [
    'simulateMacrophageSample',
    'simulateMacrophageExperiment',
    'writeMacrophageExperiment',
    'macrophageSampleFcs',
    'macrophageSampleSheet',
    'macrophageTruthCsv',
    'truthFileName',
    'macrophageSpillover',
    'resolveMacrophageSampleOptions',
    'MACROPHAGE_CLASS_NAMES',
    'MACROPHAGE_CONDITIONS',
    'MACROPHAGE_EXPERIMENT_DEFAULTS',
    'MACROPHAGE_FMO_MARKERS',
    'MACROPHAGE_PHENOTYPE_DEFAULTS',
    'MACROPHAGE_RANGE',
    'MACROPHAGE_SAMPLE_DEFAULTS',
    'MACROPHAGE_STAINS',
    'MACROPHAGE_TIMESTEP',
  ]) {
    expect(names, name).toContain(name);
  }
});
