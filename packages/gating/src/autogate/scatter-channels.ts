import type { EventTable } from '@tamkit/core';
import { FALLBACK_TOP_OF_SCALE } from '../transforms/default-display-transform.js';
import { AutogateError } from './autogate-errors.js';

/** The scatter channels the pre-gates read ($PnN). */
export interface ScatterChannels {
  /** Forward-scatter area (FSC-A), or height when the file has no area channel. */
  readonly fscA: string;
  /** Forward-scatter height, when the file has both area and height; else null. */
  readonly fscH: string | null;
  /** Side-scatter area (SSC-A), or height. */
  readonly sscA: string;
  /** Top of the scatter scales: the largest $PnR of the three channels, or the fallback 262144. */
  readonly top: number;
}

const pick = (names: readonly string[], pattern: RegExp): string | undefined =>
  names.find((n) => pattern.test(n));

/**
 * Finds FSC-A, FSC-H and SSC-A by $PnN (`FSC-A`, `FSC_A`, `FSC A`, `FS-A`...; height channels stand in
 * for missing area channels).
 *
 * @throws {AutogateError} `AUTOGATE_MISSING_CHANNEL` when no forward or no side scatter channel exists.
 * @example
 * findScatterChannels(table); // { fscA: 'FSC-A', fscH: 'FSC-H', sscA: 'SSC-A', top: 262144 }
 */
export function findScatterChannels(table: Pick<EventTable, 'channels'>): ScatterChannels {
  const names = table.channels.map((c) => c.name);
  const fscArea = pick(names, /^FSC?[-_ ]?A(rea)?$/i);
  const fscHeight = pick(names, /^FSC?[-_ ]?H(eight)?$/i) ?? pick(names, /^FSC?$/i);
  const ssc =
    pick(names, /^SSC?[-_ ]?A(rea)?$/i) ??
    pick(names, /^SSC?[-_ ]?H(eight)?$/i) ??
    pick(names, /^SSC?$/i);
  const fsc = fscArea ?? fscHeight;
  for (const [channel, found] of [
    ['FSC-A', fsc],
    ['SSC-A', ssc],
  ] as const) {
    if (found === undefined) {
      throw new AutogateError(
        'AUTOGATE_MISSING_CHANNEL',
        `no ${channel.slice(0, 3)} channel (${channel} or ${channel.slice(0, 3)}-H) among ${names.join(', ') || 'no channels'}; expected scatter channels for debris and singlet gates`,
        { gateId: channel === 'FSC-A' ? 'cells' : 'cells', channel, available: names },
      );
    }
  }
  const fscH = fscArea !== undefined && fscHeight !== undefined ? fscHeight : null;
  const ranges = table.channels
    .filter((c) => c.name === fsc || c.name === ssc || c.name === fscH)
    .map((c) => c.range);
  const top = Math.max(0, ...ranges);
  return { fscA: fsc!, fscH, sscA: ssc!, top: top > 0 ? top : FALLBACK_TOP_OF_SCALE };
}
