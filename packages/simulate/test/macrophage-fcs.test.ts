import { parseFcs } from '@tamkit/fcs';
import { describe, expect, it } from 'vitest';
import { simulateMacrophageExperiment, writeMacrophageExperiment } from '../src/index.js';

/**
 * A minimal FCS 3.1 reader written for this test (independent of @tamkit/fcs): HEADER offsets
 * (FCS 3.1 §3.1: ASCII fields at bytes 10-17, 18-25, 26-33, 34-41), TEXT pairs with doubled
 * delimiters as literal delimiters (§3.2.9), and little- or big-endian float32 DATA.
 */
function readFcs(bytes: Uint8Array): { keywords: Map<string, string>; columns: Float32Array[] } {
  const ascii = (a: number, b: number): string => new TextDecoder('latin1').decode(bytes.subarray(a, b));
  const textBegin = Number(ascii(10, 18).trim());
  const textEnd = Number(ascii(18, 26).trim());
  const text = new TextDecoder('utf-8').decode(bytes.subarray(textBegin, textEnd + 1));
  const delim = text[0]!;
  const tokens: string[] = [];
  let current = '';
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === delim && text[i + 1] === delim) {
      current += delim;
      i++;
    } else if (ch === delim) {
      tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  const keywords = new Map<string, string>();
  for (let i = 0; i + 1 < tokens.length; i += 2) {
    keywords.set(tokens[i]!.toUpperCase(), tokens[i + 1]!);
  }
  const dataBegin = Number(keywords.get('$BEGINDATA'));
  const par = Number(keywords.get('$PAR'));
  const tot = Number(keywords.get('$TOT'));
  const little = keywords.get('$BYTEORD') === '1,2,3,4';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const columns = Array.from({ length: par }, () => new Float32Array(tot));
  for (let e = 0; e < tot; e++) {
    for (let p = 0; p < par; p++) {
      columns[p]![e] = view.getFloat32(dataBegin + (e * par + p) * 4, little);
    }
  }
  return { keywords, columns };
}

describe('FCS output', () => {
  const exp = simulateMacrophageExperiment({
    seed: 5,
    eventsPerSample: 400,
    conditions: ['TCM'],
    replicates: 1,
    includeUnstained: false,
  });
  const files = writeMacrophageExperiment(exp);

  it('carries $PnN/$PnS, $SPILLOVER, $TIMESTEP and the sample metadata, and the data round-trips', () => {
    const entry = exp.samples[0]!;
    const fcs = readFcs(files.find((f) => f.name === entry.fileName)!.bytes);
    const { keywords } = fcs;
    expect(keywords.get('$DATATYPE')).toBe('F');
    expect(keywords.get('$TOT')?.trim()).toBe('400');
    expect(keywords.get('$P4N')).toBe('BV421-A');
    expect(keywords.get('$P4S')).toBe('CD86');
    expect(keywords.get('$P10S')).toBe('Live/Dead');
    expect(keywords.get('$P11N')).toBe('Time');
    expect(keywords.get('$P1S')).toBeUndefined();
    expect(keywords.get('$TIMESTEP')).toBe('0.01');
    expect(keywords.get('$FIL')).toBe('D1_TCM.fcs');
    expect(keywords.get('TAMKIT_CONDITION')).toBe('TCM');
    expect(keywords.get('TAMKIT_DONOR')).toBe('D1');
    // $SPILLOVER: n, n detector names, n² values row-major (FCS 3.1 §3.2.20).
    const spill = (keywords.get('$SPILLOVER') ?? '').split(',');
    expect(spill[0]).toBe('7');
    expect(spill.slice(1, 8)).toEqual(entry.sample.spillover.detectors);
    const values = spill.slice(8).map(Number);
    expect(values).toHaveLength(49);
    values.forEach((v, i) => expect(v).toBeCloseTo(entry.sample.spillover.values[i]!, 12));
    expect(fcs.columns).toEqual(entry.sample.table.columns);
  });

  it('writes the FMO marker into its control', () => {
    const fmo = exp.samples.find((s) => s.role === 'fmo' && s.fmoMarker === 'HLA-DR')!;
    const { keywords } = readFcs(files.find((f) => f.name === fmo.fileName)!.bytes);
    expect(keywords.get('TAMKIT_FMO_MARKER')).toBe('HLA-DR');
    expect(keywords.get('TAMKIT_ROLE')).toBe('FMO HLA-DR');
  });

  it('parses back with parseFcs: labels, $SPILLOVER and values', () => {
    for (const entry of exp.samples.slice(0, 2)) {
      const file = parseFcs(files.find((f) => f.name === entry.fileName)!.bytes, { sourceName: entry.fileName });
      const ds = file.datasets[0]!;
      expect(ds.table.channels.map((c) => [c.name, c.label])).toEqual(
        entry.sample.table.channels.map((c) => [c.name, c.label]),
      );
      expect(ds.spillover?.detectors).toEqual(entry.sample.spillover.detectors);
      expect(Array.from(ds.spillover?.values ?? [])).toEqual(Array.from(entry.sample.spillover.values));
      expect(ds.table.columns).toEqual(entry.sample.table.columns);
      expect(file.warnings).toEqual([]);
    }
  });
});
