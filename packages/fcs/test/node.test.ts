import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileByteSource, readFcsFile } from '../src/node.js';
import { parseFcs, parseFcsSource } from '../src/index.js';
import { openSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildFcs, float32le, latin1Bytes, listModeKeywords } from './build-fcs.js';
import { corpusUrl, hasCorpus, loadManifest, readCorpus } from './corpus-helpers.js';

const four = (): Uint8Array => buildFcs({ keywords: listModeKeywords({ dataType: 'F', tot: 4, bits: [32] }), data: float32le(10, 20, 30, 40) });

describe('@tamkit/fcs/node', () => {
  it('readFcsFile reads from disk with the base name as sourceName; fileByteSource reads ranges', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcs-'));
    try {
      const path = join(dir, 'four.fcs');
      writeFileSync(path, four());
      expect(Array.from(readFcsFile(path).datasets[0]!.table.columns[0]!)).toEqual([10, 20, 30, 40]);
      const fd = openSync(path, 'r');
      try {
        const source = fileByteSource(fd);
        expect(source.size).toBe(four().length);
        expect(Array.from(source.read(0, 6), (b) => String.fromCharCode(b)).join('')).toBe('FCS3.1');
        expect(() => source.read(source.size - 2, 4)).toThrow(RangeError);
        expect(parseFcsSource(source).datasets[0]!.eventCount).toBe(4);
      } finally {
        closeSync(fd);
      }
      writeFileSync(path, latin1Bytes('not fcs'));
      expect(() => readFcsFile(path)).toThrow(/^four\.fcs: not an FCS file/);
      expect(() => readFcsFile(path, { sourceName: 'x' })).toThrow(/^x: not an FCS file/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe.skipIf(!hasCorpus)(`readFcsFile on the corpus${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  it('gives the same data sets as parseFcs on the whole file', () => {
    const files = loadManifest().filter((f) => f.expected_error === undefined);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const fromDisk = readFcsFile(fileURLToPath(new URL(`fcs/${f.file}`, corpusUrl)));
      const inMemory = parseFcs(readCorpus(`fcs/${f.file}`), { sourceName: f.file });
      expect(fromDisk.datasets.length).toBe(inMemory.datasets.length);
      fromDisk.datasets.forEach((ds, d) => {
        ds.table.columns.forEach((col, c) => {
          const other = inMemory.datasets[d]!.table.columns[c]!;
          expect(col.constructor).toBe(other.constructor);
          expect(col.length).toBe(other.length);
          // Byte-for-byte comparison (fast, and exact for NaN payloads too).
          const a = new Uint8Array(col.buffer, col.byteOffset, col.byteLength);
          const b = new Uint8Array(other.buffer, other.byteOffset, other.byteLength);
          expect(Buffer.compare(a, b), `${f.file}#${d} column ${c}`).toBe(0);
        });
        expect(ds.warnings).toEqual(inMemory.datasets[d]!.warnings);
      });
    }
  });
});
