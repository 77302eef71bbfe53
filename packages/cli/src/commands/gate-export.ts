import { maskToIndex, selectEvents, TamkitError, type Mask } from '@tamkit/core';
import { writeFcsChunks } from '@tamkit/fcs';
import type { FcsDataset, FcsIntegerBits, FcsWriteOptions } from '@tamkit/fcs';
import { findPopulation } from '@tamkit/gating';
import type { Population, PopulationTree } from '@tamkit/gating';

/** Keywords `writeFcs` derives from the table and its options; the source file's values are dropped. */
const WRITER_OWNED = new Set(['$BEGINANALYSIS', '$ENDANALYSIS', '$BEGINSTEXT', '$ENDSTEXT', '$BEGINDATA', '$ENDDATA', '$BYTEORD', '$DATATYPE', '$MODE', '$NEXTDATA', '$PAR', '$TOT']);
// $PnDATATYPE (FCS 3.2) too: the FCS 3.1 output has one $DATATYPE for every parameter.
const WRITER_OWNED_PARAMETER = /^\$P\d+(?:[NSBERG]|DATATYPE)$/;
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

/** FCS 3.1 §3.2.7: a keyword is printable ASCII without leading or trailing spaces. */
const WRITABLE_KEYWORD = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * Writer options that keep a data set's stored values and keywords: same data type (`I` widths
 * rounded up to 8/16/32 bits; delimited ASCII written as 32-bit integers; an FCS 3.2 data set whose
 * parameters have their own `$PnDATATYPE` as `D`, which holds each of them exactly), same byte order, every
 * keyword except the ones the writer owns (offsets, `$TOT`, `$PAR`, `$BYTEORD`, `$DATATYPE`, `$MODE`,
 * `$NEXTDATA`, `$PnN/S/B/E/R/G`, which it writes from the table), keywords with empty values (FCS 3.1
 * forbids them) and keywords whose names are not printable ASCII (listed in `dropped`).
 * `$SPILLOVER`/`SPILL` are kept verbatim. Adds {@link POPULATION_KEYWORD}.
 *
 * @throws {TamkitError} `EXPORT_UNWRITABLE` (context `{ channel }`) for float data on a channel with
 *   log amplification ($PnE f1 > 0), which FCS 3.1 cannot express
 */
export function keepingWriteOptions(ds: FcsDataset, population: Population): { options: FcsWriteOptions; dropped: string[] } {
  const mixed = ds.parameters.some((p) => p.dataType !== ds.dataType);
  const dataType = mixed ? 'D' : ds.dataType;
  if (dataType === 'F' || dataType === 'D') {
    const log = ds.parameters.find((p) => p.amplification[0] > 0);
    if (log) {
      throw new TamkitError(
        'EXPORT_UNWRITABLE',
        `channel ${log.name}: $P${log.n}E ${log.amplification.join(',')} on float data${mixed ? ' (the data set mixes $PnDATATYPE types, written as D)' : ''} cannot be written as FCS 3.1, which requires 0,0 for float data; export as CSV instead`,
        { channel: log.name },
      );
    }
  }
  const keywords: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(ds.keywords)) {
    if (value.trim() === '' || WRITER_OWNED.has(key) || WRITER_OWNED_PARAMETER.test(key) || key === POPULATION_KEYWORD) {
      continue;
    }
    if (!WRITABLE_KEYWORD.test(key)) {
      dropped.push(key);
      continue;
    }
    keywords[key] = value;
  }
  keywords[POPULATION_KEYWORD] = population.path.join('/');
  const entries = Object.entries(keywords);
  const delimiter =
    [ds.delimiter, ...DELIMITERS].find((d) => /^[\x21-\x7e]$/.test(d) && entries.every(([k, v]) => !k.includes(d) && !v.startsWith(d) && !v.endsWith(d))) ?? '/';
  const byteOrder = ds.byteOrder === '4,3,2,1' ? 'big' : 'little';
  if (dataType === 'F' || dataType === 'D') {
    return { options: { version: '3.1', dataType, byteOrder, delimiter, keywords }, dropped };
  }
  const bits = ds.parameters.map((p): FcsIntegerBits => (ds.dataType === 'A' || p.bits > 16 ? 32 : p.bits > 8 ? 16 : 8));
  return { options: { version: '3.1', dataType: 'I', bits, byteOrder, delimiter, keywords }, dropped };
}

/**
 * The FCS 3.1 bytes (in chunks) of one population's events: the data set's stored values of the
 * events in `mask`, in file order, with its keywords (see {@link keepingWriteOptions}); `$TOT` is the
 * population's count. `dropped` lists source keywords that could not be written.
 *
 * @throws {TamkitError} `EXPORT_UNWRITABLE` (see {@link keepingWriteOptions})
 * @throws {TypeError} / {RangeError} from the writer when a keyword or value cannot be written
 */
export function populationFcsChunks(
  ds: FcsDataset,
  population: Population,
  mask: Mask = population.mask,
): { chunks: IterableIterator<Uint8Array>; dropped: string[] } {
  const { options, dropped } = keepingWriteOptions(ds, population);
  const table = selectEvents(ds.table, maskToIndex(mask));
  return { chunks: writeFcsChunks(table, options), dropped };
}
