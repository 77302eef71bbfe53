import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GatingMLError } from '../src/errors.js';
import { parseGatingML } from '../src/gatingml/parse-gatingml.js';
import { toGatingML } from '../src/gatingml/to-gatingml.js';
import { evaluateStrategy } from '../src/strategy/evaluate-strategy.js';
import type { GatingStrategy } from '../src/strategy/gating-strategy.js';
import { corpusDir, differences, hasCorpus, loadData1, loadManifest, loadScaleValues, readCorpusText, readTruth } from './gatingml-corpus.js';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

describe.skipIf(!hasCorpus)(`Gating-ML 2.0 compliance set 1${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  const manifest = hasCorpus ? loadManifest() : undefined;
  // Gates are evaluated on data1.fcs as read and scaled by @tamkit/fcs, with its own spillover for
  // 'FCS' refs (data1 has none); the reference scale values (CSV) are checked too.
  const data1 = hasCorpus ? loadData1() : undefined;
  const table = data1?.table;
  const expectMatches = (
    strategy: GatingStrategy,
    gates: readonly { gate_id: string; truth: string; expected_count: number }[],
    on = table,
  ): void => {
    const tree = evaluateStrategy(strategy, on!, { fcsSpillover: data1!.spillover });
    for (const g of gates) {
      const pop = tree.byId.get(g.gate_id);
      expect(pop, g.gate_id).toBeDefined();
      // Exact, event for event, against the suite's truth file.
      expect({ id: g.gate_id, ...differences(pop!.mask, readTruth(g.truth)) }).toEqual({ id: g.gate_id, count: 0, first: [] });
      expect(pop!.count).toBe(g.expected_count);
    }
  };

  it('has 51 single-gate checks', () => {
    expect(manifest!.checks).toHaveLength(51);
  });

  for (const check of manifest?.checks ?? []) {
    it(`${check.check} matches its truth file`, () => {
      expectMatches(parseGatingML(readCorpusText(check.gml), check.gml), [check]);
    });
  }

  it('gml_all_gates.xml: every gate and quadrant matches its truth file', () => {
    const doc = manifest!.all_gates_document;
    expectMatches(parseGatingML(readCorpusText(doc.gml), doc.gml), doc.gates);
  });

  it('gml_all_gates.xml also matches on the reference scale values (data1_preprocessed.csv)', () => {
    const doc = manifest!.all_gates_document;
    expectMatches(parseGatingML(readCorpusText(doc.gml), doc.gml), doc.gates, loadScaleValues(manifest!));
  });

  it('rejects gml_range_gate_attr_testing.xml (an unqualified <sample> wrapper the schema does not allow)', () => {
    let err: unknown;
    try {
      parseGatingML(readCorpusText('gml/gml_range_gate_attr_testing.xml'), 'attr.xml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GatingMLError);
    expect([(err as GatingMLError).code, (err as GatingMLError).context.element]).toEqual(['GATINGML_UNEXPECTED_ELEMENT', 'sample']);
  });

  it('round trip import → export → import gives identical populations on the whole suite', () => {
    const docs = [...new Set([...manifest!.checks.map((c) => c.gml), manifest!.all_gates_document.gml])];
    for (const gml of docs) {
      const first = parseGatingML(readCorpusText(gml), gml);
      const second = parseGatingML(toGatingML(first), `${gml} (exported)`);
      expect(second).toEqual(first);
      const a = evaluateStrategy(first, table!);
      const b = evaluateStrategy(second, table!);
      expect(b.populations.map((p) => [p.path, p.count])).toEqual(a.populations.map((p) => [p.path, p.count]));
      for (const p of a.populations) {
        expect(differences(b.byId.get(p.id)!.mask, p.mask).count).toBe(0);
      }
    }
  });

  describe.skipIf(!hasXmllint)(`exported documents validate against the Gating-ML 2.0 XSDs${!hasXmllint ? ' (skipped: xmllint not installed; apt-get install libxml2-utils)' : ''}`, () => {
    it('validates every exported document with xmllint --schema', () => {
      const xsd = fileURLToPath(new URL('schema/Gating-ML.v2.0.xsd', corpusDir));
      const docs = [...new Set([...manifest!.checks.map((c) => c.gml), manifest!.all_gates_document.gml])];
      for (const gml of docs) {
        const exported = toGatingML(parseGatingML(readCorpusText(gml), gml));
        const run = spawnSync('xmllint', ['--noout', '--schema', xsd, '-'], { input: exported, encoding: 'utf8' });
        expect({ gml, status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ gml, status: 0, stderr: '' });
      }
    });
  });
});
