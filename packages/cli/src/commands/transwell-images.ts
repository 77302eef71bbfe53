import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { countCells, decodeImage, renderOverlay } from '@tamkit/transwell';
import type { CellCountResult, MembraneStain } from '@tamkit/transwell';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { errorLine, formatError } from '../io/format-error.js';
import { envelope, num, sha256, textTable, warningJson, warningLines } from './transwell-output.js';

const PREFIX = 'tamkit transwell images';
/** File extensions taken from a folder (case-insensitive). */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'] as const;

/** Expands folders to the image files directly inside them (sorted by name); files stay as given. */
function expandInputs(inputs: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(resolve(cwd, input)).isDirectory();
    } catch {
      // A missing path is reported when it is read.
    }
    if (!isDir) {
      files.push(input);
      continue;
    }
    const names = readdirSync(resolve(cwd, input))
      .filter((n) => (IMAGE_EXTENSIONS as readonly string[]).includes(extname(n).toLowerCase()))
      .sort();
    files.push(...names.map((n) => join(input, n)));
  }
  return files;
}

function imageJson(file: string, r: CellCountResult, overlay: string | null): Record<string, unknown> {
  return {
    file,
    count: r.count,
    objects: r.objects.length,
    splitObjects: r.objects.filter((o) => o.split).length,
    clusters: r.objects.filter((o) => o.cells > 1).length,
    rejected: r.rejected,
    threshold: r.threshold,
    medianAreaPx: r.medianAreaPx,
    width: r.width,
    height: r.height,
    overlay,
    warnings: r.warnings.map(warningJson),
  };
}

/** `tamkit transwell images FILE-or-DIR... [--stain S] [--pixel-size UM] [--overlays DIR] [--json]` */
export function transwellImagesCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'images <inputs..>',
    'Count migrated cells on membrane images (PNG, JPEG, TIFF; folders are read one level deep)',
    (y) =>
      y
        .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'image files or folders' })
        .option('stain', { choices: ['crystal-violet', 'nuclear'] as const, default: 'crystal-violet' as const, describe: 'membrane stain' })
        .option('pixel-size', { type: 'number', describe: 'µm per pixel (without it, 1 px is read as 1 µm, with a warning)' })
        .option('overlays', { type: 'string', describe: 'write one overlay PNG per image (<name>.overlay.png) into this folder' })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON document on stdout' })
        .example('tamkit transwell images fields/ --stain nuclear --pixel-size 0.65', 'count every image of a folder')
        .example('tamkit transwell images A1.tif --overlays check/', 'count and draw what was counted'),
    (argv) => {
      const stain: MembraneStain = argv.stain;
      const options = { stain, ...(argv['pixel-size'] === undefined ? {} : { pixelSizeUm: argv['pixel-size'] }) };
      const results: Record<string, unknown>[] = [];
      const inputs: { file: string; sha256: string }[] = [];
      const rows: string[][] = [['file', 'cells', 'objects', 'rejected', 'threshold']];
      for (const file of expandInputs(argv.inputs ?? [], ctx.io.cwd)) {
        try {
          const bytes = readFileSync(resolve(ctx.io.cwd, file));
          inputs.push({ file, sha256: sha256(bytes) });
          const image = decodeImage(bytes, basename(file));
          const r = countCells(image, options);
          let overlay: string | null = null;
          if (argv.overlays !== undefined) {
            overlay = join(argv.overlays, `${basename(file, extname(file))}.overlay.png`);
            writeFileAtomic(resolve(ctx.io.cwd, overlay), renderOverlay(image, r).png);
          }
          results.push(imageJson(file, r, overlay));
          const rejected = r.rejected.small + r.rejected.large + r.rejected.faint + r.rejected.lowCircularity;
          rows.push([file, String(r.count), String(r.objects.length), String(rejected), num(r.threshold.value)]);
          ctx.io.err(warningLines(PREFIX, file, r.warnings));
        } catch (e) {
          results.push({ file, error: formatError(e) });
          ctx.io.err(`${PREFIX}: ${errorLine(file, e)}\n`);
          ctx.exitCode = EXIT.inputFailed;
        }
      }
      if (argv.json) {
        ctx.io.out(`${JSON.stringify({ ...envelope('transwell images', 'transwell-images', inputs, options), images: results }, null, 2)}\n`);
      } else if (rows.length > 1) {
        ctx.io.out(`${textTable(rows)}\n`);
      }
    },
  );
}
