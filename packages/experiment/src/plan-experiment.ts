import { ExperimentError } from './errors.js';
import type { Experiment, SampleRole } from './experiment-types.js';
import { globRegExp, isGlob } from './glob-match.js';

/** One FCS file of the plan, with its metadata. */
export interface PlannedFile {
  readonly id: string;
  /** Path relative to the experiment folder, `/`-separated. */
  readonly file: string;
  readonly role: SampleRole;
  readonly condition: string | null;
  readonly donor: string | null;
  readonly marker: string | null;
}

/** The work for one stained sample: its file and the control files that apply to it. */
export interface SampleTask {
  readonly id: string;
  readonly file: string;
  readonly condition: string | null;
  readonly donor: string | null;
  readonly controls: {
    /** FMO control file by the marker it leaves out. */
    readonly fmo: Readonly<Record<string, string>>;
    readonly unstained: string | null;
    readonly isotype: string | null;
  };
}

/** Every file and the per-sample tasks, sorted by sample id. */
export interface ExperimentPlan {
  readonly files: readonly PlannedFile[];
  readonly tasks: readonly SampleTask[];
}

const stem = (path: string): string => (path.split('/').at(-1) ?? path).replace(/\.fcs$/i, '');

/**
 * Expands globs against the files present (`available`: relative `/`-separated paths, as the caller
 * listed them), gives each file an id (the `id` field, else the file name without `.fcs`), and
 * attaches controls to each stained sample: FMO, isotype and unstained controls of the same donor,
 * else those without a donor. Tasks are sorted by id, so every later step is independent of listing
 * order.
 *
 * @throws {ExperimentError} `EXPERIMENT_NO_MATCH` for an entry that matches no file (context `{ line, field }`),
 *   `EXPERIMENT_DUPLICATE_SAMPLE` for two files with one id.
 * @example planExperiment(exp, ['fcs/D1_M1.fcs']).tasks[0].id; // 'D1_M1'
 */
export function planExperiment(experiment: Experiment, available: readonly string[], sourceName = 'experiment.yaml'): ExperimentPlan {
  const files: PlannedFile[] = [];
  const seen = new Map<string, number>();
  experiment.samples.forEach((s, i) => {
    const field = `samples[${i}].file`;
    const normalised = s.file.replace(/^\.\//, '');
    const matches = isGlob(normalised) ? available.filter((a) => globRegExp(normalised).test(a)).sort() : available.includes(normalised) ? [normalised] : [];
    if (matches.length === 0) {
      throw new ExperimentError(
        'EXPERIMENT_NO_MATCH',
        `${sourceName}:${s.line}: ${field}: '${s.file}' matches no FCS file beside the experiment file; expected a path or glob relative to its folder`,
        { file: sourceName, line: s.line, field },
      );
    }
    if (s.id !== null && matches.length > 1) {
      throw new ExperimentError('EXPERIMENT_DUPLICATE_SAMPLE', `${sourceName}:${s.line}: samples[${i}].id: '${s.id}' given to ${matches.length} files of a glob; remove id or name one file`, { file: sourceName, line: s.line, field: `samples[${i}].id` });
    }
    for (const m of matches) {
      const id = s.id ?? stem(m);
      const previous = seen.get(id);
      if (previous !== undefined) {
        throw new ExperimentError('EXPERIMENT_DUPLICATE_SAMPLE', `${sourceName}:${s.line}: sample id '${id}' (${m}) is already used on line ${previous}; give one of them an id`, { file: sourceName, line: s.line, field: `samples[${i}]`, id });
      }
      seen.set(id, s.line);
      files.push({ id, file: m, role: s.role, condition: s.condition, donor: s.donor, marker: s.marker });
    }
  });
  const controlsOf = (donor: string | null, role: SampleRole): PlannedFile[] => {
    const all = files.filter((f) => f.role === role);
    const own = all.filter((f) => f.donor !== null && f.donor === donor);
    return own.length > 0 ? own : all.filter((f) => f.donor === null);
  };
  const tasks: SampleTask[] = files
    .filter((f) => f.role === 'sample')
    .map((f) => {
      const fmo: Record<string, string> = {};
      for (const c of controlsOf(f.donor, 'fmo').sort((a, b) => (a.id < b.id ? -1 : 1))) {
        fmo[c.marker!] ??= c.file;
      }
      return {
        id: f.id,
        file: f.file,
        condition: f.condition,
        donor: f.donor,
        controls: { fmo, unstained: controlsOf(f.donor, 'unstained')[0]?.file ?? null, isotype: controlsOf(f.donor, 'isotype')[0]?.file ?? null },
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { files, tasks };
}
