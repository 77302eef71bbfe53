import { channelMeta } from '@tamkit/core';
import type { ChannelMeta } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import { detectPanel, PanelError } from '../src/index.js';

const ch = (name: string, label = ''): ChannelMeta => channelMeta({ name, label });

/** A human M1/M2 panel as a BD instrument writes it: marker + fluorochrome in $PnS. */
const HUMAN_PANEL: readonly ChannelMeta[] = [
  ch('FSC-A'),
  ch('FSC-H'),
  ch('SSC-A'),
  ch('BV421-A', 'CD86 BV421'),
  ch('FITC-A', 'CD14 FITC'),
  ch('PE-A', 'CD206-PE'),
  ch('PerCP-Cy5.5-A', 'HLA-DR PerCP-Cy5.5'),
  ch('APC-A', 'CD163 APC'),
  ch('APC-Cy7-A', 'Live/Dead NIR'),
  ch('BV605-A', 'CD80 BV605'),
  ch('PE-Cy7-A', 'CD3 PE-Cy7'),
  ch('BV510-A'),
  ch('Time'),
];

describe('detectPanel', () => {
  it('reads markers from $PnS and assigns the default roles', () => {
    const panel = detectPanel(HUMAN_PANEL);
    expect(panel.markers).toEqual([
      { marker: 'CD86', channel: 'BV421-A', source: 'PnS' },
      { marker: 'CD14', channel: 'FITC-A', source: 'PnS' },
      { marker: 'CD206', channel: 'PE-A', source: 'PnS' },
      { marker: 'HLA-DR', channel: 'PerCP-Cy5.5-A', source: 'PnS' },
      { marker: 'CD163', channel: 'APC-A', source: 'PnS' },
      { marker: 'Viability', channel: 'APC-Cy7-A', source: 'PnS' },
      { marker: 'CD80', channel: 'BV605-A', source: 'PnS' },
      { marker: 'CD3', channel: 'PE-Cy7-A', source: 'PnS' },
    ]);
    expect(panel.roles).toEqual({
      m1: ['BV421-A', 'PerCP-Cy5.5-A', 'BV605-A'],
      m2: ['PE-A', 'APC-A'],
      macrophage: ['FITC-A'],
      viability: 'APC-Cy7-A',
    });
    // CD3 is a marker outside every role; BV510-A is unlabelled. Scatter and Time are never candidates.
    expect(panel.unassigned).toEqual(['PE-Cy7-A', 'BV510-A']);
    expect(panel.warnings).toEqual([]);
  });

  it('falls back to $PnN for mouse panels written without $PnS', () => {
    const panel = detectPanel([ch('FSC-A'), ch('F4/80-A'), ch('MHCII-A'), ch('CD206-A'), ch('DAPI-A')]);
    expect(panel.markers.map((m) => [m.marker, m.source])).toEqual([
      ['F4/80', 'PnN'],
      ['MHC-II', 'PnN'],
      ['CD206', 'PnN'],
      ['Viability', 'PnN'],
    ]);
    expect(panel.roles).toEqual({ m1: ['MHCII-A'], m2: ['CD206-A'], macrophage: ['F4/80-A'], viability: 'DAPI-A' });
  });

  it('lets overrides rename, drop and re-role channels', () => {
    const panel = detectPanel(HUMAN_PANEL, {
      channels: { 'BV510-A': 'CD64', 'PE-Cy7-A': 'Arg1', 'APC-A': null, Missing: 'CD80' },
      roles: { m2: ['CD206', 'arginase 1'] },
      source: 'panel.yaml',
    });
    expect(panel.markers.filter((m) => m.source === 'override')).toEqual([
      { marker: 'Arg1', channel: 'PE-Cy7-A', source: 'override' },
      { marker: 'CD64', channel: 'BV510-A', source: 'override' },
    ]);
    expect(panel.roles.m1).toEqual(['BV421-A', 'PerCP-Cy5.5-A', 'BV605-A', 'BV510-A']);
    // The m2 list was replaced: CD163 is dropped twice over (channel excluded, and not in the list).
    expect(panel.roles.m2).toEqual(['PE-A', 'PE-Cy7-A']);
    expect(panel.unassigned).toEqual(['APC-A']);
    expect(panel.warnings.map((w) => [w.code, w.context])).toEqual([
      ['PANEL_OVERRIDE_UNUSED', { file: 'panel.yaml', channel: 'Missing' }],
    ]);
  });

  it('finds an override channel by its $PnS too', () => {
    const panel = detectPanel([ch('FL1-A', 'marker X'), ch('FL2-A', 'CD206')], { channels: { 'marker X': 'CD86' } });
    expect(panel.roles.m1).toEqual(['FL1-A']);
  });

  it('keeps the area channel when a marker labels both -H and -A, and warns', () => {
    const panel = detectPanel([ch('PE-H', 'CD206'), ch('PE-A', 'CD206'), ch('FITC-A', 'CD86 CD80')]);
    expect(panel.roles.m2).toEqual(['PE-A']);
    expect(panel.roles.m1).toEqual(['FITC-A']);
    expect(panel.warnings.map((w) => w.code)).toEqual([
      'PANEL_AMBIGUOUS_LABEL',
      'PANEL_DUPLICATE_MARKER',
      'PANEL_ROLE_EMPTY',
      'PANEL_ROLE_EMPTY',
    ]);
    expect(panel.warnings[1]?.context).toEqual({ marker: 'CD206', channels: ['PE-H', 'PE-A'], used: 'PE-A' });
    expect(panel.warnings.slice(2).map((w) => w.context)).toEqual([{ role: 'macrophage' }, { role: 'viability' }]);
  });

  it('throws PANEL_NOT_DETECTED listing the channels when no M1 or M2 marker is found', () => {
    const channels = [ch('FSC-A'), ch('FL1-A', 'CD14 FITC'), ch('FL2-A'), ch('Time')];
    let error: unknown;
    try {
      detectPanel(channels);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PanelError);
    const pe = error as PanelError;
    expect(pe.code).toBe('PANEL_NOT_DETECTED');
    expect(pe.context).toEqual({
      channels: [
        { name: 'FSC-A', label: '' },
        { name: 'FL1-A', label: 'CD14 FITC' },
        { name: 'FL2-A', label: '' },
        { name: 'Time', label: '' },
      ],
    });
    expect(pe.message).toMatchInlineSnapshot(`"no M1 or M2 marker found among 4 channels (FSC-A, FL1-A [CD14 FITC], FL2-A, Time); expected $PnS labels such as 'CD86 BV421' or 'CD206-PE' naming one of CD80, CD86, HLA-DR, MHC-II, CD64, CD163, CD206, CD209, CD200R; pass a panel file to name the channels"`);
  });

  it('throws PANEL_ROLE_CONFLICT when overrides list a marker under two roles', () => {
    let error: unknown;
    try {
      detectPanel(HUMAN_PANEL, { roles: { m1: ['CD86', 'CD206'] }, source: 'p.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PanelError);
    const pe = error as PanelError;
    expect([pe.code, pe.context]).toEqual(['PANEL_ROLE_CONFLICT', { file: 'p.json', marker: 'CD206', roles: ['m1', 'm2'] }]);
    expect(pe.message).toMatchInlineSnapshot(`"p.json: marker 'CD206' is listed under roles 'm1' and 'm2'; expected each marker in one role"`);
  });

  it('an empty channel list is not a panel', () => {
    expect(() => detectPanel([])).toThrowError(expect.objectContaining({ code: 'PANEL_NOT_DETECTED', context: { channels: [] } }));
  });
});

it('exports the panel API', async () => {
  const names = Object.keys(await import('../src/index.js'));
  for (const name of ['detectPanel', 'parsePanelFile', 'PanelError', 'DEFAULT_PANEL_ROLES', 'findMarkers', 'canonicalMarker', 'VIABILITY_MARKER']) {
    expect(names, name).toContain(name);
  }
});
