import type { PhenotypeDisplay } from '@tamkit/gating';
import { describe, expect, it } from 'vitest';
import {
  densityImageUri,
  displayPlots,
  phenotypeInputFromJson,
  phenotypeSections,
  viridis,
} from '../src/index.js';
import type { Binned2d } from '../src/index.js';
import { simulatedPhenotypeJson } from './simulated-phenotype-json.js';

const display: PhenotypeDisplay = {
  seed: 1,
  pregates: [
    {
      gateId: 'cells',
      parent: null,
      parentCount: 6,
      count: 3,
      percentOfParent: 50,
      // 4 bins over [0, 100): bin width 25.
      x: { channel: 'FSC-A', label: 'FSC-A', transform: null, range: [0, 100], bins: 4, ticks: [] },
      y: { channel: 'SSC-A', label: 'SSC-A', transform: null, range: [0, 100], bins: 4, ticks: [] },
      density: {
        xFirst: 1,
        yFirst: 2,
        counts: [
          [1, 2],
          [3, 0],
        ],
        total: 6,
        clamped: 0,
        nan: 0,
      },
      gate: {
        kind: 'polygon',
        dimensions: [
          { channel: 'FSC-A', compensation: 'uncompensated' },
          { channel: 'SSC-A', compensation: 'uncompensated' },
        ],
        vertices: [
          [10, 10],
          [90, 10],
          [50, 90],
        ],
      },
    },
    {
      gateId: 'live',
      parent: 'cells',
      parentCount: 3,
      count: 2,
      percentOfParent: 66.7,
      x: {
        channel: 'V450-A',
        label: 'V450-A (Viability)',
        transform: { kind: 'logicle', t: 262144, w: 0.5, m: 4.5, a: 0 },
        range: [0, 1],
        bins: 10,
        ticks: [
          { value: 0, position: 0.1 },
          { value: 1000, position: 0.6 },
        ],
      },
      histogram: { first: 2, counts: [2, 0, 1], total: 3, clamped: 0, nan: 0 },
      gate: {
        kind: 'range',
        dimensions: [
          { channel: 'V450-A', compensation: 'FCS', transform: 'display-V450-A', max: 0.45 },
        ],
      },
    },
  ],
  markers: [
    {
      channel: 'PE-A',
      marker: 'CD206',
      role: 'm2',
      axis: {
        channel: 'PE-A',
        label: 'PE-A (CD206)',
        transform: { kind: 'logicle', t: 262144, w: 0.5, m: 4.5, a: 0 },
        range: [0, 1],
        bins: 4,
        ticks: [],
      },
      sample: { first: 0, counts: [1, 1], total: 2, clamped: 0, nan: 0 },
      threshold: { position: 0.5, value: 1234.5, source: 'fmo' },
      control: {
        label: 'FMO CD206',
        histogram: { first: 0, counts: [4], total: 4, clamped: 0, nan: 0 },
      },
    },
  ],
};

describe('displayPlots', () => {
  const { panels, histograms } = displayPlots(display, 'S1.fcs');
  it('turns a trimmed 2-D histogram into a density over the kept bins, with the gate in the same coordinates', () => {
    // Kept columns 1..2 of width 25 → x 25..75; kept rows 2..3 → y 50..100.
    expect(panels[0]!.density).toEqual({
      xRange: [25, 75],
      yRange: [50, 100],
      xBins: 2,
      yBins: 2,
      counts: [
        [1, 2],
        [3, 0],
      ],
      total: 6,
      outside: 0,
      nan: 0,
    });
    expect(panels[0]!.population).toBe('All events');
    expect(panels[0]!.gates).toEqual([
      {
        kind: 'polygon',
        label: 'cells',
        percentOfParent: 50,
        vertices: [
          [10, 10],
          [90, 10],
          [50, 90],
        ],
      },
    ]);
  });
  it('draws a range gate on its parent histogram, ticks labelled in data units', () => {
    const p = panels[1]!;
    // Bins of width 0.1, kept 2..4 → 0.2..0.5; the count axis reaches 1.1 × the highest bin (2).
    expect(p.histogram!.range[0]).toBeCloseTo(0.2, 12);
    expect(p.histogram!.range[1]).toBeCloseTo(0.5, 12);
    expect(p.y.range).toEqual([0, 2.2]);
    expect(p.x.ticks).toEqual({ tickvals: [0.1, 0.6], ticktext: ['0', '10³'] });
    expect(p.gates).toEqual([
      { kind: 'range', label: 'live', percentOfParent: 66.7, x: [null, 0.45] },
    ]);
  });
  it('gives each marker its sample, control and threshold', () => {
    const h = histograms[0]!;
    expect(h.sample).toEqual({
      label: 'S1.fcs',
      histogram: { range: [0, 0.5], counts: [1, 1], total: 2, outside: 0, nan: 0 },
    });
    expect(h.control).toEqual({
      label: 'FMO CD206',
      histogram: { range: [0, 0.25], counts: [4], total: 4, outside: 0, nan: 0 },
    });
    expect(h.threshold).toEqual({ position: 0.5, label: '1235 (fmo)' });
  });
});

describe('densityImageUri', () => {
  it('colours bins by log count with viridis ends (#440154 to #fde725) and leaves empty bins white', () => {
    expect(viridis(0)).toEqual([0x44, 0x01, 0x54]);
    expect(viridis(1)).toEqual([0xfd, 0xe7, 0x25]);
    const d: Binned2d = {
      xRange: [0, 1],
      yRange: [0, 1],
      xBins: 2,
      yBins: 1,
      counts: [[0, 10]],
      total: 10,
      outside: 0,
      nan: 0,
    };
    const bytes = Buffer.from(densityImageUri(d).slice('data:image/png;base64,'.length), 'base64');
    // IHDR: width and height at bytes 16..23 (PNG spec §11.2.2).
    expect(bytes.readUInt32BE(16)).toBe(2);
    expect(bytes.readUInt32BE(20)).toBe(1);
    // Palette PNG (colour type 3, byte 25; PNG spec §11.2.2): PLTE starts with white then viridis(0)
    // (#440154) and ends with viridis(1) (#fde725), 256 entries; stored deflate: the scanline (filter
    // 0, then the indices of white and of the top colour) appears verbatim.
    expect(bytes[25]).toBe(3);
    const plte = bytes.indexOf(Buffer.from('PLTE'));
    expect(bytes.readUInt32BE(plte - 4)).toBe(256 * 3);
    expect(Array.from(bytes.subarray(plte + 4, plte + 10))).toEqual([255, 255, 255, 0x44, 0x01, 0x54]);
    expect(Array.from(bytes.subarray(plte + 4 + 255 * 3, plte + 4 + 256 * 3))).toEqual([0xfd, 0xe7, 0x25]);
    expect(bytes.includes(Buffer.from([0, 0, 255]))).toBe(true);
  });
});

describe('report of a simulated tamkit phenotype --json', () => {
  const files = simulatedPhenotypeJson({
    seed: 5,
    eventsPerSample: 3000,
    conditions: ['M1', 'M2'],
  });
  const { input } = phenotypeInputFromJson(files);
  const { sections } = phenotypeSections(input, 'phenotype.json');
  it('draws per sample one plot per pre-gate and one histogram per M1/M2 marker in one figure', () => {
    const flow = sections.filter((s) => s.kind === 'flow');
    expect(flow).toHaveLength(2);
    flow.forEach((s, i) => {
      const entry = files[i]! as unknown as { pregates: unknown[]; thresholds: unknown[] };
      const fig = s.blocks.find((b) => b.type === 'figure');
      expect(fig?.type).toBe('figure');
      if (fig?.type !== 'figure') {
        return;
      }
      const layout = fig.figure.layout;
      const axes = Object.keys(layout).filter((k) => /^xaxis\d*$/.test(k));
      expect(axes).toHaveLength(entry.pregates.length + entry.thresholds.length);
      const images = (layout.images as unknown[] | undefined) ?? [];
      const oneD = input.samples[i]!.panels!.filter((p) => p.histogram).length;
      expect(images.length + oneD).toBe(entry.pregates.length);
      // One trace per 1-D pre-gate, then sample + FMO per marker.
      expect(fig.figure.data).toHaveLength(oneD + 2 * entry.thresholds.length);
    });
  });
});
