import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../src/index.js';
import type { ReportDocument, TableBlock } from '../src/index.js';
import { plotlyBundle } from '../src/node.js';
import { hasChromium, launchChromium } from '../scripts/chromium.js';
import { HOSTILE, syntheticReport } from './synthetic-report.js';

interface Opened {
  page: Page;
  url: string;
  problems: string[];
  requests: string[];
  dialogs: string[];
}

/** Expected CSV of a table, written independently of the page script (RFC 4180, CRLF). */
function expectedCsv(t: TableBlock): string {
  const cell = (v: string | number | null): string => (v === null ? '' : String(v));
  const header = t.columns.map((c) => (c.unit ? `${c.label} (${c.unit})` : c.label));
  return [header.join(','), ...t.rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}

describe.skipIf(!hasChromium)(`report in Debian chromium${!hasChromium ? ' (skipped: /usr/bin/chromium not found; apt-get install chromium)' : ''}`, () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'tamkit-report-test-'));

  async function open(doc: ReportDocument, name: string): Promise<Opened> {
    const file = join(dir, name);
    writeFileSync(file, renderHtml(doc, { plotlyJs: plotlyBundle() }));
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') {
        problems.push(`console: ${m.text()}`);
      }
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const url = pathToFileURL(file).href;
    await page.goto(url);
    await page.waitForSelector('body[data-tk-rendered]', { timeout: 60_000 });
    return { page, url, problems, requests, dialogs };
  }

  beforeAll(async () => {
    ({ context, close } = await launchChromium());
  }, 60_000);
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  const doc = syntheticReport({ samples: 3, eventsPerSample: 20_000, seed: 11 });

  it('renders every figure with its traces, flow figures as static pictures, without errors or any request but the file', async () => {
    const { page, url, problems, requests } = await open(doc, 'report.html');
    for (const section of doc.sections) {
      // Static figures: their SVG picture with one group per subplot; the others: Plotly's traces.
      const expected = section.blocks.flatMap((b) => (b.type === 'figure' ? [b.static === true ? 'static' : b.figure.data.length] : []));
      // A plotted div has Plotly's class and its traces in `data`.
      type PlotDiv = {
        readonly classList: { contains(name: string): boolean };
        readonly data?: readonly unknown[];
        hasAttribute(name: string): boolean;
        querySelectorAll(selector: string): { readonly length: number };
      };
      const traces = await page
        .locator(`#${section.id} div[data-tk-figure]`)
        .evaluateAll((els: PlotDiv[]) =>
          els.map((el) =>
            el.hasAttribute('data-tk-static')
              ? el.querySelectorAll('svg g.tk-subplot').length > 0
                ? 'static'
                : 'empty'
              : el.classList.contains('js-plotly-plot')
                ? (el.data?.length ?? -1)
                : -1,
          ),
        );
      expect(traces, section.id).toEqual(expected);
    }
    // The synthetic sample figure: 3 density plots and 2 histograms; densities are PNG images in the SVG.
    expect(await page.locator('#sample-1 div[data-tk-static] svg g.tk-subplot').count()).toBe(5);
    expect(await page.locator('#sample-1 div[data-tk-static] svg image').count()).toBe(3);
    expect((await page.locator('#sample-1 div[data-tk-static] svg').boundingBox())?.height).toBeGreaterThan(100);
    expect(await page.locator('#migration .barlayer .point').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-tk-error]').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  }, 90_000);

  it('turns a static flow figure into its Plotly figure on click, with hover and PNG download; offers the static SVG', async () => {
    const { page, problems, requests, url } = await open(doc, 'report-upgrade.html');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-tk-svg="sample-1-b0"]').click()]);
    expect(svgDownload.suggestedFilename()).toBe('S1-gating-and-markers.svg');
    const svgText = readFileSync(await svgDownload.path(), 'utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('threshold 1 500 (FMO 99.5th pct)');
    // The static picture's PNG: drawn at twice the SVG's size (its width and height attributes).
    const [pngStatic] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-tk-png="sample-1-b0"]').click()]);
    expect(pngStatic.suggestedFilename()).toBe('S1-gating-and-markers.png');
    const pngBytes = readFileSync(await pngStatic.path());
    const svgSize = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svgText)!;
    // PNG signature, then the IHDR chunk's width and height (big-endian, bytes 16-23).
    expect(Array.from(pngBytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([pngBytes.readUInt32BE(16), pngBytes.readUInt32BE(20)]).toEqual([2 * Number(svgSize[1]), 2 * Number(svgSize[2])]);

    const figure = doc.sections.find((s) => s.id === 'sample-1')!.blocks[0];
    expect(figure?.type).toBe('figure');
    const el = page.locator('#sample-1-b0 div[data-tk-figure]');
    await el.click();
    await page.waitForSelector('#sample-1-b0 div[data-tk-interactive]', { timeout: 10_000 });
    type PlotDiv = { readonly data?: readonly unknown[] };
    expect(await el.evaluate((d: PlotDiv) => d.data?.length)).toBe(figure?.type === 'figure' ? figure.figure.data.length : -1);
    expect(await el.locator('g.cartesianlayer > g.subplot').count()).toBe(5);
    expect(await el.locator('svg.tk-static-svg').count()).toBe(0);
    expect(await page.locator('button[data-tk-upgrade="sample-1-b0"]').isDisabled()).toBe(true);
    // Hover the CD80 histogram (subplot x4y4) at its baseline on the left, where both traces are 0 %.
    const drag = el.locator('g.draglayer g.x4y4 rect.nsewdrag');
    const box = await drag.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x + box!.width * 0.05, box!.y + box!.height - 2);
    await page.waitForSelector('#sample-1-b0 .hoverlayer .hovertext', { timeout: 5_000 });
    expect(await el.locator('.hoverlayer .hovertext').first().textContent()).toContain('% of events');
    const pngButton = el.locator('.modebar-btn[data-title^="Download plot"]:not([data-title$="SVG"])');
    const [png] = await Promise.all([page.waitForEvent('download'), pngButton.click()]);
    expect(png.suggestedFilename()).toBe('S1-gating-and-markers.png');
    expect(Array.from(readFileSync(await png.path()).subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // A keyboard user: the button of the second sample, focused and pressed with Enter; its static
    // picture (serialised on upgrade) stays downloadable.
    await page.locator('button[data-tk-upgrade="sample-2-b0"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#sample-2-b0 div[data-tk-interactive]', { timeout: 10_000 });
    const [svgAfter] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-tk-svg="sample-2-b0"]').click()]);
    expect(readFileSync(await svgAfter.path(), 'utf8')).toContain('threshold 1 500 (FMO 99.5th pct)');
    expect(await page.locator('[data-tk-error]').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(requests.filter((r) => !r.startsWith('blob:'))).toEqual([url]);
    await page.close();
  }, 90_000);

  it('shows a hover label over a bar, and the table CSV and figure SVG downloads', async () => {
    const { page, problems, requests, url } = await open(doc, 'report-hover.html');
    const bar = page.locator('#migration-b0 .barlayer .point path').nth(1);
    await bar.scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.waitForSelector('#migration-b0 .hoverlayer .hovertext', { timeout: 5_000 });
    expect(await page.locator('#migration-b0 .hoverlayer .hovertext').first().textContent()).toContain('CCL2 10 ng/mL');

    const table = doc.sections.find((s) => s.id === 'migration')!.blocks[2] as TableBlock;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-tk-csv="migration-b2"]').click()]);
    expect(download.suggestedFilename()).toBe('Chemotactic-index.csv');
    expect(readFileSync(await download.path(), 'utf8')).toBe(expectedCsv(table));

    await page.locator('#migration-b0').hover();
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#migration-b0 .modebar-btn[data-title="Download plot as SVG"]').click()]);
    expect(svg.suggestedFilename()).toBe('Migrated-cells-per-field-bar.svg');
    expect(readFileSync(await svg.path(), 'utf8')).toMatch(/^<svg/);
    const pngButton = page.locator('#migration-b0 .modebar-btn[data-title^="Download plot"]:not([data-title$="SVG"])');
    const [png] = await Promise.all([page.waitForEvent('download'), pngButton.click()]);
    expect(png.suggestedFilename()).toBe('Migrated-cells-per-field-bar.png');
    expect(Array.from(readFileSync(await png.path()).subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(problems).toEqual([]);
    // Blob URLs (the downloads) are not network requests; nothing else may appear.
    expect(requests.filter((r) => !r.startsWith('blob:'))).toEqual([url]);
    await page.close();
  }, 90_000);

  it('shows hostile names and keywords as text and runs none of them', async () => {
    const hostile = syntheticReport({ samples: 2, eventsPerSample: 2_000, seed: 3, hostile: true });
    const { page, problems, requests, url, dialogs } = await open(hostile, 'hostile.html');
    expect(await page.evaluate(() => (globalThis as unknown as { __tkPwned?: number }).__tkPwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('#sample-1 > h2').textContent()).toBe(HOSTILE.sample);
    expect(await page.title()).toBe(`Report ${HOSTILE.sample}`);
    expect(await page.locator('#sample-1 dl.tk-kv dd').allTextContents()).toEqual(['Synthetic', HOSTILE.file, HOSTILE.keyword]);
    // The static picture and, after a click, the Plotly figure show the marker name literally (the
    // CD80 axis is the third density plot's x axis and the first histogram's, x4).
    const svg = page.locator('#sample-1-b0 svg.tk-static-svg');
    expect(await svg.locator('text[data-tk-axis="x3"]').textContent()).toBe(HOSTILE.marker);
    expect(await svg.locator('text[data-tk-axis="x4"]').textContent()).toBe(HOSTILE.marker);
    expect(await svg.locator('text.tk-annotation').allTextContents()).toContain(HOSTILE.marker);
    expect(await page.locator('svg.tk-static-svg image:not([href^="data:image/png;base64,"])').count()).toBe(0);
    await page.locator('#sample-1-b0 div[data-tk-figure]').click();
    await page.waitForSelector('#sample-1-b0 div[data-tk-interactive]', { timeout: 10_000 });
    expect(await page.locator('#sample-1-b0 .x3title').textContent()).toBe(HOSTILE.marker);
    expect(await page.locator('#sample-1-b0 .x4title').textContent()).toBe(HOSTILE.marker);
    expect(await page.locator('#sample-1-b0 .annotation-text').allTextContents()).toContain(HOSTILE.marker);
    expect(await page.evaluate(() => (globalThis as unknown as { __tkPwned?: number }).__tkPwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(3);
    expect(await page.locator('#provenance td').allTextContents()).toEqual(expect.arrayContaining([HOSTILE.file, `${HOSTILE.keyword} accepted with allowDataOffByOne`]));
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  }, 90_000);
});
