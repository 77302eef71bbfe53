/** The demo's experiment file, commented (relative paths; globs for the stained samples). */
export function demoExperimentYaml(
  seed: number,
  fcs: readonly { file: string; role: string; condition: string; marker: string | null; donor: string }[],
  beads: readonly { file: string; condition: string }[],
): string {
  const lines = [
    '# tamkit experiment file: a simulated CCL2 / macrophage polarisation study (tamkit demo).',
    '# Field reference: docs/guide/experiment-file.md',
    'name: CCL2 macrophage demo',
    `seed: ${seed}                 # seed of every random step`,
    '',
    'samples:',
    '  # Stained samples: the condition is the polarisation, the donor groups a sample with its controls.',
  ];
  for (const f of fcs) {
    lines.push(
      f.role === 'sample'
        ? `  - { file: ${f.file}, condition: ${f.condition}, donor: ${f.donor} }`
        : f.role === 'fmo'
          ? `  - { file: ${f.file}, role: fmo, marker: ${f.marker}, donor: ${f.donor} }`
          : `  - { file: ${f.file}, role: ${f.role}, donor: ${f.donor} }`,
    );
  }
  lines.push(
    '',
    'panel: auto                  # detect markers and M1/M2 roles from $PnS, or a panel file',
    'compensation: auto           # each file\'s $SPILLOVER; none; or a spillover CSV',
    'gating: auto                 # automated pre-gates; or a gating file / Gating-ML for extra populations',
    '',
    'phenotype:',
    '  method: rules              # rules (thresholds from FMO controls) or kmeans',
    '',
    'statistics:',
    '  control: M0                # compare % M1 and % M2 of each condition with M0, donors as replicates',
    '  test: anova-dunnett',
    '',
    'transwell:',
    '  counts: transwell/counts.csv   # long count table; rows with an image are counted from the image',
    '  baseline: medium',
    '  positiveControl: CCL2 10',
    '  fieldAreaMm2: 0.25',
    '  stain: nuclear',
    '  pixelSizeUm: 0.65',
    '  beads:',
    '    beadsAdded: 20000',
    '    volumeUl: 300',
    '    files:',
    ...beads.map((b) => `      - { file: transwell/${b.file}, condition: ${b.condition} }`),
    '',
    'report:',
    '  title: CCL2 macrophage demo',
    '',
  );
  return lines.join('\n');
}
