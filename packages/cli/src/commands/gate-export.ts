import { maskToIndex, selectEvents, TamkitError, type Mask } from '@tamkit/core';
import { writeFcsChunks } from '@tamkit/fcs';
import type { FcsDataset, FcsIntegerBits, FcsWriteOptions } from '@tamkit/fcs';
import { findPopulation } from '@tamkit/gating';
import type { Population, PopulationTree } from '@tamkit/gating';

/** Keywords `writeFcs` derives from the table and its options; the source file's values are dropped. */
const WRITER_OWNED = new Set(['$BEGINANALYSIS', '$ENDANALYSIS', '$BEGINSTEXT', '$ENDSTEXT', '$BEGINDATA', '$ENDDATA', '$BYTEORD', '$DATATYPE', '$MODE', '$NEXTDATA', '$PAR', '$TOT']);
const WRITER_OWNED_PARAMETER = /^\$P\d+[NSBERG]$/;
/** Keyword naming the exported population (its path from the root, ids joined by `/`). */
export const POPULATION_KEYWORD = 'TAMKIT_POPULATION';

const DELIMITERS = ['/', '|', '\\', '!', '#', '~', '^', '*'];

/**
 * Finds a population by id, or by its path of ids joined with `/` (`Cells/Live/M1`).
 *
 * @throws {TamkitError} `GATE_UNKNOWN_POPULATION` (context `{ population, available }`)
 */
export function requirePopulation(tree: PopulationTree, id: string): Population {
  const found = findPopulation(tree, id) ?? (id.includes('/') ? findPopulation(tree, id.split('/')) : undefined);
  if (!found) {
    const available = tree.populations.map((p) => p.id);
    throw new TamkitError('GATE_UNKNOWN_POPULATION', `--population '${id}' is not a population of the gates; expected one of ${available.join(', ')}`, {
      population: id,
      available,
    });
  }
  return found;
}

/**
 * Writer options that keep a data set's stored values and keywords: same data type (`I` widths
 * rounded up to 8/16/32 bits; delimited ASCII written as 32-bit integers), same byte order, every
 * keyword except the ones the writer owns (offsets, `$TOT`, `$PAR`, `$BYTEORD`, `$DATATYPE`, `$MODE`,
 * `$NEXTDATA`, `$PnN/S/B/E/R/G`, which it writes from the table), and keywords with empty values
 * (FCS 3.1 forbids them). `$SPILLOVER`/`SPILL` are kept verbatim. Adds {@link POPULATION_KEYWORD}.
 */
export function keepingWriteOptions(ds: FcsDataset, population: Population): FcsWriteOptions {
  const keywords: Record<string, string> = {};
  for (const [key, value] of Object.entries(ds.keywords)) {
    if (value.trim() === '' || WRITER_OWNED.has(key) || WRITER_OWNED_PARAMETER.test(key) || key === POPULATION_KEYWORD) {
      continue;
    }
    keywords[key] = value;
  }
  keywords[POPULATION_KEYWORD] = population.path.join('/');
  const entries = Object.entries(keywords);
  const delimiter =
    [ds.delimiter, ...DELIMITERS].find((d) => /^[\x21-\x7e]$/.test(d) && entries.every(([k, v]) => !k.includes(d) && !v.startsWith(d) && !v.endsWith(d))) ?? '/';
  const byteOrder = ds.byteOrder === '4,3,2,1' ? 'big' : 'little';
  if (ds.dataType === 'F' || ds.dataType === 'D') {
    return { version: '3.1', dataType: ds.dataType, byteOrder, delimiter, keywords };
  }
  const bits = ds.parameters.map((p): FcsIntegerBits => (ds.dataType === 'A' || p.bits > 16 ? 32 : p.bits > 8 ? 16 : 8));
  return { version: '3.1', dataType: 'I', bits, byteOrder, delimiter, keywords };
}

/**
 * The FCS 3.1 bytes (in chunks) of one population's events: the data set's stored values of the
 * events in `mask`, in file order, with its keywords (see {@link keepingWriteOptions}); `$TOT` is the
 * population's count.
 *
 * @throws {TypeError} / {RangeError} from the writer when a keyword or value cannot be written
 */
export function populationFcsChunks(ds: FcsDataset, population: Population, mask: Mask = population.mask): IterableIterator<Uint8Array> {
  const table = selectEvents(ds.table, maskToIndex(mask));
  return writeFcsChunks(table, keepingWriteOptions(ds, population));
}
