import { channelMeta, createEventTable } from '@tamkit/core';
import type { ChannelMeta, Column, EventTable } from '@tamkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFcs, writeFcs } from '../src/index.js';
import type { FcsIntegerBits, FcsWriteOptions, FcsWriteVersion, SpilloverMatrix } from '../src/index.js';

// writeFcs -> parseFcs must give back the table (float32-rounded for $DATATYPE F), the channel
// metadata, the extra keywords and the spillover matrix. The expected values are the generated
// inputs themselves, never the writer's output.

type Layout = { dataType: 'F' } | { dataType: 'D' } | { dataType: 'I'; bits: FcsIntegerBits };

interface Case {
  readonly table: EventTable;
  readonly options: FcsWriteOptions & { version: FcsWriteVersion; byteOrder: 'little' | 'big' };
  readonly layout: Layout;
}

/** Printable characters for names and values: ASCII, plus Latin-1 letters/signs when `latin1`. */
function text(latin1: boolean, maxLength: number, extra = ''): fc.Arbitrary<string> {
  const ascii = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:;()+*#%&=?!@[]{}<>~^|"\'';
  const chars = [...ascii + extra + (latin1 ? 'äöüßÄÖÜéèçñåøæ°µ±²³¼½¾×÷©®¿¡' : '')];
  return fc
    .string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength })
    .filter((s) => s.trim() === s && !s.startsWith('/'));
}

const layoutArb: fc.Arbitrary<Layout> = fc.oneof(
  fc.constant({ dataType: 'F' as const }),
  fc.constant({ dataType: 'D' as const }),
  fc.constantFrom(8, 16, 32).map((bits) => ({ dataType: 'I' as const, bits: bits })),
);

function valueArb(layout: Layout): fc.Arbitrary<number> {
  if (layout.dataType === 'I') {
    return fc.integer({ min: 0, max: 2 ** layout.bits - 1 });
  }
  return layout.dataType === 'F' ? fc.float() : fc.double();
}

function channelArb(layout: Layout, name: string, latin1: boolean): fc.Arbitrary<ChannelMeta> {
  const log = layout.dataType === 'I' ? fc.constantFrom([0, 0], [4, 1], [5, 0.01]) : fc.constant([0, 0]);
  const range =
    layout.dataType === 'I' ? fc.constantFrom(0, 2 ** layout.bits) : fc.constantFrom(0, 262144, 1024.5);
  return fc
    .record({
      label: fc.oneof(fc.constant(''), text(latin1, 12, '/')),
      gain: fc.constantFrom(1, 2.5, 0.1),
      range,
      log,
    })
    .map(({ label, gain, range, log }) =>
      channelMeta({ name, label, gain, range, logDecades: log[0], logZero: log[1] }),
    );
}

function caseArb(versions: readonly FcsWriteVersion[], latin1: boolean): fc.Arbitrary<Case> {
  return fc
    .record({
      version: fc.constantFrom(...versions),
      layout: layoutArb,
      byteOrder: fc.constantFrom('little' as const, 'big' as const),
      names: fc.uniqueArray(text(false, 10, '/'), { minLength: 1, maxLength: 8 }),
      events: fc.integer({ min: 0, max: 200 }),
    })
    .chain(({ version, layout, byteOrder, names, events }) =>
      fc
        .record({
          channels: fc.tuple(...names.map((n) => channelArb(layout, n, latin1))),
          columns: fc.tuple(
            ...names.map(() => fc.array(valueArb(layout), { minLength: events, maxLength: events })),
          ),
          keywords: fc.uniqueArray(
            fc.tuple(
              fc.stringMatching(/^[A-Z][A-Z0-9_-]{0,11}$/).filter((k) => !k.startsWith('SPILL')),
              text(latin1, 30, '/,'),
            ),
            { maxLength: 5, selector: ([k]) => k },
          ),
          spill: fc.option(fc.subarray(names, { minLength: 1 }), { nil: null }),
          spillValues: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
            minLength: 64,
            maxLength: 64,
          }),
          float64Columns: fc.boolean(),
        })
        .map(({ channels, columns, keywords, spill, spillValues, float64Columns }) => {
          const cols: Column[] = columns.map((c) =>
            // Integers above 2^24 need float64 columns to be exact (as the reader returns them).
            float64Columns || layout.dataType === 'D' || (layout.dataType === 'I' && layout.bits === 32)
              ? Float64Array.from(c)
              : Float32Array.from(c),
          );
          const spillover: SpilloverMatrix | null =
            spill === null
              ? null
              : {
                  detectors: spill,
                  values: Float64Array.from(spillValues.slice(0, spill.length ** 2)),
                  source: '$SPILLOVER',
                };
          return {
            table: createEventTable(channels, cols),
            layout,
            options: {
              version,
              byteOrder,
              ...layout,
              keywords: Object.fromEntries(keywords),
              spillover,
            },
          };
        }),
    );
}

function checkRoundTrip({ table, options, layout }: Case): void {
  const file = parseFcs(writeFcs(table, options));
  expect(file.datasets.length).toBe(1);
  const ds = file.datasets[0]!;
  expect(ds.version).toBe(`FCS${options.version}`);
  expect(ds.dataType).toBe(layout.dataType);
  expect(ds.byteOrder).toBe(options.byteOrder === 'little' ? '1,2,3,4' : '4,3,2,1');
  expect(ds.eventCount).toBe(table.eventCount);
  expect(ds.warnings).toEqual([]);
  const out = ds.table;
  expect(out.channels.map((c) => c.name)).toEqual(table.channels.map((c) => c.name));
  table.channels.forEach((ch, c) => {
    const got = out.channels[c]!;
    expect(got.label).toBe(ch.label);
    expect(got.gain).toBe(ch.gain);
    expect([got.logDecades, got.logZero]).toEqual([ch.logDecades, ch.logZero]);
    if (ch.range > 0) {
      expect(got.range).toBe(ch.range);
    }
    const want = table.columns[c]!;
    const have = out.columns[c]!;
    for (let i = 0; i < want.length; i++) {
      const expected = layout.dataType === 'F' ? Math.fround(want[i]!) : want[i]!;
      if (!Object.is(have[i], expected)) {
        expect.fail(`channel ${c}, event ${i}: read ${have[i]}, wrote ${expected}`);
      }
    }
  });
  for (const [k, v] of Object.entries(options.keywords ?? {})) {
    expect(ds.keywords[k.toUpperCase()]).toBe(v);
  }
  const spill = options.spillover ?? null;
  if (spill === null) {
    expect(ds.spillover).toBeNull();
  } else {
    expect(ds.spillover?.source).toBe(options.version === '3.1' ? '$SPILLOVER' : 'SPILL');
    expect(ds.spillover?.detectors).toEqual(spill.detectors);
    // Text numbers carry no signed zero: -0 is written as 0 (v + 0 maps -0 to 0).
    expect(Array.from(ds.spillover!.values)).toEqual(Array.from(spill.values, (v) => v + 0));
  }
}

describe('writeFcs -> parseFcs round trip', () => {
  // Text includes Latin-1 letters and signs: UTF-8 in 3.1 files (§3.2.9), Latin-1 bytes in 2.0/3.0.
  it('keeps values, names, labels, keywords and spillover: FCS 3.1', { timeout: 30_000 }, () => {
    fc.assert(fc.property(caseArb(['3.1'], true), checkRoundTrip), { seed: 43, numRuns: 120 });
  });

  it('keeps values, names, labels, keywords and spillover: FCS 2.0/3.0', { timeout: 30_000 }, () => {
    fc.assert(fc.property(caseArb(['2.0', '3.0'], true), checkRoundTrip), { seed: 42, numRuns: 120 });
  });
});

describe('files whose DATA ends past byte 99,999,999', () => {
  it('write zero HEADER DATA offsets and parse through $BEGINDATA/$ENDDATA', { timeout: 30_000 }, () => {
    // 8 float32 channels sharing one column: 32 bytes per event, 3,200,000 events = 102,400,000
    // bytes of DATA (one ~102 MB buffer; only a seeded subsample is decoded back).
    const events = 3_200_000;
    const col = new Float32Array(events);
    for (let i = 0; i < events; i++) {
      col[i] = i;
    }
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const table = createEventTable(
      names.map((name) => channelMeta({ name, range: events })),
      names.map(() => col),
    );
    const bytes = writeFcs(table);
    const header = new TextDecoder().decode(bytes.subarray(0, 58));
    expect(header.slice(26, 42)).toBe('       0       0');
    const ds = parseFcs(bytes, { subsample: { count: 1000, seed: 7 } }).datasets[0]!;
    const textEnd = Number(header.slice(18, 26));
    expect(Number(ds.keywords.$BEGINDATA)).toBe(textEnd + 1);
    expect(Number(ds.keywords.$ENDDATA)).toBe(textEnd + events * 32);
    expect(bytes.length).toBe(textEnd + 1 + events * 32);
    expect(ds.eventCount).toBe(1000);
    const index = ds.eventIndex!;
    for (let k = 0; k < index.length; k++) {
      for (let c = 0; c < names.length; c++) {
        if (ds.table.columns[c]![k] !== index[k]) {
          expect.fail(`channel ${c}, row ${k}: read ${ds.table.columns[c]![k]}, event ${index[k]}`);
        }
      }
    }
  });
});
