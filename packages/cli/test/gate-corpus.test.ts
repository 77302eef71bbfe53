import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, run, tempDir } from './helpers.js';

const gml = join(corpusDir, 'gatingml');
const hasGatingCorpus = existsSync(join(gml, 'MANIFEST.json'));

interface Manifest {
  readonly checks: readonly { readonly gml: string; readonly gate_id: string; readonly truth: string; readonly expected_count: number; readonly total_events: number }[];
  readonly all_gates_document: {
    readonly gml: string;
    readonly gates: readonly { readonly gate_id: string; readonly truth: string; readonly expected_count: number }[];
  };
}

interface GateJson {
  readonly tamkit: { readonly command: string; readonly inputs: readonly { file: string; sha256: string }[] };
  readonly kind: string;
  readonly files: readonly {
    readonly file: string;
    readonly eventCount: number;
    readonly populations: readonly { id: string; path: string[]; parent: string | null; count: number; percentOfParent: number; percentOfTotal: number }[];
  }[];
}

/** The truth file's lines (`0`/`1`), as the membership column `--events-out` should hold. */
const truthColumn = (truth: string): string[] => readFileSync(join(gml, truth), 'utf8').split('\n').filter((l) => l !== '').map((l) => l.trim());

describe.skipIf(!hasGatingCorpus)(`tamkit gate on the Gating-ML 2.0 compliance suite${!hasGatingCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  const manifest = hasGatingCorpus ? (JSON.parse(readFileSync(join(gml, 'MANIFEST.json'), 'utf8')) as Manifest) : null;
  const data = join(gml, 'data1.fcs');

  it('gml_all_gates.xml: every population count equals the 1s of its truth file, and every gate id is a population', async () => {
    const doc = manifest!.all_gates_document;
    const { code, stdout, stderr } = await run(['gate', data, '--gates', join(gml, doc.gml), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as GateJson;
    expect([result.tamkit.command, result.kind]).toEqual(['gate', 'gate']);
    const [file] = result.files;
    const byId = new Map(file!.populations.map((p) => [p.id, p]));
    for (const g of doc.gates) {
      const ones = truthColumn(g.truth).filter((v) => v === '1').length;
      expect({ id: g.gate_id, count: byId.get(g.gate_id)?.count }).toEqual({ id: g.gate_id, count: ones });
      expect(ones).toBe(g.expected_count);
    }
    // Quadrant gates are populations too: their parent's events (the whole file, 13 367 events per the manifest).
    const total = manifest!.checks[0]!.total_events;
    expect(file!.eventCount).toBe(total);
    expect(byId.get('Quadrant1')?.count).toBe(total);
    expect(byId.get('FL2P-FL4P')?.path).toEqual(['Quadrant1', 'FL2P-FL4P']);
    // Every gate id of the document (gating:id of gate and quadrant elements, not of dividers) appears.
    const gateElement = /<gating:(?:RectangleGate|PolygonGate|EllipsoidGate|QuadrantGate|BooleanGate|Quadrant)\b[^>]*?gating:id="([^"]+)"/g;
    const ids = [...readFileSync(join(gml, doc.gml), 'utf8').matchAll(gateElement)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(doc.gates.length);
    for (const id of ids) {
      expect(byId.has(id), id).toBe(true);
    }
  });

  it('--events-out columns equal the truth files event for event', async () => {
    const doc = manifest!.all_gates_document;
    const out = join(tempDir(), 'events.csv');
    const { code, stderr } = await run(['gate', data, '--gates', join(gml, doc.gml), '--events-out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => l.split(','));
    for (const g of doc.gates) {
      const c = header.indexOf(g.gate_id);
      expect(c, g.gate_id).toBeGreaterThanOrEqual(0);
      const column = rows.map((r) => r[c]!);
      const want = truthColumn(g.truth);
      const differing = column.flatMap((v, i) => (v === want[i] ? [] : [i]));
      expect({ id: g.gate_id, events: column.length, differing: differing.slice(0, 5) }).toEqual({ id: g.gate_id, events: want.length, differing: [] });
    }
  });

  it('single-gate documents of the suite give their expected counts', async () => {
    const checks = manifest!.checks.filter((c) => !c.gml.includes('attr_testing'));
    const docs = [...new Set(checks.map((c) => c.gml))];
    for (const doc of docs) {
      const { code, stdout } = await run(['gate', data, '--gates', join(gml, doc), '--json']);
      expect({ doc, code }).toEqual({ doc, code: 0 });
      const pops = new Map((JSON.parse(stdout) as GateJson).files[0]!.populations.map((p) => [p.id, p.count]));
      for (const c of checks.filter((x) => x.gml === doc)) {
        expect({ doc, gate: c.gate_id, count: pops.get(c.gate_id) }).toEqual({ doc, gate: c.gate_id, count: c.expected_count });
      }
    }
  });
});
