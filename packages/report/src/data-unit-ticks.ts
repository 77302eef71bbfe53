/** Tick positions on a transformed axis and their labels in data units (Plotly `tickvals`/`ticktext`). */
export interface DataUnitTicks {
  readonly tickvals: number[];
  readonly ticktext: string[];
}

const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** `10^k` written with superscript digits (`10`, `10²`, ...); `1` for k = 0. @example powerLabel(3) // '10³' */
export function powerLabel(k: number): string {
  if (k === 0) {
    return '1';
  }
  if (k === 1) {
    return '10';
  }
  return `10${String(k)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)] ?? d)
    .join('')}`;
}

/**
 * Ticks for an axis drawn on a display transform (logicle, asinh, log): tick positions are the
 * transformed values of 0 and ±10^k (k = 0..maxDecade) that fall within `displayRange`, labelled in
 * data units (`0`, `10²`, `-10³`); 0 and the larger decades win when ticks would sit closer than
 * `minSpacing` (fraction of the range) to each other. `apply` is the display transform (data → display units), e.g.
 * `createTransform(spec).apply` from @tamkit/gating; the report never computes a transform itself.
 *
 * @param apply data → display units.
 * @param displayRange the axis range in display units, [low, high].
 * @throws {RangeError} when the range is not finite and ascending.
 * @example
 * dataUnitTicks((v) => Math.asinh(v / 5), [0, Math.asinh(1000 / 5)]) // tickvals at asinh(0), asinh(1/5), ...
 */
export function dataUnitTicks(
  apply: (value: number) => number,
  displayRange: readonly [number, number],
  maxDecade = 7,
  minSpacing = 0.045,
): DataUnitTicks {
  const [lo, hi] = displayRange;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) {
    throw new RangeError(`dataUnitTicks needs a finite ascending range, got [${lo}, ${hi}]`);
  }
  const ticks: { pos: number; text: string }[] = [];
  // Candidates by priority: 0, then decades from the largest down; a candidate closer than
  // `minSpacing` of the range to a kept tick is dropped (near 0, logicle/asinh decades crowd).
  const gap = (hi - lo) * minSpacing;
  const add = (value: number, text: string): void => {
    const pos = apply(value);
    if (Number.isFinite(pos) && pos >= lo && pos <= hi && ticks.every((t) => Math.abs(t.pos - pos) >= gap)) {
      ticks.push({ pos, text });
    }
  };
  add(0, '0');
  for (let k = maxDecade; k >= 0; k--) {
    add(10 ** k, powerLabel(k));
    add(-(10 ** k), `-${powerLabel(k)}`);
  }
  ticks.sort((a, b) => a.pos - b.pos);
  return { tickvals: ticks.map((t) => t.pos), ticktext: ticks.map((t) => t.text) };
}
