import { computeReadouts, fit4pl, parseCountTable, tukeyHsd } from '@tamkit/transwell';
import { describe, expect, it } from 'vitest';
import type { PhenotypeJsonEntry, ReportError } from '../src/index.js';
import {
  buildReportDocument,
  comparisonsFrom,
  flowStatisticsTable,
  infoSection,
  lowEventWarnings,
  migrationAssayWarnings,
  migrationGroups,
  migrationSection,
  phenotypeInputFromJson,
  phenotypeSections,
  readResultFile,
} from '../src/index.js';

const CSV = `condition,replicate,field,count,ccl2_ng_ml
medium,1,1,10,0
medium,1,2,14,0
medium,2,1,12,0
CCL2,1,1,100,10
CCL2,1,2,110,10
CCL2,2,1,90,10
`;

const readouts = computeReadouts(parseCountTable(CSV, { sourceName: 'counts.csv' }).records, { baseline: 'medium', positiveControl: 'CCL2' });

describe('transwell adapter', () => {
  it('plots every insert value of each condition (hand-derived means per field)', () => {
    // medium insert 1: (10 + 14)/2 = 12, insert 2: 12; CCL2 insert 1: (100 + 110)/2 = 105, insert 2: 90.
    const groups = migrationGroups(readouts);
    expect(groups.map((g) => [g.condition, [...g.values].sort((a, b) => a - b), g.mean])).toEqual([
      ['medium', [12, 12], 12],
      ['CCL2', [90, 105], 97.5],
    ]);
  });
  it('turns Tukey comparisons into brackets', () => {
    const test = tukeyHsd(migrationGroups(readouts).map((g) => ({ name: g.condition, values: [...g.values] })));
    expect(comparisonsFrom(test).map((c) => [c.a, c.b].sort())).toEqual([['CCL2', 'medium']]);
  });
  it('builds the migration section with the readout table, and warns about CCL2 on macrophages', () => {
    const { section, warnings } = migrationSection({ readouts, cellType: 'BMDM (M-CSF, day 7)' }, 't.json');
    expect(section.blocks.map((b) => b.type)).toEqual(['figure', 'table']);
    const table = section.blocks[1]!;
    // Chemotactic index of CCL2 = 97.5 / 12 = 8.125 (means of insert values, insert unit).
    expect(table.type === 'table' ? table.rows[1]![4] : null).toBeCloseTo(97.5 / 12, 10);
    expect(warnings.map((w) => w.code)).toEqual(['CCL2_ON_DIFFERENTIATED_MACROPHAGES']);
  });
  it('says which 4PL parameters were held in the dose-response caption', () => {
    const doses = [0, 0.1, 0.3, 1, 3, 10];
    const fit = fit4pl(doses, doses.map((x) => 100 / (1 + x / 2)), { fixed: { bottom: 0, hill: 1 } });
    const points = { doses, responses: doses.map((x) => 100 / (1 + x / 2)), doseUnit: 'ug/mL', conditions: doses.map(String), units: doses.map(() => 'insert') };
    const { section } = migrationSection({ readouts, doseResponse: [{ title: 'Dose response: carlumab', points, fit }] }, 't.json');
    const figure = section.blocks.find((b) => b.type === 'figure' && b.title === 'Dose response: carlumab');
    expect(figure?.type === 'figure' ? figure.caption : '').toMatch(/t distribution with n - 2 df; bottom fixed at 0, hill fixed at 1$/);
  });
});

describe('assay warnings', () => {
  it('warns for CCL2 on differentiated macrophages only', () => {
    const ccl2 = [{ condition: 'CCL2 10 ng/mL', ccl2NgMl: 10 }];
    expect(migrationAssayWarnings('THP-1 + PMA', ccl2)).toHaveLength(1);
    expect(migrationAssayWarnings('human monocytes', ccl2)).toEqual([]);
    expect(migrationAssayWarnings('BMDM', [{ condition: 'fMLP', ccl2NgMl: null }])).toEqual([]);
    expect(migrationAssayWarnings(undefined, ccl2)).toEqual([]);
  });
  it('flags populations under the minimum event count', () => {
    expect(lowEventWarnings([{ sample: 'S1', population: 'Live', events: 4999 }, { sample: 'S1', population: 'All', events: 5000 }])).toEqual([
      { code: 'LOW_EVENT_COUNT', message: 'Live: 4999 events, fewer than 5000; percentages and MFIs are imprecise', source: 'S1' },
    ]);
  });
});

describe('phenotype adapter', () => {
  it('makes a section per sample and the composition section, warning about thresholds without control', () => {
    const { sections, warnings } = phenotypeSections(
      {
        samples: [
          { sample: 'S 1', events: 1000, populations: [{ population: 'Live', events: 900 }], thresholds: [{ marker: 'CD80', value: 800, method: 'KDE valley', control: null }] },
          { sample: 'S2', events: 100000, thresholds: [{ marker: 'CD80', value: 800, method: 'FMO 99.5th percentile', control: 'FMO-CD80.fcs' }] },
        ],
        composition: { classes: ['M1', 'M2'], samples: [{ sample: 'S 1', condition: 'LPS', percents: [60, 40] }] },
      },
      'p.json',
    );
    expect(sections.map((s) => [s.id, s.kind])).toEqual([
      ['sample-1-S-1', 'flow'],
      ['sample-2-S2', 'flow'],
      ['composition', 'composition'],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['NO_CONTROL_THRESHOLD', 'LOW_EVENT_COUNT']);
  });
});

describe('flow statistics table', () => {
  const statistics = {
    control: 'M0',
    tests: [
      { className: 'M2', test: 'one-way ANOVA', condition: null, difference: null, statistic: 5.5, df: 2, pValue: 0.0123, adjusted: false },
      { className: 'M2', test: "Dunnett's test", condition: 'TCM', difference: 47.14, statistic: 12.3, df: 6, pValue: 0.00002, adjusted: true },
    ],
  };
  it('gives one row per test with the p-value, its stars and the adjustment', () => {
    const t = flowStatisticsTable(statistics);
    expect(t.title).toBe('% of classified cells against M0');
    expect(t.rows).toEqual([
      ['M2', 'all conditions', 'one-way ANOVA', null, 5.5, 2, '0.0123', '*', 'no'],
      ['M2', 'TCM vs M0', "Dunnett's test", 47.14, 12.3, 6, '< 0.0001', '****', 'yes'],
    ]);
  });
  it('is part of the composition section when the result has tests', () => {
    const { sections } = phenotypeSections({ samples: [], composition: { classes: ['M1', 'M2'], samples: [{ sample: 'S', condition: 'TCM', percents: [5, 55] }] }, statistics }, 'p.json');
    expect(sections[0]!.blocks.map((b) => ('title' in b ? b.title : b.type))).toEqual(['Composition per sample', 'Composition per condition', 'Composition', '% of classified cells against M0']);
  });
});

describe('info adapter', () => {
  it('tabulates data sets and turns read warnings and errors into report warnings', () => {
    const { section, warnings } = infoSection(
      [
        { file: 'a.fcs', datasets: [{ version: 'FCS3.1', events: 100, parameters: 2, keywords: { $CYT: 'Aurora' }, channels: [{ name: 'FL1', label: 'CD80' }], warnings: [{ code: 'FCS_DATA_OFF_BY_ONE', message: 'm' }] }] },
        { file: 'b.fcs', error: { code: 'FCS_TRUNCATED', message: 'n' } },
      ],
      'info.json',
      'files',
    );
    const t = section.blocks[0]!;
    expect(t.type === 'table' ? t.rows : null).toEqual([['a.fcs', 'FCS3.1', 100, 2, 'Aurora', '', 'FL1: CD80']]);
    expect(warnings.map((w) => [w.code, w.source])).toEqual([
      ['FCS_DATA_OFF_BY_ONE', 'a.fcs'],
      ['FCS_TRUNCATED', 'b.fcs'],
    ]);
  });
});

describe('result files', () => {
  const header = { version: '0.1.0', command: 'transwell', seeds: { bootstrap: 3 } };
  it('reads the envelope and bare tamkit info --json output', () => {
    expect(readResultFile({ files: [] }, 'i.json')).toMatchObject({ kind: 'info', header: null });
    expect(readResultFile({ tamkit: header, kind: 'transwell', readouts }, 't.json')).toMatchObject({ kind: 'transwell', header });
  });
  it('builds a document with sections in summary → flow → composition → migration → QC order and the results’ provenance', () => {
    const doc = buildReportDocument(
      [readResultFile({ tamkit: header, kind: 'transwell', readouts, extra: 'ignored' }, 't.json'), readResultFile({ files: [] }, 'i.json'), readResultFile({ tamkit: { version: '0.1.0', command: 'gate' }, kind: 'gate', populations: [{ population: 'Live', parent: null, events: 10, percentOfParent: null }] }, 'g.json')],
      { tamkitVersion: '0.1.0', commandLine: ['tamkit', 'report'], date: 'd', inputs: [], parameters: {}, seeds: {} },
    );
    expect(doc.sections.map((s) => s.id)).toEqual(['summary', 'gate-3', 'migration-1', 'files-2']);
    // The summary's chemotactic index of CCL2, by hand: inserts 105 and 90 cells/field over the
    // medium inserts' mean 12 are 8.75 and 7.5; mean 8.125, SD 0.884, SEM 0.625, n = 2.
    const summary = doc.sections[0]!.blocks[0]!;
    expect(summary.type === 'keyValue' ? summary.entries[0] : null).toEqual(['Chemotactic index, CCL2', '8.13 ± 0.63 (mean ± SEM, n = 2)']);
    expect(doc.provenance.results?.map((r) => [r.source, r.command, r.seeds])).toEqual([
      ['t.json', 'transwell', { bootstrap: 3 }],
      ['i.json', 'info', undefined],
      ['g.json', 'gate', undefined],
    ]);
  });
  it('names the path of a malformed result', () => {
    const run = (v: unknown): ReportError => {
      try {
        readResultFile(v, 'x.json');
      } catch (e) {
        return e as ReportError;
      }
      throw new Error('no error');
    };
    const e1 = run({ tamkit: { version: 1, command: 'x' }, kind: 'gate' });
    expect([e1.code, e1.context]).toEqual(['REPORT_BAD_RESULT', { source: 'x.json', path: 'tamkit.version' }]);
    expect(e1.message).toMatchInlineSnapshot(`"x.json: tamkit.version is a number; expected a string"`);
    const e2 = run({ tamkit: { version: '1', command: 'x' }, kind: 'plate' });
    expect([e2.code, e2.context]).toEqual(['REPORT_UNKNOWN_KIND', { source: 'x.json', kind: 'plate' }]);
    expect(e2.message).toMatchInlineSnapshot(`"x.json: kind 'plate' is not one this version reads; expected one of info, phenotype, transwell, transwell-images, transwell-beads, gate, document"`);
    const e3 = run([1]);
    expect(e3.message).toMatchInlineSnapshot(`"x.json: (top level) is an array; expected a JSON object"`);
  });
});

describe('phenotype --json adapter', () => {
  it('reads bare phenotype output as kind phenotype and maps thresholds, MFIs, yields and composition', () => {
    const entry = {
      file: 'S1.fcs',
      eventCount: 5000,
      pregates: [{ id: 'live', parent: 'singlets', count: 900, percentOfParent: 90, percentOfTotal: 18 }],
      thresholds: [{ channel: 'FITC-A', marker: 'CD80', role: 'm1', value: 1.2, linearValue: 850, source: 'fmo', method: 'percentile', eventCount: 800 }],
      percentages: { classified: 900, parentCount: 900, percent: { M1: 40, M2: 30, double_positive: 5, double_negative: 25 }, m1m2Ratio: 4 / 3 },
      markers: [],
      warnings: [],
    };
    const file = readResultFile({ files: [entry, { file: 'bad.fcs', error: { code: 'FCS_TRUNCATED', message: 'short' } }] }, 'p.json');
    expect(file.kind).toBe('phenotype');
    const { input, failed } = phenotypeInputFromJson(file.body.files as PhenotypeJsonEntry[]);
    expect(failed).toEqual([{ file: 'bad.fcs', code: 'FCS_TRUNCATED', message: 'short' }]);
    expect(input.samples[0]).toMatchObject({ sample: 'S1.fcs', events: 5000, populations: [{ population: 'live', events: 900 }], thresholds: [{ marker: 'CD80', value: 850, method: 'percentile', control: 'fmo' }] });
    expect(input.composition).toEqual({ classes: ['M1', 'M2', 'double positive', 'double negative'], samples: [{ sample: 'S1.fcs', condition: 'all samples', percents: [40, 30, 5, 25] }] });
    // With a condition (tamkit phenotype --conditions-from-names) the composition groups by it.
    const named = phenotypeInputFromJson([{ ...entry, condition: 'TCM' }] as PhenotypeJsonEntry[]);
    expect(named.input.composition?.samples.map((x) => x.condition)).toEqual(['TCM']);
  });
});

describe('records section (transwell-images, transwell-beads)', () => {
  it('tabulates scalar fields in order of first appearance and turns errors and warnings into report warnings', () => {
    const file = readResultFile(
      {
        tamkit: { version: '0.1.0', command: 'transwell images' },
        kind: 'transwell-images',
        images: [
          { file: 'A1.tif', count: 120, threshold: { method: 'otsu', value: 87.5 }, overlay: null, warnings: [{ code: 'IMAGE_SATURATED', message: 's' }] },
          { file: 'A2.tif', count: 98, split: true, extra: [1, 2] },
          { file: 'A3.tif', error: { code: 'TRANSWELL_IMAGE_DECODE', message: 'd' } },
        ],
      },
      'img.json',
    );
    const doc = buildReportDocument([file], { tamkitVersion: '0.1.0', commandLine: [], date: 'd', inputs: [], parameters: {}, seeds: {} });
    const table = doc.sections[0]!.blocks[0]!;
    expect(table.type === 'table' ? [table.columns.map((c) => c.label), table.rows] : null).toEqual([
      ['file', 'count', 'threshold', 'overlay', 'split'],
      [
        ['A1.tif', 120, 87.5, null, null],
        ['A2.tif', 98, null, null, 'yes'],
      ],
    ]);
    expect(doc.warnings.map((w) => [w.code, w.source])).toEqual([
      ['TRANSWELL_IMAGE_DECODE', 'A3.tif'],
      ['IMAGE_SATURATED', 'A1.tif'],
    ]);
  });
});
