import { channelMeta } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import { detectPanel, parsePanelFile, PanelError } from '../src/index.js';

function catchError(fn: () => unknown): PanelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PanelError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a PanelError');
}

describe('parsePanelFile', () => {
  it('reads the YAML form', () => {
    const text = [
      '# mouse BMDM panel',
      'channels:',
      '  FL1-A: F4/80',
      '  FL2-A: CD206',
      '  FL3-A: ~',
      '  FL4-A: Zombie NIR',
      'roles:',
      '  m1: [MHCII, CD86, iNOS]',
      '  m2:',
      '    - CD206',
      '    - Arg1',
      '',
    ].join('\n');
    expect(parsePanelFile(text, 'panel.yaml')).toEqual({
      source: 'panel.yaml',
      channels: { 'FL1-A': 'F4/80', 'FL2-A': 'CD206', 'FL3-A': null, 'FL4-A': 'Zombie NIR' },
      roles: { m1: ['MHCII', 'CD86', 'iNOS'], m2: ['CD206', 'Arg1'] },
    });
  });

  it('reads the JSON form, and the result drives detectPanel', () => {
    const overrides = parsePanelFile('{"channels": {"FL1-A": "CD86", "FL2-A": "CD163"}}', 'panel.json');
    const panel = detectPanel([channelMeta({ name: 'FL1-A' }), channelMeta({ name: 'FL2-A' })], overrides);
    expect(panel.roles.m1).toEqual(['FL1-A']);
    expect(panel.roles.m2).toEqual(['FL2-A']);
    expect(panel.markers.every((m) => m.source === 'override')).toBe(true);
  });

  it('accepts an empty file as no overrides', () => {
    expect(parsePanelFile('', 'empty.yaml')).toEqual({ source: 'empty.yaml' });
  });

  it('rejects a syntax error with line and column', () => {
    const e = catchError(() => parsePanelFile('channels:\n  FL1-A: [CD86\n', 'bad.yaml'));
    expect(e.code).toBe('PANEL_FILE_INVALID');
    expect(e.context).toMatchObject({ file: 'bad.yaml', path: '' });
    expect(typeof e.context.line).toBe('number');
    expect(e.message).toMatchInlineSnapshot(`"bad.yaml: line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]; expected JSON or YAML"`);
  });

  it('rejects an unknown top-level key', () => {
    const e = catchError(() => parsePanelFile('markers: {}', 'p.yaml'));
    expect([e.code, e.context]).toEqual(['PANEL_FILE_INVALID', { file: 'p.yaml', path: 'markers' }]);
    expect(e.message).toMatchInlineSnapshot(`"p.yaml: markers is an unknown key; expected one of channels, roles"`);
  });

  it('rejects a non-string marker', () => {
    const e = catchError(() => parsePanelFile('channels:\n  FL1-A: 12\n', 'p.yaml'));
    expect([e.code, e.context]).toEqual(['PANEL_FILE_INVALID', { file: 'p.yaml', path: 'channels.FL1-A' }]);
    expect(e.message).toMatchInlineSnapshot(`"p.yaml: channels.FL1-A is number 12; expected a marker name or null"`);
  });

  it('rejects an unknown role and a role that is not a list', () => {
    const unknown = catchError(() => parsePanelFile('roles:\n  m3: [CD86]\n', 'p.yaml'));
    expect(unknown.context).toEqual({ file: 'p.yaml', path: 'roles.m3' });
    const notList = catchError(() => parsePanelFile('roles:\n  m1: CD86\n', 'p.yaml'));
    expect(notList.context).toEqual({ file: 'p.yaml', path: 'roles.m1' });
    expect(notList.message).toMatchInlineSnapshot(`"p.yaml: roles.m1 is string "CD86"; expected a list of marker names"`);
  });

  it('rejects a top level that is not a mapping', () => {
    const e = catchError(() => parsePanelFile('- CD86\n', 'p.yaml'));
    expect(e.context).toEqual({ file: 'p.yaml', path: '' });
    expect(e.message).toMatchInlineSnapshot(`"p.yaml: (top level) is a list; expected a mapping with keys channels, roles"`);
  });
});
