import { findChannel, type Column, type EventTable } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import {
  compensate,
  createTransform,
  FCS_COMPENSATION,
  gateDimensions,
  isRatioDimension,
  populationStats,
  POPULATION_STATS_DEFAULTS,
  UNCOMPENSATED,
} from '@tamkit/gating';
import type { ChannelDimension, GatingStrategy, PopulationTree } from '@tamkit/gating';
import { csvField } from '../io/csv.js';
import { treeOrder } from './gate-output.js';

/** Which values `--stats` describes: scale values, or the values the gates see. */
export type StatsScale = 'scale' | 'transformed';

/** Percentile columns of `--stats` (the median has its own column). */
const STATS_PERCENTILES = POPULATION_STATS_DEFAULTS.percentiles.filter((p) => p !== 50);

/** Header of the `--stats` CSV: one row per file, population and channel (packages/gating/README.md, "From the command line"). */
export const STATS_COLUMNS: readonly string[] = [
  'file',
  'population',
  'path',
  'parent',
  'channel',
  'label',
  'values',
  'events',
  'percent_of_parent',
  'percent_of_total',
  'n',
  'mean',
  'median',
  'geometric_mean',
  'sd',
  'cv',
  'robust_sd',
  'robust_cv',
  ...STATS_PERCENTILES.map((p) => `p${p}`),
  'min',
  'max',
];

/**
 * Per channel, the values a statistic is taken on. `scale`: the table's columns. `transformed`: for
 * each channel a gate reads, the compensation and transform of the first gate dimension (in strategy
 * order) that names it, i.e. the scale the gates are drawn on; channels no gate reads (and ratio
 * dimensions) keep scale values. The `values` column names what was used per channel.
 */
export function statsColumns(
  strategy: GatingStrategy,
  table: EventTable,
  fcsSpillover: SpilloverMatrix | null,
  scale: StatsScale,
): { columns: Column[]; descriptions: string[] } {
  const columns = [...table.columns];
  const descriptions = table.channels.map(() => 'scale');
  if (scale === 'scale') {
    return { columns, descriptions };
  }
  const chosen = new Map<number, ChannelDimension>();
  for (const node of strategy.gates) {
    for (const d of gateDimensions(node.gate)) {
      if (isRatioDimension(d)) {
        continue;
      }
      const idx = findChannel(table, d.channel);
      if (idx >= 0 && !chosen.has(idx)) {
        chosen.set(idx, d);
      }
    }
  }
  const compensated = new Map<string, EventTable>();
  const through = (ref: string): EventTable => {
    let t = compensated.get(ref);
    if (!t) {
      const matrix = ref === UNCOMPENSATED ? null : ref === FCS_COMPENSATION ? fcsSpillover : strategy.matrices[ref] ?? null;
      const m = strategy.matrices[ref];
      t = matrix
        ? compensate(table, matrix, { ...(m?.fluorochromes ? { fluorochromes: m.fluorochromes } : {}), ...(m?.inverted ? { inverted: true } : {}) })
        : table;
      compensated.set(ref, t);
    }
    return t;
  };
  for (const [idx, d] of chosen) {
    const t = through(d.compensation);
    const base = t.columns[idx]!;
    const transform = d.transform === undefined ? undefined : strategy.transforms[d.transform];
    columns[idx] = transform ? createTransform(transform).applyColumn(base) : base;
    const comp = t === table ? '' : `compensated (${d.compensation})`;
    descriptions[idx] = [comp, d.transform ?? ''].filter((s) => s !== '').join(' + ') || 'scale';
  }
  return { columns, descriptions };
}

const num = (v: number): string => (Number.isFinite(v) ? String(v) : '');

/** `--stats` rows of one file: every population (tree order) × every channel. */
export function statsRows(file: string, tree: PopulationTree, table: EventTable, columns: readonly Column[], descriptions: readonly string[]): string[] {
  const rows: string[] = [];
  for (const p of treeOrder(tree)) {
    table.channels.forEach((ch, c) => {
      const s = populationStats(columns[c]!, p.mask);
      rows.push(
        [
          csvField(file),
          csvField(p.id),
          csvField(p.path.join('/')),
          csvField(p.parent ?? ''),
          csvField(ch.name),
          csvField(ch.label),
          csvField(descriptions[c]!),
          String(p.count),
          num(p.percentOfParent),
          num(p.percentOfTotal),
          String(s.count),
          num(s.mean),
          num(s.median),
          num(s.geometricMean),
          num(s.sd),
          num(s.cv),
          num(s.robustSd),
          num(s.robustCv),
          ...STATS_PERCENTILES.map((q) => num(s.percentiles[String(q)] ?? Number.NaN)),
          num(s.min),
          num(s.max),
        ].join(','),
      );
    });
  }
  return rows;
}
