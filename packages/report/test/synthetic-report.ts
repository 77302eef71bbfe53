import { createRng } from '@tamkit/core';
import type { Rng } from '@tamkit/core';
import {
  bin1d,
  bin2d,
  clusterHeatmapFigure,
  compositionByConditionFigure,
  compositionBySampleFigure,
  dataUnitTicks,
  doseResponseFigure,
  lowEventWarnings,
  migrationAssayWarnings,
  sampleFlowFigure,
  mfiTable,
  migrationFigure,
  thumbnailDataUri,
} from '../src/index.js';
import type { CompositionInput, DisplayAxis, MarkerIntensityRow, ReportDocument, ReportSection } from '../src/index.js';

/** asinh display transform with cofactor 150, in decades (display = asinh(v / 150) / ln 10). */
export const asinhDisplay = (v: number): number => Math.asinh(v / 150) / Math.LN10;

const SCATTER_RANGE: [number, number] = [0, 262144];

function displayAxis(label: string): DisplayAxis {
  const range: [number, number] = [asinhDisplay(-1000), asinhDisplay(262144)];
  return { label, range, ticks: dataUnitTicks(asinhDisplay, range) };
}

function mixture(rng: Rng, n: number, parts: readonly { w: number; mx: number; my: number; sx: number; sy: number }[]): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let u = rng.next();
    let p = parts[parts.length - 1]!;
    for (const q of parts) {
      if (u < q.w) {
        p = q;
        break;
      }
      u -= q.w;
    }
    x[i] = p.mx + p.sx * rng.normal();
    y[i] = p.my + p.sy * rng.normal();
  }
  return { x, y };
}

/** Names used to check that every input string is escaped. */
export const HOSTILE = {
  sample: `S1 </script><script>window.__tkPwned=1</script> "quoted" 'single'`,
  marker: `<img src=x onerror="window.__tkPwned=2">`,
  keyword: `</script><script>window.__tkPwned=3;alert(1)</script>`,
  file: `plate "A" <b>bold</b>.fcs`,
};

/** Options of {@link syntheticReport}. */
export interface SyntheticOptions {
  readonly samples: number;
  readonly eventsPerSample: number;
  readonly seed: number;
  /** Use the {@link HOSTILE} strings as names. */
  readonly hostile?: boolean;
  readonly bins?: number;
}

/**
 * A report of a synthetic experiment: per sample a gating hierarchy (debris polygon, singlet
 * rectangle, live range, CD80/CD206 quadrant), two marker histograms with FMO and threshold; a
 * composition section; a migration section (bar and box, Tukey brackets, readout table, 4PL, image).
 */
export function syntheticReport(o: SyntheticOptions): ReportDocument {
  const rng = createRng(o.seed);
  const bins = o.bins ?? 128;
  const conditions = ['M-CSF', 'LPS+IFNg', 'IL-4'];
  const compositionSamples: { sample: string; condition: string; percents: number[] }[] = [];
  const mfi: MarkerIntensityRow[] = [];
  const sections: ReportSection[] = [];
  const cd80 = displayAxis(o.hostile ? HOSTILE.marker : 'FL1-A (CD80)');
  const cd206 = displayAxis('FL2-A (CD206)');
  for (let s = 0; s < o.samples; s++) {
    const name = o.hostile && s === 0 ? HOSTILE.sample : `S${s + 1}`;
    const condition = conditions[s % conditions.length]!;
    const n = o.eventsPerSample;
    const fsc = mixture(rng, n, [
      { w: 0.15, mx: 20000, my: 15000, sx: 8000, sy: 8000 },
      { w: 0.85, mx: 110000, my: 80000, sx: 20000, sy: 18000 },
    ]);
    const markers = mixture(rng, n, [
      { w: 0.4, mx: 2.9, my: 1.0, sx: 0.25, sy: 0.3 },
      { w: 0.35, mx: 1.0, my: 3.0, sx: 0.3, sy: 0.25 },
      { w: 0.25, mx: 1.1, my: 1.0, sx: 0.3, sy: 0.3 },
    ]);
    const panels = [
      {
        population: 'All events',
        x: { label: 'FSC-A', range: SCATTER_RANGE },
        y: { label: 'SSC-A', range: SCATTER_RANGE },
        density: bin2d(fsc.x, fsc.y, { xRange: SCATTER_RANGE, yRange: SCATTER_RANGE, bins }),
        gates: [{ kind: 'polygon' as const, label: 'Cells', percentOfParent: 84.7, vertices: [[50000, 30000], [200000, 30000], [200000, 160000], [50000, 160000]] as [number, number][] }],
      },
      {
        population: 'Cells',
        x: { label: 'FSC-A', range: SCATTER_RANGE },
        y: { label: 'FSC-H', range: SCATTER_RANGE },
        density: bin2d(fsc.x, fsc.x.map((v, i) => v * 0.8 + (i % 7) * 300), { xRange: SCATTER_RANGE, yRange: SCATTER_RANGE, bins }),
        gates: [{ kind: 'ellipse' as const, label: 'Singlets', percentOfParent: 95.2, centre: [110000, 88000] as [number, number], covariance: [[4e8, 3.1e8], [3.1e8, 2.6e8]] as [[number, number], [number, number]], distanceSquared: 9 }],
      },
      {
        population: 'Singlets',
        x: cd80,
        y: cd206,
        density: bin2d(markers.x, markers.y, { xRange: cd80.range, yRange: cd206.range, bins }),
        gates: [
          { kind: 'quadrant' as const, label: 'M1/M2', x: 2.0, y: 2.0, percents: [3.1, 35.2, 24.9, 36.8] as [number, number, number, number], names: ['DP', 'M2', 'DN', 'M1'] as [string, string, string, string] },
        ],
      },
    ];
    const fmoOf = (col: Float64Array, mode: number): Float64Array => col.map((v) => Math.min(v, 1.0 + (v - mode) * 0.1));
    const histograms = [
      { marker: o.hostile ? HOSTILE.marker : 'CD80', axis: cd80, column: markers.x, mode: 2.9, threshold: 'threshold 1 500 (FMO 99.5th pct)' },
      { marker: 'CD206', axis: cd206, column: markers.y, mode: 3.0, threshold: 'threshold 2 000 (FMO 99.5th pct)' },
    ].map((h) => ({
      marker: h.marker,
      axis: h.axis,
      sample: { label: name, histogram: bin1d(h.column, { range: h.axis.range, bins: 256 }) },
      control: { label: `FMO ${h.marker}`, histogram: bin1d(fmoOf(h.column, h.mode), { range: h.axis.range, bins: 256 }) },
      threshold: { position: 2.0, label: h.threshold },
    }));
    const sectionBlocks: ReportSection['blocks'] = [
      {
        type: 'figure',
        title: `${name}: gating and markers`,
        caption: `Top: density of ${n} events per plot, pre-binned ${bins} × ${bins} (colour = log10 events per bin). Bottom: marker histograms, sample solid, FMO dashed.`,
        figure: sampleFlowFigure(panels, histograms, { densityImage: true }),
        height: 620,
        static: true,
      },
      { type: 'keyValue', title: 'FCS keywords', entries: [['$CYT', 'Synthetic'], ['$FIL', o.hostile ? HOSTILE.file : `${name}.fcs`], ['$SRC', o.hostile ? HOSTILE.keyword : name]] },
    ];
    sections.push({ id: `sample-${s + 1}`, title: name, kind: 'flow', blocks: sectionBlocks });
    const m1 = 30 + rng.normal() * 3 + (condition === 'LPS+IFNg' ? 30 : 0);
    const m2 = 25 + rng.normal() * 3 + (condition === 'IL-4' ? 30 : 0);
    const dp = 5 + rng.next() * 2;
    compositionSamples.push({ sample: name, condition, percents: [m1, m2, dp, 100 - m1 - m2 - dp] });
    mfi.push({ sample: name, population: 'Singlets', marker: 'CD80', mfi: 1200 + s * 10, rsdNegative: 95, stainIndex: 6.1, events: n });
  }
  const composition: CompositionInput = { classes: ['M1', 'M2', 'double positive', 'double negative'], samples: compositionSamples };
  sections.push({
    id: 'composition',
    title: 'M1/M2 composition',
    kind: 'composition',
    blocks: [
      { type: 'figure', title: 'Composition per sample', figure: compositionBySampleFigure(composition) },
      { type: 'figure', title: 'Composition per condition', figure: compositionByConditionFigure(composition) },
      mfi.length > 0 ? mfiTable(mfi) : { type: 'text', text: 'no samples' },
      {
        type: 'figure',
        title: 'Cluster centres',
        figure: clusterHeatmapFigure({
          markers: ['CD80', 'CD86', 'CD206', 'CD163'],
          clusters: [
            { id: 'C1', annotation: 'M1', percent: 38.2, centre: [2.9, 2.7, 1.0, 1.1] },
            { id: 'C2', annotation: 'M2', percent: 34.9, centre: [1.0, 1.2, 3.0, 2.8] },
            { id: 'C3', annotation: 'double negative', percent: 26.9, centre: [1.1, 1.0, 1.0, 1.2] },
          ],
        }),
      },
    ],
  });
  const groups = [
    { condition: 'medium', values: [12, 15, 11] },
    { condition: 'CCL2 10 ng/mL', values: [58, 64, 61] },
    { condition: 'CCL2 + RS504393', values: [22, 25, 19] },
  ].map((g) => {
    const mean = g.values.reduce((a, b) => a + b, 0) / g.values.length;
    const sd = Math.sqrt(g.values.reduce((a, b) => a + (b - mean) ** 2, 0) / (g.values.length - 1));
    return { ...g, mean, sem: sd / Math.sqrt(g.values.length) };
  });
  const comparisons = [
    { a: 'medium', b: 'CCL2 10 ng/mL', pValue: 0.00002 },
    { a: 'CCL2 10 ng/mL', b: 'CCL2 + RS504393', pValue: 0.0004 },
  ];
  const doses = [0, 0.01, 0.1, 1, 10, 100];
  const raster = { width: 64, height: 48, pixels: new Uint8Array(64 * 48 * 3) };
  for (let i = 0; i < raster.pixels.length; i += 3) {
    const x = (i / 3) % 64;
    const y = Math.floor(i / 3 / 64);
    const cell = (x - 20) ** 2 + (y - 20) ** 2 < 36 || (x - 44) ** 2 + (y - 30) ** 2 < 30;
    raster.pixels[i] = cell ? 120 : 230;
    raster.pixels[i + 1] = cell ? 40 : 225;
    raster.pixels[i + 2] = cell ? 160 : 235;
  }
  const thumb = thumbnailDataUri(raster, 320);
  sections.push({
    id: 'migration',
    title: 'Transwell migration',
    kind: 'migration',
    blocks: [
      { type: 'figure', title: 'Migrated cells per field (bar)', figure: migrationFigure({ groups, yLabel: 'cells/field', comparisons, test: 'Tukey HSD' }) },
      { type: 'figure', title: 'Migrated cells per field (box)', figure: migrationFigure({ groups, yLabel: 'cells/field', comparisons, style: 'box' }) },
      {
        type: 'table',
        title: 'Chemotactic index',
        columns: [{ label: 'condition' }, { label: 'n', digits: 0 }, { label: 'chemotactic index', unit: 'ratio to baseline' }, { label: 'SEM' }],
        rows: groups.map((g) => [g.condition, g.values.length, g.mean / groups[0]!.mean, g.sem / groups[0]!.mean]),
      },
      {
        type: 'figure',
        title: 'RS504393 dose response',
        figure: doseResponseFigure({
          title: 'RS504393',
          doseUnit: 'µM',
          responseLabel: '% of control',
          points: doses.flatMap((d) => [0, 1, 2].map((k) => ({ dose: d, response: 5 + 95 / (1 + (d / 0.5) ** 1.2) + (k - 1) * 3 }))),
          fit: { bottom: 5, top: 100, hill: 1.2, direction: 'decreasing', potencyLabel: 'IC50', potency: 0.5, potencyCi: [0.35, 0.72], confidenceLevel: 0.95 },
        }),
      },
      { type: 'image', title: 'Membrane A1 field 1', caption: 'Counted objects outlined (synthetic).', src: thumb.src, width: thumb.width * 4, height: thumb.height * 4, alt: 'membrane with counting overlay' },
    ],
  });
  return {
    title: o.hostile ? `Report ${HOSTILE.sample}` : 'Synthetic experiment',
    sections,
    warnings: [
      { code: 'FCS_DATA_OFF_BY_ONE', message: o.hostile ? `${HOSTILE.keyword} accepted with allowDataOffByOne` : 'DATA end offset off by one; accepted with allowDataOffByOne', source: o.hostile ? HOSTILE.file : 'S1.fcs' },
      ...(o.hostile ? [] : migrationAssayWarnings('BMDM (M-CSF, day 7)', groups.map((g) => ({ condition: g.condition })))),
      ...(o.hostile ? [] : lowEventWarnings([{ sample: 'S1', population: 'CD206+ CD80+', events: 3100 }])),
    ],
    provenance: {
      tamkitVersion: '0.1.0',
      commandLine: ['tamkit', 'report', 'results.json', '-o', 'report.html'],
      date: '2026-01-01T00:00:00.000Z',
      inputs: [{ file: o.hostile ? HOSTILE.file : 'results.json', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', bytes: 0 }],
      parameters: { bins, events: o.eventsPerSample },
      seeds: { synthetic: o.seed },
    },
  };
}
