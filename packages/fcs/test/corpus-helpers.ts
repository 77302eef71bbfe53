import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared corpus folder beside the repository (absent on machines without it). */
export const corpusUrl = new URL('../../../../shared/corpus/', import.meta.url);
export const hasCorpus = existsSync(fileURLToPath(new URL('fcs/MANIFEST.json', corpusUrl)));

export type RefValue = number | string;

export interface RefStats {
  readonly min: RefValue[];
  readonly max: RefValue[];
  readonly sum: RefValue[];
  readonly first3: RefValue[][];
  readonly last3: RefValue[][];
}

export interface ManifestDataset {
  readonly dataset_offset: number;
  readonly header: { readonly version: string };
  readonly delimiter: { readonly char: string };
  readonly keywords: Record<string, string>;
  readonly parameters: ReadonlyArray<Record<string, string | number>>;
  readonly spillover: { readonly keyword: string; readonly n: number | null } | null;
  readonly text_pairs: ReadonlyArray<[string, string]>;
  readonly supplemental_text?: { readonly bytes: [number, number] };
  readonly reference: RefStats & {
    readonly events: number;
    readonly data_offsets_used: { readonly begin: number; readonly end: number; readonly from: string };
    readonly unmasked?: RefStats;
  };
}

export interface ManifestFile {
  readonly file: string;
  readonly size_bytes: number;
  readonly expected_error?: string;
  readonly datasets?: readonly ManifestDataset[];
  readonly npm_fcs_0_0_7?: {
    readonly ok: boolean;
    readonly agrees_with_reference?: boolean | string;
    readonly agrees_with_unmasked_raw?: boolean | string;
  };
}

export function loadManifest(): readonly ManifestFile[] {
  if (!hasCorpus) {
    return [];
  }
  const text = readFileSync(new URL('fcs/MANIFEST.json', corpusUrl), 'utf8');
  return (JSON.parse(text) as { files: ManifestFile[] }).files;
}

export function readCorpus(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(relative, corpusUrl)));
}

/** Manifest numbers: JSON numbers, or 'NaN'/'Infinity' strings for non-finite values. */
export function refNumber(v: RefValue): number {
  return typeof v === 'number' ? v : Number(v);
}
