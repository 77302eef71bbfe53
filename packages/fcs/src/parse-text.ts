/** Decodes bytes as Latin-1 (byte-preserving: byte b becomes U+00bb). */
export function latin1(bytes: Uint8Array, begin = 0, end: number = bytes.length): string {
  let out = '';
  for (let i = begin; i < end; i += 8192) {
    const stop = Math.min(end, i + 8192);
    out += String.fromCharCode.apply(null, bytes.subarray(i, stop) as unknown as number[]);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Re-reads a byte-preserving Latin-1 string as UTF-8 (FCS 3.1 §3.2.9 writes TEXT in UTF-8) when it
 * holds non-ASCII bytes that form valid UTF-8; otherwise returns it unchanged.
 */
export function utf8OrLatin1(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) {
    return s;
  }
  const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0));
  try {
    return utf8.decode(bytes);
  } catch {
    return s;
  }
}

/** Keyword/value pairs of one TEXT segment, in file order, keys and values not trimmed. */
export interface TextSegment {
  readonly delimiter: string;
  readonly pairs: ReadonlyArray<readonly [key: string, value: string]>;
  /** True when the TEXT ended inside a value (no final delimiter). */
  readonly unterminated: boolean;
  /** A keyword at the very end with no value (dropped). */
  readonly danglingKey: string | null;
}

/**
 * Splits a TEXT (or supplemental TEXT) segment into pairs following the corpus convention:
 * 1. the first byte is the delimiter; 2. spaces/NULs after the last delimiter are padding, other
 * trailing bytes form an unterminated final value; 3. a delimiter always ends a keyword; 4. a
 * delimiter at the very start of a value ends an empty value; 5. inside a non-empty value a doubled
 * delimiter is one literal delimiter, except one that ends the TEXT; 6. extra delimiters where a
 * keyword should start are skipped. FCS 3.1 §3.2.9 (escaping) is rule 5; rule 4 tolerates writers
 * (Attune, CellQuest, Partec) that write empty values.
 */
export function parseTextSegment(bytes: Uint8Array): TextSegment {
  if (bytes.length === 0) {
    return { delimiter: '', pairs: [], unterminated: false, danglingKey: null };
  }
  const d = bytes[0]!;
  let end = bytes.length;
  let k = end - 1;
  while (k > 0 && (bytes[k] === 0x20 || bytes[k] === 0x00)) {
    k--;
  }
  if (bytes[k] === d) {
    end = k + 1;
  }
  const pairs: Array<readonly [string, string]> = [];
  let pos = 1;
  let unterminated = false;
  let danglingKey: string | null = null;
  while (pos < end) {
    while (pos < end && bytes[pos] === d) {
      pos++;
    }
    if (pos >= end) {
      break;
    }
    let j = pos;
    while (j < end && bytes[j] !== d) {
      j++;
    }
    const key = latin1(bytes, pos, j);
    if (j >= end - 1) {
      // A key with nothing after its delimiter (or no delimiter at all).
      danglingKey = key;
      break;
    }
    pos = j + 1;
    if (bytes[pos] === d) {
      pairs.push([key, '']);
      pos++;
      continue;
    }
    let value = '';
    let start = pos;
    j = pos;
    let closed = false;
    while (j < end) {
      if (bytes[j] === d) {
        if (j + 1 < end - 1 && bytes[j + 1] === d) {
          value += latin1(bytes, start, j + 1);
          j += 2;
          start = j;
          continue;
        }
        closed = true;
        break;
      }
      j++;
    }
    value += latin1(bytes, start, j);
    pairs.push([key, value]);
    if (!closed) {
      unterminated = true;
    }
    pos = j + 1;
  }
  return { delimiter: String.fromCharCode(d), pairs, unterminated, danglingKey };
}
