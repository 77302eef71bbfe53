import type { Argv } from 'yargs';
import type { FcsParseOptions } from '@tamkit/fcs';

/** The reader's named leniencies, as CLI flags (each off by default; each use leaves a warning). */
export const FCS_LENIENCY_FLAGS = {
  ignoreOffsetDiscrepancy: {
    flag: 'ignore-offset-discrepancy',
    describe: 'when HEADER and TEXT disagree on the DATA offsets and neither can be ruled out, use TEXT',
  },
  preferHeaderOffsets: {
    flag: 'prefer-header-offsets',
    describe: 'when HEADER and TEXT disagree on the DATA offsets, use HEADER',
  },
  allowDataSizeMismatch: {
    flag: 'allow-data-size-mismatch',
    describe: 'read the whole events present when DATA is shorter or longer than $TOT events',
  },
  ignoreBadNextData: {
    flag: 'ignore-bad-nextdata',
    describe: 'stop at a $NEXTDATA that points backwards or outside the file instead of failing',
  },
} as const;

type Leniency = keyof typeof FCS_LENIENCY_FLAGS;

/** Adds the leniency flags to a command. */
export function withFcsLeniencyOptions<T>(y: Argv<T>): Argv<T> {
  let out = y;
  for (const { flag, describe } of Object.values(FCS_LENIENCY_FLAGS)) {
    out = out.option(flag, { type: 'boolean', default: false, describe, group: 'FCS reading leniencies:' });
  }
  return out;
}

/** Reader options from parsed arguments. */
export function fcsLeniencies(argv: Readonly<Record<string, unknown>>): FcsParseOptions {
  const options: Partial<Record<Leniency, boolean>> = {};
  for (const [key, { flag }] of Object.entries(FCS_LENIENCY_FLAGS) as [Leniency, { flag: string }][]) {
    if (argv[flag] === true) {
      options[key] = true;
    }
  }
  return options;
}

/** Rewrites "pass allowDataSizeMismatch" in a library message to the CLI flag that does it. */
export function cliHint(message: string): string {
  return message.replace(/\bpass (\w+)/g, (whole, name: string) =>
    name in FCS_LENIENCY_FLAGS ? `pass --${FCS_LENIENCY_FLAGS[name as Leniency].flag}` : whole,
  );
}
