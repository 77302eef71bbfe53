import type { SampleRole } from './experiment-types.js';

/** What `tamkit init` guessed about one FCS file from its name. */
export interface GuessedSample {
  readonly file: string;
  readonly role: SampleRole;
  readonly marker: string | null;
  readonly donor: string | null;
  readonly condition: string | null;
}

/**
 * Guesses a file's role, FMO marker, donor and condition from its name (documented in
 * docs/guide/commands.md, `tamkit init`): `unstained`/`unst`/`blank` → unstained; `FMO-<marker>` or
 * `FMO_<marker>` → fmo of that marker (matched case-insensitively against `markers`); `isotype`/`iso`
 * → isotype; `bead` → beads; else a sample. A token `D<n>`, `donor<n>` or `exp<n>` is the donor; the
 * remaining tokens of a sample name are its condition.
 *
 * @example guessSample('fcs/D2_FMO-CD206.fcs', ['CD206']); // { role: 'fmo', marker: 'CD206', donor: 'D2', ... }
 */
export function guessSample(file: string, markers: readonly string[]): GuessedSample {
  const stem = (file.split('/').at(-1) ?? file).replace(/\.fcs$/i, '');
  const tokens = stem.split(/[_\s]+/).filter((t) => t !== '');
  const donorToken = tokens.find((t) => /^(d|donor|exp|experiment)\d+$/i.test(t)) ?? null;
  const rest = tokens.filter((t) => t !== donorToken);
  const lower = stem.toLowerCase();
  const fmo = /fmo[-_ ]?([A-Za-z0-9/-]+)/i.exec(stem);
  if (fmo) {
    const wanted = fmo[1]!.toLowerCase().replace(/[^a-z0-9]/g, '');
    const marker = markers.find((m) => m.toLowerCase().replace(/[^a-z0-9]/g, '') === wanted) ?? fmo[1]!;
    return { file, role: 'fmo', marker, donor: donorToken, condition: null };
  }
  const role: SampleRole = /unstain|\bunst\b|blank/.test(lower) ? 'unstained' : /isotype|\biso\b/.test(lower) ? 'isotype' : /bead/.test(lower) ? 'beads' : 'sample';
  return { file, role, marker: null, donor: donorToken, condition: role === 'sample' && rest.length > 0 ? rest.join('_') : null };
}

const yamlText = (s: string): string => (/^[A-Za-z0-9_./+-]+$/.test(s) && !/^(true|false|null|yes|no|~)$/i.test(s) ? s : JSON.stringify(s));

/**
 * The commented starting experiment file `tamkit init` writes: one `samples:` line per FCS file with
 * the guessed role, marker, donor and condition, the detected panel as a comment, and every other
 * section with its default and the choices in comments.
 *
 * @example initExperimentText([guessSample('D1_M1.fcs', [])], { m1: ['CD86'], m2: ['CD206'], other: [] })
 */
export function initExperimentText(
  samples: readonly GuessedSample[],
  panel: { readonly m1: readonly string[]; readonly m2: readonly string[]; readonly other: readonly string[] },
): string {
  const lines = [
    '# tamkit experiment file, written by tamkit init from the FCS files found. Check every guess below,',
    '# then run: tamkit run experiment.yaml',
    '# Field reference: docs/guide/experiment-file.md. Paths are relative to this file; globs (fcs/*.fcs) work.',
    'name: my experiment',
    'seed: 1                     # seed of every random step (same seed + same files = same results)',
    '',
    '# Panel detected from $PnS labels:',
    `#   M1 markers: ${panel.m1.join(', ') || '(none found)'}`,
    `#   M2 markers: ${panel.m2.join(', ') || '(none found)'}`,
    ...(panel.other.length > 0 ? [`#   other:      ${panel.other.join(', ')}`] : []),
    'panel: auto                 # auto (from $PnS) or a panel file (see docs/phenotyping.md)',
    'compensation: auto          # auto ($SPILLOVER in each file), none, or a spillover CSV',
    'gating: auto                # auto (automated pre-gates), or a gating file / Gating-ML file',
    '',
    '# role: sample | fmo (with marker) | isotype | unstained | beads. Controls apply to samples of the same donor.',
    'samples:',
  ];
  if (samples.length === 0) {
    lines.push('  - { file: fcs/*.fcs }     # no FCS file found: list your files here');
  }
  for (const s of samples) {
    const fields = [`file: ${yamlText(s.file)}`];
    if (s.role !== 'sample') {
      fields.push(`role: ${s.role}`);
    }
    if (s.marker !== null) {
      fields.push(`marker: ${yamlText(s.marker)}`);
    }
    if (s.condition !== null) {
      fields.push(`condition: ${yamlText(s.condition)}`);
    }
    if (s.donor !== null) {
      fields.push(`donor: ${yamlText(s.donor)}`);
    }
    lines.push(`  - { ${fields.join(', ')} }`);
  }
  lines.push(
    '',
    'phenotype:',
    '  method: rules             # rules (marker thresholds) or kmeans',
    '  # k: 8                    # clusters for kmeans',
    '  # percentile: 99.5        # control percentile used as the positivity cut-off',
    '',
    'statistics:',
    '  # control: M0             # condition the others are compared with (donors as replicates)',
    '  # test: anova-dunnett     # anova-dunnett or welch',
    '  # adjust: holm            # Holm-adjust welch p-values (holm or none)',
    '',
    '# transwell:                # migration assay (optional)',
    '#   counts: transwell/counts.csv',
    '#   baseline: medium',
    '#   positiveControl: CCL2',
    '#   fieldAreaMm2: 0.25',
    '',
    'report:',
    '  title: my experiment',
    '  # populationsFcs: true    # also write each sample\'s macrophage-gate events as FCS',
    '',
  );
  return lines.join('\n');
}
