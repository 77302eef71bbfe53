import { describe, expect, it } from 'vitest';
import { TranswellCsvError, parseCountTable } from '../src/index.js';

const src = { sourceName: 'counts.csv' };

function csvError(text: string, options: Parameters<typeof parseCountTable>[1] = src): TranswellCsvError {
  try {
    parseCountTable(text, options);
  } catch (e) {
    if (e instanceof TranswellCsvError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a TranswellCsvError');
}

describe('parseCountTable: long format', () => {
  it('reads every column, keeps IDs as strings and normalises headers', () => {
    const text = [
      ' Condition ,REPLICATE,Field,Count,Experiment,CCL2_ng_mL,Inhibitor,Dose,Dose_Unit,Cells_Seeded,Insert_Area_mm2,Field_Area_mm2,Coating',
      'CCL2 + mAb,0012,01,42,donor-7,10,carlumab,1.5,ug/mL,100000,33,0.25,Matrigel',
    ].join('\n');
    const { records, format, delimiter, warnings } = parseCountTable(text, src);
    expect(format).toBe('long');
    expect(delimiter).toBe(',');
    expect(warnings).toEqual([]);
    expect(records).toEqual([
      {
        condition: 'CCL2 + mAb',
        replicate: '0012',
        field: '01',
        count: 42,
        image: null,
        experiment: 'donor-7',
        ccl2NgMl: 10,
        inhibitor: 'carlumab',
        dose: 1.5,
        doseUnit: 'ug/mL',
        cellsSeeded: 100000,
        insertAreaMm2: 33,
        fieldAreaMm2: 0.25,
        coating: 'matrigel',
        source: { file: 'counts.csv', line: 2 },
      },
    ]);
  });

  it('sniffs tabs and semicolons, skips blank lines and strips a BOM', () => {
    const tsv = parseCountTable('\uFEFFcondition\treplicate\tcount\nA\t1\t3\n\nB\t1\t4\n', src);
    expect(tsv.delimiter).toBe('\t');
    expect(tsv.records.map((r) => [r.condition, r.count, r.source.line])).toEqual([
      ['A', 3, 2],
      ['B', 4, 4],
    ]);
    expect(parseCountTable('condition;replicate;count\nA;1;3\n', src).delimiter).toBe(';');
  });

  it('keeps image rows as unresolved records', () => {
    const { records } = parseCountTable('condition,replicate,field,count,image\nA,1,1,,img/a1.png\nA,1,2,7,\n', src);
    expect(records.map((r) => [r.count, r.image])).toEqual([
      [null, 'img/a1.png'],
      [7, null],
    ]);
  });

  it('warns about unknown columns instead of failing', () => {
    const { warnings } = parseCountTable('condition,replicate,count,operator\nA,1,3,JD\n', src);
    expect(warnings).toEqual([
      {
        code: 'TRANSWELL_CSV_UNKNOWN_COLUMN',
        message: "counts.csv: column 'operator' is not a known count-table column and was ignored",
        context: { file: 'counts.csv', line: 1, column: 4, header: 'operator' },
      },
    ]);
  });

  it('accepts the same replicate label in different experiments', () => {
    const text = 'experiment,condition,replicate,count\ne1,A,1,3\ne2,A,1,4\n';
    expect(parseCountTable(text, src).records).toHaveLength(2);
  });
});

describe('parseCountTable: wide format', () => {
  it('reads field_1..field_n columns, skipping empty cells', () => {
    const text = 'condition,replicate,field_1,field_2,field_3,cells_seeded\nCCL2,1,10,12,,50000\nmedium,1,2,3,4,50000\n';
    const { records, format } = parseCountTable(text, src);
    expect(format).toBe('wide');
    expect(records.map((r) => [r.condition, r.field, r.count, r.cellsSeeded])).toEqual([
      ['CCL2', '1', 10, 50000],
      ['CCL2', '2', 12, 50000],
      ['medium', '1', 2, 50000],
      ['medium', '2', 3, 50000],
      ['medium', '3', 4, 50000],
    ]);
  });
});

describe('parseCountTable: errors', () => {
  it('rejects a non-integer count', () => {
    const e = csvError('condition,replicate,field,count\nA,1,1,12.5\n');
    expect(e.code).toBe('TRANSWELL_CSV_BAD_COUNT');
    expect(e.context).toEqual({ file: 'counts.csv', line: 2, column: 4, header: 'count', value: '12.5' });
    expect(e.message).toMatchInlineSnapshot(`"counts.csv:2: count '12.5' is not a count; expected a non-negative integer"`);
  });

  it('rejects a negative count (line counted past a blank line)', () => {
    const e = csvError('condition,replicate,field,count\nA,1,1,3\n\nA,1,2,-4\n');
    expect(e.code).toBe('TRANSWELL_CSV_BAD_COUNT');
    expect(e.context).toMatchObject({ file: 'counts.csv', line: 4, column: 4 });
    expect(e.message).toMatchInlineSnapshot(`"counts.csv:4: count '-4' is not a count; expected a non-negative integer"`);
  });

  it('rejects a bad count in a wide field column', () => {
    const e = csvError('condition,replicate,field_1,field_2\nA,1,3,x\n');
    expect(e.code).toBe('TRANSWELL_CSV_BAD_COUNT');
    expect(e.context).toMatchObject({ file: 'counts.csv', line: 2, column: 4, header: 'field_2' });
  });

  it('rejects a bad number in a metadata column', () => {
    const e = csvError('condition,replicate,count,dose\nA,1,3,1e\n');
    expect(e.code).toBe('TRANSWELL_CSV_BAD_NUMBER');
    expect(e.context).toMatchObject({ file: 'counts.csv', line: 2, column: 4, header: 'dose' });
    expect(e.message).toMatchInlineSnapshot(`"counts.csv:2: dose '1e' is not a number; expected a finite non-negative decimal"`);
  });

  it('rejects a missing required column', () => {
    const e = csvError('condition,field,count\nA,1,3\n');
    expect(e.code).toBe('TRANSWELL_CSV_MISSING_COLUMN');
    expect(e.context).toEqual({ file: 'counts.csv', line: 1, column: 0, header: 'replicate' });
    expect(e.message).toMatchInlineSnapshot(
      `"counts.csv: no 'replicate' column in the header; expected the long format columns (see format option)"`,
    );
  });

  it('rejects a table with neither count nor image column', () => {
    expect(csvError('condition,replicate,field\nA,1,1\n').context).toMatchObject({ header: 'count' });
  });

  it('rejects a duplicated (condition, replicate, field)', () => {
    const e = csvError('condition,replicate,field,count\nA,1,1,3\nA,1,2,3\nA,1,1,5\n');
    expect(e.code).toBe('TRANSWELL_CSV_DUPLICATE_ROW');
    expect(e.context).toEqual({ file: 'counts.csv', line: 4, column: 3, firstLine: 2 });
    expect(e.message).toMatchInlineSnapshot(
      `"counts.csv:4: condition 'A' replicate '1' field '1' already counted on line 2; expected one count per field"`,
    );
  });

  it('rejects a second row for a field-less insert', () => {
    const e = csvError('condition,replicate,count\nA,1,3\nA,1,4\n');
    expect(e.code).toBe('TRANSWELL_CSV_DUPLICATE_ROW');
    expect(e.context).toMatchObject({ line: 3, firstLine: 2 });
  });

  it('rejects an empty condition and a row without count or image', () => {
    const a = csvError('condition,replicate,count\n,1,3\n');
    expect(a.code).toBe('TRANSWELL_CSV_MISSING_VALUE');
    expect(a.context).toEqual({ file: 'counts.csv', line: 2, column: 1, header: 'condition' });
    expect(a.message).toMatchInlineSnapshot(`"counts.csv:2: empty condition; expected a value in every row"`);
    const b = csvError('condition,replicate,count,image\nA,1,,\n');
    expect(b.context).toEqual({ file: 'counts.csv', line: 2, column: 3, header: 'count' });
  });

  it('rejects a duplicated column and a ragged row', () => {
    const dup = csvError('condition,replicate,Count,count\nA,1,3,3\n');
    expect(dup.code).toBe('TRANSWELL_CSV_DUPLICATE_COLUMN');
    expect(dup.context).toEqual({ file: 'counts.csv', line: 1, column: 4, header: 'count' });
    const ragged = csvError('condition,replicate,count\nA,1,3\nA,2,4,9\n');
    expect(ragged.code).toBe('TRANSWELL_CSV_MALFORMED');
    expect(ragged.context).toEqual({ file: 'counts.csv', line: 3, column: 0 });
    expect(ragged.cause).toBeInstanceOf(Error);
  });

  it('rejects an empty file', () => {
    const e = csvError('\n\n');
    expect(e.code).toBe('TRANSWELL_CSV_EMPTY');
    expect(e.message).toMatchInlineSnapshot(`"counts.csv: no header line; expected a count table"`);
  });
});

describe('parseCountTable: format errors', () => {
  it('rejects wide field columns mixed with a long count column', () => {
    const e = csvError('condition,replicate,count,field_1\nA,1,3,4\n');
    expect(e.code).toBe('TRANSWELL_CSV_FORMAT');
    expect(e.context).toEqual({ file: 'counts.csv', line: 1, column: 4, header: 'field_1' });
    expect(e.message).toMatchInlineSnapshot(
      `"counts.csv: column 'field_1' does not belong in a long table; expected either field_1..field_n (wide) or field/count (long) columns"`,
    );
    const forced = csvError('condition,replicate,count,field_1\nA,1,3,4\n', { sourceName: 'counts.csv', format: 'wide' });
    expect(forced.context).toMatchObject({ column: 3, header: 'count' });
  });
});
