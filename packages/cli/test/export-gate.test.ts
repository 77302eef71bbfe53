import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFcs, scaleDataset, type FcsDataset } from '@tamkit/fcs';
import { evaluateStrategy, parseGatingFile } from '@tamkit/gating';
import { keepingWriteOptions } from '../src/commands/gate-export.js';
import { corpusDir, repoRoot, run, tempDir } from './helpers.js';

const fixture = 'fixtures/fcs/demo-macrophages.fcs';
const gates = 'fixtures/gating/demo-macrophages.yaml';

const read = (path: string): FcsDataset => parseFcs(readFileSync(path)).datasets[0]!;

/** Rows of `source` selected by `mask`, column by column, against `exported`: the first difference or null. */
function firstDifference(source: FcsDataset, mask: ArrayLike<number>, exported: FcsDataset): string | null {
  const rows: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 1) {
      rows.push(i);
    }
  }
  if (rows.length !== exported.eventCount) {
    return `event count ${exported.eventCount}, expected ${rows.length}`;
  }
  for (let c = 0; c < source.table.columns.length; c++) {
    const a = source.table.columns[c]!;
    const b = exported.table.columns[c]!;
    for (let k = 0; k < rows.length; k++) {
      if (a[rows[k]!] !== b[k]) {
        return `channel ${c} event ${k}: ${b[k]} != ${a[rows[k]!]}`;
      }
    }
  }
  return null;
}

describe('tamkit export --gate --population', () => {
  it('writes the M1 population as FCS 3.1: exactly its events, stored values and keywords kept, $TOT updated', async () => {
    const dir = tempDir();
    const out = join(dir, 'm1.fcs');
    const { code, stderr } = await run(['export', fixture, '--gate', gates, '--population', 'M1', '-o', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(dir)).toEqual(['m1.fcs']);
    const source = read(join(repoRoot, fixture));
    const exported = read(out);
    // The mask from the library, evaluated directly on the source file.
    const strategy = parseGatingFile(readFileSync(join(repoRoot, gates), 'utf8'), 'demo-macrophages.yaml');
    const mask = evaluateStrategy(strategy, scaleDataset(source), { fcsSpillover: source.spillover }).byId.get('M1')!.mask;
    expect(firstDifference(source, mask, exported)).toBeNull();
    expect(exported.version).toBe('FCS3.1');
    expect(exported.dataType).toBe(source.dataType);
    expect(exported.keywords.$TOT).toBe(String(exported.eventCount));
    expect(Number(exported.keywords.$TOT)).toBeLessThan(Number(source.keywords.$TOT));
    for (const key of ['$CYT', '$DATE', '$BTIM', '$ETIM', '$TIMESTEP', '$FIL', '$SRC', '$SMNO', 'SEED', '$SPILLOVER']) {
      expect({ key, value: exported.keywords[key] }).toEqual({ key, value: source.keywords[key] });
    }
    expect(exported.parameters.map((p) => [p.name, p.label, p.range])).toEqual(source.parameters.map((p) => [p.name, p.label, p.range]));
    expect(exported.keywords.TAMKIT_POPULATION).toBe('Cells/Singlets/Live/Macrophages/M1-M2/M1');
  });

  it('accepts a population path and keeps integer data as integers (FCS 2.0 int16 big-endian source)', async () => {
    const dir = tempDir();
    const src = 'fixtures/fcs/v2.0-int16-big.fcs';
    const source = read(join(repoRoot, src));
    const first = source.parameters[0]!.name;
    const values = Array.from(source.table.columns[0]!).sort((a, b) => a - b);
    const cut = values[Math.floor(values.length / 2)]!;
    const gateFile = join(dir, 'half.yaml');
    writeFileSync(gateFile, `version: 1\ngates:\n  - id: Upper\n    kind: range\n    dimension: { channel: ${first}, compensation: uncompensated }\n    min: ${cut}\n`);
    const out = join(dir, 'upper.fcs');
    const { code, stderr } = await run(['export', src, '--gate', gateFile, '--population', 'Upper', '-o', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const exported = read(out);
    // The range gate by hand on scale values (this channel is linear with gain 1, per the fixture README).
    const scaled = scaleDataset(source).columns[0]!;
    const mask = Array.from(scaled, (v) => (v >= cut ? 1 : 0));
    expect(firstDifference(source, mask, exported)).toBeNull();
    expect([exported.version, exported.dataType, exported.byteOrder]).toEqual(['FCS3.1', 'I', '4,3,2,1']);
  });

  it('keeps log amplification of integer data: the exported file gives the same scale values', async () => {
    const dir = tempDir();
    const src = 'fixtures/fcs/log-amplified.fcs';
    const gateFile = join(dir, 'fl1.yaml');
    // FL1-H is a 4-decade log channel (fixtures/fcs/README.md): scale values 10^(4·v/1024) run 1..10^4.
    writeFileSync(gateFile, 'version: 1\ngates:\n  - id: Bright\n    kind: range\n    dimension: { channel: FL1-H, compensation: uncompensated }\n    min: 100\n');
    const out = join(dir, 'bright.fcs');
    const { code, stderr } = await run(['export', src, '--gate', gateFile, '--population', 'Bright', '-o', out]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const source = read(join(repoRoot, src));
    const scaled = scaleDataset(source);
    const mask = Array.from(scaled.columns[2]!, (v) => (v >= 100 ? 1 : 0));
    const exported = read(out);
    expect(firstDifference(source, mask, exported)).toBeNull();
    expect(exported.parameters.map((p) => p.amplification)).toEqual(source.parameters.map((p) => p.amplification));
    const rows = mask.flatMap((m, i) => (m ? [i] : []));
    expect(Array.from(scaleDataset(exported).columns[2]!)).toEqual(rows.map((i) => scaled.columns[2]![i]));
  });

  it('names an unknown population, writes nothing and exits 2', async () => {
    const dir = tempDir();
    const { code, stderr } = await run(['export', fixture, '--gate', gates, '--population', 'M7', '-o', join(dir, 'x.fcs')]);
    expect(code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit export: fixtures/fcs/demo-macrophages.fcs: GATE_UNKNOWN_POPULATION: --population 'M7' is not a population of the gates; expected one of Cells, Singlets, Live, Macrophages, M1-M2, M1, M2, M0, CD86+CD206+, Not-M1
      "
    `);
  });

  it('asks for --population and -o with --gate (usage error)', async () => {
    const { code, stderr } = await run(['export', fixture, '--gate', gates]);
    expect(code).toBe(1);
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit export: --gate needs --population ID and -o OUT.fcs, and writes stored values (no --scaled) (see tamkit export --help)
      "
    `);
  });
});

const gml = join(corpusDir, 'gatingml');
describe.skipIf(!existsSync(join(gml, 'MANIFEST.json')))(`tamkit export --gate on the Gating-ML corpus${!existsSync(join(gml, 'MANIFEST.json')) ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  it('exports exactly the events of each population’s truth file from data1.fcs (FCS 2.0)', async () => {
    const dir = tempDir();
    const source = read(join(gml, 'data1.fcs'));
    for (const [id, truth] of [['Polygon1', 'Results_Polygon1.txt'], ['FL2P-FL4P', 'Results_FL2P-FL4P.txt'], ['And2', 'Results_And2.txt'], ['ScaleRange5c', 'Results_ScaleRange5c.txt']] as const) {
      const out = join(dir, `${id}.fcs`);
      const { code, stderr } = await run(['export', join(gml, 'data1.fcs'), '--gate', join(gml, 'gml/gml_all_gates.xml'), '--population', id, '-o', out]);
      expect({ id, code, stderr }).toEqual({ id, code: 0, stderr: '' });
      const mask = readFileSync(join(gml, 'truth', truth), 'utf8').split('\n').filter((l) => l !== '').map(Number);
      expect({ id, difference: firstDifference(source, mask, read(out)) }).toEqual({ id, difference: null });
    }
  });

  const fcsDir = join(corpusDir, 'fcs');
  const all = (dir: string, channel: string): string => {
    const gateFile = join(dir, 'all.yaml');
    writeFileSync(gateFile, `version: 1\ngates:\n  - id: All\n    kind: range\n    dimension: { channel: ${channel}, compensation: uncompensated }\n    min: -1e300\n`);
    return gateFile;
  };

  it('refuses float data with log amplification ($PnE on F data cannot be written as FCS 3.1)', async () => {
    const dir = tempDir();
    const { code, stderr } = await run(['export', join(fcsDir, 'cytoflow__itn_02.fcs'), '--gate', all(dir, 'FSC'), '--population', 'All', '-o', join(dir, 'x.fcs')]);
    expect(code).toBe(2);
    expect(readdirSync(dir)).toEqual(['all.yaml']);
    expect(stderr.replace(fcsDir, '<corpus>/fcs')).toMatchInlineSnapshot(`
      "tamkit export: <corpus>/fcs/cytoflow__itn_02.fcs: EXPORT_UNWRITABLE: channel CD8: $P3E 4,0 on float data cannot be written as FCS 3.1, which requires 0,0 for float data; export as CSV instead
      "
    `);
  });

  it('drops keywords whose names are not printable ASCII, with a warning, and keeps the events', async () => {
    const dir = tempDir();
    const file = join(fcsDir, 'fcsparser__cyflow_cube_8.fcs');
    const source = read(file);
    const out = join(dir, 'all.fcs');
    const { code, stderr } = await run(['export', file, '--gate', all(dir, source.parameters[0]!.name), '--population', 'All', '-o', out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning EXPORT_KEYWORDS_DROPPED: \d+ keyword\(s\) whose names are not printable ASCII were not written/);
    const mask = Array.from(scaleDataset(source).columns[0]!, (v) => (v >= -1e300 ? 1 : 0));
    expect(firstDifference(source, mask, read(out))).toBeNull();
  });
});

describe('keepingWriteOptions', () => {
  it('writes a data set with FCS 3.2 per-parameter types as D, without its $PnDATATYPE keywords', () => {
    // An integer data set (int16, FCS 2.0) as if its second parameter were stored as float32.
    const ds = read(join(repoRoot, 'fixtures/fcs/v2.0-int16-big.fcs'));
    expect(ds.dataType).toBe('I');
    const mixed: FcsDataset = {
      ...ds,
      parameters: ds.parameters.map((p, i) => (i === 1 ? { ...p, dataType: 'F' } : p)),
      keywords: { ...ds.keywords, $P2DATATYPE: 'F' },
    };
    const { options } = keepingWriteOptions(mixed, { path: ['All'] } as unknown as Parameters<typeof keepingWriteOptions>[1]);
    // Float64 holds 16-bit integers and float32 values exactly; integer output would truncate floats.
    expect(options.dataType).toBe('D');
    expect(options.keywords).not.toHaveProperty('$P2DATATYPE');
    expect(keepingWriteOptions(ds, { path: ['All'] } as unknown as Parameters<typeof keepingWriteOptions>[1]).options.dataType).toBe('I');
  });
});
