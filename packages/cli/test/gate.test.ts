import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFcs } from '@tamkit/fcs';
import { repoRoot, run, tempDir } from './helpers.js';

const fixture = 'fixtures/fcs/demo-macrophages.fcs';
const gates = 'fixtures/gating/demo-macrophages.yaml';

interface GateJson {
  readonly tamkit: { readonly command: string; readonly inputs: readonly { file: string; sha256: string }[]; readonly parameters: Record<string, unknown> };
  readonly kind: string;
  readonly files: readonly {
    readonly file: string;
    readonly eventCount?: number;
    readonly error?: { code: string; message: string };
    readonly populations?: readonly { id: string; path: string[]; parent: string | null; count: number; percentOfParent: number; percentOfTotal: number }[];
  }[];
  readonly populations: readonly { sample: string; population: string; parent: string | null; events: number; percentOfParent: number }[];
}

function readCsv(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

const column = (csv: { header: string[]; rows: string[][] }, name: string): number[] => {
  const c = csv.header.indexOf(name);
  return csv.rows.map((r) => Number(r[c]));
};

const dataset = () => parseFcs(readFileSync(join(repoRoot, fixture))).datasets[0]!;
/** Generator labels of every event (fixtures/truth/README.md): 0 debris, 1 doublet, 2 dead, 3 M0, 4 M1, 5 M2. */
const truth = (): number[] =>
  readFileSync(join(repoRoot, 'fixtures/truth/demo-macrophages-classes.txt'), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map(Number);

describe('tamkit gate on the demo fixture', () => {
  it('prints the population tree, indented as the gating file nests the gates', async () => {
    const { code, stdout, stderr } = await run(['gate', fixture, '--gates', gates]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${fixture}  (5,000 events)`);
    const names = lines.slice(2).map((l) => {
      const m = /^( *)(\S+)/.exec(l)!;
      return `${m[1]!.length / 2 - 1}:${m[2]}`;
    });
    // Depths from the nesting of fixtures/gating/demo-macrophages.yaml.
    expect(names).toEqual(['0:Cells', '1:Singlets', '2:Live', '3:Macrophages', '4:M1-M2', '5:M1', '5:M2', '5:M0', '5:CD86+CD206+', '4:Not-M1']);
    expect(lines[1]).toMatch(/population +events +% parent +% total/);
  });

  it('--events-out: Cells equals the rectangle tested by hand, and M1/M2/M0 recover the generator labels', async () => {
    const dir = tempDir();
    const out = join(dir, 'events.csv');
    const { code } = await run(['gate', fixture, '--gates', gates, '--events-out', out]);
    expect(code).toBe(0);
    expect(readdirSync(dir)).toEqual(['events.csv']);
    const csv = readCsv(out);
    expect(csv.header).toEqual(['Cells', 'Singlets', 'Live', 'Macrophages', 'M1-M2', 'M1', 'M2', 'M0', 'CD86+CD206+', 'Not-M1']);
    const ds = dataset();
    const [fsc, ssc] = [ds.table.columns[0]!, ds.table.columns[2]!];
    // Cells: FSC-A >= 45000 and SSC-A >= 35000 (linear channels: scale values are the stored values).
    const cells = Array.from(fsc, (f, i) => (f >= 45000 && ssc[i]! >= 35000 ? 1 : 0));
    expect(column(csv, 'Cells')).toEqual(cells);
    const labels = truth();
    expect(labels).toHaveLength(5000);
    const agreement = (pop: string, label: number): { precision: number; recall: number } => {
      const m = column(csv, pop);
      const inPop = m.filter((v) => v === 1).length;
      const both = m.filter((v, i) => v === 1 && labels[i] === label).length;
      const withLabel = labels.filter((l) => l === label).length;
      return { precision: both / inPop, recall: both / withLabel };
    };
    // The generator draws overlapping log-normal populations, so a good gating recovers most labels.
    for (const [pop, label] of [['M1', 4], ['M2', 5], ['M0', 3]] as const) {
      const a = agreement(pop, label);
      expect(a.precision, `${pop} precision`).toBeGreaterThan(0.9);
      expect(a.recall, `${pop} recall`).toBeGreaterThan(0.9);
    }
    // Not-M1 is the complement of M1 inside Macrophages.
    const mac = column(csv, 'Macrophages');
    const m1 = column(csv, 'M1');
    expect(column(csv, 'Not-M1')).toEqual(mac.map((v, i) => v & (m1[i]! ^ 1)));
  });

  it('--json: the report envelope, input hashes, and percentages from the counts', async () => {
    const { code, stdout } = await run(['gate', fixture, '--gates', gates, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as GateJson;
    expect([r.tamkit.command, r.kind]).toEqual(['gate', 'gate']);
    const hash = (p: string): string => createHash('sha256').update(readFileSync(join(repoRoot, p))).digest('hex');
    expect(r.tamkit.inputs).toEqual([
      { file: gates, sha256: hash(gates) },
      { file: fixture, sha256: hash(fixture) },
    ]);
    expect(r.tamkit.parameters).toMatchObject({ gates, compensation: 'auto' });
    const pops = r.files[0]!.populations!;
    const byId = new Map(pops.map((p) => [p.id, p]));
    for (const p of pops) {
      const parentCount = p.parent === null ? 5000 : byId.get(p.parent)!.count;
      expect(p.percentOfParent).toBeCloseTo((100 * p.count) / parentCount, 12);
      expect(p.percentOfTotal).toBeCloseTo((100 * p.count) / 5000, 12);
    }
    expect(byId.get('M1')!.path).toEqual(['Cells', 'Singlets', 'Live', 'Macrophages', 'M1-M2', 'M1']);
    // Quadrants of a quadrant gate partition its events.
    expect(['M1', 'M2', 'M0', 'CD86+CD206+'].reduce((s, id) => s + byId.get(id)!.count, 0)).toBe(byId.get('M1-M2')!.count);
    // The flat list @tamkit/report reads.
    expect(r.populations).toHaveLength(pops.length);
    expect(r.populations[0]).toEqual({ sample: fixture, population: 'Cells', parent: null, events: byId.get('Cells')!.count, percentOfParent: byId.get('Cells')!.percentOfParent });
  });

  it('--json output is a result tamkit report turns into a population table', async () => {
    const dir = tempDir();
    const { stdout } = await run(['gate', fixture, '--gates', gates, '--json']);
    writeFileSync(join(dir, 'gate.json'), stdout);
    const html = join(dir, 'report.html');
    const report = await run(['report', join(dir, 'gate.json'), '-o', html]);
    expect(report.code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('Gated populations');
    expect(text).toContain('CD86+CD206+');
  });

  it("--compensation none equals gates that say 'uncompensated'; a CSV of the file's $SPILLOVER equals auto; Comp- names read the FCS spillover", async () => {
    const dir = tempDir();
    const text = readFileSync(join(repoRoot, gates), 'utf8');
    const uncomp = join(dir, 'uncompensated.yaml');
    writeFileSync(uncomp, text.replace('\n  compensation: FCS\n', '\n  compensation: uncompensated\n'));
    const spill = dataset().spillover!;
    const n = spill.detectors.length;
    const rows = Array.from({ length: n }, (_, i) => Array.from(spill.values.subarray(i * n, (i + 1) * n)).map(String).join(','));
    const matrix = join(dir, 'spill.csv');
    writeFileSync(matrix, `${spill.detectors.join(',')}\n${rows.join('\n')}\n`);
    const compNames = join(dir, 'comp-names.yaml');
    writeFileSync(compNames, text.replace('\n  compensation: FCS\n', '\n  compensation: uncompensated\n').replace('{ channel: CD86,', '{ channel: Comp-PE-A,').replace('{ channel: CD206,', '{ channel: Comp-APC-A,'));
    const counts = async (args: string[]): Promise<[string, number][]> => {
      const { code, stdout, stderr } = await run(['gate', fixture, '--json', ...args]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      return (JSON.parse(stdout) as GateJson).files[0]!.populations!.map((p) => [p.id, p.count]);
    };
    const auto = await counts(['--gates', gates]);
    const none = await counts(['--gates', gates, '--compensation', 'none']);
    expect(none).toEqual(await counts(['--gates', uncomp]));
    expect(none).not.toEqual(auto);
    expect(await counts(['--gates', gates, '--compensation', matrix])).toEqual(auto);
    // Comp-PE-A / Comp-APC-A read PE-A and APC-A through the FCS spillover: the same as naming them
    // with an explicit 'FCS' compensation while the other gates stay uncompensated.
    const explicit = join(dir, 'explicit.yaml');
    writeFileSync(explicit, readFileSync(uncomp, 'utf8').replace('{ channel: CD86,', '{ channel: PE-A, compensation: FCS,').replace('{ channel: CD206,', '{ channel: APC-A, compensation: FCS,'));
    const comp = await counts(['--gates', compNames]);
    expect(comp).toEqual(await counts(['--gates', explicit]));
    expect(comp).not.toEqual(none);
  });

  it('--stats: one row per population and channel; statistics match a direct computation', async () => {
    const dir = tempDir();
    const out = join(dir, 'stats.csv');
    const { code } = await run(['gate', fixture, '--gates', gates, '--stats', out]);
    expect(code).toBe(0);
    const csv = readCsv(out);
    expect(csv.header).toEqual([
      'file', 'population', 'path', 'parent', 'channel', 'label', 'values', 'events', 'percent_of_parent', 'percent_of_total', 'n',
      'mean', 'median', 'geometric_mean', 'sd', 'cv', 'robust_sd', 'robust_cv', 'p5', 'p25', 'p75', 'p95', 'min', 'max',
    ]);
    expect(csv.rows).toHaveLength(10 * 11);
    const row = csv.rows.find((r) => r[1] === 'Cells' && r[4] === 'SSC-A')!;
    const get = (name: string): number => Number(row[csv.header.indexOf(name)]);
    const ds = dataset();
    const [fsc, ssc] = [ds.table.columns[0]!, ds.table.columns[2]!];
    const values = Array.from(ssc).filter((s, i) => fsc[i]! >= 45000 && s >= 35000);
    const sorted = [...values].sort((a, b) => a - b);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    // Type 7 percentile: h = (n − 1)p, interpolate between order statistics floor(h) and floor(h) + 1.
    const q = (p: number): number => {
      const h = (sorted.length - 1) * p;
      const lo = Math.floor(h);
      return sorted[lo]! + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!);
    };
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    expect(get('events')).toBe(values.length);
    expect(get('mean')).toBeCloseTo(mean, 6);
    expect(get('median')).toBeCloseTo(q(0.5), 6);
    expect(get('p25')).toBeCloseTo(q(0.25), 6);
    expect(get('p95')).toBeCloseTo(q(0.95), 6);
    expect(get('sd')).toBeCloseTo(sd, 6);
    expect(get('geometric_mean')).toBeCloseTo(Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length), 6);
    expect(row[csv.header.indexOf('values')]).toBe('scale');
  });

  it('--stats-scale transformed: channels on the gates’ scale, so each quadrant lies on its side of the cuts', async () => {
    const out = join(tempDir(), 'stats.csv');
    const { code } = await run(['gate', fixture, '--gates', gates, '--stats', out, '--stats-scale', 'transformed']);
    expect(code).toBe(0);
    const csv = readCsv(out);
    const cell = (pop: string, channel: string, name: string): string => csv.rows.find((r) => r[1] === pop && r[4] === channel)![csv.header.indexOf(name)]!;
    expect(cell('M1', 'PE-A', 'values')).toBe('compensated (FCS) + logicle');
    expect(cell('M1', 'FSC-A', 'values')).toBe('scale');
    // Cuts of the gating file: CD86 (PE-A) 0.62, CD206 (APC-A) 0.58; lower bounds are inside.
    expect(Number(cell('M1', 'PE-A', 'min'))).toBeGreaterThanOrEqual(0.62);
    expect(Number(cell('M1', 'APC-A', 'max'))).toBeLessThan(0.58);
    expect(Number(cell('M2', 'PE-A', 'max'))).toBeLessThan(0.62);
    expect(Number(cell('M2', 'APC-A', 'min'))).toBeGreaterThanOrEqual(0.58);
  });

  it('several inputs: one --events-out file per input, named OUT.<input base name>.csv', async () => {
    const dir = tempDir();
    const copy = join(dir, 'second.fcs');
    copyFileSync(join(repoRoot, fixture), copy);
    const { code } = await run(['gate', fixture, copy, '--gates', gates, '--events-out', join(dir, 'events.csv')]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['events.demo-macrophages.csv', 'events.second.csv', 'second.fcs']);
    expect(readFileSync(join(dir, 'events.second.csv'), 'utf8')).toBe(readFileSync(join(dir, 'events.demo-macrophages.csv'), 'utf8'));
  });
});

describe('tamkit gate errors', () => {
  it('a failing file gives one stderr line; the others are still gated; exit 2 at the end', async () => {
    const { code, stdout, stderr } = await run(['gate', 'fixtures/fcs/truncated-data.fcs', fixture, '--gates', gates, '--json']);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^tamkit gate: fixtures\/fcs\/truncated-data\.fcs: FCS_TRUNCATED: /);
    const r = JSON.parse(stdout) as GateJson;
    expect(r.files.map((f) => [f.file, f.error?.code ?? null, f.populations?.length ?? 0])).toEqual([
      ['fixtures/fcs/truncated-data.fcs', 'FCS_TRUNCATED', 0],
      [fixture, null, 10],
    ]);
  });

  it('a gate naming a channel the file lacks: one line naming the gate and channel', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad-channel.yaml');
    writeFileSync(bad, 'version: 1\ngates:\n  - id: High\n    kind: range\n    dimension: { channel: CD999, compensation: uncompensated }\n    min: 1\n');
    const { code, stderr } = await run(['gate', 'fixtures/fcs/v3.1-float32-little.fcs', '--gates', bad]);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(/^tamkit gate: fixtures\/fcs\/v3\.1-float32-little\.fcs: STRATEGY_UNKNOWN_CHANNEL: gate 'High': no channel 'CD999' \(compensation 'uncompensated'\); available: /);
  });

  it('a Comp- channel on a file without a spillover keyword asks for a matrix', async () => {
    const dir = tempDir();
    const bad = join(dir, 'comp.yaml');
    writeFileSync(bad, 'version: 1\ngates:\n  - id: CD86+\n    kind: range\n    dimension: { channel: Comp-PE-A, compensation: FCS }\n    min: 1000\n');
    const { code, stderr } = await run(['gate', 'fixtures/fcs/v3.1-float32-little.fcs', '--gates', bad]);
    expect(code).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit gate: fixtures/fcs/v3.1-float32-little.fcs: GATE_NO_SPILLOVER: gate 'CD86+': dimension 'Comp-PE-A' names a compensated channel but the file has no spillover keyword; pass --compensation MATRIX.csv
      "
    `);
  });

  it('a bad spillover CSV: one line naming its line and column, nothing gated', async () => {
    const dir = tempDir();
    const bad = join(dir, 'spill.csv');
    writeFileSync(bad, 'PE-A,APC-A\n1,0.1\n0.02,x\n');
    const { code, stdout, stderr } = await run(['gate', fixture, '--gates', gates, '--compensation', bad]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit gate: COMP_CSV_BAD_NUMBER: spill.csv line 3, column 2: 'x' is not a number; expected a spillover coefficient
      "
    `);
  });

  it('a bad gating file: one line naming its line and field, nothing gated, exit 2', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'version: 1\ngates:\n  - id: Cells\n    kind: range\n    dimension: FSC-A\n    min: low\n');
    const { code, stdout, stderr } = await run(['gate', fixture, '--gates', bad]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit gate: GATING_FILE_INVALID: bad.yaml:6: gates[0].min: expected a number, found "low"
      "
    `);
  });

  it('a bad Gating-ML document: one line naming the gate id and element', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.xml');
    writeFileSync(
      bad,
      `<?xml version="1.0"?>
<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating" xmlns:data-type="http://www.isac-net.org/std/Gating-ML/v2.0/datatypes">
  <gating:RectangleGate gating:id="R1">
    <gating:dimension gating:min="1">
      <data-type:fcs-dimension data-type:name="FSC-A"/>
    </gating:dimension>
  </gating:RectangleGate>
</gating:Gating-ML>
`,
    );
    const { code, stderr } = await run(['gate', fixture, '--gates', bad]);
    expect(code).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit gate: GATINGML_MISSING: bad.xml: gate 'R1', <gating:dimension>, line 4: missing attribute gating:compensation-ref
      "
    `);
  });

  it('a gating file whose parent is unknown names the gate', async () => {
    const dir = tempDir();
    const bad = join(dir, 'orphan.json');
    writeFileSync(bad, JSON.stringify({ version: 1, gates: [{ id: 'Live', parent: 'Cells', kind: 'range', dimension: 'FSC-A', min: 1 }] }));
    const { code, stderr } = await run(['gate', fixture, '--gates', bad]);
    expect(code).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit gate: GATING_FILE_INVALID: orphan.json:1: gates[0].parent: gate 'Live': parent 'Cells' is not a gate or quadrant id
      "
    `);
  });
});
