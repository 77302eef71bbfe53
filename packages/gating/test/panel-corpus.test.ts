import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { channelMeta } from '@tamkit/core';
import { FcsParseError, parseFcs } from '@tamkit/fcs';
import type { ChannelMeta } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import { detectPanel, PanelError } from '../src/index.js';
import type { DetectedPanel } from '../src/index.js';

const corpusDir = new URL('../../../../shared/corpus/fcs/', import.meta.url);
const manifestPath = fileURLToPath(new URL('MANIFEST.json', corpusDir));
const hasCorpus = existsSync(manifestPath);

interface ManifestParameter {
  readonly PnN?: string;
  readonly PnS?: string;
}
interface ManifestFile {
  readonly file: string;
  readonly datasets?: readonly { readonly parameters?: readonly ManifestParameter[] }[];
}

/** Channels of each corpus file's first data set, from the manifest's independently read $PnN/$PnS. */
function corpusChannels(): Map<string, ChannelMeta[]> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: ManifestFile[] };
  const out = new Map<string, ChannelMeta[]>();
  for (const f of manifest.files) {
    const params = f.datasets?.[0]?.parameters;
    if (params === undefined) {
      continue;
    }
    out.set(
      f.file,
      params.map((p) => channelMeta({ name: p.PnN ?? '', label: p.PnS ?? '' })),
    );
  }
  return out;
}

function tryDetect(channels: readonly ChannelMeta[]): DetectedPanel | PanelError {
  try {
    return detectPanel(channels);
  } catch (e) {
    if (e instanceof PanelError) {
      return e;
    }
    throw e;
  }
}

describe.skipIf(!hasCorpus)(`detectPanel on the public FCS corpus${!hasCorpus ? ' (skipped: ../shared/corpus not found)' : ''}`, () => {
  it('either detects a panel or throws PANEL_NOT_DETECTED, never anything else', () => {
    const files = corpusChannels();
    expect(files.size).toBeGreaterThan(20);
    for (const [file, channels] of files) {
      const result = tryDetect(channels);
      if (result instanceof PanelError) {
        expect(result.code, file).toBe('PANEL_NOT_DETECTED');
        expect(result.context.channels, file).toHaveLength(channels.length);
      } else {
        expect(result.roles.m1.length + result.roles.m2.length, file).toBeGreaterThan(0);
      }
    }
  });

  it('on channels read by parseFcs (textOnly), detects or throws PANEL_NOT_DETECTED', () => {
    const names = readdirSync(corpusDir).filter((f) => f.endsWith('.fcs'));
    let parsed = 0;
    let detected = 0;
    for (const name of names) {
      let channels: readonly ChannelMeta[];
      try {
        const fcs = parseFcs(readFileSync(new URL(name, corpusDir)), { sourceName: name, textOnly: true });
        channels = fcs.datasets[0]?.table.channels ?? [];
      } catch (e) {
        // Files the reader rejects (the junk file, strict-mode quirks) are the reader's tests' business.
        expect(e, name).toBeInstanceOf(FcsParseError);
        continue;
      }
      parsed++;
      const result = tryDetect(channels);
      if (result instanceof PanelError) {
        expect(result.code, name).toBe('PANEL_NOT_DETECTED');
      } else {
        detected++;
      }
    }
    expect(parsed).toBeGreaterThan(20);
    // cytofkit (HLA-DR, CD14) and itn_02 (HLADr) carry an M1 marker; see the next tests.
    expect(detected).toBe(2);
  });

  // Expectations read by hand from the $PnS labels listed in the corpus manifest.
  it('finds HLA-DR ($PnS "HLADr") in the ITN T-cell example', () => {
    const panel = tryDetect(corpusChannels().get('cytoflow__itn_02.fcs') ?? []);
    expect(panel).not.toBeInstanceOf(PanelError);
    expect((panel as DetectedPanel).roles).toEqual({ m1: ['HLADr'], m2: [], macrophage: [], viability: null });
  });

  it('reads the CyTOF panel: HLA-DR, CD14 on two cadmium channels, cisplatin viability', () => {
    const panel = tryDetect(corpusChannels().get('cytofkit__130515_C2_stim_CD19-.fcs') ?? []) as DetectedPanel;
    expect(panel.roles).toEqual({
      m1: ['(Nd142)Di'],
      m2: [],
      macrophage: ['(Cd112)Di'],
      viability: '(Pt195)Di',
    });
    expect(panel.warnings.map((w) => w.code)).toEqual(['PANEL_DUPLICATE_MARKER', 'PANEL_ROLE_EMPTY']);
  });

  it('B-cell and lymphoma panels have no M1/M2 marker', () => {
    const files = corpusChannels();
    for (const name of [
      'FlowKit__index_sorted_example.fcs',
      'fcsparser__fcs1_cleaned.lmd.fcs',
      'cytoflow__System_II_listmode_with_extra_info_in_bits_D10-D15.LMD.fcs',
    ]) {
      const result = tryDetect(files.get(name) ?? []);
      expect(result, name).toBeInstanceOf(PanelError);
    }
  });
});
