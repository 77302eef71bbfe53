import { lowEventWarnings } from './assay-warnings.js';
import { clusterHeatmapFigure } from './cluster-heatmap-figure.js';
import type { ClusterHeatmapInput } from './cluster-heatmap-figure.js';
import { compositionByConditionFigure, compositionBySampleFigure } from './composition-figure.js';
import type { CompositionInput } from './composition-figure.js';
import { mfiTable, thresholdTable } from './flow-tables.js';
import type { MarkerIntensityRow } from './flow-tables.js';
import type { GatePanel } from './gating-hierarchy-figure.js';
import { markerHistogramFigure } from './marker-histogram-figure.js';
import { sampleFlowFigure } from './sample-flow-figure.js';
import type { MarkerHistogramInput } from './marker-histogram-figure.js';
import type { ReportBlock, ReportSection, ReportWarning, TableBlock } from './report-document.js';
import { formatP, significanceStars } from './significance.js';

/** A positivity threshold with its control (`control: null` when it came from the sample's own data). */
export interface PhenotypeThreshold {
  readonly marker: string;
  /** Data units. */
  readonly value: number;
  readonly method: string;
  /** Control file or name (FMO, isotype, unstained), or null. */
  readonly control: string | null;
}

/** One sample of a `phenotype` result: what the report draws (binned data only, never events). */
export interface PhenotypeSampleInput {
  readonly sample: string;
  readonly condition?: string;
  readonly file?: string;
  readonly events: number;
  /** Gating hierarchy plots, parents first. */
  readonly panels?: readonly GatePanel[];
  /** Populations with their event counts (for the low-event check). */
  readonly populations?: readonly { readonly population: string; readonly events: number }[];
  readonly histograms?: readonly MarkerHistogramInput[];
  readonly intensities?: readonly MarkerIntensityRow[];
  readonly thresholds?: readonly PhenotypeThreshold[];
  readonly keywords?: Readonly<Record<string, string>>;
  readonly warnings?: readonly { readonly code: string; readonly message: string }[];
}

/** Tests of the class percentages against a control condition, samples (donors) as replicates. */
export interface FlowStatisticsInput {
  readonly control: string;
  readonly tests: readonly {
    readonly className: string;
    readonly test: string;
    /** Condition tested; null for an overall test (ANOVA). */
    readonly condition: string | null;
    /** Mean(condition) − mean(control), percentage points. */
    readonly difference: number | null;
    readonly statistic: number | null;
    readonly df: number | null;
    readonly pValue: number;
    readonly adjusted: boolean;
  }[];
}

/** What a `phenotype` result file holds (fields beyond these are ignored). */
export interface PhenotypeReportInput {
  readonly samples: readonly PhenotypeSampleInput[];
  readonly composition?: CompositionInput;
  /** Tests of % M1, % M2 per condition against the control (`tamkit run` with `statistics.control`). */
  readonly statistics?: FlowStatisticsInput;
  readonly clusters?: ClusterHeatmapInput;
  /** Events below which a population is flagged; default 5 000. */
  readonly minEvents?: number;
}

function slug(text: string, i: number): string {
  return `sample-${i + 1}-${text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40)}`.replace(/-$/, '');
}

/**
 * The flow sections of a phenotype result (one per sample: gating hierarchy, marker histograms with
 * control and threshold, thresholds, MFI/stain index, keywords) and the composition section
 * (per sample, per condition, cluster centres), with warnings: each sample's own, thresholds set
 * without a control (`NO_CONTROL_THRESHOLD`), and populations under `minEvents` (`LOW_EVENT_COUNT`).
 *
 * @example const { sections, warnings } = phenotypeSections(input, 'phenotype.json');
 */
export function phenotypeSections(input: PhenotypeReportInput, source: string): { sections: ReportSection[]; warnings: ReportWarning[] } {
  const sections: ReportSection[] = [];
  const warnings: ReportWarning[] = [];
  input.samples.forEach((s, i) => {
    const blocks: ReportBlock[] = [];
    if (s.panels && s.panels.length > 0) {
      const subsampled = s.panels.filter((p) => p.scatter);
      blocks.push({
        type: 'figure',
        title: `${s.sample}: gating hierarchy`,
        caption: `Top: each plot shows the parent population as a density of pre-binned events (colour = log10 events per bin), or as events per bin for a one-marker gate; gates drawn with their % of parent.${(s.histograms ?? []).length > 0 ? ' Bottom: marker histograms as % of events per bin, the sample solid, its control dashed, the positivity threshold in red.' : ''}${
          subsampled.length > 0 ? ` Scatter plots show a seeded random subsample (${subsampled.map((p) => `${p.population}: ${p.scatter!.x.length} of ${p.scatter!.of} events, seed ${p.scatter!.seed}`).join('; ')}).` : ''
        }`,
        // Histograms share the figure (bottom row): one figure, one export per sample.
        figure: sampleFlowFigure(s.panels, s.histograms ?? [], { densityImage: true }),
        height: (s.histograms ?? []).length > 0 ? 620 : 340,
        static: true,
      });
    } else {
      for (const h of s.histograms ?? []) {
        blocks.push({ type: 'figure', title: `${s.sample}: ${h.marker}`, figure: markerHistogramFigure(h), height: 300 });
      }
    }
    if (s.thresholds && s.thresholds.length > 0) {
      blocks.push(thresholdTable(s.thresholds.map((t) => ({ marker: t.marker, value: t.value, source: `${t.method}${t.control ? ` (${t.control})` : ' (no control)'}` }))));
      for (const t of s.thresholds.filter((x) => x.control === null)) {
        warnings.push({ code: 'NO_CONTROL_THRESHOLD', message: `${t.marker}: threshold set by ${t.method} from the sample itself, without an FMO or isotype control`, source: s.sample });
      }
    }
    if (s.intensities && s.intensities.length > 0) {
      blocks.push(mfiTable(s.intensities));
    }
    if (s.keywords) {
      blocks.push({ type: 'keyValue', title: 'FCS keywords', entries: Object.entries(s.keywords) });
    }
    if (blocks.length === 0) {
      blocks.push({ type: 'text', text: `${s.events} events; no plot in the result file.` });
    }
    sections.push({ id: slug(s.sample, i), title: s.sample, kind: 'flow', blocks });
    warnings.push(...(s.warnings ?? []).map((w) => ({ code: w.code, message: w.message, source: s.file ?? s.sample })));
    warnings.push(...lowEventWarnings((s.populations ?? []).map((p) => ({ sample: s.sample, ...p })), input.minEvents === undefined ? {} : { minEvents: input.minEvents }));
  });
  const composition: ReportBlock[] = [];
  if (input.composition && input.composition.samples.length > 0) {
    composition.push({ type: 'figure', title: 'Composition per sample', figure: compositionBySampleFigure(input.composition) });
    const stats = input.statistics;
    const marks = (stats?.tests ?? []).flatMap((t) => (t.condition === null ? [] : [{ className: t.className, condition: t.condition, pValue: t.pValue }]));
    composition.push({
      type: 'figure',
      title: 'Composition per condition',
      caption: `Bars: mean over samples of the condition; points: each sample.${marks.length > 0 && stats ? ` Stars: difference from ${stats.control} (the tests in the table below; * p < 0.05, ** < 0.01, *** < 0.001, **** < 0.0001).` : ''}`,
      figure: compositionByConditionFigure(input.composition, marks),
    });
    composition.push({
      type: 'table',
      title: 'Composition',
      columns: [{ label: 'sample' }, { label: 'condition' }, ...input.composition.classes.map((c) => ({ label: c, unit: '%', digits: 1 }))],
      rows: input.composition.samples.map((s) => [s.sample, s.condition, ...s.percents]),
    });
  }
  if (input.statistics && input.statistics.tests.length > 0) {
    composition.push(flowStatisticsTable(input.statistics));
  }
  if (input.clusters && input.clusters.clusters.length > 0) {
    composition.push({ type: 'figure', title: 'Cluster centres', caption: 'k-means centres on each marker’s display scale, annotated from their centres.', figure: clusterHeatmapFigure(input.clusters) });
  }
  if (composition.length > 0) {
    sections.push({ id: 'composition', title: 'M1/M2 composition', kind: 'composition', blocks: composition });
  }
  if (input.samples.length > 0 && input.samples.every((s) => (s.thresholds ?? []).every((t) => t.control === null)) && input.samples.some((s) => (s.thresholds ?? []).length > 0)) {
    warnings.push({ code: 'NO_CONTROLS', message: 'no sample has an FMO or isotype control: every positivity threshold came from the stained samples themselves', source });
  }
  return { sections, warnings };
}

/**
 * The tests of the class percentages against the control as a table: one row per class and
 * condition (and the overall test), with the difference in percentage points, the statistic, the
 * p-value, its GraphPad stars and whether it is adjusted for multiple comparisons.
 *
 * @example flowStatisticsTable({ control: 'M0', tests }).rows[0] // ['M1', 'all conditions', 'one-way ANOVA', ...]
 */
export function flowStatisticsTable(stats: FlowStatisticsInput): TableBlock {
  return {
    type: 'table',
    title: `% of classified cells against ${stats.control}`,
    caption: `Samples (donors) as replicates. Difference = mean(condition) − mean(${stats.control}), percentage points; adjusted p-values: Dunnett's many-to-one comparisons, or Welch tests with Holm's adjustment.`,
    columns: [
      { label: 'class' },
      { label: 'condition' },
      { label: 'test' },
      { label: 'difference', unit: 'pp', digits: 1 },
      { label: 'statistic', digits: 3 },
      { label: 'df', digits: 1 },
      { label: 'p' },
      { label: 'significance' },
      { label: 'adjusted' },
    ],
    rows: stats.tests.map((t) => [
      t.className,
      t.condition === null ? 'all conditions' : `${t.condition} vs ${stats.control}`,
      t.test,
      t.difference,
      t.statistic,
      t.df,
      formatP(t.pValue).replace(/^p = /, '').replace(/^p /, ''),
      significanceStars(t.pValue),
      t.adjusted ? 'yes' : 'no',
    ]),
  };
}
