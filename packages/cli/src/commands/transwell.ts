import type { Argv } from 'yargs';
import type { CommandContext } from '../main.js';
import { transwellBeadsCommand } from './transwell-beads.js';
import { transwellCountsCommand } from './transwell-counts.js';
import { transwellImagesCommand } from './transwell-images.js';

/** `tamkit transwell <counts|images|beads>`: transwell migration assays. */
export function transwellCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'transwell',
    'Transwell migration: count tables, membrane images, counting beads',
    (y) => {
      let sub = y;
      for (const register of [transwellCountsCommand, transwellImagesCommand, transwellBeadsCommand]) {
        sub = register(sub, ctx);
      }
      return sub.demandCommand(1, 'name a transwell command: counts, images or beads');
    },
  );
}
