import { createEventTable, channelMeta, type EventTable } from '@tamkit/core';
import { simulateMacrophageSample, MACROPHAGE_CLASS_NAMES } from '@tamkit/simulate';
import { describe, expect, it } from 'vitest';
import {
  AutogateError,
  autoPregate,
  detectPanel,
  evaluateStrategy,
  findScatterChannels,
  toGatingML,
  parseGatingML,
} from '../src/index.js';

const scaled = (t: EventTable): EventTable => ({ ...t, stage: 'scaled' });

/** Percent of each truth class that the final pre-gate keeps. */
function keptByClass(mask: Uint8Array, truth: Uint8Array): Record<string, number> {
  const kept = new Array<number>(8).fill(0);
  const total = new Array<number>(8).fill(0);
  for (let i = 0; i < truth.length; i++) {
    total[truth[i]!]!++;
    kept[truth[i]!]! += mask[i]!;
  }
  return Object.fromEntries(
    MACROPHAGE_CLASS_NAMES.map((n, c) => [n, (100 * kept[c]!) / total[c]!]),
  );
}

describe('autoPregate on simulated samples (truth from the simulator)', () => {
  // Several seeds, conditions and event counts; separation only changes the markers, not scatter.
  const cases = [
    { seed: 1, events: 20000, condition: 'M1', separation: 1.3 },
    { seed: 2, events: 30000, condition: 'M2', separation: 1.3 },
    { seed: 3, events: 25000, condition: 'M0', separation: 1.5 },
    { seed: 4, events: 20000, condition: 'TCM', separation: 1.2 },
  ] as const;
  for (const c of cases) {
    it(`keeps >= 97% of live single macrophages and excludes >= 95% of debris, doublets, dead (${c.condition}, seed ${c.seed})`, () => {
      const s = simulateMacrophageSample(c);
      const table = scaled(s.table);
      const r = autoPregate(table, detectPanel(table.channels).roles, {
        seed: c.seed,
        spillover: s.spillover,
      });
      expect(r.populations.map((p) => p.id)).toEqual(['cells', 'singlets', 'live', 'macrophages']);
      // Each population is a subset of its parent.
      for (let j = 1; j < r.populations.length; j++) {
        const child = r.populations[j]!.mask;
        const parent = r.populations[j - 1]!.mask;
        expect(child.every((v, i) => v <= parent[i]!)).toBe(true);
      }
      const kept = keptByClass(r.populations.at(-1)!.mask, s.truth.eventClass);
      const macrophages = ['M1', 'M2', 'double_positive', 'double_negative'].map((n) => kept[n]!);
      const m = s.truth.eventClass.reduce((acc, k) => acc + (k >= 4 ? 1 : 0), 0);
      const keptMacrophages = macrophages.reduce(
        (a, p, j) => a + (p * (s.truth.counts[MACROPHAGE_CLASS_NAMES[j + 4]!] ?? 0)) / 100,
        0,
      );
      expect((100 * keptMacrophages) / m).toBeGreaterThanOrEqual(97);
      expect(kept.debris).toBeLessThanOrEqual(5);
      expect(kept.doublet).toBeLessThanOrEqual(5);
      expect(kept.dead).toBeLessThanOrEqual(5);
      // Each gate does its own job: the scatter gate alone drops most debris (at least 85%: the largest
      // debris particles overlap small cells in FSC/SSC and are left to the viability and pan-marker
      // gates, which bring the chain to <= 5% above), the singlet gate the doublets.
      const byGate = (id: string): Record<string, number> =>
        keptByClass(r.populations.find((p) => p.id === id)!.mask, s.truth.eventClass);
      expect(byGate('cells').debris).toBeLessThanOrEqual(15);
      expect(byGate('singlets').doublet).toBeLessThanOrEqual(5);
      expect(byGate('live').dead).toBeLessThanOrEqual(5);
    });
  }

  it('is reproduced event for event by evaluateStrategy and survives a Gating-ML round trip', () => {
    const s = simulateMacrophageSample({ seed: 11, events: 20000, condition: 'M2' });
    const table = scaled(s.table);
    const r = autoPregate(table, detectPanel(table.channels).roles, {
      seed: 5,
      spillover: s.spillover,
    });
    const tree = evaluateStrategy(r.strategy, table, { fcsSpillover: s.spillover });
    const again = evaluateStrategy(parseGatingML(toGatingML(r.strategy)), table, {
      fcsSpillover: s.spillover,
    });
    for (const p of r.populations) {
      expect(Array.from(tree.byId.get(p.id)!.mask)).toEqual(Array.from(p.mask));
      expect(again.byId.get(p.id)!.count).toBe(p.count);
    }
    expect(Object.keys(r.strategy.transforms).sort()).toEqual([
      'display-APC-Cy7-A',
      'display-FITC-A',
    ]);
  });

  it('gives the same gates for the same seed', () => {
    const s = simulateMacrophageSample({ seed: 12, events: 5000, condition: 'M0' });
    const table = scaled(s.table);
    const roles = detectPanel(table.channels).roles;
    const a = autoPregate(table, roles, { seed: 9, spillover: s.spillover });
    const b = autoPregate(table, roles, { seed: 9, spillover: s.spillover });
    expect(JSON.stringify(a.strategy)).toBe(JSON.stringify(b.strategy));
  });

  it('uses the unstained control for the pan-macrophage cut-off when given', () => {
    const s = simulateMacrophageSample({ seed: 13, events: 20000, condition: 'M1' });
    const u = simulateMacrophageSample({
      seed: 14,
      events: 20000,
      condition: 'M0',
      unstained: true,
    });
    const table = scaled(s.table);
    const r = autoPregate(table, detectPanel(table.channels).roles, {
      seed: 1,
      spillover: s.spillover,
      controls: { unstained: scaled(u.table) },
    });
    const cuts = r.parameters.macrophages!.cuts as { source: string }[];
    expect(cuts.map((c) => c.source)).toEqual(['unstained']);
    const kept = keptByClass(r.populations.at(-1)!.mask, s.truth.eventClass);
    expect(kept.M1).toBeGreaterThanOrEqual(97);
  });

  it('leaves out gates whose channels are missing, with warnings', () => {
    const s = simulateMacrophageSample({ seed: 15, events: 5000, condition: 'M1' });
    const r = autoPregate(
      scaled(s.table),
      { m1: ['BV421-A'], m2: ['PE-A'], macrophage: [], viability: null },
      { seed: 1, spillover: s.spillover },
    );
    expect(r.populations.map((p) => p.id)).toEqual(['cells', 'singlets']);
    expect(r.warnings.map((w) => w.code)).toEqual([
      'AUTOGATE_NO_VIABILITY',
      'AUTOGATE_NO_MACROPHAGE_MARKER',
    ]);
  });

  it('finds no scatter channels without side scatter (AUTOGATE_MISSING_CHANNEL) and pre-gates without them', () => {
    const t = createEventTable(
      [
        channelMeta({ name: 'FSC-A', kind: 'scatter' }),
        channelMeta({ name: 'PE-A', kind: 'fluorescence' }),
      ],
      [new Float32Array(3), new Float32Array(3)],
      'scaled',
    );
    try {
      findScatterChannels(t);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AutogateError);
      const err = e as AutogateError;
      expect(err.code).toBe('AUTOGATE_MISSING_CHANNEL');
      expect(err.context).toEqual({
        gateId: 'cells',
        channel: 'SSC-A',
        available: ['FSC-A', 'PE-A'],
      });
      expect(err.message).toMatchInlineSnapshot(
        `"no SSC channel (SSC-A or SSC-H) among FSC-A, PE-A; expected scatter channels for debris and singlet gates"`,
      );
    }
    const r = autoPregate(
      t,
      { m1: [], m2: ['PE-A'], macrophage: [], viability: null },
      { seed: 1 },
    );
    expect(r.populations).toEqual([]);
    expect(r.finalGateId).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual([
      'AUTOGATE_NO_SCATTER',
      'AUTOGATE_NO_VIABILITY',
      'AUTOGATE_NO_MACROPHAGE_MARKER',
    ]);
  });

  it('throws AUTOGATE_TOO_FEW_EVENTS on a near-empty table', () => {
    const t = createEventTable(
      [
        channelMeta({ name: 'FSC-A', kind: 'scatter' }),
        channelMeta({ name: 'SSC-A', kind: 'scatter' }),
      ],
      [new Float32Array(3), new Float32Array(3)],
      'scaled',
    );
    expect(() =>
      autoPregate(t, { m1: [], m2: [], macrophage: [], viability: null }, { seed: 1 }),
    ).toThrow(
      expect.objectContaining({
        code: 'AUTOGATE_TOO_FEW_EVENTS',
        context: { gateId: 'cells', eventCount: 3, minimum: 100 },
      }),
    );
  });
});
