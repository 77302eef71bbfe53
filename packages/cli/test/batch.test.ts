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

describe('batch progress on a terminal', () => {
  it('redraws one bar line in place and ends it with a newline', async () => {
    const { BatchProgress, summaryTable } = await import('../src/commands/batch-progress.js');
    let err = '';
    const io = { out: () => undefined, err: (t: string) => void (err += t), isTty: true, cwd: '.' };
    const p = new BatchProgress(io, 'tamkit run', 2, false);
    const ok = { id: 'a', result: { percent: { M1: 10, M2: 20 }, eventCount: 100, pregates: [{ count: 80 }] } };
    const bad = { id: 'b', failure: { id: 'b', file: 'b.fcs', error: { code: 'FCS_TRUNCATED', message: 'short' } } };
    p.update(ok as never, 1);
    p.update(bad, 2);
    // Each update starts with a carriage return and an erase-line sequence; a failure gets its own line.
    expect(err.split('\r\x1b[2K')).toHaveLength(3);
    expect(err).toContain('] 1/2 a');
    expect(err).toContain('\ntamkit run: b.fcs: FCS_TRUNCATED: short\n');
    expect(err.endsWith('\n')).toBe(true);
    expect(summaryTable([ok, bad] as never)).toMatchInlineSnapshot(`
      "sample  events  macrophages  M1 %  M2 %  status
      a          100           80  10.0  20.0  ok
      b            -            -     -     -  FAILED FCS_TRUNCATED
      "
    `);
  });
});
