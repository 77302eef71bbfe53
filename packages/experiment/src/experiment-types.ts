/** What a sample file is for. */
export type SampleRole = 'sample' | 'fmo' | 'isotype' | 'unstained' | 'beads';

/** Sample roles, in the order the docs list them. */
export const SAMPLE_ROLES: readonly SampleRole[] = ['sample', 'fmo', 'isotype', 'unstained', 'beads'];

/** One `samples:` entry of an experiment file (a file or a glob of files). */
export interface SampleEntry {
  /** Path or glob (`*`, `?`, `**`) relative to the experiment file's folder. */
  readonly file: string;
  /** Sample id; default the file name without `.fcs`. Not allowed with a glob matching several files. */
  readonly id: string | null;
  readonly condition: string | null;
  /** Donor or experiment the sample belongs to: controls apply to samples of the same donor. */
  readonly donor: string | null;
  readonly role: SampleRole;
  /** The marker left out (role `fmo`). */
  readonly marker: string | null;
  /** YAML line of the entry (1-based), for messages. */
  readonly line: number;
}

/** `transwell.beads`: counting-bead tubes of migrated cells. */
export interface BeadsSection {
  readonly beadsAdded: number;
  readonly volumeUl: number | null;
  readonly files: readonly { readonly file: string; readonly condition: string; readonly replicate: string }[];
}

/** `transwell:`: a count table (rows may name membrane images) and counting-bead tubes. */
export interface TranswellSection {
  readonly counts: string | null;
  readonly baseline: string | null;
  readonly positiveControl: string | null;
  readonly control: string | null;
  readonly fieldAreaMm2: number | null;
  readonly insertAreaMm2: number | null;
  readonly metric: 'meanPerField' | 'totalMigrated' | 'percentMigration' | null;
  readonly test: 'welch' | 'student' | 'mann-whitney' | 'anova-dunnett' | 'tukey' | 'welch-anova' | 'kruskal' | null;
  /** Multiple-comparison adjustment of welch, student and mann-whitney p-values (default holm). */
  readonly adjust: 'holm' | 'none';
  /** 4PL parameters held at a value instead of fitted (null: fitted). */
  readonly fixBottom: number | null;
  readonly fixTop: number | null;
  readonly fixHill: number | null;
  readonly stain: 'crystal-violet' | 'nuclear';
  readonly pixelSizeUm: number | null;
  readonly beads: BeadsSection | null;
}

/** A parsed, validated experiment file. Paths stay as written (relative to the file's folder). */
export interface Experiment {
  readonly name: string;
  readonly seed: number;
  readonly samples: readonly SampleEntry[];
  /** `auto` (detect from $PnS) or a panel file. */
  readonly panel: 'auto' | { readonly file: string };
  /** `auto` ($SPILLOVER of each file), `none`, or a spillover CSV. */
  readonly compensation: 'auto' | 'none' | { readonly file: string };
  /** `auto` (automated pre-gates), or a tamkit gating file / Gating-ML file for population statistics. */
  readonly gating: 'auto' | { readonly file: string };
  readonly phenotype: {
    readonly method: 'rules' | 'kmeans';
    readonly k: number | null;
    readonly percentile: number | null;
  };
  readonly transwell: TranswellSection | null;
  readonly statistics: {
    /** Condition the flow percentages are compared with (donors as replicates); null: no flow tests. */
    readonly control: string | null;
    readonly test: 'anova-dunnett' | 'welch' | null;
    /** Multiple-comparison adjustment of Welch p-values within each class (default holm). */
    readonly adjust: 'holm' | 'none';
  };
  readonly report: {
    readonly title: string;
    /** Write `report.html`. */
    readonly html: boolean;
    /** Write each sample's gated macrophages as FCS under `populations/`. */
    readonly populationsFcs: boolean;
  };
}
