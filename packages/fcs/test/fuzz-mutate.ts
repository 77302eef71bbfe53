import { createRng, isTamkitError } from '@tamkit/core';
import type { Rng } from '@tamkit/core';
import { parseFcs } from '../src/index.js';
import type { FcsParseOptions } from '../src/index.js';
import { buildFcs, bytesOf, float32le, latin1Bytes, listModeKeywords } from './build-fcs.js';

/** The kinds of damage a fuzz case applies. */
export const MUTATIONS = ['flip', 'truncate', 'header-offsets', 'keyword-digits', 'duplicate', 'overwrite'] as const;
export type Mutation = (typeof MUTATIONS)[number];

const DIGITS = '0123456789';

function randomDigits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += DIGITS[rng.nextInt(10)]!;
  }
  return s;
}

/** Applies one mutation to a copy of `base` (never to `base` itself). */
export function mutate(base: Uint8Array, kind: Mutation, rng: Rng): Uint8Array {
  const size = base.length;
  switch (kind) {
    case 'flip': {
      const out = base.slice();
      const n = 1 + rng.nextInt(8);
      for (let i = 0; i < n && size > 0; i++) {
        out[rng.nextInt(size)]! ^= 1 << rng.nextInt(8);
      }
      return out;
    }
    case 'truncate':
      return base.slice(0, size === 0 ? 0 : rng.nextInt(size));
    case 'header-offsets': {
      const out = base.slice();
      if (size < 58) {
        return out;
      }
      const field = rng.nextInt(6);
      const text = rng.next() < 0.2 ? '        ' : randomDigits(rng, 1 + rng.nextInt(8)).padStart(8, ' ');
      out.set(latin1Bytes(text), 10 + 8 * field);
      return out;
    }
    case 'keyword-digits': {
      // Overwrite the digits of a random numeric keyword value in the first 64 KB (TEXT lives there).
      const out = base.slice();
      const window = Math.min(size, 65536);
      for (let tries = 0; tries < 20; tries++) {
        const at = 58 + rng.nextInt(Math.max(1, window - 58));
        const b = out[at];
        if (b !== undefined && b >= 0x30 && b <= 0x39) {
          let end = at;
          while (end < window && out[end]! >= 0x30 && out[end]! <= 0x39) {
            end++;
          }
          const len = end - at;
          const replacement = rng.next() < 0.3 ? '9'.repeat(len) : randomDigits(rng, len);
          out.set(latin1Bytes(replacement), at);
          return out;
        }
      }
      return out;
    }
    case 'duplicate': {
      // Insert a copy of a random slice (a duplicated segment) at a random position.
      const from = rng.nextInt(Math.max(1, size));
      const len = Math.min(size - from, 1 + rng.nextInt(4096));
      const at = rng.nextInt(size + 1);
      const out = new Uint8Array(size + len);
      out.set(base.subarray(0, at), 0);
      out.set(base.subarray(from, from + len), at);
      out.set(base.subarray(at), at + len);
      return out;
    }
    case 'overwrite': {
      const out = base.slice();
      const at = rng.nextInt(Math.max(1, size));
      const len = Math.min(size - at, 1 + rng.nextInt(64));
      for (let i = 0; i < len; i++) {
        out[at + i] = rng.nextInt(256);
      }
      return out;
    }
  }
}

/** Small valid files of several layouts, built in memory (used when the corpus is absent). */
export function builtSeeds(): Uint8Array[] {
  const f = (n: number): Uint8Array => float32le(...Array.from({ length: n }, (_, i) => i * 1.5));
  return [
    buildFcs({ keywords: listModeKeywords({ dataType: 'F', tot: 50, bits: [32, 32, 32] }), data: f(150) }),
    buildFcs({ keywords: listModeKeywords({ dataType: 'I', byteOrder: '4,3,2,1', tot: 3, bits: [16, 16] }), data: bytesOf(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12) }),
    buildFcs({ keywords: listModeKeywords({ dataType: 'I', tot: 2, bits: [8, 16, 32, 24] }), data: new Uint8Array(20).fill(7) }),
    buildFcs({ keywords: listModeKeywords({ dataType: 'D', tot: 2, bits: [64] }), data: new Uint8Array(16).fill(0x3f) }),
    buildFcs({ keywords: listModeKeywords({ dataType: 'A', tot: 2, bits: ['*', '*'] }), data: latin1Bytes('1 2 3 4') }),
    buildFcs({ keywords: listModeKeywords({ dataType: 'A', tot: 2, bits: [3, 3] }), data: latin1Bytes('  1  2  3  4') }),
    buildFcs({ version: 'FCS2.0', delimiter: '\\', keywords: listModeKeywords({ dataType: 'I', byteOrder: '1,2', tot: 4, bits: [10] }), data: bytesOf(1, 2, 3, 4, 5, 6, 7, 8) }),
  ];
}

const OPTION_SETS: readonly FcsParseOptions[] = [
  {},
  { allowDataSizeMismatch: true, ignoreBadNextData: true },
  { bitMask: 'ignore', ignoreOffsetDiscrepancy: true },
  { preferHeaderOffsets: true, allowDataSizeMismatch: true },
  { textOnly: true },
  { subsample: { count: 5, seed: 3 } },
];

/** What happened to one fuzz case. */
export type FuzzOutcome =
  | { readonly kind: 'ok'; readonly columnBytes: number }
  | { readonly kind: 'typed-error'; readonly code: string }
  | { readonly kind: 'other-error'; readonly error: unknown };

/** Parses one case and classifies the outcome. */
export function runCase(bytes: Uint8Array, options: FcsParseOptions): FuzzOutcome {
  try {
    const fcs = parseFcs(bytes, options);
    let columnBytes = 0;
    for (const ds of fcs.datasets) {
      for (const col of ds.table.columns) {
        columnBytes += col.byteLength;
      }
    }
    return { kind: 'ok', columnBytes };
  } catch (error) {
    return isTamkitError(error) ? { kind: 'typed-error', code: error.code } : { kind: 'other-error', error };
  }
}

/** Summary of a fuzz run. */
export interface FuzzSummary {
  readonly cases: number;
  readonly ok: number;
  readonly codes: Readonly<Record<string, number>>;
  /** Cases that threw something other than a TamkitError, or allocated beyond 8 × size + 4 KB. */
  readonly failures: ReadonlyArray<{ readonly seed: number; readonly index: number; readonly mutation: Mutation; readonly problem: string }>;
}

/** Runs `cases` seeded mutations over the seed files, cycling through them. */
export function fuzz(seeds: readonly Uint8Array[], cases: number, seed: number): FuzzSummary {
  const rng = createRng(seed);
  const codes: Record<string, number> = {};
  const failures: Array<FuzzSummary['failures'][number]> = [];
  let ok = 0;
  for (let i = 0; i < cases; i++) {
    const base = seeds[i % seeds.length]!;
    const mutation = MUTATIONS[rng.nextInt(MUTATIONS.length)]!;
    let bytes = mutate(base, mutation, rng);
    if (rng.next() < 0.2) {
      bytes = mutate(bytes, MUTATIONS[rng.nextInt(MUTATIONS.length)]!, rng);
    }
    const options = OPTION_SETS[rng.nextInt(OPTION_SETS.length)]!;
    const outcome = runCase(bytes, options);
    if (outcome.kind === 'ok') {
      ok++;
      if (outcome.columnBytes > 8 * bytes.length + 4096) {
        failures.push({ seed, index: i, mutation, problem: `${outcome.columnBytes} column bytes for a ${bytes.length}-byte file` });
      }
    } else if (outcome.kind === 'typed-error') {
      codes[outcome.code] = (codes[outcome.code] ?? 0) + 1;
    } else {
      const e = outcome.error;
      failures.push({ seed, index: i, mutation, problem: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
  }
  return { cases, ok, codes, failures };
}
