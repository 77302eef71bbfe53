/**
 * Opens a tamkit report in Debian's chromium and checks what a reader would see: every figure present
 * (a Plotly figure drawn with at least one trace, or a static figure whose SVG picture is laid out with
 * at least one subplot and which, clicked, becomes a Plotly figure with its traces), each section present, no console or page errors, no request other than
 * the file itself. Used by CI on the report `tamkit demo` writes.
 *
 *   node --conditions=@tamkit/source --import tsx packages/report/scripts/check-report.ts REPORT.html [--min-figures N]
 *
 * Prints one summary line; exits 1 on any failure (each listed on stderr).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, launchChromium } from './chromium.js';

/** The parts of a drawn Plotly div this check reads (no DOM lib in the Node type-check). */
interface PlotDiv {
  readonly classList: { contains(name: string): boolean };
  readonly data?: readonly unknown[];
  hasAttribute(name: string): boolean;
  querySelector(selector: string): { getBoundingClientRect(): { width: number; height: number }; querySelectorAll(s: string): { length: number } } | null;
}

async function check(file: string, minFigures: number): Promise<string[]> {
  const failures: string[] = [];
  const url = pathToFileURL(resolve(file)).href;
  const { context, close } = await launchChromium();
  try {
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        failures.push(`console error: ${msg.text()}`);
      }
    });
    page.on('pageerror', (err) => failures.push(`page error: ${err.message}`));
    page.on('request', (req) => {
      if (req.url() !== url && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) {
        failures.push(`network request: ${req.url()}`);
      }
    });
    await page.goto(url);
    await page.waitForSelector('body[data-tk-rendered]', { timeout: 120_000 });
    // What each figure container shows: a Plotly div's trace count, or a laid-out static SVG's subplot count (0: nothing).
    const figures = await page.locator('div[data-tk-figure]').evaluateAll((els: PlotDiv[]) =>
      els.map((el) => {
        if (el.hasAttribute('data-tk-static')) {
          const svg = el.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return { kind: 'static', count: svg && box && box.width > 0 && box.height > 0 ? svg.querySelectorAll('g.tk-subplot').length : 0 };
        }
        return { kind: 'plotly', count: el.classList.contains('js-plotly-plot') ? (el.data?.length ?? 0) : 0 };
      }),
    );
    const notDrawn = figures.filter((f) => f.count <= 0).length;
    if (figures.length < minFigures) {
      failures.push(`${figures.length} figures, expected at least ${minFigures}`);
    }
    if (notDrawn > 0) {
      failures.push(`${notDrawn} of ${figures.length} figures not drawn (no traces, or a static picture without subplots)`);
    }
    // Static figures must become their Plotly figure on demand: upgrade the first one and count its traces.
    const statics = figures.filter((f) => f.kind === 'static').length;
    if (statics > 0) {
      const first = page.locator('div[data-tk-static]').first();
      const id = await first.getAttribute('data-tk-figure');
      await first.click();
      await page.waitForSelector(`div[data-tk-figure="${id ?? ''}"][data-tk-interactive]`, { timeout: 30_000 }).catch(() => undefined);
      const upgraded = await page.locator(`div[data-tk-figure="${id ?? ''}"]`).evaluate((el: PlotDiv) => (el.classList.contains('js-plotly-plot') ? (el.data?.length ?? 0) : 0));
      if (upgraded <= 0) {
        failures.push(`static figure ${id ?? '?'} did not become a Plotly figure with traces when clicked`);
      }
    }
    const errors = await page.locator('[data-tk-error]').count();
    if (errors > 0) {
      failures.push(`${errors} figure(s) reported a rendering error`);
    }
    const sections = await page.locator('main section[id], section[id]').count();
    console.log(
      `${file}: ${figures.length} figures (${statics} static, ${figures.length - statics} drawn with ${figures.filter((f) => f.kind === 'plotly').reduce((a, f) => a + Math.max(f.count, 0), 0)} traces) in ${sections} sections; ${failures.length} problem(s)`,
    );
  } finally {
    await close();
  }
  return failures;
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const minIdx = args.indexOf('--min-figures');
const minFigures = minIdx >= 0 ? Number(args[minIdx + 1]) : 1;
if (!file || !existsSync(file)) {
  console.error(`usage: check-report.ts REPORT.html [--min-figures N] (file not found: ${file ?? '-'})`);
  process.exitCode = 1;
} else if (!existsSync(CHROMIUM)) {
  console.error(`check-report: ${CHROMIUM} not found (apt-get install chromium)`);
  process.exitCode = 1;
} else {
  const failures = await check(file, minFigures);
  for (const f of failures) {
    console.error(`check-report: ${f}`);
  }
  process.exitCode = failures.length > 0 ? 1 : 0;
}
