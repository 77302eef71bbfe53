import type { EventTable, Mask } from '@tamkit/core';
import { compensate } from '../compensation/compensate.js';
import { evaluateStrategy } from '../strategy/evaluate-strategy.js';
import { UNCOMPENSATED, type GateNode } from '../strategy/gating-strategy.js';
import type { TransformSpec } from '../transforms/transform-spec.js';
import type { ResolvedAutoPregateOptions } from './auto-pregate-options.js';

/**
 * The isotype (else unstained) control of the pan-macrophage cut-off, compensated like the sample,
 * with its mask in the gates fitted so far (evaluated through them as a strategy); null without one.
 */
export function negativeControl(
  opts: ResolvedAutoPregateOptions,
  gates: readonly GateNode[],
  compRef: string,
  transforms: Readonly<Record<string, TransformSpec>>,
): { comp: EventTable; mask: Mask; kind: 'unstained' | 'isotype' } | null {
  const kind =
    opts.controls.isotype !== undefined
      ? 'isotype'
      : opts.controls.unstained !== undefined
        ? 'unstained'
        : null;
  const table = kind === 'isotype' ? opts.controls.isotype : opts.controls.unstained;
  if (kind === null || table === undefined) {
    return null;
  }
  const comp =
    opts.spillover === null || compRef === UNCOMPENSATED
      ? table
      : compensate(table, opts.spillover);
  const last = gates.at(-1)?.id;
  if (last === undefined) {
    return { comp, mask: new Uint8Array(table.eventCount).fill(1), kind };
  }
  const tree = evaluateStrategy({ transforms, matrices: {}, gates }, table, {
    fcsSpillover: opts.spillover,
  });
  return { comp, mask: tree.byId.get(last)!.mask, kind };
}
