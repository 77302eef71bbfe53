import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelMeta, createEventTable } from '@tamkit/core';
import { writeFcs } from '@tamkit/fcs';
import { beforeAll, describe, expect, it } from 'vitest';
import { controlsAcrossDonors, eventsPath, type PhenotypeFileJson } from '../src/commands/phenotype.js';
import { corpusDir, hasCorpus, run, tempDir } from './helpers.js';

const dir = tempDir();
const MARKERS = ['CD86', 'CD80', 'HLA-DR', 'CD206', 'CD163'];
const fmoArgs = (): string[] =>
  MARKERS.flatMap((m) => ['--fmo', `${m}=${join(dir, `D1_FMO-${m}.fcs`)}`]);

beforeAll(async () => {
  const r = await run([
    'simulate',
    'macrophages',
    '--out',
    dir,
    '--seed',
    '31',
    '--events',
    '20000',
    '--replicates',
    '1',
  ]);
  expect(r.code).toBe(0);
  // A file without any M1/M2 marker label, for PANEL_NOT_DETECTED.
  const n = 500;
  const cols = [0, 1, 2].map(() => Float32Array.from({ length: n }, (_, i) => (i * 37) % 1000));
  const t = createEventTable(
    [
      channelMeta({ name: 'FSC-A', kind: 'scatter' }),
      channelMeta({ name: 'SSC-A', kind: 'scatter' }),
      channelMeta({ name: 'FL1-A', label: 'GFP', kind: 'fluorescence' }),
    ],
    cols,
    'raw',
  );
  writeFileSync(join(dir, 'nopanel.fcs'), writeFcs(t, { dataType: 'F' }));
  writeFileSync(join(dir, 'broken.fcs'), 'not an FCS file');
});

/** Class agreement of --events-out with the simulator's truth CSV, on true macrophages that were kept. */
function agreement(eventsCsv: string, truthCsv: string): number {
  const called = eventsCsv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[1]);
  const truth = truthCsv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[1]);
  expect(called).toHaveLength(truth.length);
  let kept = 0;
  let agree = 0;
  truth.forEach((t, i) => {
    if (
      ['M1', 'M2', 'double_positive', 'double_negative'].includes(t!) &&
      called[i] !== 'excluded'
    ) {
      kept++;
      agree += called[i] === t ? 1 : 0;
    }
  });
  return (100 * agree) / kept;
}

describe('tamkit phenotype', () => {
  it('classifies samples with FMO controls: JSON, results CSV and per-event classes that match the truth', async () => {
    const samples = ['D1_M1.fcs', 'D1_M2.fcs'].map((f) => join(dir, f));
    const out = join(dir, 'results.csv');
    const events = join(dir, 'events.csv');
    const r = await run([
      'phenotype',
      ...samples,
      ...fmoArgs(),
      '--unstained',
      join(dir, 'D1_unstained.fcs'),
      '--json',
      '--out',
      out,
      '--events-out',
      events,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: PhenotypeFileJson[] };
    expect(doc.files.map((f) => f.file)).toEqual(samples);
    for (const f of doc.files) {
      if ('error' in f) {
        throw new Error(f.error.message);
      }
      expect(f.pregates.map((p) => p.id)).toEqual(['cells', 'singlets', 'live', 'macrophages']);
      expect(f.thresholds.map((t) => t.marker).sort()).toEqual([...MARKERS].sort());
      expect(f.thresholds.every((t) => t.source === 'fmo')).toBe(true);
      expect(f.ratio).toBe(f.percentages.m1m2Ratio);
    }
    const csv = readFileSync(out, 'utf8').trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]!.split(',').slice(0, 3)).toEqual(['file', 'events', 'cells_count']);
    for (const name of ['D1_M1', 'D1_M2']) {
      const called = readFileSync(join(dir, `events.${name}.csv`), 'utf8');
      expect(
        agreement(called, readFileSync(join(dir, `${name}.truth.csv`), 'utf8')),
      ).toBeGreaterThanOrEqual(97);
    }
  });

  it('runs k-means without controls and warns THRESHOLD_NO_CONTROL', async () => {
    const r = await run([
      'phenotype',
      join(dir, 'D1_TCM.fcs'),
      '--method',
      'kmeans',
      '--seed',
      '3',
      '--json',
      '--events-out',
      join(dir, 'km.csv'),
    ]);
    expect(r.code).toBe(0);
    const f = (JSON.parse(r.stdout) as { files: PhenotypeFileJson[] }).files[0]!;
    expect('error' in f).toBe(false);
    if (!('error' in f)) {
      expect(f.method).toBe('kmeans');
      expect(f.warnings.some((w) => w.code === 'THRESHOLD_NO_CONTROL')).toBe(true);
    }
    expect(
      agreement(
        readFileSync(join(dir, 'km.csv'), 'utf8'),
        readFileSync(join(dir, 'D1_TCM.truth.csv'), 'utf8'),
      ),
    ).toBeGreaterThanOrEqual(95);
  });

  it('reports a bad file and an undetectable panel on one line each, goes on and exits 2', async () => {
    const r = await run([
      'phenotype',
      join(dir, 'broken.fcs'),
      join(dir, 'nopanel.fcs'),
      join(dir, 'D1_M0.fcs'),
      '--json',
    ]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('broken.fcs: FCS_');
    expect(lines[1]).toContain(
      'nopanel.fcs: PANEL_NOT_DETECTED: no M1 or M2 marker found among 3 channels (FSC-A, SSC-A, FL1-A [GFP])',
    );
    const files = (JSON.parse(r.stdout) as { files: PhenotypeFileJson[] }).files;
    expect(files.map((f) => ('error' in f ? f.error.code : 'ok'))).toEqual([
      expect.stringMatching(/^FCS_/),
      'PANEL_NOT_DETECTED',
      'ok',
    ]);
  });

  it('names each sample\'s condition from its file name with --conditions-from-names', async () => {
    const files = ['D1_M1.fcs', 'D1_M2.fcs'].map((f) => join(dir, f));
    const r = await run(['phenotype', ...files, ...fmoArgs(), '--json', '--no-display', '--conditions-from-names']);
    expect(r.code).toBe(0);
    const entries = (JSON.parse(r.stdout) as { files: PhenotypeFileJson[] }).files;
    // D1 is the donor token; the rest of the name is the condition, as tamkit init reads it.
    expect(entries.map((e) => ('condition' in e ? e.condition : undefined))).toEqual(['M1', 'M2']);
    const plain = await run(['phenotype', files[0]!, ...fmoArgs(), '--json', '--no-display']);
    expect('condition' in (JSON.parse(plain.stdout) as { files: PhenotypeFileJson[] }).files[0]!).toBe(false);
  });

  it('warns when one set of controls is applied to samples of several donors', async () => {
    expect(controlsAcrossDonors(['D1_M1.fcs', 'D1_M2.fcs'], ['D1_FMO-CD86.fcs'])).toBeNull();
    expect(controlsAcrossDonors(['D1_M1.fcs', 'D2_M1.fcs'], [])).toBeNull();
    expect(controlsAcrossDonors(['x/D2_M1.fcs'], ['D1_FMO-CD86.fcs'])).toMatch(/^controls from donor D1 applied to samples of donor D2 /);
    expect(controlsAcrossDonors(['D1_M1.fcs', 'D3_M1.fcs'], ['FMO-CD86.fcs'])).toMatch(/^controls applied to samples of donors D1, D3 /);
    copyFileSync(join(dir, 'D1_M1.fcs'), join(dir, 'D2_M1.fcs'));
    const r = await run(['phenotype', join(dir, 'D1_M1.fcs'), join(dir, 'D2_M1.fcs'), ...fmoArgs(), '--json', '--no-display']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^tamkit phenotype: warning PHENOTYPE_CONTROLS_ACROSS_DONORS: controls from donor D1 applied to samples of donors D1, D2 /);
  });

  it('names per-input event files after the sample', () => {
    expect(eventsPath('out/events.csv', 'data/D1_M1.fcs', 1)).toBe('out/events.csv');
    expect(eventsPath('out/events.csv', 'data/D1_M1.fcs', 2)).toBe(join('out', 'events.D1_M1.csv'));
  });

  it('rejects an unknown method as a usage error without output', async () => {
    const r = await run(['phenotype', join(dir, 'D1_M1.fcs'), '--method', 'dbscan', '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('rejects a malformed --fmo', async () => {
    const r = await run(['phenotype', join(dir, 'D1_M1.fcs'), '--fmo', 'CD86']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("tamkit phenotype: --fmo 'CD86': expected MARKER=FILE\n");
  });
});

describe.skipIf(!hasCorpus)(
  `tamkit phenotype on corpus files with marker labels${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`,
  () => {
    // Files whose $PnS name antibodies (from the corpus manifest): each either gives results or a
    // PANEL_NOT_DETECTED error that lists the channels found.
    const files = [
      'cytoflow__itn_02.fcs',
      'fcsparser__fcs1_cleaned.lmd.fcs',
      'cytoflow__System_II_listmode_with_extra_info_in_bits_D10-D15.LMD.fcs',
      'FlowKit__index_sorted_example.fcs',
      'cytofkit__130515_C2_stim_CD19-.fcs',
    ];
    it('detects the panel or explains why not, and never fails otherwise', async () => {
      const paths = files.map((f) => join(corpusDir, 'fcs', f));
      const r = await run(['phenotype', ...paths, '--json']);
      const doc = JSON.parse(r.stdout) as { files: PhenotypeFileJson[] };
      expect(doc.files).toHaveLength(files.length);
      for (const f of doc.files) {
        if ('error' in f) {
          expect(f.error.code, f.file).toBe('PANEL_NOT_DETECTED');
          expect(f.error.message).toMatch(/^no M1 or M2 marker found among \d+ channels/);
        } else {
          expect(f.percentages.classified, f.file).toBeGreaterThan(0);
        }
      }
      expect(doc.files.some((f) => !('error' in f))).toBe(true);
    });

    it('gives every corpus file results, PANEL_NOT_DETECTED or a reader error (FCS_*), nothing else', async () => {
      const paths = readdirSync(join(corpusDir, 'fcs'))
        .filter((f) => f.endsWith('.fcs'))
        .map((f) => join(corpusDir, 'fcs', f));
      const r = await run(['phenotype', ...paths, '--json']);
      const doc = JSON.parse(r.stdout) as { files: PhenotypeFileJson[] };
      expect(doc.files).toHaveLength(paths.length);
      for (const f of doc.files) {
        if ('error' in f) {
          expect(f.error.code, f.file).toMatch(/^(PANEL_NOT_DETECTED|FCS_[A-Z_]+)$/);
        }
      }
    });
  },
);
