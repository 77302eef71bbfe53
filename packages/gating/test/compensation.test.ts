import { channelMeta, createEventTable } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compensate, decompensate } from '../src/compensation/compensate.js';
import { invertMatrix } from '../src/compensation/invert-matrix.js';
import { parseSpilloverCsv } from '../src/compensation/parse-spillover-csv.js';
import { CompensationError } from '../src/errors.js';

function catchError(fn: () => unknown): CompensationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CompensationError);
    return e as CompensationError;
  }
  throw new Error('expected a CompensationError');
}

describe('invertMatrix', () => {
  it('inverts a hand-solved 2×2 and 3×3 matrix', () => {
    // [[1, 2], [3, 4]]⁻¹ = 1/(4 − 6)·[[4, −2], [−3, 1]] = [[−2, 1], [1.5, −0.5]]
    const inv = invertMatrix(new Float64Array([1, 2, 3, 4]), 2);
    [-2, 1, 1.5, -0.5].forEach((v, i) => expect(inv[i]).toBeCloseTo(v, 14));
    // Needs a row swap (zero first pivot): [[0, 1, 0], [1, 0, 0], [0, 0, 2]]⁻¹ = [[0, 1, 0], [1, 0, 0], [0, 0, 0.5]]
    expect(Array.from(invertMatrix(new Float64Array([0, 1, 0, 1, 0, 0, 0, 0, 2]), 3))).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 0.5]);
  });

  it('gives A·A⁻¹ = I for random diagonally dominant matrices (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { minLength: 64, maxLength: 64 }), (n, offDiag) => {
        const a = new Float64Array(n * n);
        for (let r = 0; r < n; r++) {
          for (let c = 0; c < n; c++) {
            a[r * n + c] = r === c ? 1 : offDiag[r * 8 + c]!;
          }
        }
        const inv = invertMatrix(a, n);
        for (let r = 0; r < n; r++) {
          for (let c = 0; c < n; c++) {
            let s = 0;
            for (let k = 0; k < n; k++) {
              s += a[r * n + k]! * inv[k * n + c]!;
            }
            if (Math.abs(s - (r === c ? 1 : 0)) > 1e-12) {
              return false;
            }
          }
        }
        return true;
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('reports a singular matrix with the column that has no pivot', () => {
    // Row 2 = 2·row 1: after eliminating column 1, column 2 has no pivot.
    const err = catchError(() => invertMatrix(new Float64Array([1, 2, 2, 4]), 2));
    expect(err.code).toBe('COMP_SINGULAR_MATRIX');
    expect(err.context).toEqual({ column: 1 });
    expect(err.message).toMatchInlineSnapshot(`"matrix is singular: no pivot in column 2 (largest |value| 0, needs > 2.6645352591003757e-15)"`);
  });

  it('rejects non-finite entries and wrong sizes', () => {
    expect(catchError(() => invertMatrix(new Float64Array([1, NaN, 0, 1]), 2)).context).toEqual({ row: 0, column: 1 });
    expect(() => invertMatrix(new Float64Array(3), 2)).toThrow(RangeError);
  });
});

describe('parseSpilloverCsv', () => {
  it('reads a header of detectors and one row per fluorochrome', () => {
    const spill = parseSpilloverCsv('\uFEFFFL1-A,FL2-A\r\n1,0.25\r\n0.5,1\r\n\r\n');
    expect(spill.detectors).toEqual(['FL1-A', 'FL2-A']);
    expect(Array.from(spill.values)).toEqual([1, 0.25, 0.5, 1]);
    expect(spill.source).toBe('csv');
  });

  it('accepts quoted cells, tabs and a first column of row labels (reordered by name)', () => {
    const spill = parseSpilloverCsv('\t"FL1-A"\t"FL2-A"\nFL2-A\t0.5\t1\nFL1-A\t1\t0.25\n');
    expect(spill.detectors).toEqual(['FL1-A', 'FL2-A']);
    expect(Array.from(spill.values)).toEqual([1, 0.25, 0.5, 1]);
  });

  const bad: readonly (readonly [string, string, string, Record<string, unknown>])[] = [
    ['empty', '\n\n', 'COMP_CSV_EMPTY', { file: 'm.csv', line: 1 }],
    ['repeated detector', 'A,A\n1,0\n0,1', 'COMP_CSV_HEADER', { file: 'm.csv', line: 1, column: 2 }],
    ['short row', 'A,B\n1,0\n0', 'COMP_CSV_ROW_LENGTH', { file: 'm.csv', line: 3 }],
    ['bad number', 'A,B\n1,0\n0,x1', 'COMP_CSV_BAD_NUMBER', { file: 'm.csv', line: 3, column: 2 }],
    ['missing row', 'A,B\n1,0\n', 'COMP_CSV_ROW_COUNT', { file: 'm.csv', line: 2 }],
    ['extra row', 'A,B\n1,0\n0,1\n0,1', 'COMP_CSV_ROW_COUNT', { file: 'm.csv', line: 4 }],
    ['unknown row label', ',A,B\nA,1,0\nC,0,1', 'COMP_CSV_HEADER', { file: 'm.csv', line: 3, column: 1 }],
  ];
  for (const [label, text, code, context] of bad) {
    it(`rejects ${label} with ${code} and the line/column`, () => {
      const err = catchError(() => parseSpilloverCsv(text, 'm.csv'));
      expect(err.code).toBe(code);
      expect(err.context).toEqual(context);
    });
  }

  it('states what was found and expected', () => {
    expect(() => parseSpilloverCsv('A,B\n1,0\n0,x1', 'm.csv')).toThrowErrorMatchingInlineSnapshot(`[CompensationError: m.csv line 3, column 2: 'x1' is not a number; expected a spillover coefficient]`);
  });
});

const spill2: SpilloverMatrix = { detectors: ['FL1-A', 'FL2-A'], values: new Float64Array([1, 0.25, 0.5, 1]), source: 'csv' };

describe('compensate', () => {
  const table = createEventTable(
    [channelMeta({ name: 'FSC-A' }), channelMeta({ name: 'FL1-A' }), channelMeta({ name: 'FL2-A' })],
    [new Float32Array([7, 8]), new Float32Array([100, 12.5]), new Float32Array([75, 25])],
    'scaled',
  );

  it('solves observed = true · S for a hand-derived 2×2 case', () => {
    // observed = true · S with S = [[1, 0.25], [0.5, 1]]: FL1 = x + 0.5y, FL2 = 0.25x + y.
    // Event 1 (100, 75): y = 75 − 0.25x → 0.875x = 62.5 → x = 500/7, y = 400/7.
    // Event 2 (12.5, 25): 0.875x = 0 → x = 0, y = 25.
    const out = compensate(table, spill2);
    expect(out.stage).toBe('compensated');
    expect(out.columns[0]).toBe(table.columns[0]);
    expect(out.channels.map((c) => c.name)).toEqual(['FSC-A', 'FL1-A', 'FL2-A']);
    const x = out.columns[1]!;
    const y = out.columns[2]!;
    expect(x).toBeInstanceOf(Float64Array);
    expect(x[0]).toBeCloseTo(500 / 7, 12);
    expect(y[0]).toBeCloseTo(400 / 7, 12);
    expect(x[1]).toBeCloseTo(0, 12);
    expect(y[1]).toBeCloseTo(25, 12);
  });

  it('matches detectors written with "/" to channels written with "_"', () => {
    const t = createEventTable([channelMeta({ name: 'PE_Cy7-A' })], [new Float32Array([4])]);
    const out = compensate(t, { detectors: ['PE/Cy7-A'], values: new Float64Array([2]), source: 'csv' });
    expect(Array.from(out.columns[0]!)).toEqual([2]);
  });

  it('takes values as S⁻¹ with inverted: true, and decompensate undoes compensate', () => {
    const inv = invertMatrix(spill2.values, 2);
    const a = compensate(table, spill2);
    const b = compensate(table, { ...spill2, values: inv }, { inverted: true });
    expect(Array.from(b.columns[1]!)).toEqual(Array.from(a.columns[1]!));
    const back = decompensate(a, spill2);
    expect(back.stage).toBe('scaled');
    for (const c of [1, 2]) {
      for (let e = 0; e < 2; e++) {
        expect(back.columns[c]![e]).toBeCloseTo(table.columns[c]![e]!, 12);
      }
    }
  });

  it('leaves data unchanged with an identity spillover (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 30 }),
        (n, data) => {
          const names = Array.from({ length: n }, (_, i) => `FL${i + 1}-A`);
          const cols = names.map((_, i) => Float32Array.from(data, (v) => v * (i + 1)));
          const t = createEventTable(names.map((name) => channelMeta({ name })), cols);
          const identity = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            identity[i * n + i] = 1;
          }
          const out = compensate(t, { detectors: [...names].reverse(), values: identity, source: 'csv' });
          return out.columns.every((c, i) => c.every((v, e) => Object.is(v, cols[i]![e]!) || v === cols[i]![e]!));
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('names a missing detector and lists the channels', () => {
    const err = catchError(() =>
      compensate(table, { ...spill2, detectors: ['FL1-A', 'PE-A'] }, { fluorochromes: ['FITC', 'PE'] }),
    );
    expect(err.code).toBe('COMP_MISSING_DETECTOR');
    expect(err.context).toEqual({ detector: 'PE-A', fluorochrome: 'PE', available: ['FSC-A', 'FL1-A', 'FL2-A'], source: 'csv' });
    expect(err.message).toMatchInlineSnapshot(`"spillover matrix (csv) needs detector 'PE-A' (fluorochrome 'PE'), which is not a channel of the data; channels: FSC-A, FL1-A, FL2-A"`);
  });

  it('reports a singular spillover matrix naming the detector', () => {
    const err = catchError(() => compensate(table, { ...spill2, values: new Float64Array([1, 1, 1, 1]) }));
    expect(err.code).toBe('COMP_SINGULAR_MATRIX');
    expect(err.context).toEqual({ column: 1, detector: 'FL2-A', source: 'csv' });
    expect(err.message).toMatchInlineSnapshot(`"spillover matrix (csv) cannot be inverted: matrix is singular: no pivot in column 2 (largest |value| 0, needs > 8.881784197001252e-16) (detector 'FL2-A'); check the matrix for repeated or all-zero rows"`);
  });

  it('rejects a matrix whose size does not match its detectors', () => {
    const err = catchError(() => compensate(table, { ...spill2, values: new Float64Array(3) }));
    expect(err.code).toBe('COMP_BAD_MATRIX');
  });
});
