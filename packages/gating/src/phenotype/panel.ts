import type { ChannelMeta, TamkitWarning } from '@tamkit/core';
import { PanelError } from './errors.js';
import { canonicalMarker, findMarkers, VIABILITY_MARKER } from './panel-spellings.js';

/** Where a channel's marker name was read from. */
export type PanelMarkerSource = 'PnS' | 'PnN' | 'override';

/** One channel whose marker was identified. */
export interface PanelMarker {
  /** Canonical marker name ('CD86', 'HLA-DR', 'F4/80', 'Viability'...). */
  readonly marker: string;
  /** The channel's $PnN (unique key of the table). */
  readonly channel: string;
  readonly source: PanelMarkerSource;
}

/** Role lists of canonical marker names (M1, M2 and pan-macrophage markers). */
export interface PanelRoleMarkers {
  readonly m1: readonly string[];
  readonly m2: readonly string[];
  readonly macrophage: readonly string[];
}

/** Channels ($PnN) playing each role. */
export interface PanelRoles {
  readonly m1: readonly string[];
  readonly m2: readonly string[];
  readonly macrophage: readonly string[];
  /** The viability-dye channel, or null when the panel has none. */
  readonly viability: string | null;
}

/** Result of {@link detectPanel}. */
export interface DetectedPanel {
  /** Every channel with an identified marker, in channel order. */
  readonly markers: readonly PanelMarker[];
  readonly roles: PanelRoles;
  /** $PnN of fluorescence channels that play no role (unlabelled, or a marker outside every role). */
  readonly unassigned: readonly string[];
  /** `PANEL_ROLE_EMPTY`, `PANEL_DUPLICATE_MARKER`, `PANEL_AMBIGUOUS_LABEL`, `PANEL_OVERRIDE_UNUSED`. */
  readonly warnings: readonly TamkitWarning[];
}

/** User corrections to detection, usually read from a panel file by `parsePanelFile`. */
export interface PanelOverrides {
  /** Channel ($PnN, or its $PnS) → marker spelling; `null` excludes the channel from the panel. */
  readonly channels?: Readonly<Record<string, string | null>>;
  /** Role lists (marker spellings) replacing the defaults, per role given. */
  readonly roles?: Partial<PanelRoleMarkers>;
  /** Name of the panel file, for messages. */
  readonly source?: string;
}

/**
 * Default role lists, following the consensus nomenclature of Murray et al. 2014 (Immunity 41:14-20)
 * and the human monocyte-derived macrophage panels of Jaguin et al. 2013 (Cell Immunol 281:51-61) and
 * Mantovani et al. 2004 (Trends Immunol 25:677-686): M1 (LPS + IFN-γ) CD80, CD86, HLA-DR (mouse
 * MHC class II), CD64; M2 (IL-4) CD163, CD206, CD209, CD200R; pan-macrophage CD14, CD11b, CD68, F4/80.
 */
export const DEFAULT_PANEL_ROLES: PanelRoleMarkers = {
  m1: ['CD80', 'CD86', 'HLA-DR', 'MHC-II', 'CD64'],
  m2: ['CD163', 'CD206', 'CD209', 'CD200R'],
  macrophage: ['CD14', 'CD11b', 'CD68', 'F4/80'],
};

type RoleName = keyof PanelRoleMarkers;
const ROLE_NAMES: readonly RoleName[] = ['m1', 'm2', 'macrophage'];

function resolveRoleMarkers(overrides: PanelOverrides | undefined): PanelRoleMarkers {
  const given = overrides?.roles ?? {};
  const lists: Record<RoleName, readonly string[]> = {
    m1: (given.m1 ?? DEFAULT_PANEL_ROLES.m1).map(canonicalMarker),
    m2: (given.m2 ?? DEFAULT_PANEL_ROLES.m2).map(canonicalMarker),
    macrophage: (given.macrophage ?? DEFAULT_PANEL_ROLES.macrophage).map(canonicalMarker),
  };
  for (let i = 0; i < ROLE_NAMES.length; i++) {
    for (let j = i + 1; j < ROLE_NAMES.length; j++) {
      const a = ROLE_NAMES[i]!;
      const b = ROLE_NAMES[j]!;
      const shared = lists[a].find((m) => lists[b].includes(m));
      if (shared !== undefined) {
        throw new PanelError(
          'PANEL_ROLE_CONFLICT',
          `${overrides?.source ?? 'panel'}: marker '${shared}' is listed under roles '${a}' and '${b}'; expected each marker in one role`,
          { file: overrides?.source, marker: shared, roles: [a, b] },
        );
      }
    }
  }
  return lists;
}

function roleOf(marker: string, lists: PanelRoleMarkers): RoleName | 'viability' | null {
  if (marker === VIABILITY_MARKER) {
    return 'viability';
  }
  return ROLE_NAMES.find((r) => lists[r].includes(marker)) ?? null;
}

function describeChannel(c: ChannelMeta): string {
  return c.label ? `${c.name} [${c.label}]` : c.name;
}

/** Prefers an area channel ('-A') when one marker is labelled on several detectors' A/H/W channels. */
function preferArea(current: string, candidate: string): boolean {
  return !/-A$/i.test(current) && /-A$/i.test(candidate);
}

/**
 * Identifies the marker on each fluorescence channel and assigns the M1, M2, pan-macrophage and
 * viability roles. Markers are read from `$PnS` first, then `$PnN` (spellings: see `findMarkers`), and
 * `overrides.channels` take precedence over both. Scatter and time channels are ignored.
 *
 * @param channels the table's channels (`EventTable.channels`, or `FcsDataset.table.channels` of a
 *   file parsed with `textOnly`).
 * @param overrides corrections, usually from `parsePanelFile`.
 * @returns markers per channel, role → channels ($PnN), unassigned fluorescence channels, warnings.
 * @throws {PanelError} `PANEL_NOT_DETECTED` when neither an M1 nor an M2 marker is found (context
 *   `channels: [{ name, label }]`); `PANEL_ROLE_CONFLICT` when overrides list one marker in two roles.
 * @example
 * const panel = detectPanel([channelMeta({ name: 'BV421-A', label: 'CD86 BV421' }),
 *   channelMeta({ name: 'PE-A', label: 'CD206-PE' })]);
 * panel.roles; // { m1: ['BV421-A'], m2: ['PE-A'], macrophage: [], viability: null }
 */
export function detectPanel(channels: readonly ChannelMeta[], overrides?: PanelOverrides): DetectedPanel {
  const lists = resolveRoleMarkers(overrides);
  const warnings: TamkitWarning[] = [];
  const byChannel = new Map<string, string | null>();
  const usedOverrides = new Set<string>();
  for (const [key, value] of Object.entries(overrides?.channels ?? {})) {
    const target = channels.find((c) => c.name === key) ?? channels.find((c) => c.label === key);
    if (target === undefined) {
      warnings.push({
        code: 'PANEL_OVERRIDE_UNUSED',
        message: `panel entry '${key}' names no channel of this file`,
        context: { file: overrides?.source, channel: key },
      });
      continue;
    }
    usedOverrides.add(target.name);
    byChannel.set(target.name, value === null ? null : canonicalMarker(value));
  }

  const markers: PanelMarker[] = [];
  const candidates = channels.filter((c) => c.kind !== 'scatter' && c.kind !== 'time');
  for (const c of candidates) {
    if (usedOverrides.has(c.name)) {
      const marker = byChannel.get(c.name);
      if (marker !== null && marker !== undefined) {
        markers.push({ marker, channel: c.name, source: 'override' });
      }
      continue;
    }
    let found = findMarkers(c.label);
    let source: PanelMarkerSource = 'PnS';
    if (found.length === 0) {
      found = findMarkers(c.name);
      source = 'PnN';
    }
    const first = found[0];
    if (first === undefined) {
      continue;
    }
    if (found.length > 1) {
      warnings.push({
        code: 'PANEL_AMBIGUOUS_LABEL',
        message: `channel ${describeChannel(c)} names ${found.join(', ')}; using ${first}`,
        context: { channel: c.name, label: c.label, markers: found },
      });
    }
    markers.push({ marker: first, channel: c.name, source });
  }

  const roleChannels: Record<RoleName | 'viability', string[]> = { m1: [], m2: [], macrophage: [], viability: [] };
  const chosen = new Map<string, string>();
  for (const { marker, channel } of markers) {
    const role = roleOf(marker, lists);
    if (role === null) {
      continue;
    }
    const key = role === 'viability' ? VIABILITY_MARKER : marker;
    const previous = chosen.get(key);
    if (previous === undefined) {
      chosen.set(key, channel);
      roleChannels[role].push(channel);
      continue;
    }
    const replace = preferArea(previous, channel);
    const kept = replace ? channel : previous;
    warnings.push({
      code: 'PANEL_DUPLICATE_MARKER',
      message: `marker ${key} is on channels ${previous} and ${channel}; using ${kept}`,
      context: { marker: key, channels: [previous, channel], used: kept },
    });
    if (replace) {
      chosen.set(key, channel);
      const list = roleChannels[role];
      list[list.indexOf(previous)] = channel;
    }
  }

  if (roleChannels.m1.length === 0 && roleChannels.m2.length === 0) {
    const listed = channels.map((c) => ({ name: c.name, label: c.label }));
    throw new PanelError(
      'PANEL_NOT_DETECTED',
      `no M1 or M2 marker found among ${channels.length} channels (${channels.map(describeChannel).join(', ') || 'none'}); ` +
        `expected $PnS labels such as 'CD86 BV421' or 'CD206-PE' naming one of ${[...lists.m1, ...lists.m2].join(', ')}; ` +
        `pass a panel file to name the channels`,
      { channels: listed, ...(overrides?.source === undefined ? {} : { file: overrides.source }) },
    );
  }
  for (const role of ['m1', 'm2', 'macrophage', 'viability'] as const) {
    if (roleChannels[role].length === 0) {
      warnings.push({
        code: 'PANEL_ROLE_EMPTY',
        message: `no ${role === 'viability' ? 'viability dye' : `${role} marker`} found`,
        context: { role },
      });
    }
  }
  const assigned = new Set([...roleChannels.m1, ...roleChannels.m2, ...roleChannels.macrophage, ...roleChannels.viability]);
  const unassigned = candidates.filter((c) => c.kind === 'fluorescence' && !assigned.has(c.name)).map((c) => c.name);
  return {
    markers,
    roles: {
      m1: roleChannels.m1,
      m2: roleChannels.m2,
      macrophage: roleChannels.macrophage,
      viability: roleChannels.viability[0] ?? null,
    },
    unassigned,
    warnings,
  };
}
