import { UnknownChannelError } from './errors.js';

/** One channel's values, one entry per event. File columns are float32; derived ones float64. */
export type Column = Float32Array | Float64Array;

/** Channel metadata. `name` ($PnN) is the unique key used across packages. */
export interface ChannelMeta {
  /** $PnN: short name, unique within a table. */
  readonly name: string;
  /** $PnS: marker or stain (e.g. 'CD206'), '' when absent. */
  readonly label: string;
  /** $PnR: the channel's range. */
  readonly range: number;
  /** $PnG: amplifier gain, 1 when absent. */
  readonly gain: number;
  /** $PnE f1: decades of a log amplifier; 0 = linear. */
  readonly logDecades: number;
  /** $PnE f2: the value of channel 0 on a log amplifier (0 read as 1 when decoding). */
  readonly logZero: number;
  readonly kind: ChannelKind;
}

export type ChannelKind = 'scatter' | 'fluorescence' | 'time' | 'other';

/** Processing stage of a table's values. */
export type TableStage = 'raw' | 'scaled' | 'compensated' | 'transformed';

/** Column-major table of events: `columns[i]` holds the values of `channels[i]`. */
export interface EventTable {
  readonly eventCount: number;
  readonly channels: readonly ChannelMeta[];
  readonly columns: readonly Column[];
  readonly stage: TableStage;
}

/**
 * Builds an EventTable, checking that there is one column per channel, that every column has the
 * same length and that channel names are unique.
 *
 * @throws {RangeError} when lengths disagree or a name repeats (a programmer error).
 * @example
 * const t = createEventTable([channelMeta({ name: 'FSC-A' })], [new Float32Array([1, 2])]);
 * t.eventCount; // 2
 */
export function createEventTable(
  channels: readonly ChannelMeta[],
  columns: readonly Column[],
  stage: TableStage = 'raw',
): EventTable {
  if (channels.length !== columns.length) {
    throw new RangeError(`${channels.length} channels but ${columns.length} columns`);
  }
  const eventCount = columns[0]?.length ?? 0;
  const seen = new Set<string>();
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const ch = channels[i]!;
    if (col.length !== eventCount) {
      throw new RangeError(
        `column ${i} (${ch.name}) has ${col.length} values, expected ${eventCount}`,
      );
    }
    if (seen.has(ch.name)) {
      throw new RangeError(`channel name '${ch.name}' appears twice`);
    }
    seen.add(ch.name);
  }
  return { eventCount, channels, columns, stage };
}

/** Fills ChannelMeta defaults: label '', range 0, gain 1, linear, kind guessed from the name. */
export function channelMeta(meta: Partial<ChannelMeta> & { name: string }): ChannelMeta {
  return {
    name: meta.name,
    label: meta.label ?? '',
    range: meta.range ?? 0,
    gain: meta.gain ?? 1,
    logDecades: meta.logDecades ?? 0,
    logZero: meta.logZero ?? 0,
    kind: meta.kind ?? guessChannelKind(meta.name),
  };
}

/**
 * Guesses the kind of a channel from its $PnN: `Time` → time; FSC/SSC (and Attune's BSC) → scatter;
 * names naming a detector, fluorochrome or laser (FL1, PE, FITC, BV421, B1-A...) → fluorescence;
 * anything else (event counters, widths of unknown detectors) → other.
 */
export function guessChannelKind(name: string): ChannelKind {
  const n = name.trim().toUpperCase();
  if (/^TIME\b|^HDR-T$/.test(n)) {
    return 'time';
  }
  if (/^(FSC|SSC|BSC|FS|SS)([-_ ]|$)|^(FSC|SSC)\d|SCATTER/.test(n)) {
    return 'scatter';
  }
  if (/^(EVENT|EVENT_LENGTH|EVENT_COUNT|CELL_LENGTH|WIDTH|SORT|INDEX|FLAG|BEAD)|LENGTH$/.test(n)) {
    return 'other';
  }
  return 'fluorescence';
}

/**
 * Finds a channel by $PnN (exact, then case-insensitive) or by marker label ($PnS). Returns -1 when
 * nothing matches or a label is ambiguous.
 */
export function findChannel(table: Pick<EventTable, 'channels'>, nameOrLabel: string): number {
  const { channels } = table;
  let idx = channels.findIndex((c) => c.name === nameOrLabel);
  if (idx >= 0) {
    return idx;
  }
  const lower = nameOrLabel.toLowerCase();
  const byName = channels.flatMap((c, i) => (c.name.toLowerCase() === lower ? [i] : []));
  if (byName.length === 1) {
    return byName[0]!;
  }
  const byLabel = channels.flatMap((c, i) => (c.label.toLowerCase() === lower ? [i] : []));
  idx = byLabel.length === 1 ? byLabel[0]! : -1;
  return idx;
}

/**
 * Like {@link findChannel} but throws.
 * @throws {UnknownChannelError} code `UNKNOWN_CHANNEL`, listing the names that exist.
 */
export function requireChannel(table: Pick<EventTable, 'channels'>, nameOrLabel: string): number {
  const idx = findChannel(table, nameOrLabel);
  if (idx < 0) {
    throw new UnknownChannelError(
      nameOrLabel,
      table.channels.map((c) => (c.label ? `${c.name} (${c.label})` : c.name)),
    );
  }
  return idx;
}

/**
 * Returns a new table with some columns replaced (by index); unchanged columns are shared.
 * @throws {RangeError} when a replacement has the wrong length or an index is out of range.
 */
export function replaceColumns(
  table: EventTable,
  replacements: ReadonlyMap<number, Column>,
  stage: TableStage,
): EventTable {
  const columns = table.columns.slice();
  for (const [i, col] of replacements) {
    if (i < 0 || i >= columns.length) {
      throw new RangeError(`column index ${i} out of range 0..${columns.length - 1}`);
    }
    if (col.length !== table.eventCount) {
      throw new RangeError(`replacement column ${i} has ${col.length} values, expected ${table.eventCount}`);
    }
    columns[i] = col;
  }
  return { eventCount: table.eventCount, channels: table.channels, columns, stage };
}

/** Returns a table restricted to the selected events (copies the selected values). */
export function selectEvents(table: EventTable, index: Uint32Array): EventTable {
  const columns = table.columns.map((col) => {
    const out = col instanceof Float32Array ? new Float32Array(index.length) : new Float64Array(index.length);
    for (let i = 0; i < index.length; i++) {
      out[i] = col[index[i]!]!;
    }
    return out;
  });
  return { eventCount: index.length, channels: table.channels, columns, stage: table.stage };
}
