/**
 * One count of migrated cells: one microscope field of one insert (well), or a whole insert when the
 * count covers it (then `fieldAreaMm2` equals `insertAreaMm2`). Counts from tables, membrane images and
 * counting beads all become these rows; readouts and statistics never know the source.
 *
 * Every property is JSON-serialisable; absent values are `null`.
 */
export interface CountRecord {
  /** Treatment label, e.g. `'CCL2 10 ng/mL'`; compared as an exact string. */
  readonly condition: string;
  /** Insert / well label inside its condition (kept as written, e.g. `'0012'`). */
  readonly replicate: string;
  /** Field label inside its insert, or `null` when the row is the only count of its insert. */
  readonly field: string | null;
  /** Migrated cells counted (non-negative integer), or `null` while an image is still to be counted. */
  readonly count: number | null;
  /** Path of a membrane image to count (as written in the table, unresolved), or `null`. */
  readonly image: string | null;
  /** Independent experiment / donor label, or `null`. */
  readonly experiment: string | null;
  /** CCL2 concentration in the lower chamber, ng/mL. */
  readonly ccl2NgMl: number | null;
  /** Inhibitor name (e.g. `'carlumab'`, a CCR2 antagonist), or `null`. */
  readonly inhibitor: string | null;
  /** Inhibitor dose, in `doseUnit`. */
  readonly dose: number | null;
  /** Unit of `dose`, as written (e.g. `'ug/mL'`, `'nM'`). */
  readonly doseUnit: string | null;
  /** Cells seeded in the upper chamber of this insert (cells). */
  readonly cellsSeeded: number | null;
  /** Membrane area of the insert, mm² (6.5 mm insert: 33 mm² = 0.33 cm²). */
  readonly insertAreaMm2: number | null;
  /** Area of one counted field, mm². */
  readonly fieldAreaMm2: number | null;
  /** Membrane coating (e.g. `'matrigel'`, `'uncoated'`), lower-cased, or `null`. */
  readonly coating: string | null;
  /** Where the row came from: source name and 1-based line. */
  readonly source: { readonly file: string; readonly line: number };
}
