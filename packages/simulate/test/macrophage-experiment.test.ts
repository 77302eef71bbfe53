import { describe, expect, it } from 'vitest';
import {
  macrophageSampleSheet,
  macrophageTruthCsv,
  simulateMacrophageExperiment,
  truthFileName,
  writeMacrophageExperiment,
} from '../src/index.js';

describe('simulateMacrophageExperiment', () => {
  it('lists samples, FMO and unstained controls per donor with their metadata', () => {
    const exp = simulateMacrophageExperiment({ seed: 42, eventsPerSample: 200, replicates: 2 });
    // Per donor: 4 conditions + 5 FMO (CD86, CD80, CD206, HLA-DR, CD163 in panel order) + unstained = 10.
    expect(exp.samples.map((s) => s.fileName)).toEqual([
      ...['D1', 'D2'].flatMap((d) => [
        `${d}_M0.fcs`,
        `${d}_M1.fcs`,
        `${d}_M2.fcs`,
        `${d}_TCM.fcs`,
        `${d}_FMO-CD86.fcs`,
        `${d}_FMO-CD80.fcs`,
        `${d}_FMO-CD206.fcs`,
        `${d}_FMO-HLA-DR.fcs`,
        `${d}_FMO-CD163.fcs`,
        `${d}_unstained.fcs`,
      ]),
    ]);
    const fmo = exp.samples.find((s) => s.fileName === 'D2_FMO-CD206.fcs');
    expect(fmo).toMatchObject({ role: 'fmo', fmoMarker: 'CD206', condition: 'M2', donor: 'D2', replicate: 2 });
    expect(exp.samples.find((s) => s.fileName === 'D1_FMO-CD86.fcs')?.condition).toBe('M1');
    expect(exp.samples.find((s) => s.fileName === 'D1_unstained.fcs')).toMatchObject({ role: 'unstained', fmoMarker: null });
    expect(exp.samples.find((s) => s.fileName === 'D1_M1.fcs')).toMatchObject({ role: 'sample', condition: 'M1' });
    expect(new Set(exp.samples.map((s) => s.seed)).size).toBe(exp.samples.length);
    // One shift per donor, shared by the donor's files.
    expect(new Set(exp.samples.filter((s) => s.donor === 'D1').map((s) => s.markerShift)).size).toBe(1);
  });

  it('is deterministic by seed', () => {
    const opts = { seed: 7, eventsPerSample: 100, conditions: ['M1', 'M2'] as const, replicates: 1 };
    const a = simulateMacrophageExperiment(opts);
    const b = simulateMacrophageExperiment(opts);
    expect(b.samples.map((s) => s.seed)).toEqual(a.samples.map((s) => s.seed));
    expect(b.samples[1]?.sample.table.columns).toEqual(a.samples[1]?.sample.table.columns);
    const c = simulateMacrophageExperiment({ ...opts, seed: 8 });
    expect(c.samples[0]?.seed).not.toBe(a.samples[0]?.seed);
  });

  it('can leave out the controls', () => {
    const exp = simulateMacrophageExperiment({
      seed: 1,
      eventsPerSample: 50,
      conditions: ['TCM'],
      replicates: 3,
      includeFmo: false,
      includeUnstained: false,
    });
    expect(exp.samples.map((s) => s.fileName)).toEqual(['D1_TCM.fcs', 'D2_TCM.fcs', 'D3_TCM.fcs']);
  });

  it('rejects bad options', () => {
    expect(() => simulateMacrophageExperiment({ seed: 1, eventsPerSample: 10, replicates: 0 })).toThrow(RangeError);
    expect(() => simulateMacrophageExperiment({ seed: 1, eventsPerSample: 10, conditions: ['M3' as 'M0'] })).toThrow(
      TypeError,
    );
  });
});

describe('truth and sample sheet files', () => {
  const exp = simulateMacrophageExperiment({ seed: 3, eventsPerSample: 300, conditions: ['M1'], replicates: 1, includeFmo: false });

  it('writes one truth row per event, in file order', () => {
    const first = exp.samples[0]!;
    const lines = macrophageTruthCsv(first.sample).split('\n');
    expect(lines[0]).toBe('event,class');
    expect(lines).toHaveLength(300 + 2); // header, 300 rows, '' after the final newline
    expect(lines.at(-1)).toBe('');
    for (let i = 0; i < 300; i++) {
      expect(lines[i + 1]).toBe(`${i},${first.sample.truth.classNames[first.sample.truth.eventClass[i]!]}`);
    }
    expect(truthFileName('D1_M1.fcs')).toBe('D1_M1.truth.csv');
  });

  it('lists every file in the sample sheet', () => {
    const sheet = macrophageSampleSheet(exp).trimEnd().split('\n');
    expect(sheet[0]).toBe('file,condition,role,fmo_marker,donor,replicate,seed,events');
    expect(sheet.slice(1).map((r) => r.split(',').slice(0, 6).join(','))).toEqual([
      'D1_M1.fcs,M1,sample,,D1,1',
      'D1_unstained.fcs,M0,unstained,,D1,1',
    ]);
  });

  it('returns FCS bytes, truth CSV and the sample sheet as named files', () => {
    const files = writeMacrophageExperiment(exp);
    expect(files.map((f) => f.name)).toEqual([
      'D1_M1.fcs',
      'D1_M1.truth.csv',
      'D1_unstained.fcs',
      'D1_unstained.truth.csv',
      'samples.csv',
    ]);
    expect(new TextDecoder().decode(files[0]!.bytes.subarray(0, 6))).toBe('FCS3.1');
  });
});
