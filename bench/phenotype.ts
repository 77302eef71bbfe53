/**
 * Phenotyping benchmark: one simulated 1M-event macrophage file, end to end (read + scale +
 * compensate + pre-gates + thresholds + classification, then also per-class statistics), with the time of
 * reading the same file alone (`readFcsFile`) as the in-run baseline. Median of several runs.
 *
 * Run alone: node --conditions=@tamkit/source --import tsx bench/phenotype.ts [events] [runs]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { EventTable } from '../packages/core/src/index.js';
import { scaleDataset, writeFcs } from '../packages/fcs/src/index.js';
import { readFcsFile } from '../packages/fcs/src/node.js';
import { phenotypeSample } from '../packages/gating/src/index.js';
import { simulateMacrophageSample } from '../packages/simulate/src/index.js';

export interface PhenotypeBenchResult {
  readonly events: number;
  readonly runs: number;
  readonly fileMegabytes: number;
  /** Median ms of readFcsFile alone (the baseline). */
  readonly readMs: number;
  /** Median ms of read + scale + phenotypeSample without controls. */
  readonly endToEndMs: number;
  /** Median ms of read + scale + phenotypeSample without controls and without per-class statistics. */
  readonly noStatisticsMs: number;
  /** Median ms of the same with five 50k-event FMO controls (already read). */
  readonly withFmoMs: number;
  readonly percentM1: number;
  readonly markdown: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Runs the benchmark; `log` receives progress lines. */
export function runPhenotypeBench(
  options: { events?: number; runs?: number; log?: (line: string) => void } = {},
): PhenotypeBenchResult {
  const events = options.events ?? 1_000_000;
  const runs = options.runs ?? 3;
  const log = options.log ?? ((): void => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'tamkit-bench-phenotype-'));
  try {
    const sample = simulateMacrophageSample({ seed: 2024, events, condition: 'M1' });
    const bytes = writeFcs(sample.table, { dataType: 'F', spillover: sample.spillover });
    const path = join(dir, 'sample.fcs');
    writeFileSync(path, bytes);
    const fmo: Record<string, EventTable> = {};
    for (const [k, marker] of ['CD86', 'CD80', 'HLA-DR', 'CD206', 'CD163'].entries()) {
      const c = simulateMacrophageSample({
        seed: 100 + k,
        events: 50_000,
        condition: k < 3 ? 'M1' : 'M2',
        fmoMarker: marker,
      });
      fmo[marker] = { ...c.table, stage: 'scaled' };
    }
    log(`simulated ${events} events (${(bytes.length / 1e6).toFixed(1)} MB)`);
    const readTimes: number[] = [];
    const endTimes: number[] = [];
    const fmoTimes: number[] = [];
    const noStatsTimes: number[] = [];
    let percentM1 = Number.NaN;
    for (let r = 0; r < runs; r++) {
      let t0 = performance.now();
      readFcsFile(path);
      readTimes.push(performance.now() - t0);

      t0 = performance.now();
      const ds = readFcsFile(path).datasets[0]!;
      const result = phenotypeSample(
        { table: scaleDataset(ds), spillover: ds.spillover ?? null, name: 'sample.fcs' },
        { seed: 1 },
      );
      endTimes.push(performance.now() - t0);
      percentM1 = result.percentages.percent.M1;

      t0 = performance.now();
      const ds3 = readFcsFile(path).datasets[0]!;
      phenotypeSample(
        { table: scaleDataset(ds3), spillover: ds3.spillover ?? null, name: 'sample.fcs' },
        { seed: 1, statistics: false },
      );
      noStatsTimes.push(performance.now() - t0);

      t0 = performance.now();
      const ds2 = readFcsFile(path).datasets[0]!;
      phenotypeSample(
        { table: scaleDataset(ds2), spillover: ds2.spillover ?? null, name: 'sample.fcs' },
        { seed: 1, controls: { fmo } },
      );
      fmoTimes.push(performance.now() - t0);
      log(
        `run ${r + 1}: read ${readTimes.at(-1)!.toFixed(0)} ms, end to end ${endTimes.at(-1)!.toFixed(0)} ms, without statistics ${noStatsTimes.at(-1)!.toFixed(0)} ms, with FMOs ${fmoTimes.at(-1)!.toFixed(0)} ms`,
      );
    }
    const readMs = median(readTimes);
    const endToEndMs = median(endTimes);
    const withFmoMs = median(fmoTimes);
    const noStatisticsMs = median(noStatsTimes);
    const markdown = [
      `| step (${events.toLocaleString('en-US')} events, ${(bytes.length / 1e6).toFixed(1)} MB, median of ${runs}) | ms | × read |`,
      '|---|---|---|',
      `| readFcsFile alone (baseline) | ${readMs.toFixed(0)} | 1.0 |`,
      `| read + scale + compensate + pre-gates + thresholds + classification + statistics, no controls | ${endToEndMs.toFixed(0)} | ${(endToEndMs / readMs).toFixed(1)} |`,
      `| the same without per-class MFI statistics (read + scale + compensate + pre-gates + thresholds + classification) | ${noStatisticsMs.toFixed(0)} | ${(noStatisticsMs / readMs).toFixed(1)} |`,
      `| the same with five 50k-event FMO controls | ${withFmoMs.toFixed(0)} | ${(withFmoMs / readMs).toFixed(1)} |`,
      '',
      `% M1 of the macrophage gate: ${percentM1.toFixed(2)} (condition M1).`,
    ].join('\n');
    return {
      events,
      runs,
      fileMegabytes: bytes.length / 1e6,
      readMs,
      endToEndMs,
      noStatisticsMs,
      withFmoMs,
      percentM1,
      markdown,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const events = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? 3);
  const r = runPhenotypeBench({ events, runs, log: (l) => console.log(l) });
  console.log(r.markdown);
}
