import type { BeadsSection, Experiment, SampleEntry, SampleRole, TranswellSection } from './experiment-types.js';
import { SAMPLE_ROLES } from './experiment-types.js';
import type { FieldPath } from './yaml-reader.js';
import { YamlReader } from './yaml-reader.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null || v === undefined) {
    return 'empty';
  }
  if (Array.isArray(v)) {
    return 'a list';
  }
  if (isObj(v)) {
    return 'a mapping';
  }
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
}

/** Field readers bound to one document: each returns the typed value or throws naming line and field. */
class Fields {
  constructor(readonly r: YamlReader) {}

  keys(obj: Obj, path: FieldPath, allowed: readonly string[]): void {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) {
        throw this.r.error('EXPERIMENT_UNKNOWN_FIELD', [...path, k], `unknown field; expected one of ${allowed.join(', ')}`, true);
      }
    }
  }

  obj(v: unknown, path: FieldPath): Obj {
    if (!isObj(v)) {
      throw this.r.error('EXPERIMENT_INVALID_FIELD', path, `found ${describe(v)}; expected a mapping`);
    }
    return v;
  }

  str(obj: Obj, key: string, path: FieldPath, required: true): string;
  str(obj: Obj, key: string, path: FieldPath, required?: false): string | null;
  str(obj: Obj, key: string, path: FieldPath, required = false): string | null {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) {
        throw this.r.error('EXPERIMENT_MISSING_FIELD', [...path, key], 'missing; this field is required');
      }
      return null;
    }
    if (typeof v === 'number' && key !== 'file') {
      return String(v);
    }
    if (typeof v !== 'string' || v.trim() === '') {
      throw this.r.error('EXPERIMENT_INVALID_FIELD', [...path, key], `found ${describe(v)}; expected a non-empty text`);
    }
    return v;
  }

  num(obj: Obj, key: string, path: FieldPath, check: (n: number) => boolean, expected: string): number | null {
    const v = obj[key];
    if (v === undefined || v === null) {
      return null;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || !check(v)) {
      throw this.r.error('EXPERIMENT_INVALID_FIELD', [...path, key], `found ${describe(v)}; expected ${expected}`);
    }
    return v;
  }

  choice<T extends string>(obj: Obj, key: string, path: FieldPath, choices: readonly T[]): T | null {
    const v = obj[key];
    if (v === undefined || v === null) {
      return null;
    }
    if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
      throw this.r.error('EXPERIMENT_INVALID_FIELD', [...path, key], `found ${describe(v)}; expected one of ${choices.join(', ')}`);
    }
    return v as T;
  }

  bool(obj: Obj, key: string, path: FieldPath, fallback: boolean): boolean {
    const v = obj[key];
    if (v === undefined || v === null) {
      return fallback;
    }
    if (typeof v !== 'boolean') {
      throw this.r.error('EXPERIMENT_INVALID_FIELD', [...path, key], `found ${describe(v)}; expected true or false`);
    }
    return v;
  }

  /** `auto` (or the other keywords) or a file path. */
  fileOr<K extends string>(obj: Obj, key: string, keywords: readonly K[]): K | { file: string } {
    const v = obj[key];
    if (v === undefined || v === null) {
      return keywords[0]!;
    }
    if (typeof v === 'string' && (keywords as readonly string[]).includes(v)) {
      return v as K;
    }
    if (typeof v === 'string' && v.trim() !== '') {
      return { file: v };
    }
    if (isObj(v)) {
      this.keys(v, [key], ['file']);
      return { file: this.str(v, 'file', [key], true) };
    }
    throw this.r.error('EXPERIMENT_INVALID_FIELD', [key], `found ${describe(v)}; expected ${keywords.join(', ')} or a file path`);
  }
}

const TOP = ['name', 'seed', 'samples', 'panel', 'compensation', 'gating', 'phenotype', 'transwell', 'statistics', 'report'] as const;

function sample(f: Fields, v: unknown, i: number): SampleEntry {
  const path = ['samples', i] as const;
  const o = f.obj(v, path);
  f.keys(o, path, ['file', 'id', 'condition', 'donor', 'experiment', 'role', 'marker']);
  const role = f.choice<SampleRole>(o, 'role', path, SAMPLE_ROLES) ?? 'sample';
  const marker = f.str(o, 'marker', path);
  if (role === 'fmo' && marker === null) {
    throw f.r.error('EXPERIMENT_MISSING_FIELD', [...path, 'marker'], 'missing; an fmo control names the marker it leaves out');
  }
  if (role !== 'fmo' && marker !== null) {
    throw f.r.error('EXPERIMENT_INVALID_FIELD', [...path, 'marker'], `found on role ${role}; only fmo controls name a marker`);
  }
  return {
    file: f.str(o, 'file', path, true),
    id: f.str(o, 'id', path),
    condition: f.str(o, 'condition', path),
    donor: f.str(o, 'donor', path) ?? f.str(o, 'experiment', path),
    role,
    marker,
    line: f.r.place(path).line,
  };
}

function beads(f: Fields, v: unknown): BeadsSection {
  const path = ['transwell', 'beads'] as const;
  const o = f.obj(v, path);
  f.keys(o, path, ['beadsAdded', 'volumeUl', 'files']);
  const beadsAdded = f.num(o, 'beadsAdded', path, (n) => n > 0, 'a positive number of beads');
  if (beadsAdded === null) {
    throw f.r.error('EXPERIMENT_MISSING_FIELD', [...path, 'beadsAdded'], 'missing; the number of counting beads added to each tube');
  }
  if (!Array.isArray(o.files) || o.files.length === 0) {
    throw f.r.error('EXPERIMENT_INVALID_FIELD', [...path, 'files'], `found ${describe(o.files)}; expected a list of { file, condition, replicate }`);
  }
  const files = o.files.map((x: unknown, i: number) => {
    const p = [...path, 'files', i];
    const e = f.obj(x, p);
    f.keys(e, p, ['file', 'condition', 'replicate']);
    return { file: f.str(e, 'file', p, true), condition: f.str(e, 'condition', p, true), replicate: f.str(e, 'replicate', p) ?? String(i + 1) };
  });
  return { beadsAdded, volumeUl: f.num(o, 'volumeUl', path, (n) => n > 0, 'a positive volume in µL'), files };
}

function transwell(f: Fields, v: unknown): TranswellSection {
  const path = ['transwell'] as const;
  const o = f.obj(v, path);
  f.keys(o, path, ['counts', 'baseline', 'positiveControl', 'control', 'fieldAreaMm2', 'insertAreaMm2', 'metric', 'test', 'adjust', 'fixBottom', 'fixTop', 'fixHill', 'stain', 'pixelSizeUm', 'beads']);
  const positive = (n: number): boolean => n > 0;
  const section: TranswellSection = {
    counts: f.str(o, 'counts', path),
    baseline: f.str(o, 'baseline', path),
    positiveControl: f.str(o, 'positiveControl', path),
    control: f.str(o, 'control', path),
    fieldAreaMm2: f.num(o, 'fieldAreaMm2', path, positive, 'a positive area in mm²'),
    insertAreaMm2: f.num(o, 'insertAreaMm2', path, positive, 'a positive area in mm²'),
    metric: f.choice(o, 'metric', path, ['meanPerField', 'totalMigrated', 'percentMigration'] as const),
    test: f.choice(o, 'test', path, ['welch', 'student', 'mann-whitney', 'anova-dunnett', 'tukey', 'welch-anova', 'kruskal'] as const),
    adjust: f.choice(o, 'adjust', path, ['holm', 'none'] as const) ?? 'holm',
    fixBottom: f.num(o, 'fixBottom', path, Number.isFinite, 'a number (the 4PL bottom, response units)'),
    fixTop: f.num(o, 'fixTop', path, Number.isFinite, 'a number (the 4PL top, response units)'),
    fixHill: f.num(o, 'fixHill', path, positive, 'a positive Hill slope'),
    stain: f.choice(o, 'stain', path, ['crystal-violet', 'nuclear'] as const) ?? 'crystal-violet',
    pixelSizeUm: f.num(o, 'pixelSizeUm', path, positive, 'a positive pixel size in µm'),
    beads: o.beads === undefined || o.beads === null ? null : beads(f, o.beads),
  };
  if (section.counts === null && section.beads === null) {
    throw f.r.error('EXPERIMENT_MISSING_FIELD', ['transwell', 'counts'], 'missing; the transwell part needs a count table (counts) or counting-bead tubes (beads)');
  }
  return section;
}

/**
 * Parses and validates an experiment file (YAML; JSON is YAML too). Every error names the file, the
 * line and column, and the field (`samples[2].role`); defaults are filled in. Paths are kept as
 * written: the caller resolves them against the file's folder. Field reference: docs/experiment.md.
 *
 * @throws {ExperimentError} `EXPERIMENT_YAML_SYNTAX`, `EXPERIMENT_UNKNOWN_FIELD`, `EXPERIMENT_MISSING_FIELD`,
 *   `EXPERIMENT_INVALID_FIELD`, `EXPERIMENT_NO_SAMPLES`; context `{ file, line, column, field }`.
 * @example
 * parseExperiment('seed: 1\nsamples:\n  - file: a.fcs\n', 'experiment.yaml').samples[0].role; // 'sample'
 */
export function parseExperiment(text: string, sourceName = 'experiment.yaml'): Experiment {
  const r = new YamlReader(text, sourceName);
  const f = new Fields(r);
  const root = f.obj(r.data, []);
  f.keys(root, [], TOP);
  if (!Array.isArray(root.samples) || root.samples.length === 0) {
    const code = root.samples === undefined ? 'EXPERIMENT_NO_SAMPLES' : 'EXPERIMENT_INVALID_FIELD';
    throw r.error(code, ['samples'], `found ${describe(root.samples)}; expected a list of samples, each with at least a file`);
  }
  const samples = root.samples.map((s: unknown, i: number) => sample(f, s, i));
  const ph = root.phenotype === undefined || root.phenotype === null ? {} : f.obj(root.phenotype, ['phenotype']);
  f.keys(ph, ['phenotype'], ['method', 'k', 'percentile']);
  const st = root.statistics === undefined || root.statistics === null ? {} : f.obj(root.statistics, ['statistics']);
  f.keys(st, ['statistics'], ['control', 'test', 'adjust']);
  const rp = root.report === undefined || root.report === null ? {} : f.obj(root.report, ['report']);
  f.keys(rp, ['report'], ['title', 'html', 'populationsFcs']);
  const seed = f.num(root, 'seed', [], (n) => Number.isSafeInteger(n) && n >= 0, 'a whole number >= 0') ?? 1;
  return {
    name: f.str(root, 'name', []) ?? 'experiment',
    seed,
    samples,
    panel: f.fileOr(root, 'panel', ['auto'] as const),
    compensation: f.fileOr(root, 'compensation', ['auto', 'none'] as const),
    gating: f.fileOr(root, 'gating', ['auto'] as const),
    phenotype: {
      method: f.choice(ph, 'method', ['phenotype'], ['rules', 'kmeans'] as const) ?? 'rules',
      k: f.num(ph, 'k', ['phenotype'], (n) => Number.isSafeInteger(n) && n >= 2, 'a whole number >= 2'),
      percentile: f.num(ph, 'percentile', ['phenotype'], (n) => n > 50 && n < 100, 'a percentile between 50 and 100'),
    },
    transwell: root.transwell === undefined || root.transwell === null ? null : transwell(f, root.transwell),
    statistics: {
      control: f.str(st, 'control', ['statistics']),
      test: f.choice(st, 'test', ['statistics'], ['anova-dunnett', 'welch'] as const),
      adjust: f.choice(st, 'adjust', ['statistics'], ['holm', 'none'] as const) ?? 'holm',
    },
    report: {
      title: f.str(rp, 'title', ['report']) ?? f.str(root, 'name', []) ?? 'tamkit analysis',
      html: f.bool(rp, 'html', ['report'], true),
      populationsFcs: f.bool(rp, 'populationsFcs', ['report'], false),
    },
  };
}
