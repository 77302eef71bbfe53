import { ReportError } from './errors.js';
import { escapeHtml, inlineScript, jsonForScript } from './escape-html.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import type { PlotlyFigure } from './plotly-figure.js';
import { provenanceSection } from './provenance-section.js';
import { staticFigureSvg, staticImageSource } from './static-figure-svg.js';
import type { ReportBlock, ReportDocument, ReportSection, SectionKind, TableBlock } from './report-document.js';

/**
 * The Content-Security-Policy of every report: nothing may be fetched (no fonts, scripts, styles,
 * frames or connections); only the inline script and styles and data:/blob: images run.
 */
export const REPORT_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /**
   * The plotly.js bundle source to inline (read it with `plotlyBundle()` from `@tamkit/report/node`).
   * It is inlined once, with `</script` escaped.
   */
  readonly plotlyJs: string;
}

const SECTION_GROUPS: readonly [SectionKind, string][] = [
  ['summary', 'Overview'],
  ['flow', 'Flow per sample'],
  ['composition', 'Composition'],
  ['migration', 'Migration'],
  ['other', 'Other'],
  ['qc', 'Provenance & QC'],
];

const IMAGE_SRC = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;
const SECTION_ID = /^[A-Za-z0-9_-]+$/;

interface PageData {
  figures: Record<string, PlotlyFigure>;
  tables: Record<string, { header: string[]; rows: TableBlock['rows'] }>;
}

/** A file name for downloads from a title: letters, digits, `-` and `_` only. */
function fileSlug(title: string, fallback: string): string {
  const slug = title.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || fallback;
}

/**
 * A static figure's Plotly spec without the image sources its SVG picture holds (the page script
 * copies them back from the SVG's `image[data-tk-image]` on upgrade): the densities are embedded once.
 */
function withoutSvgImages(figure: PlotlyFigure): PlotlyFigure {
  const images = figure.layout.images;
  if (!Array.isArray(images)) {
    return figure;
  }
  const stripped = images.map((img: unknown) => {
    const o = img !== null && typeof img === 'object' ? (img as Record<string, unknown>) : {};
    return staticImageSource(o.source) === null ? img : { ...o, source: '' };
  });
  return { data: figure.data, layout: { ...figure.layout, images: stripped } };
}

function formatCell(v: unknown, digits: number): { text: string; numeric: boolean } {
  if (v === null || v === undefined) {
    return { text: '', numeric: false };
  }
  if (typeof v === 'number') {
    return { text: Number.isFinite(v) ? v.toFixed(digits) : String(v), numeric: true };
  }
  // Documents read from files may hold anything: show it as text.
  return { text: typeof v === 'string' ? v : JSON.stringify(v), numeric: false };
}

function renderTable(b: TableBlock, id: string, data: PageData): string {
  const header = b.columns.map((c) => (c.unit ? `${c.label} (${c.unit})` : c.label));
  data.tables[id] = { header, rows: b.rows };
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = b.rows
    .map((r) => {
      const cells = r.map((v, i) => {
        const { text, numeric } = formatCell(v, b.columns[i]?.digits ?? 2);
        return `<td${numeric ? ' class="tk-num"' : ''}>${escapeHtml(text)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const file = `${fileSlug(b.title, id)}.csv`;
  return `<div class="tk-block tk-table-block" id="${id}"><h3>${escapeHtml(b.title)}<a class="tk-csv" data-tk-csv="${id}" download="${file}" href="#">CSV</a></h3>${
    b.caption ? `<p class="tk-note">${escapeHtml(b.caption)}</p>` : ''
  }<div class="tk-table"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div></div>`;
}

function renderBlock(b: ReportBlock, id: string, data: PageData): string {
  switch (b.type) {
    case 'text':
      return `<p class="${b.style === 'note' ? 'tk-note' : 'tk-text'}">${escapeHtml(b.text)}</p>`;
    case 'figure': {
      data.figures[id] = b.static === true ? withoutSvgImages(b.figure) : b.figure;
      const height = Math.max(120, Math.min(2000, Math.round(b.height ?? 360)));
      const file = fileSlug(b.title, id);
      if (b.static === true) {
        // A static SVG picture now, the Plotly figure when asked (page script: upgrade on click).
        return `<figure class="tk-block tk-figure" id="${id}"><h3>${escapeHtml(b.title)}<button type="button" class="tk-interactive" data-tk-upgrade="${id}">Make interactive</button><a class="tk-csv" data-tk-svg="${id}" download="${file}.svg" href="#">SVG</a><a class="tk-csv" data-tk-png="${id}" download="${file}.png" href="#">PNG</a></h3><div class="tk-plot tk-static" data-tk-figure="${id}" data-tk-static="" data-tk-filename="${file}" title="Click to make interactive" style="height:${height}px">${staticFigureSvg(b.figure, { height, label: b.title })}</div>${
          b.caption ? `<figcaption>${escapeHtml(b.caption)}</figcaption>` : ''
        }</figure>`;
      }
      return `<figure class="tk-block tk-figure" id="${id}"><h3>${escapeHtml(b.title)}</h3><div class="tk-plot" data-tk-figure="${id}" data-tk-filename="${file}" style="height:${height}px"></div>${
        b.caption ? `<figcaption>${escapeHtml(b.caption)}</figcaption>` : ''
      }</figure>`;
    }
    case 'table':
      return renderTable(b, id, data);
    case 'image': {
      if (!IMAGE_SRC.test(b.src)) {
        throw new ReportError('REPORT_BAD_IMAGE', `image '${b.title}': source is not a base64 PNG or JPEG data: URI; expected data:image/png;base64,...`, { block: id });
      }
      const w = Math.max(1, Math.round(b.width));
      const h = Math.max(1, Math.round(b.height));
      return `<figure class="tk-block tk-image-block" id="${id}"><h3>${escapeHtml(b.title)}</h3><img class="tk-image" src="${b.src}" width="${w}" height="${h}" alt="${escapeHtml(b.alt)}">${
        b.caption ? `<figcaption>${escapeHtml(b.caption)}</figcaption>` : ''
      }</figure>`;
    }
    case 'keyValue':
      return `<div class="tk-block" id="${id}"><h3>${escapeHtml(b.title)}</h3><dl class="tk-kv">${b.entries
        .map(([k, v]) => `<dt>${escapeHtml(String(k))}</dt><dd>${escapeHtml(String(v))}</dd>`)
        .join('')}</dl></div>`;
    default:
      // A block type from a newer document: say so rather than drop it silently.
      return `<p class="tk-note">(block of type ${escapeHtml(JSON.stringify((b as { type?: unknown }).type) ?? 'none')} not shown by this version)</p>`;
  }
}

const KINDS: readonly SectionKind[] = ['summary', 'flow', 'composition', 'migration', 'qc', 'other'];

/** The section kind, `other` for kinds this version does not know (documents read from files). */
function kindOf(s: ReportSection): SectionKind {
  return KINDS.includes(s.kind) ? s.kind : 'other';
}

function renderSection(s: ReportSection, data: PageData): string {
  const blocks = s.blocks.map((b, i) => renderBlock(b, `${s.id}-b${i}`, data));
  return `<section id="${s.id}" data-tk-kind="${kindOf(s)}"><h2>${escapeHtml(s.title)}</h2>\n${blocks.join('\n')}\n</section>`;
}

function renderNav(doc: ReportDocument, sections: readonly ReportSection[]): string {
  const groups = SECTION_GROUPS.map(([kind, label]) => {
    const items = sections.filter((s) => kindOf(s) === kind);
    if (items.length === 0) {
      return '';
    }
    const links = items
      .map((s) => {
        const badge = s.id === 'provenance' && doc.warnings.length > 0 ? `<span class="tk-badge">${doc.warnings.length}</span>` : '';
        return `<a href="#${s.id}">${escapeHtml(s.title)}${badge}</a>`;
      })
      .join('');
    return `<h2>${escapeHtml(label)}</h2>${links}`;
  });
  return `<nav><h1>${escapeHtml(doc.title)}</h1>${groups.join('')}</nav>`;
}

/**
 * Renders a report document as one self-contained HTML file: plotly.js inlined once, every figure and
 * table embedded as JSON in a `<script type="application/json">` element (with `<` written `\u003c`),
 * a Content-Security-Policy that forbids every network request ({@link REPORT_CSP}), a navigation
 * sidebar, the document's sections, and a final "Provenance & QC" section (warnings, version, command
 * line, date, inputs with SHA-256, parameters, seeds). Every string from the document is HTML-escaped;
 * figures are downloadable as PNG and SVG from their modebar, tables as CSV.
 *
 * @throws {ReportError} `REPORT_BAD_IMAGE` for an image block whose source is not a PNG/JPEG data: URI;
 *   `REPORT_DUPLICATE_ID` for two sections with the same id.
 * @throws {RangeError} for a section id with characters other than letters, digits, `-` and `_`.
 * @example
 * const html = renderHtml(doc, { plotlyJs: plotlyBundle() });
 */
export function renderHtml(doc: ReportDocument, options: RenderHtmlOptions): string {
  const sections = [...doc.sections, provenanceSection(doc)];
  const seen = new Set<string>();
  for (const s of sections) {
    if (typeof s.id !== 'string' || !SECTION_ID.test(s.id)) {
      throw new RangeError(`section id '${s.id}' must use letters, digits, '-' and '_' only`);
    }
    if (seen.has(s.id)) {
      throw new ReportError('REPORT_DUPLICATE_ID', `two sections have the id '${s.id}'; expected unique section ids`, { section: s.id });
    }
    seen.add(s.id);
  }
  const data: PageData = { figures: {}, tables: {} };
  const body = sections.map((s) => renderSection(s, data)).join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="tamkit ${escapeHtml(doc.provenance.tamkitVersion)}">`,
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    renderNav(doc, sections),
    `<main>\n${body}\n</main>`,
    `<script type="application/json" id="tk-data">${jsonForScript(data)}</script>`,
    `<script>${inlineScript(options.plotlyJs)}</script>`,
    `<script>${inlineScript(PAGE_SCRIPT)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
