import { fsum, isTamkitError } from '@tamkit/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getKeyword, parseFcs, scaleDataset } from '../src/index.js';
import type { FcsDataset } from '../src/index.js';
import { parseTextSegment, utf8OrLatin1 } from '../src/parse-text.js';
import { corpusUrl, hasCorpus, loadManifest, readCorpus, refNumber } from './corpus-helpers.js';
import type { ManifestDataset, RefStats } from './corpus-helpers.js';

// Every expected value below comes from ../shared/corpus (MANIFEST.json reference statistics,
// computed by FlowIO 1.4.0 and an independent numpy decoder; data1_preprocessed.csv from FlowIO).

const files = loadManifest();

function closeRel(actual: number, expected: number, tol: number): boolean {
  if (Number.isNaN(expected)) {
    return Number.isNaN(actual);
  }
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}

function checkStats(ds: FcsDataset, ref: RefStats, label: string): void {
  const { table } = ds;
  const n = table.eventCount;
  table.columns.forEach((col, c) => {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      min = v < min ? v : min;
      max = v > max ? v : max;
    }
    expect(min, `${label} min of column ${c}`).toBe(refNumber(ref.min[c]!));
    expect(max, `${label} max of column ${c}`).toBe(refNumber(ref.max[c]!));
    const s = fsum(col);
    expect(closeRel(s, refNumber(ref.sum[c]!), 1e-12), `${label} sum of column ${c}: ${s} vs ${ref.sum[c]}`).toBe(true);
  });
  const row = (i: number): number[] => table.columns.map((col) => col[i]!);
  ref.first3.forEach((r, i) => {
    expect(row(i), `${label} row ${i}`).toEqual(r.map(refNumber));
  });
  ref.last3.forEach((r, i) => {
    const at = n - ref.last3.length + i;
    expect(row(at), `${label} row ${at}`).toEqual(r.map(refNumber));
  });
}

function checkKeywords(ds: FcsDataset, m: ManifestDataset): void {
  expect(ds.version).toBe(m.header.version);
  // The manifest writes values as Latin-1 (byte-preserving); FCS 3.1+ TEXT is UTF-8 (§3.2.9), so
  // re-read those bytes as UTF-8 where they form valid UTF-8 (G11.fcs: 'Alexa Fluor™ 405-A').
  const text = (v: string | number): string => (ds.version === 'FCS3.1' || ds.version === 'FCS3.2' ? utf8OrLatin1(String(v)) : String(v));
  expect(ds.delimiter).toBe(m.delimiter.char);
  for (const [k, v] of Object.entries(m.keywords)) {
    expect(ds.keywords[k], k).toBe(text(v));
  }
  expect(ds.parameters.length).toBe(m.parameters.length);
  m.parameters.forEach((p, i) => {
    const n = p.n as number;
    for (const [field, v] of Object.entries(p)) {
      if (field !== 'n') {
        expect(ds.keywords[`$P${n}${field.slice(2)}`], `$P${n}${field.slice(2)}`).toBe(text(v));
      }
    }
    expect(ds.parameters[i]!.name).toBe(text(p.PnN ?? `P${n}`).trim() || `P${n}`);
  });
}

describe.skipIf(!hasCorpus)(`FCS corpus${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  it('lists the corpus files', () => {
    expect(files.length).toBeGreaterThan(20);
  });
  for (const entry of files) {
    const bytes = (): Uint8Array => readCorpus(`fcs/${entry.file}`);
    if (entry.expected_error !== undefined) {
      it(`${entry.file} is rejected with a typed error`, () => {
        let caught: unknown;
        try {
          parseFcs(bytes(), { sourceName: entry.file });
        } catch (e) {
          caught = e;
        }
        expect(isTamkitError(caught)).toBe(true);
        const { code, context } = caught as { code: string; context: Record<string, unknown> };
        expect(code).toMatch(/^FCS_[A-Z_]+$/);
        expect(context.file).toBe(entry.file);
        if (/shorter than 58-byte HEADER|not an FCS file/i.test(entry.expected_error ?? '')) {
          // fcsparser__corrupted.fcs: 10 bytes of junk.
          expect(code).toBe('FCS_NOT_FCS');
          expect(context).toEqual({ file: entry.file, segment: 'HEADER', offset: 0 });
        }
      });
      continue;
    }
    const sets = entry.datasets ?? [];
    it(`${entry.file}: ${sets.length} data set(s), values match the reference`, () => {
      const fcs = parseFcs(bytes(), { sourceName: entry.file });
      expect(fcs.datasets.length).toBe(sets.length);
      sets.forEach((m, d) => {
        const ds = fcs.datasets[d]!;
        expect(ds.offset).toBe(m.dataset_offset);
        expect(ds.eventCount).toBe(m.reference.events);
        expect(ds.table.eventCount).toBe(m.reference.events);
        expect(ds.segments.data?.[0]).toBe(m.reference.data_offsets_used.begin);
        expect(ds.segments.data?.[1]).toBe(m.reference.data_offsets_used.end);
        checkKeywords(ds, m);
        checkStats(ds, m.reference, `${entry.file}#${d}`);
        if (m.spillover !== null && ['$SPILLOVER', 'SPILL', '$SPILL', '$COMP'].includes(m.spillover.keyword) && m.spillover.n !== null) {
          if (ds.spillover !== null) {
            expect(ds.spillover.source).toBe(m.spillover.keyword);
            expect(ds.spillover.detectors.length).toBe(m.spillover.n);
          } else {
            expect(ds.warnings.map((w) => w.code)).toContain('FCS_BAD_SPILLOVER');
          }
        }
        if (m.spillover?.keyword.startsWith('$DFC') === true && ds.spillover === null) {
          // FCS 2.0 pairwise compensation: not read, but said, with the nonzero pairs counted from
          // the manifest's TEXT pairs.
          const dfc = m.text_pairs.filter(([k]) => /^\$DFC\d+TO\d+$/.test(k.trim().toUpperCase()));
          const nonzero = dfc.filter(([, v]) => Number(v.trim()) !== 0).length;
          const w = ds.warnings.find((x) => x.code === 'FCS_DFC_NOT_APPLIED');
          expect(w?.context).toEqual(nonzero === 0 ? undefined : expect.objectContaining({ keywords: dfc.length, nonzero }));
        }
      });
    });
    if (sets.some((m) => m.reference.unmasked !== undefined)) {
      it(`${entry.file}: bitMask 'ignore' gives the unmasked stored values`, () => {
        const fcs = parseFcs(bytes(), { sourceName: entry.file, bitMask: 'ignore' });
        sets.forEach((m, d) => {
          checkStats(fcs.datasets[d]!, m.reference.unmasked ?? m.reference, `${entry.file}#${d} unmasked`);
        });
      });
    }
    it(`${entry.file}: a seeded subsample equals the full decode at eventIndex`, () => {
      const all = bytes();
      const full = parseFcs(all, { sourceName: entry.file });
      const sub = parseFcs(all, { sourceName: entry.file, subsample: { count: 100, seed: 5 } });
      sub.datasets.forEach((ds, d) => {
        const index = ds.eventIndex!;
        expect(index.length).toBe(Math.min(100, sets[d]!.reference.events));
        ds.table.columns.forEach((col, c) => {
          const ref = full.datasets[d]!.table.columns[c]!;
          expect(Array.from(col)).toEqual(Array.from(index, (i) => ref[i]));
        });
      });
    });
    it(`${entry.file}: TEXT pairs follow the corpus convention`, () => {
      const all = bytes();
      const fcs = parseFcs(all, { sourceName: entry.file, textOnly: true });
      sets.forEach((m, d) => {
        const ds = fcs.datasets[d]!;
        expect(ds.table.eventCount).toBe(0);
        const [b, e] = ds.segments.text;
        const text = parseTextSegment(all.subarray(ds.offset + b, ds.offset + e + 1));
        expect(text.pairs.map(([k, v]) => [k, v])).toEqual(m.text_pairs);
      });
    });
  }
});

describe.skipIf(!hasCorpus)(`Gating-ML data1.fcs and the compensation example${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  it('data1.fcs scale values match data1_preprocessed.csv to 1e-13', () => {
    const fcs = parseFcs(readCorpus('gatingml/data1.fcs'), { sourceName: 'data1.fcs' });
    const ds = fcs.datasets[0]!;
    expect(ds.eventCount).toBe(13367);
    const scaled = scaleDataset(ds);
    expect(scaled.stage).toBe('scaled');
    const csv = readFileSync(new URL('gatingml/reference/data1_preprocessed.csv', corpusUrl), 'utf8').trim().split('\n');
    const head = csv[0]!.split(',');
    expect(head).toEqual(scaled.channels.map((c) => c.name));
    expect(csv.length - 1).toBe(13367);
    let worst = 0;
    for (let i = 1; i < csv.length; i++) {
      const row = csv[i]!.split(',').map(Number);
      row.forEach((v, c) => {
        const got = scaled.columns[c]![i - 1]!;
        worst = Math.max(worst, Math.abs(got - v) / Math.max(1, Math.abs(v)));
      });
    }
    expect(worst).toBeLessThan(1e-13);
    expect(ds.spillover).toBeNull();
  });

  it('test_comp_example.fcs reads, and its SPILL is a 14×14 identity', () => {
    const fcs = parseFcs(readCorpus('compensation/test_comp_example.fcs'), { sourceName: 'test_comp_example.fcs' });
    const ds = fcs.datasets[0]!;
    expect(ds.eventCount).toBe(Number(getKeyword(ds.keywords, '$TOT')));
    expect(ds.spillover?.source).toBe('SPILL');
    expect(ds.spillover?.detectors.length).toBe(14);
    const identity = Array.from({ length: 196 }, (_, i) => (Math.floor(i / 14) === i % 14 ? 1 : 0));
    expect(Array.from(ds.spillover!.values)).toEqual(identity);
    for (const d of ds.spillover!.detectors) {
      expect(ds.table.channels.map((c) => c.name)).toContain(d);
    }
  });
});
