import { describe, expect, it } from 'vitest';
import { renderHtml, REPORT_CSP, ReportError } from '../src/index.js';
import type { ReportDocument } from '../src/index.js';
import { HOSTILE, syntheticReport } from './synthetic-report.js';

// A stand-in bundle: renderHtml inlines whatever source it is given.
const PLOTLY = 'window.Plotly = { marker: "</script><!-- x" };';

const minimal: ReportDocument = {
  title: 'T',
  sections: [
    {
      id: 's1',
      title: 'Section',
      kind: 'flow',
      blocks: [
        { type: 'table', title: 'Counts', columns: [{ label: 'sample' }, { label: 'events', unit: 'n', digits: 0 }], rows: [['a', 1000], ['b', null]] },
        { type: 'figure', title: 'F', figure: { data: [{ type: 'bar', x: [1], y: [2] }], layout: {} } },
      ],
    },
  ],
  warnings: [],
  provenance: { tamkitVersion: '0.1.0', commandLine: ['tamkit', 'report'], date: '2026-01-01T00:00:00Z', inputs: [{ file: 'a.json', sha256: 'ab'.repeat(32) }], parameters: { bins: 256 }, seeds: { subsample: 42 } },
};

function pageData(html: string): { figures: Record<string, unknown>; tables: Record<string, { header: string[]; rows: unknown[][] }> } {
  const m = /<script type="application\/json" id="tk-data">([^<]*)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!) as ReturnType<typeof pageData>;
}

describe('renderHtml', () => {
  it('writes a CSP that forbids network access and inlines the bundle once with </script escaped', () => {
    const html = renderHtml(minimal, { plotlyJs: PLOTLY });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(html.split('window.Plotly = ').length).toBe(2);
    expect(html).toContain('marker: "<\\/script><\\!-- x"');
    // Exactly three script elements: the data, plotly and the page script.
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });
  it('embeds figures and tables as JSON and renders tables with CSV links', () => {
    const html = renderHtml(minimal, { plotlyJs: PLOTLY });
    const data = pageData(html);
    expect(data.figures['s1-b1']).toEqual(minimal.sections[0]!.blocks[1]!.type === 'figure' ? minimal.sections[0]!.blocks[1]!.figure : null);
    expect(data.tables['s1-b0']).toEqual({ header: ['sample', 'events (n)'], rows: [['a', 1000], ['b', null]] });
    expect(html).toContain('<a class="tk-csv" data-tk-csv="s1-b0" download="Counts.csv" href="#">CSV</a>');
    expect(html).toContain('<td class="tk-num">1000</td>');
  });
  it('adds the provenance section: version, command line, inputs with SHA-256, parameters and seeds', () => {
    const html = renderHtml(minimal, { plotlyJs: PLOTLY });
    const tables = Object.values(pageData(html).tables);
    const rows = tables.flatMap((t) => t.rows.map((r) => r.join('|')));
    expect(rows).toEqual(expect.arrayContaining(['tamkit version|0.1.0', 'command line|tamkit report', `a.json|${'ab'.repeat(32)}|`, 'report|bins|256', 'report|subsample|42']));
    expect(html).toContain('<section id="provenance" data-tk-kind="qc">');
  });
  it('escapes every input string: no injected element, attribute or script survives', () => {
    const doc = syntheticReport({ samples: 2, eventsPerSample: 200, seed: 1, hostile: true });
    const html = renderHtml(doc, { plotlyJs: PLOTLY });
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('onerror="');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;window.__tkPwned=1&lt;/script&gt; &quot;quoted&quot; &#39;single&#39;');
    // The hostile strings reach the page data intact (as data, shown by Plotly as text).
    expect(JSON.stringify(pageData(html))).toContain(JSON.stringify(HOSTILE.file).slice(1, -1));
  });
  it('shows sections and blocks of unknown kinds from documents read from files without injecting them', () => {
    const doc = {
      ...minimal,
      sections: [{ id: 'x', title: 'X', kind: 'flow" onclick="alert(1)', blocks: [{ type: '<chart>' }, { type: 'table', title: 'T', columns: [{ label: 'a' }], rows: [[{ nested: '<b>' }]] }] }],
    } as unknown as ReportDocument;
    const html = renderHtml(doc, { plotlyJs: PLOTLY });
    expect(html).toContain('<section id="x" data-tk-kind="other">');
    expect(html).toContain('(block of type &quot;&lt;chart&gt;&quot; not shown by this version)');
    expect(html).toContain('<td>{&quot;nested&quot;:&quot;&lt;b&gt;&quot;}</td>');
    expect(html).not.toContain('onclick="alert');
  });
  it('rejects an image that is not a data: URI', () => {
    const doc: ReportDocument = { ...minimal, sections: [{ id: 'i', title: 'I', kind: 'migration', blocks: [{ type: 'image', title: 'x', src: 'https://example.org/a.png', width: 1, height: 1, alt: '' }] }] };
    let error: unknown;
    try {
      renderHtml(doc, { plotlyJs: PLOTLY });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).code).toBe('REPORT_BAD_IMAGE');
    expect((error as ReportError).context).toEqual({ block: 'i-b0' });
    expect((error as ReportError).message).toMatchInlineSnapshot(`"image 'x': source is not a base64 PNG or JPEG data: URI; expected data:image/png;base64,..."`);
  });
  it('rejects duplicate and unsafe section ids', () => {
    const dup: ReportDocument = { ...minimal, sections: [...minimal.sections, ...minimal.sections] };
    expect(() => renderHtml(dup, { plotlyJs: PLOTLY })).toThrow(expect.objectContaining({ code: 'REPORT_DUPLICATE_ID', context: { section: 's1' } }));
    expect(() => renderHtml(dup, { plotlyJs: PLOTLY })).toThrowErrorMatchingInlineSnapshot(`[ReportError: two sections have the id 's1'; expected unique section ids]`);
    const bad: ReportDocument = { ...minimal, sections: [{ ...minimal.sections[0]!, id: 'a" onclick="x' }] };
    expect(() => renderHtml(bad, { plotlyJs: PLOTLY })).toThrow(RangeError);
  });
});
