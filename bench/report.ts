// Report benchmark: a 12-sample experiment with 1M events per sample (pre-binned: the report holds
// only binned data) rendered by renderHtml, its size, and its time to draw every plot in Debian
// chromium against a blank page holding the same plotly bundle, in the same run. Also writes the
// screenshots of each section type (from the tamkit demo report) to docs/screenshots/. Run alone with
//   node --conditions=@tamkit/source --import tsx bench/report.ts [--quick]
// or through bench/run.ts, which calls runReportBench().
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EventTable } from '../packages/core/src/index.js';
import { phenotypeJson } from '../packages/cli/src/commands/phenotype.js';
import { phenotypeSample } from '../packages/gating/src/index.js';
import { inlineScript, phenotypeInputFromJson, phenotypeSections, renderHtml, REPORT_CSP, summarySection } from '../packages/report/src/index.js';
import type { PhenotypeJsonEntry, ReportDocument } from '../packages/report/src/index.js';
import { simulateMacrophageSample } from '../packages/simulate/src/index.js';
import type { MacrophageCondition } from '../packages/simulate/src/index.js';
import { plotlyBundle } from '../packages/report/src/node.js';
import { hasChromium, launchChromium } from '../packages/report/scripts/chromium.js';
import { syntheticReport } from '../packages/report/test/synthetic-report.js';
import { markdownTable, median } from './markdown.js';

/** Options of {@link runReportBench}. */
export interface ReportBenchOptions {
  /** 2 samples of 100 000 events and one timing run (a smoke test). */
  readonly quick?: boolean;
  /** Write docs/benchmarks-report.md and docs/screenshots/*.png (default true unless quick). */
  readonly write?: boolean;
  readonly log?: (line: string) => void;
}

/** Result of {@link runReportBench}. */
export interface ReportBenchResult {
  readonly samples: number;
  readonly eventsPerSample: number;
  readonly buildMs: number;
  readonly htmlBytes: number;
  readonly plots: number;
  /** Of which static (SVG at load, Plotly on click). */
  readonly staticPlots: number;
  /** Page load in a running browser until every plot is drawn. */
  readonly reportMs: number[];
  readonly blankMs: number[];
  readonly ratio: number;
  /** In-page time until the plots of the first screen are drawn. */
  readonly firstViewMs: number[];
  readonly firstViewRatio: number;
  /** In-page time from the click on the first static flow figure until its Plotly figure is drawn. */
  readonly upgradeMs: number[];
  /** From browser launch to the first screenshot after every plot is drawn (STACK.md's baseline). */
  readonly reportColdMs: number[];
  readonly blankColdMs: number[];
  readonly coldRatio: number;
  readonly markdown: string;
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SECTION_SHOTS: readonly [string, string][] = [
  ['summary', '#summary'],
  ['flow', 'section[data-tk-kind="flow"]'],
  ['composition', '#composition'],
  ['migration', 'section[data-tk-kind="migration"]'],
  ['provenance', '#provenance'],
];

/**
 * The report of `tamkit demo` (a whole simulated study through `tamkit run`: conditions, FMO
 * controls, statistics, transwell counts, images and beads), written into `dir`; its path.
 */
function demoReport(dir: string): string {
  const r = spawnSync(process.execPath, ['--conditions=@tamkit/source', '--import', 'tsx', join(ROOT, 'packages/cli/src/bin.ts'), 'demo', '--out', dir], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`tamkit demo failed (${String(r.status)}): ${r.stderr}`);
  }
  return join(dir, 'results', 'report.html');
}

/**
 * The report `tamkit phenotype --json` + `tamkit report` give for simulated samples: each sample
 * phenotyped with five 50k-event FMO controls and `display: true`, its JSON entry read back by the
 * report. The other sections (migration, provenance...) come from the synthetic report.
 */
function phenotypeReport(samples: number, eventsPerSample: number, seed: number, log: (line: string) => void): ReportDocument {
  const fmo: Record<string, EventTable> = {};
  for (const [k, marker] of ['CD86', 'CD80', 'HLA-DR', 'CD206', 'CD163'].entries()) {
    const c = simulateMacrophageSample({ seed: seed + 100 + k, events: 50_000, condition: k < 3 ? 'M1' : 'M2', fmoMarker: marker });
    fmo[marker] = { ...c.table, stage: 'scaled' };
  }
  const conditions: MacrophageCondition[] = ['M0', 'M1', 'M2', 'TCM'];
  const files: PhenotypeJsonEntry[] = [];
  for (let i = 0; i < samples; i++) {
    const s = simulateMacrophageSample({ seed: seed + i, events: eventsPerSample, condition: conditions[i % conditions.length]! });
    const name = `D${Math.floor(i / conditions.length) + 1}_${conditions[i % conditions.length]!}.fcs`;
    const r = phenotypeSample({ table: { ...s.table, stage: 'scaled' }, spillover: s.spillover, name }, { seed: 1, controls: { fmo }, display: true });
    files.push(JSON.parse(JSON.stringify(phenotypeJson(name, r))) as PhenotypeJsonEntry);
    log(`phenotyped ${name}`);
  }
  const { input } = phenotypeInputFromJson(files);
  const { sections, warnings } = phenotypeSections(input, 'phenotype.json');
  const synthetic = syntheticReport({ samples: 1, eventsPerSample: 10_000, seed, bins: 128 });
  const allWarnings = [...warnings, ...synthetic.warnings];
  // The summary tamkit report puts first (here from the composition only: the migration part is synthetic).
  const summary = summarySection({ compositions: input.composition ? [input.composition] : [], statistics: [], transwell: [], warnings: allWarnings.length });
  return {
    ...synthetic,
    title: 'Simulated macrophage experiment',
    sections: [...(summary ? [summary] : []), ...sections, ...synthetic.sections.filter((x) => x.kind !== 'flow' && x.kind !== 'composition')],
    warnings: allWarnings,
  };
}

function blankPage(plotlyJs: string): string {
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<title>blank</title></head><body>',
    `<script>${inlineScript(plotlyJs)}</script>`,
    "<script>document.body.setAttribute('data-tk-rendered', typeof Plotly === 'object' ? '0' : 'missing'); performance.mark('tk-rendered');</script>",
    '</body></html>',
  ].join('\n');
}

/** Runs the benchmark; needs /usr/bin/chromium for the timings and screenshots. */
export async function runReportBench(options: ReportBenchOptions = {}): Promise<ReportBenchResult> {
  const log = options.log ?? ((): void => undefined);
  const quick = options.quick ?? false;
  const write = options.write ?? (!quick && !process.argv.includes("--no-write"));
  const samples = quick ? 2 : 12;
  const eventsPerSample = quick ? 100_000 : 1_000_000;
  const runs = quick ? 1 : 5;
  const loadBefore = loadavg()[0]!;
  const t0 = performance.now();
  const doc = phenotypeReport(samples, eventsPerSample, 2026, log);
  const plotlyJs = plotlyBundle();
  const html = renderHtml(doc, { plotlyJs });
  const buildMs = performance.now() - t0;
  const htmlBytes = Buffer.byteLength(html);
  const plots = doc.sections.reduce((n, s) => n + s.blocks.filter((b) => b.type === 'figure').length, 0);
  const staticPlots = doc.sections.reduce((n, s) => n + s.blocks.filter((b) => b.type === 'figure' && b.static === true).length, 0);
  log(`built ${samples} samples x ${eventsPerSample} events in ${buildMs.toFixed(0)} ms: ${(htmlBytes / 1e6).toFixed(2)} MB, ${plots} plots (${staticPlots} static)`);
  if (!hasChromium) {
    throw new Error('/usr/bin/chromium not found: apt-get install chromium');
  }
  const dir = mkdtempSync(join(tmpdir(), 'tamkit-report-bench-'));
  const reportFile = join(dir, 'report.html');
  const blankFile = join(dir, 'blank.html');
  writeFileSync(reportFile, html);
  writeFileSync(blankFile, blankPage(plotlyJs));
  const reportColdMs: number[] = [];
  const blankColdMs: number[] = [];
  const cold = async (file: string): Promise<number> => {
    const start = performance.now();
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('body[data-tk-rendered]', { state: 'attached', timeout: 120_000 });
      await page.screenshot({ path: join(dir, 'cold.png') });
      return performance.now() - start;
    } finally {
      await browser.close();
    }
  };
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    blankColdMs.push(await cold(blankFile));
    reportColdMs.push(await cold(reportFile));
    log(`cold ${i + 1}: blank ${blankColdMs[i]!.toFixed(0)} ms, report ${reportColdMs[i]!.toFixed(0)} ms`);
  }
  const { context, close } = await launchChromium();
  const reportMs: number[] = [];
  const blankMs: number[] = [];
  const firstViewMs: number[] = [];
  const upgradeMs: number[] = [];
  try {
    // In-page times: the performance marks the page sets (ms from the start of navigation), so
    // neither the test driver's polling nor the load event of images drawn later counts.
    const mark = (page: Awaited<ReturnType<typeof context.newPage>>, name: string): Promise<number> => page.evaluate(`performance.getEntriesByName('${name}')[0].startTime`);
    const time = async (file: string): Promise<number> => {
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      const rendered = await page.waitForSelector('body[data-tk-rendered]', { state: 'attached', timeout: 120_000 }).then(() => page.getAttribute('body', 'data-tk-rendered'));
      const ms = await mark(page, 'tk-rendered');
      if (file === reportFile) {
        if (rendered !== String(plots - staticPlots)) {
          throw new Error(`expected ${plots - staticPlots} Plotly plots, page rendered ${rendered}`);
        }
        // Static figures count as present when their SVG is in the DOM and laid out: it is part of
        // the HTML, so it is by the time the page script runs; check it is, with its subplots.
        const laidOut = await page.locator('div[data-tk-static] > svg').evaluateAll((els: { getBoundingClientRect(): { height: number }; querySelector(s: string): unknown }[]) =>
          els.filter((e) => e.getBoundingClientRect().height > 0 && e.querySelector('g.tk-subplot') !== null).length,
        );
        if (laidOut !== staticPlots) {
          throw new Error(`expected ${staticPlots} static figures laid out, found ${laidOut}`);
        }
        firstViewMs.push(await mark(page, 'tk-first-view'));
        // Upgrade of one flow figure on demand: the page's marks around Plotly.newPlot after the click.
        const first = page.locator('div[data-tk-static]').first();
        const id = (await first.getAttribute('data-tk-figure')) ?? '';
        await first.click();
        await page.waitForSelector(`div[data-tk-figure="${id}"][data-tk-interactive]`, { state: 'attached', timeout: 60_000 });
        upgradeMs.push((await mark(page, `tk-upgraded:${id}`)) - (await mark(page, `tk-upgrade-start:${id}`)));
      }
      await page.close();
      return ms;
    };
    // Warm-up of each page, then alternate so both see the same machine state.
    await time(blankFile);
    await time(reportFile);
    firstViewMs.length = 0;
    upgradeMs.length = 0;
    for (let i = 0; i < runs; i++) {
      blankMs.push(await time(blankFile));
      reportMs.push(await time(reportFile));
      log(`run ${i + 1}: blank ${blankMs[i]!.toFixed(0)} ms, report first screen ${firstViewMs[i]!.toFixed(0)} ms, every plot ${reportMs[i]!.toFixed(0)} ms, upgrade ${upgradeMs[i]!.toFixed(0)} ms`);
    }
    if (write) {
      const shots = join(ROOT, 'docs', 'screenshots');
      mkdirSync(shots, { recursive: true });
      // The screenshots show the demo study's report, which has every section with real content
      // (conditions, tests, migration); the timed report above has no conditions or transwell data.
      const page = await context.newPage();
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(pathToFileURL(demoReport(join(dir, 'demo'))).href);
      await page.waitForSelector('body[data-tk-rendered]', { state: 'attached', timeout: 120_000 });
      await page.screenshot({ path: join(shots, 'overview.png') });
      for (const [name, selector] of SECTION_SHOTS) {
        await page.locator(selector).first().screenshot({ path: join(shots, `${name}.png`) });
      }
      await page.close();
      log(`screenshots written to docs/screenshots/`);
    }
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
  const ratio = median(reportMs) / median(blankMs);
  const firstViewRatio = median(firstViewMs) / median(blankMs);
  const coldRatio = median(reportColdMs) / median(blankColdMs);
  const markdown = [
    '# Report benchmark',
    '',
    `Measured with \`node --conditions=@tamkit/source --import tsx bench/report.ts\` on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Debian chromium headless (flags of STACK.md), ${new Date().toISOString().slice(0, 10)}; 1-minute load average ${loadBefore.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after the runs (other work on the machine inflates both times; the ratio is what compares).`,
    '',
    `A simulated experiment of ${samples} macrophage samples × ${eventsPerSample.toLocaleString('en-US')} events (seed 2026), each phenotyped by \`phenotypeSample\` with five 50 000-event FMO controls and \`display: true\`, its \`tamkit phenotype --json\` entry read back by the report: per sample one figure with the 4 pre-gate plots (densities binned 128 × 128 and drawn as one PNG image each, the viability range gate as a histogram) and the 5 M1/M2 marker histograms with their FMO and threshold (256 bins), 9 subplots in all; then composition, migration (bar and box with brackets), a 4PL fit and a membrane thumbnail from the synthetic report. The report embeds only binned data; the plotly.js cartesian bundle (1.5 MB) is inlined once. Build time includes simulating and phenotyping the samples.`,
    '',
    markdownTable(
      ['measure', 'value', 'target'],
      [
        ['HTML size', `${(htmlBytes / 1e6).toFixed(2)} MB`, '≤ 8 MB'],
        ['plots (static flow figures + drawn with Plotly at load)', `${plots} (${staticPlots} + ${plots - staticPlots})`, ''],
        ['build (simulate, bin, render HTML)', `${buildMs.toFixed(0)} ms`, ''],
        [`blank page with the bundle, median of ${runs}`, `${median(blankMs).toFixed(0)} ms`, ''],
        [`report until every plot is present, median of ${runs}`, `${median(reportMs).toFixed(0)} ms`, ''],
        [`report until the first screen's plots are present, median of ${runs}`, `${median(firstViewMs).toFixed(0)} ms`, ''],
        ['ratio first screen / blank (page load in a running browser)', `${firstViewRatio.toFixed(2)}×`, '≤ 2×'],
        ['ratio every plot / blank (page load in a running browser)', `${ratio.toFixed(2)}×`, ratio > 2 ? '≤ 2× (missed)' : '≤ 2×'],
        [`one flow figure made interactive on click (static SVG → Plotly), median of ${upgradeMs.length}`, `${median(upgradeMs).toFixed(0)} ms`, ''],
        [`blank, browser launch to first screenshot, median of ${reportColdMs.length}`, `${median(blankColdMs).toFixed(0)} ms`, ''],
        [`report, browser launch to first screenshot with every plot present, median of ${reportColdMs.length}`, `${median(reportColdMs).toFixed(0)} ms`, ''],
        ['ratio report / blank (from browser launch)', `${coldRatio.toFixed(2)}×`, '≤ 2×'],
      ],
      ['l', 'r', 'r'],
    ),
    '',
    `The ${staticPlots} per-sample flow figures are static SVG pictures built with the report (the same binned data, gates, thresholds, tick labels and % of parent as their Plotly figure; densities as the same PNG images) and become the Plotly figure, in place, when clicked or with their "Make interactive" button; the other ${plots - staticPlots} figures are drawn with Plotly at load. A static figure is present once its SVG is in the DOM and laid out, which it is when the page script runs (it is part of the HTML); the benchmark checks that every one is laid out with its subplots and that the page drew the ${plots - staticPlots} others. In-browser times are the page's own performance marks, in ms from the start of navigation: \`tk-rendered\` after the last \`Plotly.newPlot\` resolves (on the blank page once Plotly is defined) and \`tk-first-view\` once every Plotly plot whose container starts in the first screen (1400 × 900 viewport) is drawn. The page draws those first, then every other Plotly plot in document order; it yields to the browser once the first screen's plots are drawn and then after each 150 ms of drawing, not after every plot (here: no yield, as no Plotly plot starts in the first screen and the five take about 140 ms). The upgrade time is from the page's mark at the click on the first flow figure to the one after its \`Plotly.newPlot\` resolves, once per report run. Individual upgrades (ms): ${upgradeMs.map((v) => v.toFixed(0)).join(', ')}. Runs alternate blank and report after one warm-up of each. Individual runs (ms): blank ${blankMs.map((v) => v.toFixed(0)).join(', ')}; first screen ${firstViewMs.map((v) => v.toFixed(0)).join(', ')}; every plot ${reportMs.map((v) => v.toFixed(0)).join(', ')}. The launch-to-screenshot rows time a fresh chromium (new user-data dir) per run, as STACK.md's baseline ("a blank page with plotly inlined ~2 s to first screenshot") does; browser start-up is then part of both times.`,
    '',
    `Before the flow figures were static, every figure was drawn with Plotly at load (114 subplots): in the run recorded on 2026-12-01 on this machine the blank page took 312 ms, the first screen 518 ms (1.66×), every plot 1488 ms (4.77×) and 3.02× from browser launch. With the flow figures static but a yield to the browser after every Plotly plot (each one a style, layout and paint pass of the whole page, about 15 ms) and one SVG line per grid line, every plot took 2.00–2.07× the blank page. Earlier still the benchmark drew a synthetic report (66 subplots of heatmap traces) timed by wall clock: 2.58× the blank page.`,
    '',
    `Drawing cost follows the number of subplots (${samples} × 9 in the flow figures + 6 in the others here), not of figures. What was measured, per 5-subplot figure drawn again in a warm page (ms, mean of 5): 43 as before (3 heatmap traces, 4 line traces, shapes, annotations); 25 without the heatmaps; 24 without annotations; 4 with axes only. Drawing each density as one PNG image (\`densityImageUri\`) instead of a heatmap trace halved the time per figure (55–70 → ~30 ms in the page); \`staticPlot\` (no drag layers) gained 10–15 % more but drops hover and the toolbar, so it is not used. At about 10 ms per subplot (axes, ticks, annotations, drag layers), drawing the ${samples * 9} flow subplots with Plotly at load cannot meet 2× the blank page, so those figures are static pictures until asked for; a reader who wants hover, zoom or the PNG export clicks one figure and waits the upgrade time above.`,
    '',
  ].join('\n');
  if (write) {
    writeFileSync(join(ROOT, 'docs', 'benchmarks-report.md'), markdown);
  }
  return { samples, eventsPerSample, buildMs, htmlBytes, plots, staticPlots, upgradeMs, reportMs, blankMs, ratio, firstViewMs, firstViewRatio, reportColdMs, blankColdMs, coldRatio, markdown };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const r = await runReportBench({ quick, log: (line) => console.log(line) });
  console.log(r.markdown);
  if (r.htmlBytes > 8e6 || r.firstViewRatio > 2 || r.ratio > 2) {
    console.log(`target missed: ${(r.htmlBytes / 1e6).toFixed(2)} MB, first-screen ratio ${r.firstViewRatio.toFixed(2)}, every-plot ratio ${r.ratio.toFixed(2)}, launch ratio ${r.coldRatio.toFixed(2)}`);
    process.exitCode = 1;
  }
}
