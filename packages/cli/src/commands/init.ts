import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { parseFcs } from '@tamkit/fcs';
import { detectPanel } from '@tamkit/gating';
import { guessSample, initExperimentText } from '@tamkit/experiment';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { errorLine } from '../io/format-error.js';
import { listFiles } from './run-inputs.js';

/** `tamkit init DIR [--force]`: a commented experiment file from the FCS files under DIR. */
export function initCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'init <dir>',
    'Write a commented starting experiment file (DIR/experiment.yaml) from the FCS files under DIR',
    (y) =>
      y
        .positional('dir', { type: 'string', demandOption: true, describe: 'folder holding the FCS files' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing experiment.yaml' })
        .example('tamkit init my-study && tamkit run my-study/experiment.yaml', 'start a new analysis'),
    (argv) => {
      const dir = resolve(ctx.io.cwd, argv.dir);
      const target = join(dir, 'experiment.yaml');
      if (existsSync(target) && !argv.force) {
        ctx.io.err(`tamkit init: ${join(argv.dir, 'experiment.yaml')} exists; pass --force to overwrite it\n`);
        ctx.exitCode = EXIT.usage;
        return;
      }
      try {
        const files = listFiles(dir).filter((f) => /\.fcs$/i.test(f));
        const m1 = new Set<string>();
        const m2 = new Set<string>();
        const other = new Set<string>();
        for (const f of files) {
          try {
            const ds = parseFcs(readFileSync(join(dir, f)), { sourceName: f, textOnly: true }).datasets[0];
            if (ds === undefined) {
              continue;
            }
            const panel = detectPanel(ds.table.channels);
            const markerOf = new Map(panel.markers.map((m) => [m.channel, m.marker]));
            panel.roles.m1.forEach((c) => m1.add(markerOf.get(c) ?? c));
            panel.roles.m2.forEach((c) => m2.add(markerOf.get(c) ?? c));
            panel.markers.filter((m) => !panel.roles.m1.includes(m.channel) && !panel.roles.m2.includes(m.channel)).forEach((m) => other.add(m.marker));
          } catch (e) {
            ctx.io.err(`tamkit init: ${errorLine(f, e)} (listed anyway)\n`);
          }
        }
        const markers = [...m1, ...m2, ...other];
        const samples = files.map((f) => guessSample(f, markers));
        writeFileAtomic(target, initExperimentText(samples, { m1: [...m1], m2: [...m2], other: [...other] }));
        const count = (role: string): number => samples.filter((s) => s.role === role).length;
        ctx.io.err(`tamkit init: ${files.length} FCS files: ${count('sample')} samples, ${count('fmo')} FMO, ${count('unstained')} unstained, ${count('isotype')} isotype, ${count('beads')} bead tubes\n`);
        ctx.io.out(`${join(argv.dir, 'experiment.yaml')}\n`);
      } catch (e) {
        ctx.io.err(`tamkit init: ${errorLine(null, e)}\n`);
        ctx.exitCode = EXIT.inputFailed;
      }
    },
  );
}
