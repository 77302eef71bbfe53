/**
 * Assembles small FCS files byte by byte for tests: HEADER (58 bytes), TEXT right after it, then
 * DATA. Independent of the package's writer so that reader tests do not depend on it.
 */
export interface BuildSpec {
  readonly version?: string;
  readonly delimiter?: string;
  /** Keyword/value pairs written in order; delimiters inside are doubled. */
  readonly keywords: ReadonlyArray<readonly [string, string]>;
  readonly data?: Uint8Array;
  /** Bytes between TEXT and DATA. */
  readonly gap?: number;
  /** Write $BEGINDATA/$ENDDATA (8-digit) into TEXT (default true). */
  readonly textOffsets?: boolean;
  /** Replace the HEADER offset fields (six strings of at most 8 characters; '' = blank). */
  readonly headerFields?: (fields: string[]) => string[];
  /** Replace the $BEGINDATA/$ENDDATA values written into TEXT. */
  readonly textDataOffsets?: (begin: number, end: number) => [number | string, number | string];
  /** Raw bytes to use as TEXT instead of the assembled keywords (no $BEGINDATA added). */
  readonly rawText?: Uint8Array;
}

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function pad8(v: number | string): string {
  return String(v).padStart(8, ' ');
}

export function buildFcs(spec: BuildSpec): Uint8Array {
  const d = spec.delimiter ?? '/';
  const data = spec.data ?? new Uint8Array(0);
  const gap = spec.gap ?? 0;
  const esc = (s: string): string => s.split(d).join(d + d);
  const body = (begin: number | string, end: number | string): string => {
    let t = d;
    for (const [k, v] of spec.keywords) {
      t += `${esc(k)}${d}${esc(v)}${d}`;
    }
    if (spec.textOffsets ?? true) {
      t += `$BEGINDATA${d}${String(begin).padStart(8, '0')}${d}$ENDDATA${d}${String(end).padStart(8, '0')}${d}`;
    }
    return t;
  };
  const textLen = spec.rawText?.length ?? body(0, 0).length;
  const textBegin = 58;
  const textEnd = textBegin + textLen - 1;
  const dataBegin = data.length === 0 ? 0 : textEnd + 1 + gap;
  const dataEnd = data.length === 0 ? 0 : dataBegin + data.length - 1;
  const [tb, te] = spec.textDataOffsets?.(dataBegin, dataEnd) ?? [dataBegin, dataEnd];
  const text = spec.rawText ?? enc(body(tb, te));
  let fields = [textBegin, textEnd, dataBegin, dataEnd, 0, 0].map(String);
  if (spec.headerFields) {
    fields = spec.headerFields(fields);
  }
  const header = enc(`${(spec.version ?? 'FCS3.1').padEnd(6, ' ')}    ${fields.map(pad8).join('')}`);
  const out = new Uint8Array(58 + text.length + (data.length === 0 ? 0 : gap + data.length));
  out.set(header, 0);
  out.set(text, 58);
  out.set(data, dataBegin === 0 ? out.length : dataBegin);
  return out;
}

/** Keywords of a list-mode data set with the given parameters ($PnN = P<n>-name, $PnR = range). */
export function listModeKeywords(opts: {
  readonly dataType: string;
  readonly byteOrder?: string;
  readonly tot: number;
  readonly bits: ReadonlyArray<number | string>;
  readonly ranges?: readonly number[];
  readonly extra?: ReadonlyArray<readonly [string, string]>;
}): Array<readonly [string, string]> {
  const kw: Array<readonly [string, string]> = [
    ['$DATATYPE', opts.dataType],
    ['$BYTEORD', opts.byteOrder ?? '1,2,3,4'],
    ['$MODE', 'L'],
    ['$NEXTDATA', '0'],
    ['$PAR', String(opts.bits.length)],
    ['$TOT', String(opts.tot)],
  ];
  opts.bits.forEach((b, i) => {
    kw.push([`$P${i + 1}N`, `Ch${i + 1}`], [`$P${i + 1}B`, String(b)], [`$P${i + 1}R`, String(opts.ranges?.[i] ?? 1024)], [`$P${i + 1}E`, '0,0']);
  });
  return [...kw, ...(opts.extra ?? [])];
}

/** Bytes from a list of byte values. */
export function bytesOf(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

/** Little-endian float32 bytes of the values. */
export function float32le(...values: number[]): Uint8Array {
  const out = new Uint8Array(4 * values.length);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setFloat32(4 * i, v, true));
  return out;
}

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Latin-1 bytes of a string. */
export function latin1Bytes(s: string): Uint8Array {
  return enc(s);
}
