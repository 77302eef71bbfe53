import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { findChannel, TamkitError, type EventTable } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import {
  FCS_COMPENSATION,
  isRatioDimension,
  parseGatingFile,
  parseGatingML,
  parseSpilloverCsv,
  UNCOMPENSATED,
  validateStrategy,
} from '@tamkit/gating';
import type { Dimension, GateNode, GateSpec, GatingStrategy } from '@tamkit/gating';

/** `--compensation`: `auto`, `none` or the path of a spillover CSV. */
export type CompensationMode = { readonly kind: 'auto' } | { readonly kind: 'none' } | { readonly kind: 'matrix'; readonly file: string; readonly matrix: SpilloverMatrix };

/** True when a gates file's text is XML (Gating-ML) rather than YAML/JSON: its first non-blank character is `<`. */
export function isXmlText(text: string): boolean {
  return /^\uFEFF?\s*</.test(text);
}

/**
 * Reads and validates a gates file: Gating-ML 2.0 when the text is XML, else a tamkit gating file
 * (YAML or JSON), detected by content, not by extension.
 *
 * @throws {GatingMLError} / {GatingFileError} on a bad file (context names line, field or gate id)
 * @throws {StrategyError} / {GateSpecError} from `validateStrategy`
 */
export function readGates(cwd: string, file: string): { strategy: GatingStrategy; text: string } {
  const text = readFileSync(resolve(cwd, file), 'utf8');
  const name = basename(file);
  const strategy = isXmlText(text) ? parseGatingML(text, name) : parseGatingFile(text, name);
  validateStrategy(strategy);
  return { strategy, text };
}

/** Parses `--compensation`: `auto`, `none`, or a spillover CSV read with `parseSpilloverCsv`. */
export function readCompensation(cwd: string, value: string): CompensationMode {
  if (value === 'auto' || value === 'none') {
    return { kind: value };
  }
  return { kind: 'matrix', file: value, matrix: parseSpilloverCsv(readFileSync(resolve(cwd, value), 'utf8'), basename(value)) };
}

/** The spillover used for `FCS` refs under a mode: the file's own (auto), none, or the CSV's. */
export function fcsSpilloverFor(mode: CompensationMode, fileSpillover: SpilloverMatrix | null): SpilloverMatrix | null {
  switch (mode.kind) {
    case 'auto':
      return fileSpillover;
    case 'none':
      return null;
    case 'matrix':
      return mode.matrix;
  }
}

const COMP_PREFIX = /^comp-/i;

/**
 * Under `--compensation auto` (or a matrix), a dimension naming a compensated channel the way FlowJo
 * does (`Comp-FL1-A`, a name the file does not have while `FL1-A` exists) with compensation `FCS` or
 * `uncompensated` reads `FL1-A` through the `FCS` spillover instead. Returns the strategy unchanged
 * when no dimension needs it.
 *
 * @throws {TamkitError} `GATE_NO_SPILLOVER` when such a dimension exists but there is no spillover to use
 */
export function resolveCompensatedNames(strategy: GatingStrategy, table: EventTable, spillover: SpilloverMatrix | null, file: string): GatingStrategy {
  let changed = false;
  const fix = <D extends Dimension>(d: D, gateId: string): D => {
    if (isRatioDimension(d) || !COMP_PREFIX.test(d.channel) || findChannel(table, d.channel) >= 0) {
      return d;
    }
    const plain = d.channel.replace(COMP_PREFIX, '');
    if (findChannel(table, plain) < 0 || (d.compensation !== FCS_COMPENSATION && d.compensation !== UNCOMPENSATED)) {
      return d;
    }
    if (spillover === null) {
      throw new TamkitError(
        'GATE_NO_SPILLOVER',
        `gate '${gateId}': dimension '${d.channel}' names a compensated channel but the file has no spillover keyword; pass --compensation MATRIX.csv`,
        { gateId, channel: d.channel, file },
      );
    }
    changed = true;
    return { ...d, channel: plain, compensation: FCS_COMPENSATION };
  };
  const fixGate = (gate: GateSpec, id: string): GateSpec => {
    switch (gate.kind) {
      case 'boolean':
        return gate;
      case 'quadrant':
        return { ...gate, dividers: gate.dividers.map((dv) => ({ ...dv, dimension: fix(dv.dimension, id) })) };
      case 'range':
        return { ...gate, dimensions: [fix(gate.dimensions[0], id)] };
      case 'polygon':
        return { ...gate, dimensions: [fix(gate.dimensions[0], id), fix(gate.dimensions[1], id)] };
      case 'rectangle':
        return { ...gate, dimensions: gate.dimensions.map((d) => fix(d, id)) };
      default:
        return { ...gate, dimensions: gate.dimensions.map((d) => fix(d, id)) };
    }
  };
  const gates: GateNode[] = strategy.gates.map((node) => ({ ...node, gate: fixGate(node.gate, node.id) }));
  return changed ? { ...strategy, gates } : strategy;
}
