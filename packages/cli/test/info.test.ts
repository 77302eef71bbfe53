import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileInfo } from '../src/commands/info.js';
import { corpusDir, hasCorpus, readJson, run } from './helpers.js';

interface ManifestFile {
  file: string;
  expected_error?: string;
  datasets?: {
    keywords: Record<string, string>;
    parameters: { n: number; PnN: string; PnS?: string; PnB: string; PnR: string }[];
    reference: { events: number; min: number[]; max: number[]; sum: number[] };
  }[];
}

const relClose = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

describe.skipIf(!hasCorpus)(`tamkit info --json --stats on the public corpus${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  const manifest = hasCorpus ? readJson<{ files: ManifestFile[] }>(join(corpusDir, 'fcs', 'MANIFEST.json')) : { files: [] };

  it('matches the manifest for every file and reports the unreadable one as an error entry', async () => {
    const files = manifest.files.map((f) => join(corpusDir, 'fcs', f.file));
    const { code, stdout, stderr } = await run(['info', ...files, '--json', '--stats']);
    const doc = JSON.parse(stdout) as { files: FileInfo[] };
    expect(doc.files).toHaveLength(manifest.files.length);
    const failing = manifest.files.filter((f) => f.expected_error);
    expect(code).toBe(failing.length > 0 ? 2 : 0);
    // One line on stderr per unreadable file, naming it.
    expect(stderr.trim().split('\n')).toHaveLength(failing.length);
    manifest.files.forEach((mf, k) => {
      const info = doc.files[k]!;
      expect(info.file).toBe(files[k]);
      if (mf.expected_error) {
        expect('error' in info && info.error.code).toMatch(/^FCS_/);
        expect(stderr).toContain(mf.file);
        return;
      }
      if ('error' in info) {
        throw new Error(`${mf.file}: ${info.error.message}`);
      }
      expect(info.datasets).toHaveLength(mf.datasets!.length);
      info.datasets.forEach((d, j) => {
        const ref = mf.datasets![j]!;
        expect(d.events).toBe(ref.reference.events);
        expect(d.parameters).toBe(ref.parameters.length);
        expect(d.datatype).toBe(ref.keywords.$DATATYPE!.trim());
        expect(d.byteOrder.trim()).toBe(ref.keywords.$BYTEORD!.trim());
        d.channels.forEach((c, i) => {
          const p = ref.parameters[i]!;
          expect(c.index).toBe(p.n);
          expect(c.name).toBe(p.PnN.trim());
          // FCS 3.1 and later store TEXT as UTF-8; the manifest gives every value as Latin-1.
          const utf8 = Number(d.version.slice(3)) >= 3.1;
          const label = (p.PnS ?? '').trim();
          expect(c.label).toBe(utf8 ? Buffer.from(label, 'latin1').toString('utf8') : label);
          expect(c.range).toBe(Number(p.PnR.trim()));
          expect(relClose(c.stats!.min!, ref.reference.min[i]!)).toBe(true);
          expect(relClose(c.stats!.max!, ref.reference.max[i]!)).toBe(true);
          expect(relClose(c.stats!.sum, ref.reference.sum[i]!)).toBe(true);
        });
      });
    });
  });
});

describe('tamkit info', () => {
  const fixture = 'fixtures/fcs/demo-macrophages.fcs';

  it('prints a human-readable summary with markers and the spillover matrix', async () => {
    const { code, stdout, stderr } = await run(['info', fixture]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('FCS3.1');
    expect(stdout).toMatch(/CD206/);
    expect(stdout).toMatch(/spillover\s+\d+x\d+/);
  });

  it('reads only metadata without --stats and still reports the events', async () => {
    const { stdout } = await run(['info', fixture, '--json']);
    const doc = JSON.parse(stdout) as { files: FileInfo[] };
    const f = doc.files[0]!;
    expect('datasets' in f && f.datasets[0]!.events).toBeGreaterThan(0);
    expect('datasets' in f && f.datasets[0]!.channels[0]!.stats).toBeUndefined();
  });

  it('goes on past an unreadable file, reports it on one line and exits 2', async () => {
    const { code, stdout, stderr } = await run(['info', 'does-not-exist.fcs', fixture, 'README.md', '--json']);
    expect(code).toBe(2);
    const doc = JSON.parse(stdout) as { files: FileInfo[] };
    expect(doc.files.map((f) => ('error' in f ? f.error.code : 'ok'))).toEqual(['ENOENT', 'ok', 'FCS_NOT_FCS']);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^tamkit info: does-not-exist\.fcs: ENOENT: /);
    expect(lines[1]).toMatch(/^tamkit info: README\.md: FCS_NOT_FCS: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects unknown options with a usage error', async () => {
    const { code, stderr } = await run(['info', fixture, '--bogus']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bogus/);
  });

  it('keeps the fixture byte-identical (inputs are never modified)', async () => {
    const before = readFileSync(fixture.replace(/^/, ''));
    await run(['info', fixture, '--stats']);
    expect(readFileSync(fixture).equals(before)).toBe(true);
  });
});

describe('tamkit info on broken fixtures', () => {
  it('names the file once, with the code and what was expected', async () => {
    const { code, stderr } = await run(['info', 'fixtures/fcs/lying-tot.fcs', '--stats']);
    expect(code).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit info: fixtures/fcs/lying-tot.fcs: FCS_DATA_SIZE_MISMATCH: DATA segment holds 2400 bytes, expected $TOT 250 × 12 bytes per event = 3000; pass --allow-data-size-mismatch to read the whole events present
      "
    `);
  });
});

describe('tamkit info leniency flags', () => {
  it('reads a file whose DATA is shorter than $TOT with --allow-data-size-mismatch, with a warning', async () => {
    const { code, stdout } = await run(['info', 'fixtures/fcs/lying-tot.fcs', '--stats', '--json', '--allow-data-size-mismatch']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { files: FileInfo[] };
    const f = doc.files[0]!;
    if ('error' in f) {
      throw new Error(f.error.message);
    }
    // lying-tot.fcs: $TOT says 250 but DATA holds 200 events (fixtures/fcs/README.md).
    expect(f.datasets[0]!.events).toBe(200);
    expect(f.datasets[0]!.warnings.map((w) => w.code)).toContain('FCS_DATA_SIZE_MISMATCH');
  });
});
