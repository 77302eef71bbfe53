import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseExperiment, planExperiment } from '../src/index.js';

const dir = new URL('../../../fixtures/experiment/', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('../../../docs/schema/experiment.schema.json', import.meta.url), 'utf8')) as {
  properties: Record<string, { properties?: Record<string, unknown> }>;
  $defs: { sample: { properties: Record<string, unknown> } };
};

describe('the example experiment (fixtures/experiment)', () => {
  it('parses and plans: 4 samples, each with 5 FMO controls and the unstained control', () => {
    const exp = parseExperiment(readFileSync(new URL('experiment.yaml', dir), 'utf8'), 'experiment.yaml');
    const fcs = readdirSync(fileURLToPath(new URL('fcs/', dir))).map((f) => `fcs/${f}`);
    const plan = planExperiment(exp, fcs);
    // truth.json lists the stained samples the simulator wrote: the independent list of ids.
    const truth = JSON.parse(readFileSync(new URL('truth.json', dir), 'utf8')) as { samples: Record<string, unknown> };
    expect(plan.tasks.map((t) => t.id)).toEqual(Object.keys(truth.samples).sort());
    for (const t of plan.tasks) {
      expect(Object.keys(t.controls.fmo).sort()).toEqual(['CD163', 'CD206', 'CD80', 'CD86', 'HLA-DR']);
      expect(t.controls.unstained).toBe('fcs/D1_unstained.fcs');
    }
  });
});

describe('docs/schema/experiment.schema.json', () => {
  // Every field the schema declares is accepted by the parser, and the parser accepts nothing else
  // at the top level (a misspelt field is EXPERIMENT_UNKNOWN_FIELD in both).
  const base = 'samples:\n  - file: a.fcs\n';
  it('declares the fields the parser reads', () => {
    const values: Record<string, string> = {
      name: 'x', seed: '1', samples: '[{ file: a.fcs }]', panel: 'auto', compensation: 'none', gating: 'auto',
      phenotype: '{ method: rules }', transwell: '{ counts: c.csv }', statistics: '{ control: M0 }', report: '{ html: false }',
    };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(values).sort());
    for (const [key, value] of Object.entries(values)) {
      const text = key === 'samples' ? `samples: ${value}\n` : `${base}${key}: ${value}\n`;
      expect(() => parseExperiment(text, 'e.yaml'), key).not.toThrow();
    }
    for (const key of Object.keys(schema.$defs.sample.properties).filter((k) => k !== 'file')) {
      const value = key === 'role' ? 'fmo' : 'X';
      const extra = key === 'role' ? ', marker: CD206' : key === 'marker' ? ', role: fmo' : '';
      expect(() => parseExperiment(`samples:\n  - { file: a.fcs, ${key}: ${value}${extra} }\n`, 'e.yaml'), key).not.toThrow();
    }
    for (const section of ['phenotype', 'transwell', 'statistics', 'report'] as const) {
      expect(Object.keys(schema.properties[section]!.properties!).length).toBeGreaterThan(0);
    }
  });
});
