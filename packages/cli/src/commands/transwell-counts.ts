import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { TamkitWarning } from '@tamkit/core';
import { computeReadouts, countCells, decodeImage, parseCountTable } from '@tamkit/transwell';
import type { CountRecord, MembraneStain, ReadoutMetric } from '@tamkit/transwell';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { errorLine } from '../io/format-error.js';
import { TRANSWELL_ADJUSTMENTS, TRANSWELL_TESTS, fitDoseResponses, runTests } from './transwell-counts-analysis.js';
import type { TranswellTestChoice } from './transwell-counts-analysis.js';
import { countsText, doseResponseCsv, readoutsCsv, testsCsv } from './transwell-counts-format.js';
import { envelope, placedErrorLine, sha256, warningJson, warningLines } from './transwell-output.js';

const PREFIX = 'tamkit transwell counts';

/** How an `image` row of the table was counted. */
interface ImageCount {
  readonly image: string;
  readonly line: number;
  readonly count: number;
  readonly sha256: string;
  readonly warnings: readonly TamkitWarning[];
}

/** Counts the `image` rows (paths relative to the table's folder); one stderr line per failure. */
function countImages(
  records: readonly CountRecord[],
  folder: string,
  options: { stain: MembraneStain; pixelSizeUm?: number },
  ctx: CommandContext,
): { records: CountRecord[]; images: ImageCount[]; failed: boolean } {
  const cache = new Map<string, { count: number; sha256: string; warnings: readonly TamkitWarning[] } | null>();
  const images: ImageCount[] = [];
  let failed = false;
  const out = records.map((r) => {
    if (r.count !== null || r.image === null) {
      return r;
    }
    const path = resolve(folder, r.image);
    if (!cache.has(path)) {
      try {
        const bytes = readFileSync(path);
        const result = countCells(decodeImage(bytes, r.image), options);
        cache.set(path, { count: result.count, sha256: sha256(bytes), warnings: result.warnings });
      } catch (e) {
        cache.set(path, null);
        ctx.io.err(`${PREFIX}: ${errorLine(`${r.source.file}:${r.source.line}: ${r.image}`, e)}\n`);
        failed = true;
      }
    }
    const counted = cache.get(path);
    if (counted === null || counted === undefined) {
      return r;
    }
    images.push({ image: r.image, line: r.source.line, count: counted.count, sha256: counted.sha256, warnings: counted.warnings });
    return { ...r, count: counted.count };
  });
  return { records: out, images, failed };
}

/** `tamkit transwell counts FILE [--control NAME] [--baseline NAME] [--positive-control NAME] ...` */
export function transwellCountsCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'counts <file>',
    'Readouts, tests against the control and 4PL fits from a count table (CSV/TSV, long or wide)',
    (y) =>
      y
        .positional('file', { type: 'string', demandOption: true, describe: 'count table' })
        .option('control', { type: 'string', describe: 'reference of % of control and of the tests (default: the positive control)' })
        .option('baseline', { type: 'string', describe: 'medium-only condition (chemotactic index, % inhibition)' })
        .option('positive-control', { type: 'string', describe: 'stimulated condition without inhibitor (0 % inhibition)' })
        .option('insert-area', { type: 'number', describe: 'insert membrane area, mm² (default 33)' })
        .option('field-area', { type: 'number', describe: 'area of one counted field, mm² (needed for totals and % migration)' })
        .option('metric', {
          choices: ['meanPerField', 'totalMigrated', 'percentMigration'] as const,
          describe: 'value that ratios and tests use (default meanPerField)',
        })
        .option('test', {
          choices: TRANSWELL_TESTS,
          describe: 'test against the control (default: anova-dunnett for 3+ conditions, else welch)',
        })
        .option('adjust', {
          choices: TRANSWELL_ADJUSTMENTS,
          default: 'holm' as const,
          describe: 'multiple-comparison adjustment of welch, student and mann-whitney p-values against the control (dunnett and tukey adjust themselves)',
        })
        .option('fix-bottom', { type: 'number', describe: 'hold the 4PL bottom at this response (e.g. 0); default fitted' })
        .option('fix-top', { type: 'number', describe: 'hold the 4PL top at this response (metric units); default fitted' })
        .option('fix-hill', { type: 'number', describe: 'hold the 4PL Hill slope at this value > 0 (1 = standard slope); default fitted' })
        .option('stain', { choices: ['crystal-violet', 'nuclear'] as const, default: 'crystal-violet' as const, describe: 'stain of image rows' })
        .option('pixel-size', { type: 'number', describe: 'µm per pixel of image rows' })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON document on stdout' })
        .option('out', { type: 'string', describe: 'write readouts.csv, tests.csv, dose-response.csv and results.json here' })
        .example('tamkit transwell counts counts.csv --baseline medium --positive-control CCL2 --field-area 0.25', 'readouts and Dunnett tests vs CCL2')
        .example('tamkit transwell counts counts.csv --control CCL2 --test tukey --out results/', 'all pairs, written as CSV and JSON'),
    (argv) => {
      const file = argv.file;
      for (const [flag, v] of [['fix-bottom', argv['fix-bottom']], ['fix-top', argv['fix-top']], ['fix-hill', argv['fix-hill']]] as const) {
        if (v !== undefined && (!Number.isFinite(v) || (flag === 'fix-hill' && v <= 0))) {
          ctx.io.err(`${PREFIX}: --${flag} ${String(v)}: expected a ${flag === 'fix-hill' ? 'positive number' : 'finite number'}\n`);
          ctx.exitCode = EXIT.usage;
          return;
        }
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(resolve(ctx.io.cwd, file));
      } catch (e) {
        ctx.io.err(`${PREFIX}: ${errorLine(file, e)}\n`);
        ctx.exitCode = EXIT.inputFailed;
        return;
      }
      try {
        const table = parseCountTable(bytes.toString('utf8'), { sourceName: basename(file) });
        const counted = countImages(table.records, dirname(resolve(ctx.io.cwd, file)), {
          stain: argv.stain,
          ...(argv['pixel-size'] === undefined ? {} : { pixelSizeUm: argv['pixel-size'] }),
        }, ctx);
        if (counted.failed) {
          ctx.exitCode = EXIT.inputFailed;
          return;
        }
        const metric: ReadoutMetric | undefined = argv.metric;
        const readouts = computeReadouts(counted.records, {
          ...(argv.baseline === undefined ? {} : { baseline: argv.baseline }),
          ...(argv['positive-control'] === undefined ? {} : { positiveControl: argv['positive-control'] }),
          ...(argv.control === undefined ? {} : { control: argv.control }),
          ...(argv['insert-area'] === undefined ? {} : { insertAreaMm2: argv['insert-area'] }),
          ...(argv['field-area'] === undefined ? {} : { fieldAreaMm2: argv['field-area'] }),
          ...(metric === undefined ? {} : { metric }),
        });
        const testChoice: TranswellTestChoice | undefined = argv.test;
        const tests = runTests(readouts, readouts.options.control, testChoice, argv.adjust);
        const fixed = {
          ...(argv['fix-bottom'] === undefined ? {} : { bottom: argv['fix-bottom'] }),
          ...(argv['fix-top'] === undefined ? {} : { top: argv['fix-top'] }),
          ...(argv['fix-hill'] === undefined ? {} : { hill: argv['fix-hill'] }),
        };
        const fits = fitDoseResponses(readouts, fixed);
        const warnings = [...table.warnings, ...readouts.warnings, ...tests.warnings];
        const parameters = {
          ...readouts.options,
          test: tests.method,
          adjust: tests.adjust,
          ...(Object.keys(fixed).length > 0 ? { fixed } : {}),
          ...(counted.images.length > 0 ? { stain: argv.stain, pixelSizeUm: argv['pixel-size'] ?? null } : {}),
        };
        const inputs = [{ file, sha256: sha256(bytes) }, ...[...new Map(counted.images.map((i) => [i.image, { file: i.image, sha256: i.sha256 }])).values()]];
        const doc = {
          ...envelope('transwell counts', 'transwell', inputs, parameters),
          input: { file, format: table.format, delimiter: table.delimiter, columns: table.columns, records: table.records.length },
          imageCounts: counted.images.map((i) => ({ image: i.image, line: i.line, count: i.count, warnings: i.warnings.map(warningJson) })),
          readouts,
          ...(tests.pairwise === null ? {} : { test: tests.pairwise }),
          tests: { method: tests.method, adjust: tests.adjust, control: tests.control, rows: tests.rows },
          doseResponse: fits,
          warnings: [...warnings, ...counted.images.flatMap((i) => i.warnings)].map(warningJson),
        };
        for (const i of counted.images) {
          ctx.io.err(warningLines(PREFIX, `${basename(file)}:${i.line}: ${i.image}`, i.warnings));
        }
        ctx.io.err(warningLines(PREFIX, basename(file), warnings));
        if (argv.out !== undefined) {
          const dir = resolve(ctx.io.cwd, argv.out);
          writeFileAtomic(join(dir, 'readouts.csv'), readoutsCsv(readouts));
          writeFileAtomic(join(dir, 'tests.csv'), testsCsv(tests.rows));
          writeFileAtomic(join(dir, 'dose-response.csv'), doseResponseCsv(fits));
          writeFileAtomic(join(dir, 'results.json'), `${JSON.stringify(doc, null, 2)}\n`);
        }
        ctx.io.out(argv.json ? `${JSON.stringify(doc, null, 2)}\n` : countsText(file, readouts, tests, fits));
      } catch (e) {
        ctx.io.err(`${PREFIX}: ${placedErrorLine(e)}\n`);
        ctx.exitCode = EXIT.inputFailed;
      }
    },
  );
}
