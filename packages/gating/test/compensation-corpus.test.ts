import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { channelMeta, createEventTable } from '@tamkit/core';
import { parseFcs } from '@tamkit/fcs';
import { describe, expect, it } from 'vitest';
import { compensate, decompensate } from '../src/compensation/compensate.js';
import { parseSpilloverCsv } from '../src/compensation/parse-spillover-csv.js';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);
const path = (rel: string): string => fileURLToPath(new URL(rel, corpus));
const hasCorpus = existsSync(path('compensation/data1_MySpill_PE_PerCP.csv'));

/** A CSV with a header row of names and numeric rows, as columns. */
function readColumns(rel: string): Map<string, Float64Array> {
  const [head, ...rows] = readFileSync(path(rel), 'utf8').trim().split('\n');
  const names = head!.split(',');
  const cols = names.map(() => new Float64Array(rows.length));
  rows.forEach((row, e) => row.split(',').forEach((cell, i) => (cols[i]![e] = Number(cell))));
  return new Map(names.map((n, i) => [n, cols[i]!]));
}

describe.skipIf(!hasCorpus)(`compensation corpus${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  it('reproduces data1 compensated with the Gating-ML MySpill matrix (PE, PerCP) to 1e-12', () => {
    // Reference: whitews/FlowUtils event_data_for_poly_test.npy, as data1_MySpill_PE_PerCP.csv.
    const scaled = readColumns('gatingml/reference/data1_preprocessed.csv');
    const names = ['FSC-H', 'FL1-H', 'FL2-H', 'FL3-H'];
    const table = createEventTable(
      names.map((name) => channelMeta({ name })),
      names.map((n) => scaled.get(n)!),
      'scaled',
    );
    // MySpill from the corpus README: rows FITC, PE, PerCP; columns FL1-H, FL2-H, FL3-H.
    const mySpill = {
      detectors: ['FL1-H', 'FL2-H', 'FL3-H'],
      values: new Float64Array([1, 0.02, 0.06, 0.11, 1, 0.07, 0.09, 0.01, 1]),
      source: 'gatingml',
    };
    const out = compensate(table, mySpill, { fluorochromes: ['FITC', 'PE', 'PerCP'] });
    const ref = readColumns('compensation/data1_MySpill_PE_PerCP.csv');
    expect(out.eventCount).toBe(13367);
    let worst = 0;
    for (const [detector, name] of [
      ['FL2-H', 'PE'],
      ['FL3-H', 'PerCP'],
    ] as const) {
      const got = out.columns[names.indexOf(detector)]!;
      const want = ref.get(name)!;
      for (let e = 0; e < want.length; e++) {
        worst = Math.max(worst, Math.abs(got[e]! - want[e]!) / Math.max(1, Math.abs(want[e]!)));
      }
    }
    expect(worst).toBeLessThan(1e-12);
    // First-event values from the corpus README: PE 34.46062279, PerCP 8.46687291, FITC 2.68125456.
    expect(out.columns[1]![0]).toBeCloseTo(2.68125456, 8);
    expect(out.columns[2]![0]).toBeCloseTo(34.46062279, 8);
    expect(out.columns[3]![0]).toBeCloseTo(8.46687291, 8);
    expect(out.columns[0]).toBe(table.columns[0]);
  });

  it('parses comp_complete_example.csv (14 detectors, FlowKit layout)', () => {
    const spill = parseSpilloverCsv(readFileSync(path('compensation/comp_complete_example.csv'), 'utf8'), 'comp_complete_example.csv');
    expect(spill.detectors).toHaveLength(14);
    expect(spill.detectors[0]).toBe('Ax488-A');
    expect(spill.detectors[13]).toBe('Qdot705-A');
    // Row 1 (Ax488) of the file: 1, 0.2986, 0, 0.0165, 0, …
    expect(Array.from(spill.values.subarray(0, 4))).toEqual([1, 0.2986, 0, 0.0165]);
    // Row 2, column 1: 0.007.
    expect(spill.values[14]).toBe(0.007);
  });

  it('compensates test_comp_example.fcs with comp_complete_example.csv and decompensates back to raw within 1e-10', () => {
    // FlowKit tests/matrix_tests.py::test_matrix_inverse does the same round trip. The file's
    // $ENDDATA is one byte past the data (corpus README), so the offset leniency is needed.
    const file = parseFcs(new Uint8Array(readFileSync(path('compensation/test_comp_example.fcs'))), {
      sourceName: 'test_comp_example.fcs',
      ignoreOffsetDiscrepancy: true,
      allowDataSizeMismatch: true,
    });
    const raw = file.datasets[0]!.table;
    expect(raw.eventCount).toBe(10703);
    const spill = parseSpilloverCsv(readFileSync(path('compensation/comp_complete_example.csv'), 'utf8'));
    const comp = compensate(raw, spill);
    expect(comp.stage).toBe('compensated');
    const back = decompensate(comp, spill);
    let worst = 0;
    let changed = 0;
    for (let c = 0; c < raw.columns.length; c++) {
      const a = raw.columns[c]!;
      const b = back.columns[c]!;
      for (let e = 0; e < a.length; e++) {
        worst = Math.max(worst, Math.abs(a[e]! - b[e]!));
        if (comp.columns[c]![e] !== a[e]) {
          changed++;
        }
      }
    }
    expect(changed).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1e-10);
  });
});
