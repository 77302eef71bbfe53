/**
 * Marker names as cytometry files spell them in `$PnS`/`$PnN` ("CD86 BV421", "CD206-PE",
 * "PE-A :: CD206", "HLA-DR APC-Cy7", "HLADR", "MHCII", "F4/80", "Live/Dead", "Zombie NIR", "7-AAD",
 * "DAPI", "PI"), reduced to one canonical name per marker.
 */

/** Canonical name of the viability stain (Live/Dead, Zombie, 7-AAD, DAPI, PI, Sytox, DRAQ7, FVD...). */
export const VIABILITY_MARKER = 'Viability';

/** Left and right boundaries: a spelling never starts or ends inside a longer alphanumeric word. */
const L = '(?<![A-Za-z0-9])';
const R = '(?![A-Za-z0-9])';

/**
 * Named spellings, tried before the generic `CDnn` rule. Each pattern is case-insensitive and
 * bounded by non-alphanumeric characters (space, '-', '_', '/', ':', '(', end of text).
 */
const NAMED_SPELLINGS: readonly (readonly [marker: string, pattern: string])[] = [
  ['HLA-DR', 'HLA[\\s_-]*DR'],
  ['MHC-II', 'MHC[\\s_-]*(?:CLASS[\\s_-]*)?(?:II|2)'],
  ['MHC-II', 'I[\\s-]?A\\s*/\\s*I[\\s-]?E'],
  ['MHC-II', 'IA[\\s_-]?IE'],
  ['F4/80', 'F4[\\s/_-]?80'],
  ['F4/80', 'EMR1|ADGRE1'],
  ['CD206', 'MRC1|MMR'],
  ['CD209', 'DC[\\s_-]?SIGN'],
  ['CD64', 'FC[\\s_-]?G(?:AMMA)?[\\s_-]?RI|FCGR1A?'],
  ['CD11b', 'ITGAM|MAC[\\s_-]?1'],
  ['CD200R', 'CD200R1'],
  ['iNOS', 'I?NOS2|INOS'],
  ['Arg1', 'ARG(?:INASE)?[\\s_-]?1'],
  [VIABILITY_MARKER, 'LIVE[\\s/_-]*DEAD|L/D|ZOMBIE|7[\\s-]?AAD|DAPI|PI|PROPIDIUM(?:[\\s_-]*IODIDE)?'],
  [VIABILITY_MARKER, 'VIAB(?:ILITY)?|FVD|SYTOX|DRAQ[\\s_-]?7|TO[\\s_-]?PRO[\\s_-]?3|DEAD|CISPLATIN'],
];

const NAMED: readonly (readonly [string, RegExp])[] = NAMED_SPELLINGS.map(([marker, pattern]) => [
  marker,
  new RegExp(`${L}(?:${pattern})${R}`, 'gi'),
]);

/**
 * Generic cluster-of-differentiation names: CD14, cd11b, CD45RA, CD200R. Case-sensitive on the prefix
 * (`CD` or `cd`) because mass cytometry names cadmium channels `(Cd112)Di`, `Cd114Di`.
 */
const GENERIC_CD = new RegExp(`${L}(?:CD|cd)[\\s_-]?(\\d{1,3})([A-Za-z]{0,2}\\d?)${R}`, 'g');

/** Canonical spelling of a generic CD match: CD11B -> CD11b, CD45ra -> CD45RA, CD200r -> CD200R. */
function canonicalCd(digits: string, suffix: string): string {
  const upper = suffix.toUpperCase();
  if (/^[A-QS-Z]$/.test(upper)) {
    return `CD${digits}${upper.toLowerCase()}`;
  }
  return `CD${digits}${upper}`;
}

/**
 * All markers named in `text`, canonical and de-duplicated, in order of their position. When the text
 * holds FlowJo's "detector :: marker" form, only the part after the last `::` is searched. Returns an
 * empty array when nothing is recognised (a bare detector name such as `FL1-A` or `BV421-A`).
 *
 * Recognised: the named spellings above, viability stains (as {@link VIABILITY_MARKER}) and any
 * `CD<number><suffix>`; fluorochrome names (FITC, PE, APC-Cy7, BV421...) are never markers, except
 * the DNA dyes used as viability stains (DAPI, PI, 7-AAD).
 *
 * @example
 * findMarkers('PE-A :: CD206'); // ['CD206']
 * findMarkers('HLA-DR APC-Cy7'); // ['HLA-DR']
 * findMarkers('Zombie NIR'); // ['Viability']
 */
export function findMarkers(text: string): string[] {
  const sep = text.lastIndexOf('::');
  const part = sep >= 0 ? text.slice(sep + 2) : text;
  const hits: { at: number; end: number; marker: string }[] = [];
  for (const [marker, re] of NAMED) {
    for (const m of part.matchAll(re)) {
      hits.push({ at: m.index, end: m.index + m[0].length, marker });
    }
  }
  for (const m of part.matchAll(GENERIC_CD)) {
    const at = m.index;
    const end = at + m[0].length;
    // A named spelling (CD200R1) covering the same text wins over the generic rule.
    if (!hits.some((h) => h.at <= at && h.end >= end)) {
      hits.push({ at, end, marker: canonicalCd(m[1] ?? '', m[2] ?? '') });
    }
  }
  hits.sort((a, b) => a.at - b.at || b.end - a.end);
  const out: string[] = [];
  for (const h of hits) {
    if (!out.includes(h.marker)) {
      out.push(h.marker);
    }
  }
  return out;
}

/**
 * The canonical name of a marker spelling, as {@link findMarkers} would read it, or the trimmed text
 * itself when nothing is recognised (a user-named marker in a panel file, e.g. 'Ym1').
 *
 * @example
 * canonicalMarker('hla dr'); // 'HLA-DR'
 * canonicalMarker('Ym1'); // 'Ym1'
 */
export function canonicalMarker(spelling: string): string {
  const found = findMarkers(spelling);
  return found.length === 1 ? found[0]! : spelling.trim();
}
