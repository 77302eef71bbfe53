import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './helpers.js';
import { csvRecords, writeStudy } from './run-study.js';

let dir: string;
let result: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  dir = writeStudy({ seed: 3, eventsPerSample: 10000, donors: 1 }).dir;
  // Cut one stained file short: its DATA segment no longer holds $TOT events.
  const bad = join(dir, 'fcs', 'D1_M2.fcs');
  const bytes = readFileSync(bad);
  writeFileSync(bad, bytes.subarray(0, bytes.length - 5000));
  result = await run(['run', join(dir, 'experiment.yaml'), '--out', join(dir, 'out'), '--jobs', '2', '--json']);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a batch with a bad file', () => {
  it('skips the bad file, analyses the others and exits 2', () => {
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout) as { samples: number; failures: { id: string; file: string; error: { code: string } }[] };
    expect(doc.samples).toBe(3);
    expect(doc.failures).toHaveLength(1);
    expect(doc.failures[0]).toMatchObject({ id: 'D1_M2', file: 'fcs/D1_M2.fcs' });
    expect(doc.failures[0]!.error.code).toMatch(/^FCS_/);
    expect(result.stderr).toContain('D1_M2 failed: fcs/D1_M2.fcs: FCS_');
  });

  it('lists the failure in samples.csv and still writes the report', () => {
    const rows = csvRecords(readFileSync(join(dir, 'out', 'samples.csv'), 'utf8'));
    expect(rows.map((r) => r.sample)).toEqual(['D1_M0', 'D1_M1', 'D1_M2', 'D1_TCM']);
    expect(rows.find((r) => r.sample === 'D1_M2')!.error).toMatch(/^FCS_/);
    expect(rows.filter((r) => r.error === '')).toHaveLength(3);
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toContain('<html');
  });
});
