import { ReportError } from './errors.js';
import { infoSection } from './from-info.js';
import type { InfoFileInput } from './from-info.js';
import { phenotypeSections } from './from-phenotype.js';
import { phenotypeInputFromJson } from './from-phenotype-json.js';
import type { PhenotypeJsonEntry } from './from-phenotype-json.js';
import type { PhenotypeReportInput } from './from-phenotype.js';
import { migrationSection } from './from-transwell.js';
import type { TranswellReportInput } from './from-transwell.js';
import type { Provenance, ReportDocument, ReportSection, ReportWarning, TableBlock } from './report-document.js';
import { recordsSection } from './records-section.js';
import { summarySection } from './summary-section.js';
import type { SummaryInput } from './summary-section.js';
import type { CompositionInput } from './composition-figure.js';
import type { FlowStatisticsInput } from './from-phenotype.js';
import { requireArray, requireRecord } from './result-file.js';
import type { ResultFile } from './result-file.js';

/** What a `gate` result file holds: population counts of one or more samples. */
export interface GateReportInput {
  readonly populations: readonly {
    readonly sample?: string;
    readonly population: string;
    readonly parent: string | null;
    readonly events: number;
    readonly percentOfParent: number | null;
  }[];
}

function gateSection(input: GateReportInput, id: string): ReportSection {
  const table: TableBlock = {
    type: 'table',
    title: 'Population counts',
    columns: [{ label: 'sample' }, { label: 'population' }, { label: 'parent' }, { label: 'events', digits: 0 }, { label: '% of parent', digits: 2 }],
    rows: input.populations.map((p) => [p.sample ?? '', p.population, p.parent ?? '', p.events, p.percentOfParent]),
  };
  return { id, title: 'Gated populations', kind: 'flow', blocks: [table] };
}

/** What the summary section takes from one result file (its inputs, already read by sectionsOf). */
function summaryPart(file: ResultFile): Omit<SummaryInput, 'warnings'> {
  const none = { compositions: [], statistics: [], transwell: [] };
  if (file.kind === 'phenotype') {
    const composition =
      file.body.samples === undefined && Array.isArray(file.body.files)
        ? phenotypeInputFromJson(file.body.files).input.composition
        : (file.body.composition as CompositionInput | undefined);
    const statistics = file.body.statistics as FlowStatisticsInput | undefined;
    return { ...none, compositions: composition ? [composition] : [], statistics: statistics && Array.isArray(statistics.tests) ? [statistics] : [] };
  }
  if (file.kind === 'transwell') {
    return { ...none, transwell: [file.body as unknown as TranswellReportInput] };
  }
  return none;
}

function sectionsOf(file: ResultFile, index: number): { sections: ReportSection[]; warnings: ReportWarning[] } {
  switch (file.kind) {
    case 'info': {
      const r = infoSection(requireArray(file, 'files') as unknown as InfoFileInput[], file.source, `files-${index + 1}`);
      return { sections: [r.section], warnings: r.warnings };
    }
    case 'phenotype': {
      if (file.body.samples === undefined && Array.isArray(file.body.files)) {
        const { input, failed } = phenotypeInputFromJson(requireArray(file, 'files') as unknown as PhenotypeJsonEntry[]);
        const r = phenotypeSections(input, file.source);
        return { sections: r.sections, warnings: [...failed.map((f) => ({ code: f.code, message: f.message, source: f.file })), ...r.warnings] };
      }
      requireArray(file, 'samples');
      return phenotypeSections(file.body as unknown as PhenotypeReportInput, file.source);
    }
    case 'transwell': {
      const readouts = requireRecord(file, 'readouts');
      if (!Array.isArray(readouts.conditions)) {
        throw new ReportError('REPORT_BAD_RESULT', `${file.source}: readouts.conditions is missing; expected the conditions of computeReadouts`, { source: file.source, path: 'readouts.conditions' });
      }
      const r = migrationSection(file.body as unknown as TranswellReportInput, file.source, `migration-${index + 1}`);
      return { sections: [r.section], warnings: r.warnings };
    }
    case 'transwell-images': {
      const r = recordsSection('Membrane image counts', `images-${index + 1}`, requireArray(file, 'images'), file.source);
      return { sections: [r.section], warnings: r.warnings };
    }
    case 'transwell-beads': {
      const r = recordsSection('Bead-based counts', `beads-${index + 1}`, requireArray(file, 'files'), file.source);
      return { sections: [r.section], warnings: r.warnings };
    }
    case 'gate':
      requireArray(file, 'populations');
      return { sections: [gateSection(file.body as unknown as GateReportInput, `gate-${index + 1}`)], warnings: [] };
    case 'document': {
      const sections = requireArray(file, 'sections') as unknown as ReportSection[];
      const warnings = Array.isArray(file.body.warnings) ? (file.body.warnings as ReportWarning[]) : [];
      return { sections, warnings };
    }
  }
}

/**
 * Builds the report document from result files: each kind becomes its sections (info → FCS files QC;
 * phenotype → a flow section per sample and the composition section; transwell → migration;
 * transwell-images / transwell-beads → their per-file counts; gate → population counts; document → its
 * own sections), in file order, after a "Summary" section of the key results (`summarySection`:
 * class percentages per condition, significant tests, chemotactic index, IC50s), flow first. Section ids are made
 * unique; the results' warnings are collected, and their provenance recorded beside the report's own.
 *
 * @throws {ReportError} `REPORT_BAD_RESULT` when a result lacks what its kind needs.
 * @example buildReportDocument([readResultFile(json, 'a.json')], provenance).sections.length
 */
export function buildReportDocument(files: readonly ResultFile[], provenance: Omit<Provenance, 'results'>, title = 'tamkit report'): ReportDocument {
  const sections: ReportSection[] = [];
  const warnings: ReportWarning[] = [];
  files.forEach((f, i) => {
    const r = sectionsOf(f, i);
    sections.push(...r.sections);
    warnings.push(...r.warnings);
  });
  const parts = files.map(summaryPart);
  const summary = summarySection({
    compositions: parts.flatMap((p) => p.compositions),
    statistics: parts.flatMap((p) => p.statistics),
    transwell: parts.flatMap((p) => p.transwell),
    warnings: warnings.length,
  });
  if (summary !== null) {
    sections.push(summary);
  }
  const order = ['summary', 'flow', 'composition', 'migration', 'other', 'qc'];
  const sorted = sections.map((s, i) => ({ s, i })).sort((a, b) => order.indexOf(a.s.kind) - order.indexOf(b.s.kind) || a.i - b.i);
  const seen = new Map<string, number>();
  const unique = sorted.map(({ s }) => {
    const n = (seen.get(s.id) ?? 0) + 1;
    seen.set(s.id, n);
    return n === 1 ? s : { ...s, id: `${s.id}-${n}` };
  });
  return {
    title,
    sections: unique,
    warnings,
    provenance: {
      ...provenance,
      results: files.flatMap((f) =>
        f.header
          ? [
              {
                source: f.source,
                command: f.header.command,
                version: f.header.version,
                ...(f.header.date ? { date: f.header.date } : {}),
                ...(f.header.commandLine ? { commandLine: f.header.commandLine } : {}),
                ...(f.header.inputs ? { inputs: f.header.inputs } : {}),
                ...(f.header.parameters ? { parameters: f.header.parameters } : {}),
                ...(f.header.seeds ? { seeds: f.header.seeds } : {}),
              },
            ]
          : [{ source: f.source, command: 'info', version: 'unknown' }],
      ),
    },
  };
}
