import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeReadouts, parseCountTable } from '@tamkit/transwell';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

const CSV = `condition,replicate,field,count,ccl2_ng_ml
medium,1,1,10,0
medium,2,1,12,0
CCL2,1,1,100,10
CCL2,2,1,90,10
`;

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('tamkit report', () => {
  it('writes one HTML file from info --json output and a transwell result, recording both inputs’ SHA-256', async () => {
    const dir = tempDir();
    const info = await run(['info', 'fixtures/fcs/demo-macrophages.fcs', '--json']);
    expect(info.code).toBe(0);
    const infoFile = join(dir, 'info.json');
    writeFileSync(infoFile, info.stdout);
    const transwellFile = join(dir, 'transwell.json');
    const readouts = computeReadouts(parseCountTable(CSV, { sourceName: 'counts.csv' }).records, { baseline: 'medium', positiveControl: 'CCL2' });
    writeFileSync(transwellFile, JSON.stringify({ tamkit: { version: '0.1.0', command: 'transwell', seeds: {} }, kind: 'transwell', readouts, cellType: 'BMDM <M-CSF>' }));
    const out = join(dir, 'out', 'report.html');
    const { code, stdout, stderr } = await run(['report', infoFile, transwellFile, '-o', out, '--title', 'Plate <1>', '--date', '2026-01-01T00:00:00Z']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^wrote .*report\.html: 4 sections, 1 figures, \d+\.\d MB\n$/);
    // The summary first: the chemotactic index of the stimulated condition.
    expect(readFileSync(out, 'utf8')).toContain('<section id="summary" data-tk-kind="summary">');
    expect(stderr).toContain('tamkit report: warning CCL2_ON_DIFFERENTIATED_MACROPHAGES: ');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Plate &lt;1&gt;</title>');
    expect(html).toContain(sha256(infoFile));
    expect(html).toContain(sha256(transwellFile));
    expect(html).toContain('<section id="migration-2" data-tk-kind="migration">');
    expect(html).toContain('<section id="files-1" data-tk-kind="qc">');
    expect(html).toContain('2026-01-01T00:00:00Z');
    expect(html).toContain('demo-macrophages.fcs');
    expect(html).toContain("default-src 'none'");
  });

  it('reads tamkit phenotype --json output: a flow section per sample, composition, and a warning for thresholds without control', async () => {
    const dir = tempDir();
    const pheno = await run(['phenotype', 'fixtures/fcs/demo-macrophages.fcs', '--json']);
    expect(pheno.code).toBe(0);
    const file = join(dir, 'phenotype.json');
    writeFileSync(file, pheno.stdout);
    const entry = (JSON.parse(pheno.stdout) as { files: { thresholds: { source: string }[] }[] }).files[0]!;
    const out = join(dir, 'report.html');
    const { code, stderr } = await run(['report', file, '-o', out]);
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<section id="sample-1-fixtures-fcs-demo-macrophages-fcs" data-tk-kind="flow">');
    expect(html).toContain('<section id="composition" data-tk-kind="composition">');
    // The demo file has no FMO: every threshold comes from the data, which the report must say.
    const fromData = entry.thresholds.filter((t) => t.source === 'data').length;
    expect(stderr.split('\n').filter((l) => l.includes('warning NO_CONTROL_THRESHOLD'))).toHaveLength(fromData);
    expect(stderr).toContain('warning NO_CONTROLS');
  });

  it('writes nothing and exits 2 when a result file is not JSON or of an unknown kind', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"tamkit":');
    const plate = join(dir, 'plate.json');
    writeFileSync(plate, JSON.stringify({ tamkit: { version: '0.1.0', command: 'plate' }, kind: 'plate' }));
    const out = join(dir, 'report.html');
    const { code, stderr } = await run(['report', bad, plate, '-o', out]);
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const lines = stderr.replaceAll(dir, 'DIR').trim().split('\n');
    expect(lines[0]).toMatch(/^tamkit report: DIR\/bad\.json: REPORT_BAD_JSON: DIR\/bad\.json: not JSON \(.*\); expected a tamkit result file written with --json or --out$/);
    expect(lines.slice(1)).toMatchInlineSnapshot(`
      [
        "tamkit report: DIR/plate.json: REPORT_UNKNOWN_KIND: DIR/plate.json: kind 'plate' is not one this version reads; expected one of info, phenotype, transwell, transwell-images, transwell-beads, gate, document",
        "tamkit report: DIR/report.html not written",
      ]
    `);
  });

  it('needs an output file', async () => {
    const { code, stderr } = await run(['report', 'x.json']);
    expect(code).toBe(1);
    expect(stderr).toContain('Missing required argument: output');
  });
});
