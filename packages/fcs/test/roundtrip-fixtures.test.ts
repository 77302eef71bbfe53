import { readFileSync } from 'node:fs';
import { isTamkitError } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import { brokenFixtures } from '../../../fixtures/scripts/broken-fcs-fixtures.js';
import { FIXTURE_SEED, validFixtures } from '../../../fixtures/scripts/make-fcs-fixtures.js';
import { parseFcs } from '../src/index.js';

// The committed fixtures read back as the tables the generator wrote (stored values; float32
// rounding for $DATATYPE F), and each broken file reports the code named after its defect.
const fcsDir = new URL('../../../fixtures/fcs/', import.meta.url);
const read = (name: string): Uint8Array => readFileSync(new URL(name, fcsDir));

describe('valid fixtures', () => {
  it.each(validFixtures().map((f) => [f.name, f] as const))('%s', (name, f) => {
    const file = parseFcs(read(name), { sourceName: name });
    expect(file.warnings).toEqual([]);
    const ds = file.datasets[0]!;
    expect(ds.version).toBe(`FCS${f.options.version ?? '3.1'}`);
    expect(ds.eventCount).toBe(f.table.eventCount);
    expect(ds.table.channels.map((c) => [c.name, c.label])).toEqual(
      f.table.channels.map((c) => [c.name, c.label]),
    );
    f.table.columns.forEach((col, c) => {
      const got = ds.table.columns[c]!;
      for (let i = 0; i < col.length; i++) {
        const want = f.options.dataType === 'D' || f.options.dataType === 'I' ? col[i]! : Math.fround(col[i]!);
        if (got[i] !== want) {
          expect.fail(`${name}: channel ${c}, event ${i}: read ${got[i]}, wrote ${want}`);
        }
      }
    });
    const spill = f.options.spillover ?? null;
    expect(ds.spillover?.detectors ?? null).toEqual(spill?.detectors ?? null);
    for (const [k, v] of Object.entries(f.options.keywords ?? {})) {
      expect(ds.keywords[k.toUpperCase()]).toBe(v);
    }
  });
});

describe('broken fixtures', () => {
  it.each(brokenFixtures(FIXTURE_SEED).map((b) => [b.name, b.expect.code] as const))(
    '%s reports %s',
    (name, code) => {
      let codes: string[];
      try {
        codes = parseFcs(read(name), { sourceName: name }).warnings.map((w) => w.code);
      } catch (e) {
        if (!isTamkitError(e)) {
          throw e;
        }
        codes = [e.code];
      }
      expect(codes).toContain(code);
    },
  );
});
