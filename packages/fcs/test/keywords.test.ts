import { describe, expect, it } from 'vitest';
import { FcsKeywordError, getKeyword, parseSpillover, requireKeyword } from '../src/index.js';
import type { TamkitWarning } from '@tamkit/core';
import { datasetSpillover } from '../src/dataset-spillover.js';

describe('getKeyword / requireKeyword', () => {
  const kw = { $TOT: ' 20000  ', SPILL: 'x' };

  it('looks keys up case-insensitively and trims the value', () => {
    expect(getKeyword(kw, '$tot')).toBe('20000');
    expect(getKeyword(kw, ' spill ')).toBe('x');
    expect(getKeyword(kw, '$PAR')).toBeUndefined();
    expect(getKeyword(kw, 'toString')).toBeUndefined();
  });

  it('requireKeyword throws FCS_MISSING_KEYWORD naming the keyword', () => {
    expect(requireKeyword(kw, '$TOT')).toBe('20000');
    let error: unknown;
    try {
      requireKeyword(kw, '$par', 'a.fcs');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FcsKeywordError);
    expect((error as FcsKeywordError).code).toBe('FCS_MISSING_KEYWORD');
    expect((error as FcsKeywordError).context).toEqual({ file: 'a.fcs', keyword: '$PAR' });
    expect((error as FcsKeywordError).message).toMatchInlineSnapshot(`"a.fcs: required keyword $PAR is missing"`);
  });
});

describe('parseSpillover', () => {
  it('reads n, names and row-major values', () => {
    const s = parseSpillover('2,FL1-A, FL2-A,1,0.1,0.02,1', '$SPILLOVER');
    expect(s.detectors).toEqual(['FL1-A', 'FL2-A']);
    expect(Array.from(s.values)).toEqual([1, 0.1, 0.02, 1]);
    expect(s.source).toBe('$SPILLOVER');
  });

  it('reads $COMP without names as parameter numbers', () => {
    const s = parseSpillover('2,1.0,0.0,0.0,1.0', '$COMP');
    expect(s.detectors).toEqual(['1', '2']);
    expect(Array.from(s.values)).toEqual([1, 0, 0, 1]);
  });

  it('rejects malformed values with FCS_BAD_SPILLOVER', () => {
    for (const bad of ['', 'x,A,1', '2,A,B,1,0,0', '2,A,B,1,0,zero,1', '2,A,A,1,0,0,1', '0']) {
      let error: unknown;
      try {
        parseSpillover(bad, 'SPILL');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FcsKeywordError);
      expect((error as FcsKeywordError).code).toBe('FCS_BAD_SPILLOVER');
      expect((error as FcsKeywordError).context).toEqual({ keyword: 'SPILL', value: bad });
    }
    expect(() => parseSpillover('2,A,B,1,0,0', 'SPILL')).toThrowErrorMatchingInlineSnapshot(`[FcsKeywordError: SPILL is malformed: 5 entries after the size 2, expected 6 (names and values) or 4 (values only)]`);
  });
});

describe('FCS 2.0 $DFCnTOm compensation keywords', () => {
  const channels = ['FS', 'SS', 'FL1', 'FL2'].map((name) => ({ name })) as unknown as Parameters<typeof datasetSpillover>[1];

  it('are said in a warning when one is nonzero and no spillover keyword is present', () => {
    const warnings: TamkitWarning[] = [];
    const kw = { $DFC1TO2: '13.4', $DFC2TO1: '0.0', $DFC1TO3: ' 2 ', $DFC2TO3: '0' };
    expect(datasetSpillover(kw, channels, 'a.fcs', warnings)).toBeNull();
    expect(warnings).toEqual([
      {
        code: 'FCS_DFC_NOT_APPLIED',
        message:
          'a.fcs: FCS 2.0 compensation keywords $DFCnTOm present (2 of 4 nonzero, largest $DFC1TO2 = 13.4 %) and not applied: FCS 2.0 does not map n and m to parameters; give a spillover matrix (CSV) to compensate',
        context: { keywords: 4, nonzero: 2, largest: '$DFC1TO2' },
      },
    ]);
  });

  it('give no warning when all are zero, or when a spillover keyword is read', () => {
    const warnings: TamkitWarning[] = [];
    expect(datasetSpillover({ $DFC1TO2: '0.0', $DFC2TO1: '0' }, channels, 'a.fcs', warnings)).toBeNull();
    const spill = datasetSpillover({ $DFC1TO2: '5', $SPILLOVER: '2,FL1,FL2,1,0.05,0,1' }, channels, 'a.fcs', warnings);
    expect(spill?.detectors).toEqual(['FL1', 'FL2']);
    expect(warnings).toEqual([]);
  });
});
