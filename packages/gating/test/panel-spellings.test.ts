import { describe, expect, it } from 'vitest';
import { canonicalMarker, findMarkers } from '../src/index.js';

// Hand-written expectations: spellings seen in $PnS/$PnN of BD, Cytek, Beckman and FlowJo exports, and
// the marker a cytometrist reads in each.
const SPELLINGS: readonly (readonly [string, readonly string[]])[] = [
  ['CD86 BV421', ['CD86']],
  ['CD206-PE', ['CD206']],
  ['PE-A :: CD206', ['CD206']],
  ['HLA-DR APC-Cy7', ['HLA-DR']],
  ['HLADR', ['HLA-DR']],
  ['hla dr', ['HLA-DR']],
  ['HLA-DR-FITC', ['HLA-DR']],
  ['MHCII', ['MHC-II']],
  ['MHC class II BV650', ['MHC-II']],
  ['I-A/I-E PE', ['MHC-II']],
  ['F4/80', ['F4/80']],
  ['F4-80 APC', ['F4/80']],
  ['F480', ['F4/80']],
  ['Live/Dead', ['Viability']],
  ['LIVE DEAD Aqua', ['Viability']],
  ['Zombie NIR', ['Viability']],
  ['7-AAD', ['Viability']],
  ['7AAD', ['Viability']],
  ['DAPI', ['Viability']],
  ['PI', ['Viability']],
  ['PI-A', ['Viability']],
  ['Propidium iodide', ['Viability']],
  ['viability eF780', ['Viability']],
  ['FVD eFluor 506', ['Viability']],
  ['CD11b', ['CD11b']],
  ['CD11B PerCP-Cy5.5', ['CD11b']],
  ['cd14', ['CD14']],
  ['CD200R1 PE-Cy7', ['CD200R']],
  ['CD200R', ['CD200R']],
  ['DC-SIGN', ['CD209']],
  ['MRC1 AF488', ['CD206']],
  ['CD45RA', ['CD45RA']],
  ['142Nd_CD19', ['CD19']],
  ['CD163 (GHI/61) APC', ['CD163']],
  // Spellings seen in public instrument files (FlowKit, cytofkit, cytoflow examples).
  ['CD21;FITC;530/30@488/B', ['CD21']],
  ['viability;7-AAD;695/40@488/A', ['Viability']],
  ['HLADr', ['HLA-DR']],
  ['IL17_CD95', ['CD95']],
  ['CD85j', ['CD85j']],
  ['Cisplatin', ['Viability']],
  // Mass cytometry names cadmium isotopes 'Cd': not a CD marker.
  ['(Cd112)Di', []],
  // Detector and fluorochrome names alone name no marker.
  ['FL1-A', []],
  ['BV421-A', []],
  ['PE-Cy7-A', []],
  ['APC-H7-A', []],
  ['PerCP-Cy5.5-A', []],
  ['Pacific Blue-A', []],
  ['', []],
  // Several markers on one channel (a dump channel) are all reported, in order.
  ['CD3 CD19 Zombie', ['CD3', 'CD19', 'Viability']],
];

describe('findMarkers', () => {
  it.each(SPELLINGS)('%j names %j', (text, expected) => {
    expect(findMarkers(text)).toEqual(expected);
  });
});

describe('canonicalMarker', () => {
  it('canonicalises a known spelling and keeps an unknown one as written', () => {
    expect(canonicalMarker(' HLA DR ')).toBe('HLA-DR');
    expect(canonicalMarker('Ym1')).toBe('Ym1');
    expect(canonicalMarker('Zombie Aqua')).toBe('Viability');
  });
});
