/**
 * Opens a tamkit report in Debian's chromium and checks what a reader would see: every figure drawn
 * with at least one trace, each section present, no console or page errors, no request other than
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
    const traces = await page
      .locator('div[data-tk-figure]')
      .evaluateAll((els: PlotDiv[]) => els.map((el) => (el.classList.contains('js-plotly-plot') ? (el.data?.length ?? 0) : -1)));
    const notDrawn = traces.filter((n) => n <= 0).length;
    if (traces.length < minFigures) {
      failures.push(`${traces.length} figures, expected at least ${minFigures}`);
    }
    if (notDrawn > 0) {
      failures.push(`${notDrawn} of ${traces.length} figures not drawn or without traces`);
    }
    const errors = await page.locator('[data-tk-error]').count();
    if (errors > 0) {
      failures.push(`${errors} figure(s) reported a rendering error`);
    }
    const sections = await page.locator('main section[id], section[id]').count();
    console.log(
      `${file}: ${traces.length} figures (${traces.reduce((a, n) => a + Math.max(n, 0), 0)} traces) in ${sections} sections; ${failures.length} problem(s)`,
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
