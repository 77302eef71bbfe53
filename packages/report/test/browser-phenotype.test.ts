import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { buildReportDocument, readResultFile, renderHtml } from '../src/index.js';
import { plotlyBundle } from '../src/node.js';
import { hasChromium, launchChromium } from '../scripts/chromium.js';
import { simulatedPhenotypeJson } from './simulated-phenotype-json.js';

describe.skipIf(!hasChromium)(`report of a simulated tamkit phenotype --json in chromium${!hasChromium ? ' (skipped: /usr/bin/chromium not found)' : ''}`, () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'tamkit-report-phenotype-'));
  beforeAll(async () => {
    ({ context, close } = await launchChromium());
  }, 60_000);
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws per sample one density or histogram per pre-gate and one histogram per M1/M2 marker, static at load and in Plotly on click, without errors', async () => {
    const files = simulatedPhenotypeJson({ seed: 8, eventsPerSample: 4000, conditions: ['M1', 'M2', 'TCM'] });
    const doc = buildReportDocument([readResultFile(JSON.parse(JSON.stringify({ files })), 'phenotype.json')], {
      tamkitVersion: '0.0.0',
      commandLine: ['tamkit', 'report', 'phenotype.json'],
      date: '2026-01-01T00:00:00Z',
      inputs: [],
      parameters: {},
      seeds: {},
    });
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(doc, { plotlyJs: plotlyBundle() }));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') {
        problems.push(`console: ${m.text()}`);
      }
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-tk-rendered]', { state: 'attached', timeout: 60_000 });
    const flow = doc.sections.filter((s) => s.kind === 'flow');
    expect(flow).toHaveLength(3);
    for (const [i, section] of flow.entries()) {
      const entry = files[i] as unknown as { pregates: { id: string }[]; thresholds: { marker: string }[]; display: { pregates: { density?: unknown }[] } };
      const twoD = entry.display.pregates.filter((p) => p.density !== undefined).length;
      const oneD = entry.pregates.length - twoD;
      const plot = page.locator(`#${section.id} div[data-tk-figure]`).first();
      // At load: the static picture, one subplot group per plot, densities as images, every gate
      // labelled with its % of parent and every marker named.
      const svg = plot.locator('svg.tk-static-svg');
      expect(await svg.locator('g.tk-subplot').count()).toBe(entry.pregates.length + entry.thresholds.length);
      expect(await svg.locator('image').count()).toBe(twoD);
      const staticText = await svg.locator('text.tk-annotation').allTextContents();
      for (const p of entry.pregates) {
        expect(staticText.some((t) => t.startsWith(`${p.id} `) && t.endsWith('%'))).toBe(true);
      }
      for (const t of entry.thresholds) {
        expect(staticText).toContain(t.marker);
      }
      // After a click: the Plotly figure with the same plots.
      await plot.click();
      await page.waitForSelector(`#${section.id} div[data-tk-interactive]`, { timeout: 10_000 });
      // Subplots drawn (Plotly's cartesian subplot groups), densities as images, traces per plot.
      expect(await plot.locator('g.cartesianlayer > g.subplot').count()).toBe(entry.pregates.length + entry.thresholds.length);
      expect(await plot.locator('g.layer-subplot g.imagelayer image').count()).toBe(twoD);
      expect(await plot.locator('g.scatterlayer g.trace').count()).toBe(oneD + 2 * entry.thresholds.length);
      // Each marker's threshold line is labelled, and each gate with its % of parent.
      const text = await plot.locator('g.annotation-text-g').allTextContents();
      for (const p of entry.pregates) {
        expect(text.some((t) => t.startsWith(`${p.id} `) && t.endsWith('%'))).toBe(true);
      }
      for (const t of entry.thresholds) {
        expect(text).toContain(t.marker);
      }
    }
    expect(await page.locator('[data-tk-error]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
