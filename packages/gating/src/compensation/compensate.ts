import { replaceColumns } from '@tamkit/core';
import type { Column, EventTable } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import { CompensationError } from '../errors.js';
import { invertMatrix } from './invert-matrix.js';

/** Options of {@link compensate} and {@link decompensate}. */
export interface CompensateOptions {
  /**
   * Fluorochrome names of the matrix rows (Gating-ML `spectrumMatrix fluorochromes`), one per
   * detector. Only used in error context: output columns keep the detector names.
   */
  readonly fluorochromes?: readonly string[];
  /** `values` already hold S⁻¹ (Gating-ML `matrix-inverted-already="true"`). Default false. */
  readonly inverted?: boolean;
}

/** Defaults of {@link CompensateOptions}. */
export const COMPENSATE_DEFAULTS: Required<Omit<CompensateOptions, 'fluorochromes'>> = {
  inverted: false,
};

const normaliseName = (name: string): string => name.replaceAll('/', '_');

/**
 * Column index of each detector: exact $PnN first, then the name with `/` written as `_` on both
 * sides (FlowJo rewrites `/` in parameter names that way).
 */
function detectorColumns(table: EventTable, spill: SpilloverMatrix, options: CompensateOptions): number[] {
  const seen = new Map<number, string>();
  return spill.detectors.map((detector, k) => {
    let idx = table.channels.findIndex((c) => c.name === detector);
    if (idx < 0) {
      const wanted = normaliseName(detector);
      idx = table.channels.findIndex((c) => normaliseName(c.name) === wanted);
    }
    if (idx < 0) {
      const available = table.channels.map((c) => c.name);
      const fluorochrome = options.fluorochromes?.[k];
      throw new CompensationError(
        'COMP_MISSING_DETECTOR',
        `spillover matrix (${spill.source}) needs detector '${detector}'` +
          (fluorochrome !== undefined ? ` (fluorochrome '${fluorochrome}')` : '') +
          `, which is not a channel of the data; channels: ${available.join(', ')}`,
        { detector, available, source: spill.source, ...(fluorochrome !== undefined ? { fluorochrome } : {}) },
      );
    }
    const previous = seen.get(idx);
    if (previous !== undefined) {
      throw new CompensationError(
        'COMP_BAD_MATRIX',
        `spillover matrix (${spill.source}) names channel '${table.channels[idx]!.name}' twice ('${previous}' and '${detector}'); expected distinct detectors`,
        { source: spill.source, detectors: spill.detectors },
      );
    }
    seen.set(idx, detector);
    return idx;
  });
}

function checkShape(spill: SpilloverMatrix, options: CompensateOptions): number {
  const n = spill.detectors.length;
  if (spill.values.length !== n * n) {
    throw new CompensationError(
      'COMP_BAD_MATRIX',
      `spillover matrix (${spill.source}) has ${spill.values.length} values for ${n} detectors; expected ${n * n}`,
      { source: spill.source, detectors: spill.detectors, values: spill.values.length },
    );
  }
  if (options.fluorochromes && options.fluorochromes.length !== n) {
    throw new RangeError(`${options.fluorochromes.length} fluorochromes for ${n} detectors`);
  }
  return n;
}

function invert(spill: SpilloverMatrix, n: number): Float64Array {
  try {
    return invertMatrix(spill.values, n);
  } catch (err) {
    if (err instanceof CompensationError) {
      const column = (err.context as { column?: number }).column ?? 0;
      const detector = spill.detectors[column];
      throw new CompensationError(
        err.code,
        `spillover matrix (${spill.source}) cannot be inverted: ${err.message}` +
          (detector !== undefined ? ` (detector '${detector}')` : '') +
          '; check the matrix for repeated or all-zero rows',
        { ...err.context, source: spill.source, ...(detector !== undefined ? { detector } : {}) },
        { cause: err },
      );
    }
    throw err;
  }
}

/** out[j] = Σ_k observed[k] · matrix[k][j] for every event (row vector times matrix). */
function multiply(table: EventTable, idx: readonly number[], matrix: Float64Array): Map<number, Column> {
  const n = idx.length;
  const len = table.eventCount;
  const observed = idx.map((i) => table.columns[i]!);
  const out = new Map<number, Column>();
  for (let j = 0; j < n; j++) {
    const col = new Float64Array(len);
    for (let k = 0; k < n; k++) {
      const f = matrix[k * n + j]!;
      if (f === 0) {
        continue;
      }
      const o = observed[k]!;
      for (let e = 0; e < len; e++) {
        col[e] = col[e]! + o[e]! * f;
      }
    }
    out.set(idx[j]!, col);
  }
  return out;
}

/**
 * Compensates a table: for every event, the row vector of detector values times S⁻¹
 * (observed = true · S, so true = observed · S⁻¹; Gating-ML 2.0 section 7 and the FCS 3.1
 * `$SPILLOVER` convention, rows = fluorochromes, columns = detectors). Detectors are matched by
 * $PnN, then by $PnN with `/` read as `_`. Detector columns become new Float64Arrays and keep the
 * detector names; other channels (scatter, time) are shared unchanged. Stage `'compensated'`.
 * O(n²·events) for n detectors, plus O(n³) for the inverse.
 *
 * @throws {CompensationError} `COMP_MISSING_DETECTOR` (context `{ detector, available, source }`),
 *   `COMP_SINGULAR_MATRIX` (context `{ column, detector, source }`), `COMP_BAD_MATRIX`.
 * @example
 * const spill = parseSpilloverCsv(csvText);
 * const comp = compensate(scaled, spill);
 * comp.stage; // 'compensated'
 */
export function compensate(table: EventTable, spill: SpilloverMatrix, options: CompensateOptions = {}): EventTable {
  const n = checkShape(spill, options);
  const idx = detectorColumns(table, spill, options);
  const inverse = (options.inverted ?? COMPENSATE_DEFAULTS.inverted) ? spill.values : invert(spill, n);
  return replaceColumns(table, multiply(table, idx, inverse), 'compensated');
}

/**
 * Undoes {@link compensate}: detector values times S (or times the inverse of `values` when
 * `inverted`), giving back the observed values. Stage `'scaled'`. Mainly for round-trip checks.
 *
 * @throws {CompensationError} as {@link compensate}.
 * @example
 * decompensate(compensate(scaled, spill), spill); // ≈ scaled
 */
export function decompensate(table: EventTable, spill: SpilloverMatrix, options: CompensateOptions = {}): EventTable {
  const n = checkShape(spill, options);
  const idx = detectorColumns(table, spill, options);
  const forward = (options.inverted ?? COMPENSATE_DEFAULTS.inverted) ? invert(spill, n) : spill.values;
  return replaceColumns(table, multiply(table, idx, forward), 'scaled');
}
