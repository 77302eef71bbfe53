import { LineCounter, parseDocument } from 'yaml';
import { PanelError } from './errors.js';
import type { PanelOverrides, PanelRoleMarkers } from './panel.js';

const TOP_KEYS = ['channels', 'roles'] as const;
const ROLE_KEYS = ['m1', 'm2', 'macrophage'] as const;

function invalid(file: string, path: string, found: string, expected: string): PanelError {
  return new PanelError(
    'PANEL_FILE_INVALID',
    `${file}: ${path || '(top level)'} is ${found}; expected ${expected}`,
    { file, path },
  );
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a marker panel file (JSON, or YAML 1.2, which JSON is a subset of) into {@link PanelOverrides}
 * for `detectPanel`. The file is a mapping with two optional keys:
 *
 * - `channels`: channel `$PnN` (or `$PnS`) → marker spelling, or `null` to leave the channel out;
 * - `roles`: `m1`, `m2`, `macrophage` lists of marker spellings, each replacing the default list.
 *
 * A viability channel is named by mapping it to any viability spelling (`Live/Dead`, `7-AAD`...).
 *
 * @param text the file's contents.
 * @param sourceName the file name, used in messages and returned as `source`.
 * @throws {PanelError} `PANEL_FILE_INVALID` with context `{ file, path }` (and `line`, `column` for a
 *   syntax error) when the text does not parse or an entry has the wrong type or an unknown key.
 * @example
 * parsePanelFile('channels:\n  FL1-A: CD14\nroles:\n  m2: [CD206, Arg1]\n', 'panel.yaml');
 * // { channels: { 'FL1-A': 'CD14' }, roles: { m2: ['CD206', 'Arg1'] }, source: 'panel.yaml' }
 */
export function parsePanelFile(text: string, sourceName: string): PanelOverrides {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = lineCounter.linePos(error.pos[0]);
    throw new PanelError(
      'PANEL_FILE_INVALID',
      `${sourceName}: line ${pos.line}, column ${pos.col}: ${error.message.split('\n')[0] ?? ''}; expected JSON or YAML`,
      { file: sourceName, path: '', line: pos.line, column: pos.col },
      { cause: error },
    );
  }
  const root: unknown = doc.toJS();
  if (root === null || root === undefined) {
    return { source: sourceName };
  }
  if (!isMapping(root)) {
    throw invalid(sourceName, '', describe(root), 'a mapping with keys channels, roles');
  }
  for (const key of Object.keys(root)) {
    if (!(TOP_KEYS as readonly string[]).includes(key)) {
      throw invalid(sourceName, key, 'an unknown key', `one of ${TOP_KEYS.join(', ')}`);
    }
  }
  const result: { channels?: Record<string, string | null>; roles?: Partial<PanelRoleMarkers>; source: string } = {
    source: sourceName,
  };
  if (root.channels !== undefined) {
    if (!isMapping(root.channels)) {
      throw invalid(sourceName, 'channels', describe(root.channels), 'a mapping of channel names to markers');
    }
    const channels: Record<string, string | null> = {};
    for (const [name, marker] of Object.entries(root.channels)) {
      if (marker !== null && (typeof marker !== 'string' || marker.trim() === '')) {
        throw invalid(sourceName, `channels.${name}`, describe(marker), 'a marker name or null');
      }
      channels[name] = marker;
    }
    result.channels = channels;
  }
  if (root.roles !== undefined) {
    if (!isMapping(root.roles)) {
      throw invalid(sourceName, 'roles', describe(root.roles), `a mapping with keys ${ROLE_KEYS.join(', ')}`);
    }
    const roles: { -readonly [K in keyof PanelRoleMarkers]?: string[] } = {};
    for (const [role, list] of Object.entries(root.roles)) {
      if (!(ROLE_KEYS as readonly string[]).includes(role)) {
        throw invalid(sourceName, `roles.${role}`, 'an unknown role', `one of ${ROLE_KEYS.join(', ')}`);
      }
      if (!Array.isArray(list) || !list.every((m): m is string => typeof m === 'string' && m.trim() !== '')) {
        throw invalid(sourceName, `roles.${role}`, describe(list), 'a list of marker names');
      }
      roles[role as keyof PanelRoleMarkers] = list;
    }
    result.roles = roles;
  }
  return result;
}
