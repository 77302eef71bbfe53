import { channelMeta, createEventTable } from '@tamkit/core';
import type { EventTable } from '@tamkit/core';
import fc from 'fast-check';
import FCS from 'fcs';
import { describe, expect, it } from 'vitest';
import { writeFcs } from '../src/index.js';
import type { FcsWriteOptions } from '../src/index.js';

// Files written by writeFcs, read back by the independent npm `fcs` 0.0.7 reader (byEvent rows,
// numbers, every event). Its reader handles $DATATYPE F/D and I with one width for all channels
// ($P1B), byte orders 1,2,3,4 and 4,3,2,1, and HEADER offsets with the TEXT fallback.

function readWithNpmFcs(bytes: Uint8Array): FCS {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new FCS({ dataFormat: 'asNumber', eventsToRead: -1 }, buffer);
}

function expectSameValues(table: EventTable, rows: number[][] | null): void {
  expect(rows).not.toBeNull();
  expect(rows!.length).toBe(table.eventCount);
  table.columns.forEach((col, c) => {
    for (let i = 0; i < col.length; i++) {
      if (rows![i]![c] !== col[i]) {
        expect.fail(`channel ${c}, event ${i}: npm fcs read ${rows![i]![c]}, table has ${col[i]}`);
      }
    }
  });
}

const tableArb = (values: fc.Arbitrary<number>): fc.Arbitrary<EventTable> =>
  fc
    .record({ channels: fc.integer({ min: 1, max: 8 }), events: fc.integer({ min: 1, max: 200 }) })
    .chain(({ channels, events }) =>
      fc.array(fc.array(values, { minLength: events, maxLength: events }), {
        minLength: channels,
        maxLength: channels,
      }),
    )
    .map((cols) =>
      createEventTable(
        cols.map((_, c) => channelMeta({ name: `FL${c + 1}-A`, label: `CD${c + 10}` })),
        cols.map((col) => Float32Array.from(col)),
      ),
    );

const float32 = fc.float({ noNaN: true, noDefaultInfinity: true });
const uint16 = fc.integer({ min: 0, max: 65535 });

describe('writeFcs read by the npm fcs package', () => {
  const cases: [string, fc.Arbitrary<number>, FcsWriteOptions][] = [
    ['float32, little-endian', float32, { dataType: 'F', byteOrder: 'little' }],
    ['float32, big-endian', float32, { dataType: 'F', byteOrder: 'big' }],
    ['int16, little-endian', uint16, { dataType: 'I', bits: 16, byteOrder: 'little' }],
    ['int16, big-endian', uint16, { dataType: 'I', bits: 16, byteOrder: 'big' }],
  ];
  for (const [name, values, options] of cases) {
    it(`gives the written values: ${name}`, () => {
      fc.assert(
        fc.property(tableArb(values), (table) => {
          // Integer channels need $PnR above the data for the bit mask; 65536 covers 16 bits.
          const ranged =
            options.dataType === 'I'
              ? createEventTable(
                  table.channels.map((ch) => ({ ...ch, range: 65536 })),
                  table.columns,
                )
              : table;
          const fcs = readWithNpmFcs(writeFcs(ranged, options));
          expect(fcs.text.$PAR).toBe(String(table.channels.length));
          expect(fcs.text.$TOT).toBe(String(table.eventCount));
          table.channels.forEach((ch, c) => {
            expect(fcs.text[`$P${c + 1}N`]).toBe(ch.name);
            expect(fcs.text[`$P${c + 1}S`]).toBe(ch.label);
          });
          expectSameValues(ranged, fcs.dataAsNumbers);
        }),
        { seed: 20260601, numRuns: 40 },
      );
    });
  }

  it('reads keywords containing escaped delimiters as written', () => {
    const table = createEventTable([channelMeta({ name: 'FSC-A' })], [new Float32Array([1, 2, 3])]);
    const fcs = readWithNpmFcs(writeFcs(table, { keywords: { $FIL: 'plate 1/well A3.fcs' } }));
    expect(fcs.text.$FIL).toBe('plate 1/well A3.fcs');
    expectSameValues(table, fcs.dataAsNumbers);
  });
});
