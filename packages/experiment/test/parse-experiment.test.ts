import { describe, expect, it } from 'vitest';
import { ExperimentError, parseExperiment } from '../src/index.js';

function errorOf(text: string): ExperimentError {
  try {
    parseExperiment(text, 'exp.yaml');
  } catch (e) {
    if (e instanceof ExperimentError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected an ExperimentError');
}

describe('parseExperiment', () => {
  it('fills in the defaults of a minimal file', () => {
    const e = parseExperiment('samples:\n  - file: a.fcs\n', 'exp.yaml');
    expect(e.seed).toBe(1);
    expect(e.samples).toEqual([{ file: 'a.fcs', id: null, condition: null, donor: null, role: 'sample', marker: null, line: 2 }]);
    expect(e.panel).toBe('auto');
    expect(e.compensation).toBe('auto');
    expect(e.gating).toBe('auto');
    expect(e.phenotype).toEqual({ method: 'rules', k: null, percentile: null });
    expect(e.transwell).toBeNull();
    expect(e.report).toEqual({ title: 'tamkit analysis', html: true, populationsFcs: false });
  });

  it('reads every section', () => {
    const text = [
      'name: study',
      'seed: 7',
      'samples:',
      '  - { file: fcs/*.fcs, condition: M1, experiment: E1 }',
      '  - { file: fmo.fcs, role: fmo, marker: CD206, donor: D1 }',
      'panel: { file: panel.yaml }',
      'compensation: none',
      'gating: gates.xml',
      'phenotype: { method: kmeans, k: 6, percentile: 99 }',
      'transwell:',
      '  counts: counts.csv',
      '  baseline: medium',
      '  fieldAreaMm2: 0.25',
      '  adjust: none',
      '  fixBottom: 0',
      '  fixHill: 1',
      '  beads: { beadsAdded: 20000, files: [{ file: b.fcs, condition: medium }] }',
      'statistics: { control: M0, test: welch }',
      'report: { title: T, html: false, populationsFcs: true }',
    ].join('\n');
    const e = parseExperiment(text, 'exp.yaml');
    expect(e.seed).toBe(7);
    expect(e.samples[0]!.donor).toBe('E1');
    expect(e.samples[1]).toMatchObject({ role: 'fmo', marker: 'CD206', line: 5 });
    expect(e.panel).toEqual({ file: 'panel.yaml' });
    expect(e.compensation).toBe('none');
    expect(e.gating).toEqual({ file: 'gates.xml' });
    expect(e.phenotype).toEqual({ method: 'kmeans', k: 6, percentile: 99 });
    expect(e.transwell).toMatchObject({ counts: 'counts.csv', baseline: 'medium', fieldAreaMm2: 0.25, stain: 'crystal-violet', adjust: 'none', fixBottom: 0, fixTop: null, fixHill: 1 });
    expect(e.transwell!.beads).toEqual({ beadsAdded: 20000, volumeUl: null, files: [{ file: 'b.fcs', condition: 'medium', replicate: '1' }] });
    // adjust defaults to holm.
    expect(e.statistics).toEqual({ control: 'M0', test: 'welch', adjust: 'holm' });
    expect(e.report).toEqual({ title: 'T', html: false, populationsFcs: true });
  });

  it('names line, column and field of an invalid role', () => {
    const e = errorOf('samples:\n  - file: a.fcs\n  - file: b.fcs\n    role: control\n');
    expect(e.code).toBe('EXPERIMENT_INVALID_FIELD');
    // Line 4 is "    role: control"; the value starts in column 11.
    expect(e.context).toEqual({ file: 'exp.yaml', line: 4, column: 11, field: 'samples[1].role' });
    expect(e.message).toMatchInlineSnapshot(`"exp.yaml:4:11: samples[1].role: found 'control'; expected one of sample, fmo, isotype, unstained, beads"`);
  });

  it('points at the key of an unknown field', () => {
    const e = errorOf('seed: 1\nsampels: []\n');
    expect(e.code).toBe('EXPERIMENT_UNKNOWN_FIELD');
    expect(e.context).toEqual({ file: 'exp.yaml', line: 2, column: 1, field: 'sampels' });
    expect(e.message).toMatchInlineSnapshot(`"exp.yaml:2:1: sampels: unknown field; expected one of name, seed, samples, panel, compensation, gating, phenotype, transwell, statistics, report"`);
  });

  it('asks for the marker of an FMO control', () => {
    const e = errorOf('samples:\n  - { file: f.fcs, role: fmo }\n');
    expect(e.code).toBe('EXPERIMENT_MISSING_FIELD');
    // The entry's mapping starts at column 5 of line 2 ("  - {").
    expect(e.context).toEqual({ file: 'exp.yaml', line: 2, column: 5, field: 'samples[0].marker' });
    expect(e.message).toMatchInlineSnapshot(`"exp.yaml:2:5: samples[0].marker: missing; an fmo control names the marker it leaves out"`);
  });

  it('rejects a negative seed and a missing sample list', () => {
    const seed = errorOf('seed: -3\nsamples: [{ file: a.fcs }]\n');
    expect(seed.code).toBe('EXPERIMENT_INVALID_FIELD');
    expect(seed.context).toEqual({ file: 'exp.yaml', line: 1, column: 7, field: 'seed' });
    expect(seed.message).toMatchInlineSnapshot(`"exp.yaml:1:7: seed: found -3; expected a whole number >= 0"`);
    const none = errorOf('seed: 1\n');
    expect(none.code).toBe('EXPERIMENT_NO_SAMPLES');
    expect(none.context.field).toBe('samples');
    const hill = errorOf('samples: [{ file: a.fcs }]\ntranswell: { counts: c.csv, fixHill: 0 }\n');
    expect([hill.code, hill.context.field]).toEqual(['EXPERIMENT_INVALID_FIELD', 'transwell.fixHill']);
  });

  it('reports YAML syntax errors with their line', () => {
    const e = errorOf('samples:\n  - file: a.fcs\n    role: [sample\n');
    expect(e.code).toBe('EXPERIMENT_YAML_SYNTAX');
    expect(e.context.file).toBe('exp.yaml');
    expect(e.context.line).toBeGreaterThanOrEqual(3);
  });

  it('needs counts or beads in the transwell part', () => {
    const e = errorOf('samples: [{ file: a.fcs }]\ntranswell:\n  baseline: medium\n');
    expect(e.code).toBe('EXPERIMENT_MISSING_FIELD');
    expect(e.context).toEqual({ file: 'exp.yaml', line: 3, column: 3, field: 'transwell.counts' });
  });
});
