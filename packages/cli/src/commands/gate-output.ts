import type { Population, PopulationTree } from '@tamkit/gating';
import { csvField } from '../io/csv.js';

/** One population in `tamkit gate --json` (a scripting contract: keep it stable). */
export interface PopulationJson {
  readonly id: string;
  readonly path: readonly string[];
  readonly parent: string | null;
  readonly count: number;
  readonly percentOfParent: number;
  readonly percentOfTotal: number;
}

/** One input file's entry in `tamkit gate --json`: its populations, or the error that stopped it. */
export type GateFileJson =
  | { readonly file: string; readonly eventCount: number; readonly populations: readonly PopulationJson[] }
  | { readonly file: string; readonly error: { readonly code: string; readonly message: string } };

/** Populations in tree order: depth first from the roots, siblings in evaluation order. */
export function treeOrder(tree: PopulationTree): Population[] {
  const children = new Map<string | null, Population[]>();
  for (const p of tree.populations) {
    const list = children.get(p.parent) ?? [];
    list.push(p);
    children.set(p.parent, list);
  }
  const out: Population[] = [];
  const visit = (parent: string | null): void => {
    for (const p of children.get(parent) ?? []) {
      out.push(p);
      visit(p.id);
    }
  };
  visit(null);
  return out;
}

/** The JSON entry of one evaluated file (populations in tree order, masks left out). */
export function gateFileJson(file: string, tree: PopulationTree): GateFileJson {
  return {
    file,
    eventCount: tree.eventCount,
    populations: treeOrder(tree).map((p) => ({
      id: p.id,
      path: p.path,
      parent: p.parent,
      count: p.count,
      percentOfParent: p.percentOfParent,
      percentOfTotal: p.percentOfTotal,
    })),
  };
}

/**
 * The flat `populations` list `@tamkit/report` draws its "Gated populations" table from
 * (`GateReportInput`): one row per file and population.
 */
export function reportPopulations(entries: readonly GateFileJson[]): { sample: string; population: string; parent: string | null; events: number; percentOfParent: number }[] {
  return entries.flatMap((e) =>
    'error' in e ? [] : e.populations.map((p) => ({ sample: e.file, population: p.id, parent: p.parent, events: p.count, percentOfParent: p.percentOfParent })),
  );
}

const pct = (v: number): string => `${v.toFixed(2)}%`;

/** The human summary: the file, then an indented population tree with counts and percentages. */
export function gateSummary(file: string, tree: PopulationTree): string {
  const rows = treeOrder(tree).map((p) => [`${'  '.repeat(p.path.length - 1)}${p.id}`, p.count.toLocaleString('en-US'), pct(p.percentOfParent), pct(p.percentOfTotal)]);
  const header = ['population', 'events', '% parent', '% total'];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (r: readonly string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return `${file}  (${tree.eventCount.toLocaleString('en-US')} events)\n${all.map((r) => `  ${line(r)}`.trimEnd()).join('\n')}\n`;
}

const ROWS_PER_CHUNK = 16384;

/**
 * `--events-out` CSV chunks: a header of population ids (tree order), then one row per event in file
 * order, 1 when the event is in the population, else 0.
 */
export function* membershipCsv(tree: PopulationTree): Generator<string> {
  const pops = treeOrder(tree);
  yield `${pops.map((p) => csvField(p.id)).join(',')}\n`;
  const masks = pops.map((p) => p.mask);
  for (let start = 0; start < tree.eventCount; start += ROWS_PER_CHUNK) {
    const end = Math.min(tree.eventCount, start + ROWS_PER_CHUNK);
    const rows: string[] = [];
    for (let i = start; i < end; i++) {
      let row = '';
      for (let k = 0; k < masks.length; k++) {
        row += k === 0 ? (masks[k]![i] ? '1' : '0') : masks[k]![i] ? ',1' : ',0';
      }
      rows.push(row);
    }
    yield `${rows.join('\n')}\n`;
  }
}
