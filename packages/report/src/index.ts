// Document model
export type {
  ReportDocument,
  ReportSection,
  SectionKind,
  ReportBlock,
  TextBlock,
  FigureBlock,
  TableBlock,
  TableColumn,
  TableCell,
  ImageBlock,
  KeyValueBlock,
  ReportWarning,
  InputFile,
  Provenance,
  ResultProvenance,
} from './report-document.js';
export { ReportError } from './errors.js';
export type { ReportErrorCode } from './errors.js';
// Figures (pure)
export type { PlotlyFigure, PlotlyTrace, PlotlyLayout } from './plotly-figure.js';
export { REPORT_COLOURS, seriesColour, plotlyText } from './plotly-figure.js';
export { dataUnitTicks, powerLabel } from './data-unit-ticks.js';
export type { DataUnitTicks } from './data-unit-ticks.js';
export { bin2d, bin1d, binCentres } from './bin-events.js';
export type { Binned2d, Binned1d } from './bin-events.js';
export { subsamplePoints, MAX_SCATTER_POINTS } from './subsample-points.js';
export type { SubsampledPoints } from './subsample-points.js';
export { gateOverlayParts, ellipsePoints, formatPercent } from './gate-overlay.js';
export type { GateOverlay, OverlayParts } from './gate-overlay.js';
export { gatingHierarchyFigure, axisLayout } from './gating-hierarchy-figure.js';
export type { GatePanel, DisplayAxis, GatingFigureOptions } from './gating-hierarchy-figure.js';
export { markerHistogramFigure } from './marker-histogram-figure.js';
export type { MarkerHistogramInput } from './marker-histogram-figure.js';
export { compositionBySampleFigure, compositionByConditionFigure, conditionMeans } from './composition-figure.js';
export type { CompositionInput, CompositionMark } from './composition-figure.js';
export { clusterHeatmapFigure } from './cluster-heatmap-figure.js';
export type { ClusterHeatmapInput } from './cluster-heatmap-figure.js';
export { mfiTable, thresholdTable } from './flow-tables.js';
export type { MarkerIntensityRow, ThresholdRow } from './flow-tables.js';
export { bracketLevels, migrationFigure, migrationFigureHeight } from './migration-figure.js';
export type { MigrationFigureInput, MigrationGroup, Comparison } from './migration-figure.js';
export { significanceStars, formatP } from './significance.js';
export { doseResponseFigure, fourPl } from './dose-response-figure.js';
export type { DoseResponseInput, FourPlCurve } from './dose-response-figure.js';
export { thumbnailDataUri, encodePngRgb, downscaleRgb, crc32, base64 } from './png-thumbnail.js';
export type { RgbRaster } from './png-thumbnail.js';
// HTML
export { renderHtml, REPORT_CSP } from './render-html.js';
export type { RenderHtmlOptions } from './render-html.js';
export { provenanceSection } from './provenance-section.js';
export { escapeHtml, jsonForScript, inlineScript } from './escape-html.js';
// Result files and adapters
export { readResultFile, RESULT_KINDS } from './result-file.js';
export type { ResultFile, ResultHeader, ResultKind } from './result-file.js';
export { buildReportDocument } from './build-report-document.js';
export type { GateReportInput } from './build-report-document.js';
export { migrationSection, migrationGroups, comparisonsFrom, readoutTable, doseResponseInput } from './from-transwell.js';
export type { TranswellReportInput } from './from-transwell.js';
export { flowStatisticsTable, phenotypeSections } from './from-phenotype.js';
export { summarySection } from './summary-section.js';
export type { SummaryInput } from './summary-section.js';
export type { FlowStatisticsInput, PhenotypeReportInput, PhenotypeSampleInput, PhenotypeThreshold } from './from-phenotype.js';
export { infoSection } from './from-info.js';
export type { InfoFileInput } from './from-info.js';
export { migrationAssayWarnings, lowEventWarnings, LOW_EVENT_DEFAULTS } from './assay-warnings.js';
export { phenotypeInputFromJson, isPhenotypeJson } from './from-phenotype-json.js';
export { displayPlots } from './from-phenotype-display.js';
export { densityImageUri, viridis } from './density-image.js';
export type { PhenotypeJsonEntry } from './from-phenotype-json.js';
export { gateOverlayFromSpec } from './gate-overlay-from-spec.js';
export type { AxisTransforms } from './gate-overlay-from-spec.js';
export { recordsSection } from './records-section.js';
export { sampleFlowFigure } from './sample-flow-figure.js';
export { escapeXml, staticFigureSvg, staticImageSource } from './static-figure-svg.js';
export type { StaticFigureOptions } from './static-figure-svg.js';
export { markerHistogramParts } from './marker-histogram-figure.js';
