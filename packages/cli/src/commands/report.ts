import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { buildReportDocument, readResultFile, renderHtml, ReportError } from '@tamkit/report';
import type { InputFile, ResultFile } from '@tamkit/report';
import { plotlyBundle } from '@tamkit/report/node';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { errorLine } from '../io/format-error.js';
import { VERSION } from '../version.js';

/** Reads one result file: its bytes' SHA-256 and the parsed, checked result. */
export function readResult(path: string, name: string): { input: InputFile; result: ResultFile } {
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new ReportError('REPORT_BAD_JSON', `${name}: not JSON (${e instanceof Error ? e.message : String(e)}); expected a tamkit result file written with --json or --out`, { source: name }, { cause: e });
  }
  return { input: { file: name, sha256, bytes: bytes.length }, result: readResultFile(value, name) };
}

/** `tamkit report RESULTS... -o report.html [--title T] [--plotly cartesian|full] [--date ISO]` */
export function reportCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'report <results..>',
    'Write a self-contained HTML report (works offline) from result files of the other commands',
    (y) =>
      y
        .positional('results', { type: 'string', array: true, demandOption: true, describe: 'result JSON files (tamkit info --json, or any command --json/--out)' })
        .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'HTML file to write (atomically)' })
        .option('title', { type: 'string', default: 'tamkit report', describe: 'report title' })
        .option('plotly', { choices: ['cartesian', 'full'] as const, default: 'cartesian' as const, describe: 'plotly.js build to inline (cartesian: 1.5 MB, enough for every report figure)' })
        .option('date', { type: 'string', describe: 'date recorded in the provenance (default: now; set it for reproducible files)' })
        .example('tamkit info *.fcs --json > info.json && tamkit report info.json -o report.html', 'QC report of FCS files')
        .example('tamkit report phenotype.json transwell.json -o report.html', 'flow and migration in one report'),
    (argv) => {
      const names = (argv.results as string[] | undefined) ?? [];
      const output = argv.output;
      const inputs: InputFile[] = [];
      const results: ResultFile[] = [];
      for (const name of names) {
        try {
          const r = readResult(resolve(ctx.io.cwd, name), name);
          inputs.push(r.input);
          results.push(r.result);
        } catch (e) {
          ctx.io.err(`tamkit report: ${errorLine(name, e)}\n`);
          ctx.exitCode = EXIT.inputFailed;
        }
      }
      if (ctx.exitCode !== EXIT.ok) {
        ctx.io.err(`tamkit report: ${output} not written\n`);
        return;
      }
      const commandLine = ['tamkit', 'report', ...names, '-o', output, ...(argv.title !== 'tamkit report' ? ['--title', argv.title] : []), ...(argv.plotly !== 'cartesian' ? ['--plotly', argv.plotly] : []), ...(argv.date ? ['--date', argv.date] : [])];
      try {
        const doc = buildReportDocument(
          results,
          { tamkitVersion: VERSION, commandLine, date: argv.date ?? new Date().toISOString(), inputs, parameters: { title: argv.title, plotly: argv.plotly }, seeds: {} },
          argv.title,
        );
        const html = renderHtml(doc, { plotlyJs: plotlyBundle(argv.plotly) });
        writeFileAtomic(resolve(ctx.io.cwd, output), html);
        for (const w of doc.warnings) {
          ctx.io.err(`tamkit report: warning ${w.code}: ${w.message}${w.source ? ` (${w.source})` : ''}\n`);
        }
        const figures = doc.sections.reduce((n, s) => n + s.blocks.filter((b) => b.type === 'figure').length, 0);
        ctx.io.out(`wrote ${output}: ${doc.sections.length + 1} sections, ${figures} figures, ${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB\n`);
      } catch (e) {
        ctx.io.err(`tamkit report: ${errorLine(null, e)}\n`);
        ctx.exitCode = EXIT.inputFailed;
      }
    },
  );
}
