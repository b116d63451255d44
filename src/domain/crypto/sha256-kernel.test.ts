// The SHA-256 block kernel of the PIN search against FIPS 180-4 constants and node:crypto.
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  packBlock,
  SHA256_BLOCK_BYTES,
  SHA256_H0,
  SHA256_K,
  SHA256_SCHEDULE_WORDS,
  sha256Compress,
  sha256InitialState,
  sha256Rounds,
  sha256Schedule,
  stateAfterPad,
} from './sha256-kernel';

/** The first `count` primes. */
function firstPrimes(count: number): bigint[] {
  const primes: bigint[] = [];
  for (let n = 2n; primes.length < count; n++) if (primes.every((p) => n % p !== 0n)) primes.push(n);
  return primes;
}
/** floor(n^(1/k)) for a positive bigint, by Newton's method from above. */
function integerRoot(n: bigint, k: bigint): bigint {
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)) + 1);
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) return x;
    x = y;
  }
}
/** The first 32 bits of the fractional part of the k-th root of p: floor(root(p * 2^(32k))) mod 2^32. */
function fractionBits(p: bigint, k: bigint): string {
  return hex(Number(integerRoot(p << (32n * k), k) & 0xffffffffn));
}
function hex(word: number): string {
  return (word >>> 0).toString(16).padStart(8, '0');
}

/** SHA-256 of a message, on the kernel: FIPS 180-4 §5.1.1 padding, then one compression per block. */
function kernelSha256(message: Uint8Array, start: Int32Array = sha256InitialState(), prefixBytes = 0): string {
  const bits = (prefixBytes + message.length) * 8;
  const padded = new Uint8Array(Math.ceil((message.length + 9) / SHA256_BLOCK_BYTES) * SHA256_BLOCK_BYTES);
  padded.set(message);
  padded[message.length] = 0x80;
  new DataView(padded.buffer).setUint32(padded.length - 4, bits);
  const state = Int32Array.from(start);
  const words = new Int32Array(16);
  const schedule = new Int32Array(SHA256_SCHEDULE_WORDS);
  for (let at = 0; at < padded.length; at += SHA256_BLOCK_BYTES) {
    packBlock(padded, at, words);
    sha256Compress(state, words, state, schedule);
  }
  return Array.from(state, hex).join('');
}

describe('SHA-256 block kernel (FIPS 180-4)', () => {
  it('H(0) is the table of FIPS 180-4 §5.3.3: square roots of the first 8 primes, derived here with BigInt', () => {
    expect(SHA256_H0.map(hex)).toEqual(firstPrimes(8).map((p) => fractionBits(p, 2n)));
    expect(SHA256_H0.map(hex)).toEqual(['6a09e667', 'bb67ae85', '3c6ef372', 'a54ff53a', '510e527f', '9b05688c', '1f83d9ab', '5be0cd19']);
  });

  it('K is the table of FIPS 180-4 §4.2.2: cube roots of the first 64 primes, derived here with BigInt', () => {
    expect(SHA256_K).toHaveLength(64);
    expect(SHA256_K.map(hex)).toEqual(firstPrimes(64).map((p) => fractionBits(p, 3n)));
  });

  it('the tables are frozen, and each initial state is a fresh copy the caller may overwrite', () => {
    expect(Object.isFrozen(SHA256_H0)).toBe(true);
    expect(Object.isFrozen(SHA256_K)).toBe(true);
    const first = sha256InitialState();
    first.fill(0);
    expect(Array.from(sha256InitialState(), hex)).toEqual(SHA256_H0.map(hex));
  });

  it('refuses a schedule that is not 64 words', () => {
    const state = sha256InitialState();
    expect(() => sha256Compress(state, new Int32Array(16), state, new Int32Array(16))).toThrow(/"schedule"/);
    expect(() => sha256Schedule(new Int32Array(16), new Int32Array(63))).toThrow(/"schedule"/);
    expect(() => sha256Rounds(state, new Int32Array(65), state)).toThrow(/"schedule"/);
  });

  it('a block scheduled once gives the same state from any start as a whole compression (R-VER-7: the step block)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 8, maxLength: 8 }), (bytes, start) => {
        const words = new Int32Array(16);
        packBlock(bytes, 0, words);
        const once = new Int32Array(SHA256_SCHEDULE_WORDS);
        sha256Schedule(words, once);
        const state = Int32Array.from(start);
        const whole = new Int32Array(8);
        sha256Compress(state, words, whole, new Int32Array(SHA256_SCHEDULE_WORDS));
        // Rounds write only out[0..7]: here into the first half of a 16-word block, as the PIN search does.
        const out = new Int32Array(16).fill(7);
        sha256Rounds(state, once, out);
        expect(Array.from(out.subarray(0, 8), hex)).toEqual(Array.from(whole, hex));
        expect(Array.from(out.subarray(8))).toEqual(new Array(8).fill(7));
        // The schedule is W(t) + K(t): its first 16 words are the block's plus K.
        expect(Array.from(once.subarray(0, 16), hex)).toEqual(Array.from(words, (w, t) => hex(w + (SHA256_K[t] as number)))); // t < 16 < 64
      }),
      { seed: 180, numRuns: 100 },
    );
  });

  it('two hashes interleaved block by block, each on its own schedule, give the same digests as one after the other', () => {
    const a = new Uint8Array(3 * SHA256_BLOCK_BYTES).map((_, i) => i);
    const b = new Uint8Array(3 * SHA256_BLOCK_BYTES).map((_, i) => 255 - i);
    const [stateA, stateB] = [sha256InitialState(), sha256InitialState()];
    const [scheduleA, scheduleB] = [new Int32Array(SHA256_SCHEDULE_WORDS), new Int32Array(SHA256_SCHEDULE_WORDS)];
    const words = new Int32Array(16);
    for (let at = 0; at < a.length; at += SHA256_BLOCK_BYTES) {
      packBlock(a, at, words);
      sha256Compress(stateA, words, stateA, scheduleA);
      packBlock(b, at, words);
      sha256Compress(stateB, words, stateB, scheduleB);
    }
    // Raw compressions without padding: compare with the same compressions run one message at a time.
    const alone = (message: Uint8Array): string[] => {
      const state = sha256InitialState();
      const schedule = new Int32Array(SHA256_SCHEDULE_WORDS);
      for (let at = 0; at < message.length; at += SHA256_BLOCK_BYTES) {
        packBlock(message, at, words);
        sha256Compress(state, words, state, schedule);
      }
      return Array.from(state, hex);
    };
    expect(Array.from(stateA, hex)).toEqual(alone(a));
    expect(Array.from(stateB, hex)).toEqual(alone(b));
  });

  it('hashes "abc" to the FIPS 180-4 example digest', () => {
    expect(kernelSha256(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with node:crypto on random messages of 0 to 200 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (message) => {
        expect(kernelSha256(message)).toBe(createHash('sha256').update(message).digest('hex'));
      }),
      { seed: 1804, numRuns: 200 },
    );
  });

  it('stateAfterPad gives the HMAC inner state of RFC 2104 (checked through a whole HMAC)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.uint8Array({ maxLength: 100 }), (key, message) => {
        const inner = kernelSha256(message, stateAfterPad(key, 0x36), SHA256_BLOCK_BYTES);
        const outer = kernelSha256(Buffer.from(inner, 'hex'), stateAfterPad(key, 0x5c), SHA256_BLOCK_BYTES);
        expect(outer).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }),
      { seed: 2104, numRuns: 100 },
    );
  });
});
