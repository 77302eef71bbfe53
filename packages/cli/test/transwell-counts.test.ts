import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportDocument, readResultFile } from '@tamkit/report';
import { VERSION } from '../src/index.js';
import { repoRoot, run, tempDir } from './helpers.js';

const LONG = 'fixtures/transwell/counts-long.csv';
const WIDE = 'fixtures/transwell/counts-wide.csv';
const REFS = ['--baseline', 'medium', '--positive-control', 'CCL2', '--field-area', '0.25'];

interface Summary {
  n: number;
  mean: number | null;
  sd: number | null;
  sem: number | null;
}
interface CountsDoc {
  tamkit: { version: string; command: string; inputs: { file: string; sha256: string }[]; parameters: Record<string, unknown> };
  kind: string;
  input: { format: string; records: number };
  readouts: { unit: string; conditions: Record<string, Summary | string | number | null>[] };
  tests: { method: string; control: string; rows: { test: string; comparison: string; condition: string | null; reference: string | null; statistic: number | null; df: number | null; pValue: number; difference: number | null; adjusted: boolean; pUnadjusted: number | null }[]; adjust: string };
  test?: { test: string; control: string; comparisons: unknown[] };
  doseResponse: { inhibitor: string; points: { doses: number[]; doseUnit: string | null }; fit: { potency: number; top: { estimate: number }; bottom: { estimate: number } } | null }[];
}

async function countsJson(args: string[]): Promise<CountsDoc> {
  const { code, stdout, stderr } = await run(['transwell', 'counts', ...args, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as CountsDoc;
}

function condition(doc: CountsDoc, name: string): Record<string, Summary> {
  const c = doc.readouts.conditions.find((x) => x.condition === name);
  if (c === undefined) {
    throw new Error(`no condition ${name}`);
  }
  return c as Record<string, Summary>;
}

/*
 * The fixture table (fixtures/transwell/counts-long.csv), two inserts × two fields per condition, derived by hand:
 *
 *   condition            insert A fields → mean   insert B fields → mean   mean   SEM = |A − B|/2
 *   medium               8, 12 → 10               9, 11 → 10               10     0
 *   CCL2 (dose 0)        58, 62 → 60              54, 58 → 56              58     2
 *   carlumab 0.01        57, 59 → 58              55, 57 → 56              57     1
 *   carlumab 0.1         46, 50 → 48              44, 46 → 45              46.5   1.5
 *   carlumab 1           20, 24 → 22              18, 20 → 19              20.5   1.5
 *   carlumab 10          10, 14 → 12              11, 11 → 11              11.5   0.5
 *
 * Field 0.25 mm², insert 33 mm² (default): total = mean × 132; CCL2 7656 cells, 7.656 % of 100 000 seeded.
 * Chemotactic index = insert / mean(medium) = 10: CCL2 (6.0 + 5.6)/2 = 5.8.
 * % of control (CCL2, mean 58): carlumab 0.1 (48 + 45)/2/58 × 100 = 80.1724.
 * % inhibition = (1 − (x − 10)/(58 − 10)) × 100: carlumab 1 → 75 and 81.25, mean 78.125.
 * Within-insert variances (n − 1 = 1 each): 0, 8, 2, 4.5, 4.5, 0.5 → MSW = 19.5/6 = 3.25 (df 6).
 * Dunnett t = (ȳ − 58)/√(3.25 · (1/2 + 1/2)): carlumab 10 → −46.5/1.80278 = −25.794, carlumab 1 → −20.801.
 * ANOVA: grand mean 203.5/6 = 33.9167, SSB = 2 Σ(ȳ − 33.9167)² = 90925.5/18 = 5051.417, F = (5051.417/5)/3.25 = 310.856.
 * Welch carlumab 1 vs CCL2: SE = √(4.5/2 + 8/2) = 2.5, t = −37.5/2.5 = −15, df = 6.25²/(2.25² + 4²) = 1.85460.
 */
describe('tamkit transwell counts', () => {
  it('computes the hand-derived readouts', async () => {
    const doc = await countsJson([LONG, ...REFS]);
    // The envelope @tamkit/report reads (readResultFile): kind 'transwell', header with inputs and parameters.
    expect(doc.tamkit).toMatchObject({ version: VERSION, command: 'transwell counts', parameters: { baseline: 'medium', positiveControl: 'CCL2', fieldAreaMm2: 0.25 } });
    expect(doc.tamkit.inputs).toEqual([{ file: LONG, sha256: createHash('sha256').update(readFileSync(join(repoRoot, LONG))).digest('hex') }]);
    expect(doc.kind).toBe('transwell');
    expect(doc.input).toMatchObject({ format: 'long', records: 24 });
    expect(doc.readouts.unit).toBe('insert');
    const expected: [string, number, number][] = [
      ['medium', 10, 0],
      ['CCL2', 58, 2],
      ['CCL2+carlumab 0.01', 57, 1],
      ['CCL2+carlumab 0.1', 46.5, 1.5],
      ['CCL2+carlumab 1', 20.5, 1.5],
      ['CCL2+carlumab 10', 11.5, 0.5],
    ];
    expect(doc.readouts.conditions.map((c) => c.condition)).toEqual(expected.map((e) => e[0]));
    for (const [name, mean, sem] of expected) {
      expect(condition(doc, name).meanPerField!.mean).toBeCloseTo(mean, 12);
      expect(condition(doc, name).meanPerField!.sem).toBeCloseTo(sem, 12);
    }
    const ccl2 = condition(doc, 'CCL2');
    expect(ccl2.totalMigrated!.mean).toBeCloseTo(7656, 9);
    expect(ccl2.percentMigration!.mean).toBeCloseTo(7.656, 12);
    expect(ccl2.chemotacticIndex!.mean).toBeCloseTo(5.8, 12);
    expect(condition(doc, 'CCL2+carlumab 0.1').percentOfControl!.mean).toBeCloseTo(80.1724, 4);
    expect(condition(doc, 'CCL2+carlumab 1').percentInhibition!.mean).toBeCloseTo(78.125, 12);
  });

  it('tests every condition against the control with ANOVA + Dunnett by default', async () => {
    const doc = await countsJson([LONG, ...REFS]);
    expect(doc.tests.method).toBe('anova-dunnett');
    expect(doc.tests.control).toBe('CCL2');
    const anova = doc.tests.rows.find((r) => r.comparison === 'overall')!;
    expect(anova.statistic).toBeCloseTo(310.856, 3);
    expect(anova.df).toBe(5);
    const dunnett = (name: string) => doc.tests.rows.find((r) => r.condition === name && r.test === "Dunnett's test")!;
    expect(dunnett('CCL2+carlumab 10').statistic).toBeCloseTo(-25.794, 3);
    expect(dunnett('CCL2+carlumab 1').statistic).toBeCloseTo(-20.801, 3);
    expect(dunnett('CCL2+carlumab 1').df).toBe(6);
    expect(doc.tests.rows.filter((r) => r.comparison === 'vs-control')).toHaveLength(5);
    // The Dunnett result itself, for the report's brackets.
    expect(doc.test).toMatchObject({ test: "Dunnett's test", control: 'CCL2' });
    expect(doc.test!.comparisons).toHaveLength(5);
  });

  it('runs the chosen test', async () => {
    const welch = await countsJson([LONG, ...REFS, '--test', 'welch']);
    const row = welch.tests.rows.find((r) => r.condition === 'CCL2+carlumab 1')!;
    expect(row.statistic).toBeCloseTo(-15, 10);
    expect(row.df).toBeCloseTo(1.8546, 4);
    expect(row.difference).toBeCloseTo(-37.5, 12);
    const tukey = await countsJson([LONG, ...REFS, '--test', 'tukey']);
    // 6 conditions → 6 · 5 / 2 = 15 pairs, plus the ANOVA row.
    expect(tukey.tests.rows).toHaveLength(16);
    // Welch's ANOVA then Games-Howell: the overall row and the 3 pairs of 3 conditions, each adjusted
    // (a table whose every condition varies: the medium inserts of the fixture are all equal).
    const varied = join(tempDir(), 'varied.csv');
    writeFileSync(varied, 'condition,replicate,count\nmedium,1,10\nmedium,2,14\nmedium,3,9\nCCL2,1,60\nCCL2,2,75\nCCL2,3,52\nCCL2+X,1,20\nCCL2+X,2,31\nCCL2+X,3,24\n');
    const gh = await countsJson([varied, '--control', 'CCL2', '--test', 'welch-anova']);
    expect(gh.tests.rows[0]).toMatchObject({ test: "Welch's ANOVA", comparison: 'overall' });
    expect(gh.tests.rows.filter((r) => r.test === 'Games-Howell' && r.adjusted).map((r) => `${r.condition}-${r.reference}`)).toEqual(['CCL2-medium', 'CCL2+X-medium', 'CCL2+X-CCL2']);
    expect(gh.test).toMatchObject({ test: 'Games-Howell' });
    const kw = await countsJson([LONG, ...REFS, '--test', 'kruskal']);
    expect(kw.tests.rows.map((r) => r.comparison)).toEqual(['overall']);
  });

  it('Holm-adjusts the two-sample tests against the control unless --adjust none', async () => {
    const none = await countsJson([LONG, ...REFS, '--test', 'welch', '--adjust', 'none']);
    const holm = await countsJson([LONG, ...REFS, '--test', 'welch']);
    expect([none.tests.adjust, holm.tests.adjust]).toEqual(['none', 'holm']);
    const raw = none.tests.rows.map((r) => r.pValue);
    expect(raw).toHaveLength(5);
    expect(none.tests.rows.every((r) => !r.adjusted && r.pUnadjusted === r.pValue)).toBe(true);
    expect(holm.tests.rows.map((r) => r.pUnadjusted)).toEqual(raw);
    expect(holm.tests.rows.every((r) => r.adjusted)).toBe(true);
    // Holm as closed testing with Bonferroni intersection tests: the adjusted p of comparison i is
    // the largest min(1, |S| · min over S of p) over the subsets S that hold i.
    raw.forEach((_, i) => {
      let worst = 0;
      for (let mask = 1; mask < 32; mask++) {
        if ((mask & (1 << i)) !== 0) {
          const members = raw.filter((_p, j) => (mask & (1 << j)) !== 0);
          worst = Math.max(worst, Math.min(1, members.length * Math.min(...members)));
        }
      }
      expect(holm.tests.rows[i]!.pValue).toBeCloseTo(worst, 14);
    });
    const text = await run(['transwell', 'counts', LONG, ...REFS, '--test', 'mann-whitney']);
    expect(text.stdout).toMatch(/p [\d.e-]+ \(Holm; unadjusted [\d.e-]+\)/);
    // Dunnett adjusts itself: no raw p-value to keep.
    const dunnett = await countsJson([LONG, ...REFS]);
    expect(dunnett.tests.rows.filter((r) => r.comparison === 'vs-control').every((r) => r.adjusted && r.pUnadjusted === null)).toBe(true);
  });

  it('holds 4PL parameters given with --fix-*, and refuses a Hill slope that is not positive', async () => {
    const doc = (await countsJson([LONG, ...REFS, '--fix-hill', '1'])) as unknown as {
      tamkit: { parameters: { fixed?: unknown } };
      doseResponse: { fit: { hill: unknown; df: number; n: number; ciMethod: string } }[];
    };
    const fit = doc.doseResponse[0]!.fit;
    expect(fit.hill).toEqual({ estimate: 1, se: 0, fixed: true });
    // 10 points, 3 fitted parameters.
    expect([fit.n, fit.df, fit.ciMethod]).toEqual([10, 7, 'Wald interval on log10(IC50), t distribution with n - 3 df']);
    expect(doc.tamkit.parameters.fixed).toEqual({ hill: 1 });
    const bad = await run(['transwell', 'counts', LONG, '--fix-hill', '0']);
    expect([bad.code, bad.stderr]).toEqual([1, 'tamkit transwell counts: --fix-hill 0: expected a positive number\n']);
  });

  it('fits a 4PL curve to the dosed conditions', async () => {
    const doc = await countsJson([LONG, ...REFS]);
    expect(doc.doseResponse).toHaveLength(1);
    const dr = doc.doseResponse[0]!;
    expect(dr.inhibitor).toBe('carlumab');
    // CCL2 (dose 0) and 4 doses × 2 inserts.
    expect(dr.points.doses).toEqual([0, 0, 0.01, 0.01, 0.1, 0.1, 1, 1, 10, 10]);
    expect(dr.points.doseUnit).toBe('ug/mL');
    // Half-way between the plateaus (≈ 58 and ≈ 11.5) is ≈ 34.75, crossed between the dose 0.1 (46.5)
    // and dose 1 (20.5) means, so the IC50 lies in (0.1, 1) µg/mL.
    expect(dr.fit!.potency).toBeGreaterThan(0.1);
    expect(dr.fit!.potency).toBeLessThan(1);
    expect(dr.fit!.top.estimate).toBeGreaterThan(56);
    expect(dr.fit!.top.estimate).toBeLessThan(60);
    expect(dr.fit!.bottom.estimate).toBeGreaterThan(8);
    expect(dr.fit!.bottom.estimate).toBeLessThan(13);
  });

  it('reads the wide form of the same table to the same readouts', async () => {
    const long = await countsJson([LONG, ...REFS]);
    const wide = await countsJson([WIDE, ...REFS]);
    expect(wide.input.format).toBe('wide');
    const strip = (d: CountsDoc) => d.readouts.conditions.map((c) => ({ ...c, unitValues: undefined }));
    expect(strip(wide)).toEqual(strip(long));
    expect(wide.tests.rows).toEqual(long.tests.rows);
  });

  it('prints a human table', async () => {
    const { code, stdout } = await run(['transwell', 'counts', LONG, ...REFS]);
    expect(code).toBe(0);
    expect(stdout).toContain('24 fields, 12 inserts, 6 conditions');
    expect(stdout).toMatch(/CCL2 +2 +58 ± 2 +7656 ± 264/);
    expect(stdout).toContain('4PL carlumab (10 points, dose in ug/mL): IC50');
  });

  it('writes the result files atomically with --out', async () => {
    const dir = tempDir();
    const { code, stdout } = await run(['transwell', 'counts', LONG, ...REFS, '--out', dir, '--json']);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['dose-response.csv', 'readouts.csv', 'results.json', 'tests.csv']);
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe(stdout);
    const readouts = readFileSync(join(dir, 'readouts.csv'), 'utf8').trimEnd().split('\n');
    expect(readouts).toHaveLength(7);
    expect(readouts[0]!.split(',').slice(0, 10)).toEqual(['condition', 'coating', 'ccl2_ng_ml', 'inhibitor', 'dose', 'dose_unit', 'unit', 'n', 'n_inserts', 'mean_per_field']);
    expect(readouts[2]!.split(',').slice(0, 10)).toEqual(['CCL2', '', '10', '', '0', 'ug/mL', 'insert', '2', '2', '58']);
    const tests = readFileSync(join(dir, 'tests.csv'), 'utf8').trimEnd().split('\n');
    expect(tests).toHaveLength(1 + 6);
    expect(tests[0]).toBe('test,comparison,coating,condition,reference,difference,statistic,df,p_value,adjusted,p_unadjusted');
    const dose = readFileSync(join(dir, 'dose-response.csv'), 'utf8').trimEnd().split('\n');
    expect(dose[0]).toBe('inhibitor,dose_unit,condition,unit,dose,response,fitted');
    expect(dose).toHaveLength(11);
  });

  it('counts the image rows of a table', async () => {
    const { code, stdout, stderr } = await run(['transwell', 'counts', 'fixtures/transwell/counts-images.csv', '--stain', 'nuclear', '--pixel-size', '0.65', '--json']);
    expect(code).toBe(0);
    expect(stderr).not.toContain('warning TRANSWELL_UNRESOLVED');
    const doc = JSON.parse(stdout) as { imageCounts: { image: string; count: number }[] };
    const truth = JSON.parse(readFileSync(join(repoRoot, 'fixtures/transwell/truth.json'), 'utf8')) as { images: Record<string, { cells: number }> };
    expect(doc.imageCounts.map((i) => i.image)).toEqual(Object.keys(truth.images));
    for (const i of doc.imageCounts) {
      const t = truth.images[i.image]!.cells;
      // Tolerance: the largest error measured on simulated nuclear fields is 6.4 % (docs/transwell.md),
      // and at least one cell on sparse fields.
      expect(Math.abs(i.count - t)).toBeLessThanOrEqual(Math.max(1, Math.ceil(0.07 * t)));
    }
  });
});

describe('tamkit transwell counts errors', () => {
  function table(text: string, name = 'bad.csv'): string {
    const dir = tempDir();
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  }

  it('names the line and column of a bad cell on one stderr line', async () => {
    const file = table('condition,replicate,field,count\nCCL2,A,1,12\nCCL2,A,2,x\n');
    const { code, stdout, stderr } = await run(['transwell', 'counts', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit transwell counts: TRANSWELL_CSV_BAD_COUNT: bad.csv:3: count 'x' is not a count; expected a non-negative integer (line 3, column 4 'count')
      "
    `);
  });

  it('names a missing column', async () => {
    const { code, stderr } = await run(['transwell', 'counts', table('condition,field,count\nCCL2,1,12\n')]);
    expect(code).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit transwell counts: TRANSWELL_CSV_MISSING_COLUMN: bad.csv: no 'replicate' column in the header; expected the long format columns (see format option) (line 1)
      "
    `);
  });

  it('rejects an unknown control', async () => {
    const { code, stderr } = await run(['transwell', 'counts', LONG, '--control', 'CCL3']);
    expect(code).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "tamkit transwell counts: TRANSWELL_UNKNOWN_CONDITION: no condition named 'CCL3'; available: medium, CCL2, CCL2+carlumab 0.01, CCL2+carlumab 0.1, CCL2+carlumab 1, CCL2+carlumab 10
      "
    `);
  });

  it('reports a missing file', async () => {
    const { code, stderr } = await run(['transwell', 'counts', 'fixtures/transwell/nope.csv']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tamkit transwell counts: fixtures\/transwell\/nope.csv: ENOENT: /);
  });

  it('reports every unreadable image, then stops', async () => {
    const file = table('condition,replicate,field,image\nCCL2,A,1,a.png\nCCL2,A,2,b.png\n', 'images.csv');
    const { code, stdout, stderr } = await run(['transwell', 'counts', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^tamkit transwell counts: images.csv:2: a.png: ENOENT: /);
    expect(lines[1]).toMatch(/^tamkit transwell counts: images.csv:3: b.png: ENOENT: /);
  });

  it('asks for a transwell subcommand', async () => {
    const { code, stderr } = await run(['transwell']);
    expect(code).toBe(1);
    expect(stderr).toContain('name a transwell command');
  });
});

describe('tamkit transwell counts result file', () => {
  it('is read by @tamkit/report as a migration section', async () => {
    const { stdout } = await run(['transwell', 'counts', LONG, ...REFS, '--json']);
    const file = readResultFile(JSON.parse(stdout), 'counts.json');
    expect(file.kind).toBe('transwell');
    const doc = buildReportDocument([file], { tamkitVersion: VERSION, commandLine: [], date: '2026-01-01T00:00:00Z', inputs: [], parameters: {}, seeds: {} });
    const section = doc.sections.find((s) => s.kind === 'migration');
    expect(section).toBeDefined();
    // migration figure, readout table, and one dose-response figure
    expect(section!.blocks.map((b) => b.type)).toEqual(['figure', 'table', 'figure']);
  });
});
