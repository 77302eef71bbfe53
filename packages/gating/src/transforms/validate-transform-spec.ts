import { TransformSpecError } from '../errors.js';
import type { TransformBounds, TransformSpec } from './transform-spec.js';

function bad(kind: string, parameter: string, value: unknown, expected: string): TransformSpecError {
  return new TransformSpecError(
    'TRANSFORM_BAD_PARAMETER',
    `${kind} parameter ${parameter} = ${String(value)} is not valid; expected ${expected}`,
    { kind, parameter, value, expected },
  );
}

function finite(kind: string, parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw bad(kind, parameter, value, 'a finite number');
  }
  return value;
}

function check(ok: boolean, kind: string, parameter: string, value: number, expected: string): void {
  if (!ok) {
    throw bad(kind, parameter, value, expected);
  }
}

/** Checks Gating-ML bounds: each finite when present, boundMin <= boundMax. */
function checkBounds(kind: string, bounds: TransformBounds): void {
  const min = bounds.boundMin === undefined ? undefined : finite(kind, 'boundMin', bounds.boundMin);
  const max = bounds.boundMax === undefined ? undefined : finite(kind, 'boundMax', bounds.boundMax);
  if (min !== undefined && max !== undefined) {
    check(min <= max, kind, 'boundMax', max, `boundMax >= boundMin (${min})`);
  }
}

/** Checks the biexponential family (logicle, hyperlog): shared Gating-ML ranges of W and A. */
function checkBiexponential(
  kind: 'logicle' | 'hyperlog',
  spec: { readonly t: number; readonly w: number; readonly m: number; readonly a: number },
): void {
  const t = finite(kind, 'T', spec.t);
  const w = finite(kind, 'W', spec.w);
  const m = finite(kind, 'M', spec.m);
  const a = finite(kind, 'A', spec.a);
  check(t > 0, kind, 'T', t, 'T > 0');
  check(m > 0, kind, 'M', m, 'M > 0');
  if (kind === 'logicle') {
    check(w >= 0, kind, 'W', w, 'W >= 0');
  } else {
    check(w > 0, kind, 'W', w, 'W > 0');
  }
  check(w <= m / 2, kind, 'W', w, `W <= M/2 = ${m / 2}`);
  check(a >= -w && a <= m - 2 * w, kind, 'A', a, `-W <= A <= M - 2W, i.e. ${-w}..${m - 2 * w}`);
}

/**
 * Checks a transform spec against the parameter ranges of Gating-ML 2.0 (`Transformations.v2.0.xsd`
 * and its comments): every parameter finite; T > 0 and M > 0; flin T + A ≠ 0; fasinh A ≥ 0;
 * logicle W ≥ 0, hyperlog W > 0, both W ≤ M/2 and −W ≤ A ≤ M − 2W. FlowJo biex: width ≤ −1,
 * negative ≥ 0, positive > log10(−width)/2 (so decades stay positive), maxValue > 0 and
 * channelRange an integer ≥ 2. Bounds (Gating-ML kinds only): boundMin and boundMax finite when
 * present and boundMin ≤ boundMax; a flowjo-biex spec must not carry them.
 *
 * @throws {TransformSpecError} code `TRANSFORM_BAD_PARAMETER` (context `{ kind, parameter, value,
 *   expected }`) or `TRANSFORM_UNKNOWN_KIND` (context `{ kind }`).
 * @example
 * validateTransformSpec({ kind: 'logicle', t: 262144, w: 0.5, m: 4.5, a: 0 }); // ok
 * validateTransformSpec({ kind: 'logicle', t: 262144, w: 3, m: 4.5, a: 0 }); // throws: W > M/2
 * validateTransformSpec({ kind: 'linear', t: 1, a: 0, boundMin: 1, boundMax: 0 }); // throws: boundMin > boundMax
 */
export function validateTransformSpec(spec: TransformSpec): void {
  validateParameters(spec);
  if (spec.kind === 'flowjo-biex') {
    for (const parameter of ['boundMin', 'boundMax'] as const) {
      const value = (spec as TransformBounds)[parameter];
      if (value !== undefined) {
        throw bad(spec.kind, parameter, value, 'no bound (bounds apply to the Gating-ML kinds only)');
      }
    }
  } else {
    checkBounds(spec.kind, spec);
  }
}

function validateParameters(spec: TransformSpec): void {
  switch (spec.kind) {
    case 'linear': {
      const t = finite('linear', 'T', spec.t);
      const a = finite('linear', 'A', spec.a);
      check(t > 0, 'linear', 'T', t, 'T > 0');
      check(t + a !== 0, 'linear', 'A', a, `A != -T (${-t})`);
      return;
    }
    case 'log': {
      const t = finite('log', 'T', spec.t);
      const m = finite('log', 'M', spec.m);
      check(t > 0, 'log', 'T', t, 'T > 0');
      check(m > 0, 'log', 'M', m, 'M > 0');
      return;
    }
    case 'asinh': {
      const t = finite('asinh', 'T', spec.t);
      const m = finite('asinh', 'M', spec.m);
      const a = finite('asinh', 'A', spec.a);
      check(t > 0, 'asinh', 'T', t, 'T > 0');
      check(m > 0, 'asinh', 'M', m, 'M > 0');
      check(a >= 0, 'asinh', 'A', a, 'A >= 0');
      return;
    }
    case 'logicle':
    case 'hyperlog':
      checkBiexponential(spec.kind, spec);
      return;
    case 'flowjo-biex': {
      const k = 'flowjo-biex';
      const width = finite(k, 'width', spec.width);
      const negative = finite(k, 'negative', spec.negative);
      const positive = finite(k, 'positive', spec.positive);
      const maxValue = finite(k, 'maxValue', spec.maxValue);
      const channelRange = finite(k, 'channelRange', spec.channelRange);
      check(width <= -1, k, 'width', width, 'width <= -1');
      check(negative >= 0, k, 'negative', negative, 'negative >= 0');
      const half = Math.log10(-width) / 2;
      check(positive > half, k, 'positive', positive, `positive > log10(-width)/2 = ${half}`);
      check(maxValue > 0, k, 'maxValue', maxValue, 'maxValue > 0');
      check(
        Number.isInteger(channelRange) && channelRange >= 2,
        k,
        'channelRange',
        channelRange,
        'an integer >= 2',
      );
      return;
    }
    default: {
      const kind = (spec as { kind?: unknown }).kind;
      throw new TransformSpecError(
        'TRANSFORM_UNKNOWN_KIND',
        `unknown transform kind '${String(kind)}'; expected linear, log, asinh, logicle, hyperlog or flowjo-biex`,
        { kind },
      );
    }
  }
}
