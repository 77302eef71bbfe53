import type { TaskOutcome } from '@tamkit/experiment/node';
import type { CliIo } from '../io/cli-io.js';

const pct = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(1));

/**
 * Progress of a batch on stderr: a one-line bar redrawn in place on a terminal, one plain line per
 * finished file otherwise (logs, CI), and nothing with `quiet` (`--json`). Failures always get a line.
 */
export class BatchProgress {
  private readonly started = Date.now();
  constructor(
    private readonly io: CliIo,
    private readonly prefix: string,
    private readonly total: number,
    private readonly quiet: boolean,
  ) {}

  /** Reports one finished file. */
  update(outcome: TaskOutcome, done: number): void {
    const failed = 'failure' in outcome;
    if (this.io.isTty && !this.quiet) {
      const width = 30;
      const filled = Math.round((width * done) / Math.max(1, this.total));
      const eta = done === 0 ? '' : ` ETA ${Math.round(((Date.now() - this.started) / done) * (this.total - done) / 1000)} s`;
      this.io.err(`\r\x1b[2K${this.prefix}: [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${outcome.id}${eta}`);
      if (failed) {
        this.io.err(`\n${this.prefix}: ${outcome.failure.file}: ${outcome.failure.error.code}: ${outcome.failure.error.message}\n`);
      }
      if (done === this.total) {
        this.io.err('\n');
      }
      return;
    }
    if (failed) {
      this.io.err(`${this.prefix}: [${done}/${this.total}] ${outcome.id} failed: ${outcome.failure.file}: ${outcome.failure.error.code}: ${outcome.failure.error.message}\n`);
    } else if (!this.quiet) {
      const r = outcome.result;
      this.io.err(`${this.prefix}: [${done}/${this.total}] ${outcome.id} ok (M1 ${pct(r.percent.M1)}%, M2 ${pct(r.percent.M2)}%)\n`);
    }
  }
}

/** The end-of-run summary: one row per sample (id, events, macrophages, % M1, % M2, status). */
export function summaryTable(outcomes: readonly TaskOutcome[]): string {
  const rows = [['sample', 'events', 'macrophages', 'M1 %', 'M2 %', 'status']];
  for (const o of outcomes) {
    if ('failure' in o) {
      rows.push([o.id, '-', '-', '-', '-', `FAILED ${o.failure.error.code}`]);
    } else {
      const r = o.result;
      rows.push([o.id, String(r.eventCount), String(r.pregates.at(-1)?.count ?? '-'), pct(r.percent.M1), pct(r.percent.M2), 'ok']);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()).join('\n')}\n`;
}
