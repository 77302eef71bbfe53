import { createRng } from '@tamkit/core';
import {
  beadSampleFile,
  encodeMembraneImage,
  macrophageSampleFcs,
  simulateBeadSample,
  simulateMacrophageExperiment,
  simulateMembraneImage,
} from '@tamkit/simulate';
import type { NamedFile } from '@tamkit/simulate';
import { demoExperimentYaml } from './demo-experiment-yaml.js';

/** Options of {@link demoStudy}. */
export interface DemoStudyOptions {
  readonly seed: number;
  /** Events per FCS file. */
  readonly eventsPerSample: number;
  /** Donors (biological replicates). */
  readonly donors: number;
}

/** Defaults of {@link DemoStudyOptions}: 20 000 events, 3 donors, seed 2026. */
export const DEMO_STUDY_DEFAULTS: DemoStudyOptions = { seed: 2026, eventsPerSample: 20_000, donors: 3 };

/** Transwell conditions of the demo: name, CCL2 ng/mL, carlumab µg/mL (null: none), expected cells per field. */
export const DEMO_TRANSWELL_CONDITIONS: readonly (readonly [string, number, number | null, number])[] = (() => {
  const rows: [string, number, number | null, number][] = [
    ['medium', 0, null, 10],
    ['CCL2 1', 1, null, 25],
    ['CCL2 10', 10, 0, 60],
    ['CCL2 50', 50, null, 50],
  ];
  // Carlumab against CCL2 10 ng/mL: 4PL with bottom 10, top 60, IC50 0.3 µg/mL, Hill slope 1.
  for (const dose of [0.01, 0.1, 1, 10]) {
    rows.push([`CCL2+carlumab ${dose}`, 10, dose, 10 + 50 / (1 + dose / 0.3)]);
  }
  return rows;
})();

/** Membrane images of the demo: one per field of insert A of these conditions. */
const IMAGE_CONDITIONS = ['medium', 'CCL2 10'];
const INSERTS = ['A', 'B', 'C'];
const FIELDS = 3;

/** What the demo was simulated with, written as `truth.json`. */
export interface DemoTruth {
  readonly seed: number;
  /** Per stained sample: condition, donor and the true % M1 / % M2 of live single macrophages. */
  readonly samples: Readonly<Record<string, { condition: string; donor: string; M1: number; M2: number }>>;
  /** Per transwell condition: the expected cells per field the counts were drawn around. */
  readonly transwellExpected: Readonly<Record<string, number>>;
  /** Cells placed on each membrane image. */
  readonly images: Readonly<Record<string, number>>;
  /** Migrated cells in the well of each bead tube. */
  readonly beads: Readonly<Record<string, { condition: string; cellsInWell: number }>>;
}

function poisson(rng: ReturnType<typeof createRng>, lambda: number): number {
  // Knuth's multiplication method: exact for the small means used here.
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/**
 * A whole simulated CCL2 study in memory (pure: the caller writes the files): per donor M0/M1/M2/TCM
 * macrophage samples, five FMO controls and an unstained control (`fcs/`); a transwell count table
 * with a CCL2 dose series and a carlumab dose response (`transwell/counts.csv`), some of whose
 * fields are membrane images (`transwell/images/`); two counting-bead tubes (`transwell/beads/`);
 * `experiment.yaml` describing it all; and `truth.json`. Every file derives from `seed`.
 *
 * @example demoStudy({ ...DEMO_STUDY_DEFAULTS, eventsPerSample: 5000 }).files.map((f) => f.name)
 */
export function demoStudy(options: DemoStudyOptions = DEMO_STUDY_DEFAULTS): { files: NamedFile[]; truth: DemoTruth } {
  const files: NamedFile[] = [];
  const text = (name: string, s: string): NamedFile => ({ name, bytes: new TextEncoder().encode(s) });
  const exp = simulateMacrophageExperiment({ seed: options.seed, eventsPerSample: options.eventsPerSample, replicates: options.donors });
  const samples: Record<string, { condition: string; donor: string; M1: number; M2: number }> = {};
  for (const s of exp.samples) {
    files.push({ name: `fcs/${s.fileName}`, bytes: macrophageSampleFcs(s) });
    if (s.role === 'sample') {
      const c = s.sample.truth.counts;
      const macrophages = c.M1 + c.M2 + c.double_positive + c.double_negative;
      samples[s.fileName.replace(/\.fcs$/, '')] = { condition: s.condition, donor: s.donor, M1: (100 * c.M1) / macrophages, M2: (100 * c.M2) / macrophages };
    }
  }
  const rng = createRng(options.seed + 1);
  const rows = ['condition,replicate,field,count,image,ccl2_ng_ml,inhibitor,dose,dose_unit,cells_seeded'];
  const transwellExpected: Record<string, number> = {};
  const images: Record<string, number> = {};
  let imageSeed = options.seed + 100;
  for (const [name, ccl2, dose, expected] of DEMO_TRANSWELL_CONDITIONS) {
    transwellExpected[name] = expected;
    for (const insert of INSERTS) {
      for (let field = 1; field <= FIELDS; field++) {
        const cells = poisson(rng, expected);
        const inhibitor = dose === null ? ['', '', ''] : [dose === 0 ? '' : 'carlumab', String(dose), 'ug/mL'];
        let count = String(cells);
        let image = '';
        if (insert === 'A' && IMAGE_CONDITIONS.includes(name)) {
          image = `images/${name.replace(/\s+/g, '-')}-${insert}-${field}.png`;
          const img = simulateMembraneImage({ seed: imageSeed++, width: 256, height: 256, pixelSizeUm: 0.65, stain: 'nuclear', cellCount: cells, noiseSd: 0.01 });
          files.push({ name: `transwell/${image}`, bytes: encodeMembraneImage(img, 'png') });
          images[image] = img.truth.count;
          count = '';
        }
        rows.push([name, insert, field, count, image, ccl2, ...inhibitor, 100000].join(','));
      }
    }
  }
  files.push(text('transwell/counts.csv', `${rows.join('\n')}\n`));
  const beads: Record<string, { condition: string; cellsInWell: number }> = {};
  [['medium', 2000], ['CCL2 10', 40000]].forEach(([condition, cellsInWell], k) => {
    const name = `beads/beads-${String(condition).replace(/\s+/g, '-')}.fcs`;
    const sample = simulateBeadSample({ seed: options.seed + 200 + k, cellsInWell: Number(cellsInWell), beadsAdded: 20000, acquiredFraction: 0.1, debris: 1000, sampleVolumeUl: 300 });
    const f = beadSampleFile(sample, name);
    files.push({ name: `transwell/${name}`, bytes: f.bytes });
    beads[name] = { condition: String(condition), cellsInWell: sample.truth.cellsInWell };
  });
  files.push(text('experiment.yaml', demoExperimentYaml(options.seed, exp.samples.map((s) => ({ file: `fcs/${s.fileName}`, role: s.role, condition: s.condition, marker: s.fmoMarker, donor: s.donor })), Object.keys(beads).map((b) => ({ file: b, condition: beads[b]!.condition })))));
  const truth: DemoTruth = { seed: options.seed, samples, transwellExpected, images, beads };
  files.push(text('truth.json', `${JSON.stringify(truth, null, 2)}\n`));
  return { files, truth };
}
