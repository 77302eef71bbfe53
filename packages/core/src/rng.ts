/**
 * A seeded pseudo-random generator. Every random step in tamkit takes one, so results are
 * reproducible from the seed recorded in reports.
 */
export interface Rng {
  /** The seed this generator was created from. */
  readonly seed: number;
  /** Uniform in [0, 1), 53 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n). @throws {RangeError} unless n is a positive safe integer. */
  nextInt(n: number): number;
  /** Standard normal deviate (polar Box–Muller). */
  normal(): number;
}

/**
 * Creates a seeded generator: xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32, so
 * nearby seeds give unrelated streams. Not for cryptography.
 *
 * @param seed any finite number; non-integers are truncated, and the value is taken modulo 2^32.
 * @throws {TypeError} when the seed is not a finite number.
 * @example
 * const rng = createRng(42);
 * rng.next(); // same value on every run
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new TypeError(`seed must be a finite number, got ${String(seed)}`);
  }
  let sm = Math.trunc(seed) >>> 0;
  const splitmix32 = (): number => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  let spare: number | undefined;
  const rng: Rng = {
    seed,
    next(): number {
      // 53-bit float: 27 high bits of one draw and 26 of the next.
      const hi = nextU32() >>> 5;
      const lo = nextU32() >>> 6;
      return (hi * 67108864 + lo) / 9007199254740992;
    },
    nextInt(n: number): number {
      if (!Number.isSafeInteger(n) || n <= 0) {
        throw new RangeError(`nextInt needs a positive integer, got ${n}`);
      }
      return Math.floor(rng.next() * n);
    },
    normal(): number {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u: number;
      let v: number;
      let s: number;
      do {
        u = rng.next() * 2 - 1;
        v = rng.next() * 2 - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      return u * f;
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * Draws `k` distinct positions from `0..n-1` without replacement and returns them ascending
 * (Floyd's algorithm: O(k) draws, O(k log k) for the sort). When `k >= n` every position is returned.
 *
 * @throws {RangeError} when n or k is negative or not an integer.
 */
export function sampleIndices(n: number, k: number, rng: Rng): Uint32Array {
  if (!Number.isSafeInteger(n) || n < 0 || !Number.isSafeInteger(k) || k < 0) {
    throw new RangeError(`sampleIndices needs non-negative integers, got n=${n}, k=${k}`);
  }
  if (k >= n) {
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = rng.nextInt(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Uint32Array.from(chosen).sort();
}
