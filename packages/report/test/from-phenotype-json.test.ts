import { describe, expect, it } from 'vitest';
import { phenotypeInputFromJson } from '../src/index.js';
import { simulatedPhenotypeJson } from './simulated-phenotype-json.js';

describe('phenotypeInputFromJson: MFI and stain-index rows', () => {
  const files = simulatedPhenotypeJson({ seed: 9, eventsPerSample: 3000, conditions: ['M1'] });
  const { input } = phenotypeInputFromJson(files);
  const rows = input.samples[0]!.intensities ?? [];

  it('fill the control robust SD the stain index divides by', () => {
    expect(rows.length).toBeGreaterThan(0);
    const withControl = rows.filter((r) => r.rsdNegative !== null && r.rsdNegative !== undefined);
    expect(withControl.length).toBeGreaterThan(0);
    for (const r of withControl) {
      expect(r.rsdNegative!).toBeGreaterThan(0);
      // Stain index = (MFI − MFI of the FMO control) / (2 × rSD of the control): recover the control's
      // median from the two columns and check it is the same for every class of a marker.
      if (r.stainIndex !== null && r.stainIndex !== undefined && r.mfi !== null && r.mfi !== undefined) {
        const controlMedian = r.mfi - 2 * r.rsdNegative! * r.stainIndex;
        const first = withControl.find((o) => o.marker === r.marker && o.stainIndex !== null && o.mfi !== null)!;
        const firstMedian = first.mfi! - 2 * first.rsdNegative! * first.stainIndex!;
        expect(controlMedian).toBeCloseTo(firstMedian, 6);
      }
    }
  });
});
