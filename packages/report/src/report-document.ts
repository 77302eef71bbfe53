import type { PlotlyFigure } from './plotly-figure.js';

/**
 * The input of {@link renderHtml}: a JSON-serialisable description of a report, independent of the
 * pipelines that produced its numbers. Adapters (`fromTranswellReadouts`, `phenotypeSections`, ...)
 * build it from result files; a pipeline that adds a field to its results does not change it.
 * See docs/report.md for the full model.
 */
export interface ReportDocument {
  /** Page title (escaped). */
  readonly title: string;
  readonly sections: readonly ReportSection[];
  /** Warnings from reading and analysis, shown in the provenance & QC section and flagged in the sidebar. */
  readonly warnings: readonly ReportWarning[];
  readonly provenance: Provenance;
}

/** What kind of section, used for its sidebar group and styling. */
export type SectionKind = 'summary' | 'flow' | 'composition' | 'migration' | 'qc' | 'other';

/** One section of the report: a heading, a sidebar entry and its blocks in order. */
export interface ReportSection {
  /** Anchor id: letters, digits, `-` and `_` only (checked by renderHtml). */
  readonly id: string;
  readonly title: string;
  readonly kind: SectionKind;
  readonly blocks: readonly ReportBlock[];
}

/** A block of a section. */
export type ReportBlock = TextBlock | FigureBlock | TableBlock | ImageBlock | KeyValueBlock;

/** A paragraph of plain text (escaped; no markup). */
export interface TextBlock {
  readonly type: 'text';
  readonly text: string;
  /** `note` paragraphs are shown smaller (e.g. "scatter subsampled to 100 000 events, seed 1"). */
  readonly style?: 'normal' | 'note';
}

/** A Plotly figure with a title and optional caption; downloadable as PNG and SVG. */
export interface FigureBlock {
  readonly type: 'figure';
  readonly title: string;
  readonly caption?: string;
  readonly figure: PlotlyFigure;
  /** Plot height in CSS pixels; default 360. */
  readonly height?: number;
  /**
   * Draw the figure at load as a static SVG picture (built at report-build time by `staticFigureSvg`)
   * that becomes the interactive Plotly figure, in place, when the reader clicks it or its "Make
   * interactive" button. For the many small multiples of flow figures, whose Plotly drawing at load
   * would dominate the time to open a report. Default false (Plotly at load).
   */
  readonly static?: boolean;
}

/** A cell value: numbers are shown with `digits` decimals of their column. */
export type TableCell = string | number | null;

/** A column of a {@link TableBlock}. */
export interface TableColumn {
  readonly label: string;
  /** Unit shown in the header, e.g. 'cells/field'. */
  readonly unit?: string;
  /** Decimals for numbers in the page (the CSV keeps full precision); default 2. */
  readonly digits?: number;
}

/** A table, shown as HTML and downloadable as CSV (built in the page from the same data). */
export interface TableBlock {
  readonly type: 'table';
  readonly title: string;
  readonly caption?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** An image (e.g. a membrane thumbnail with its counting overlay) given as a PNG or JPEG data: URI. */
export interface ImageBlock {
  readonly type: 'image';
  readonly title: string;
  readonly caption?: string;
  /** `data:image/png;base64,...` or `data:image/jpeg;base64,...`; anything else is rejected. */
  readonly src: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

/** A list of label/value pairs (e.g. FCS keywords, options). */
export interface KeyValueBlock {
  readonly type: 'keyValue';
  readonly title: string;
  readonly entries: readonly (readonly [string, string])[];
}

/** A warning shown in the report (from reading, analysis or the report's own checks). */
export interface ReportWarning {
  /** Stable SCREAMING_SNAKE code (e.g. `FCS_DATA_OFF_BY_ONE`, `CCL2_ON_DIFFERENTIATED_MACROPHAGES`). */
  readonly code: string;
  readonly message: string;
  /** Where it comes from: a file name or a sample. */
  readonly source?: string;
}

/** An input file and its SHA-256 (hex). */
export interface InputFile {
  readonly file: string;
  readonly sha256: string;
  readonly bytes?: number;
}

/** How the results were made: recorded in the provenance section. */
export interface Provenance {
  readonly tamkitVersion: string;
  /** The command line, one argument per entry. */
  readonly commandLine: readonly string[];
  /** ISO 8601 date-time of the report. */
  readonly date: string;
  readonly inputs: readonly InputFile[];
  /** Every parameter, by name (values are JSON). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Every seed, by the step that used it. */
  readonly seeds: Readonly<Record<string, number>>;
  /** Provenance of the results the report was built from (one per result file). */
  readonly results?: readonly ResultProvenance[];
}

/** The provenance recorded in one result file. */
export interface ResultProvenance {
  readonly source: string;
  readonly command: string;
  readonly version: string;
  readonly date?: string;
  readonly commandLine?: readonly string[];
  readonly inputs?: readonly InputFile[];
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly seeds?: Readonly<Record<string, number>>;
}
