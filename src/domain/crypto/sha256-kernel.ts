// FIPS 180-4 SHA-256 block function on 32-bit words, allocation-free: the kernel of the offline-code searches (R-VER-7, R-ACT-2).
// The PIN search tries 10,000 PINs at every step of the org's offline window (5 steps by default, 12 at the widest),
// on the current device and on every older one; the right-PIN search tries up to ±24 h of steps. A plain block
// function on 32-bit words does that several times faster than noble's HMAC per candidate and allocates nothing
// (docs/architecture.md has the figures). The block function is split in two so that a block the same for many
// compressions is scheduled once: sha256Schedule (W plus K), then sha256Rounds. The verifier's searches
// (findPin, findStep) use it, and sha256-stream.ts (the journal's entry hashes, the seeded random source) hashes
// whole messages on it; sha256-kernel.test.ts checks it against node:crypto, and the constant tables below
// against their FIPS 180-4 derivation. Casts: `x[i] as number` reads a typed array at an index the function's
// loop bounds keep in range (block 16 words, schedule and K 64, state 8), which noUncheckedIndexedAccess cannot see.

/** FIPS 180-4 SHA-256 block and digest sizes in bytes. */
export const SHA256_BLOCK_BYTES = 64;
export const SHA256_DIGEST_BYTES = 32;
/** Words of the message schedule W (FIPS 180-4 §6.2.2 step 1): each caller owns one, see sha256Compress. */
export const SHA256_SCHEDULE_WORDS = 64;

/**
 * FIPS 180-4 §5.3.3: H(0), the first 32 bits of the fractional parts of the square roots of the first 8 primes.
 * Frozen; sha256InitialState gives a fresh copy to hash with.
 */
export const SHA256_H0: readonly number[] = Object.freeze([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** FIPS 180-4 §4.2.2: K, the first 32 bits of the fractional parts of the cube roots of the first 64 primes. Frozen. */
export const SHA256_K: readonly number[] = Object.freeze([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** K as signed 32-bit words for the rounds. Module-private and never written after this line. */
const K = Int32Array.from(SHA256_K);

/** A fresh copy of H(0) as signed 32-bit words: the state to start a hash from, the caller's to overwrite. */
export function sha256InitialState(): Int32Array {
  return Int32Array.from(SHA256_H0);
}

/**
 * One SHA-256 compression (FIPS 180-4 §6.2.2) of the 16 words `block` into the 8 words `state`, written to
 * `out[0..7]` (`out` may be `state`). Words are big-endian 32-bit values held as signed Int32. `schedule` is the
 * caller's own SHA256_SCHEDULE_WORDS-word scratch: no two callers write into the same buffer, and a
 * compression allocates nothing. It is sha256Schedule then sha256Rounds.
 */
export function sha256Compress(state: Int32Array, block: Int32Array, out: Int32Array, schedule: Int32Array): void {
  sha256Schedule(block, schedule);
  sha256Rounds(state, schedule, out);
}

function assertSchedule(schedule: Int32Array): void {
  if (schedule.length !== SHA256_SCHEDULE_WORDS) throw new RangeError(`"schedule" must be ${SHA256_SCHEDULE_WORDS} words`);
}

/**
 * The message schedule of one block (FIPS 180-4 §6.2.2 step 1) with each round's constant already added:
 * `schedule[t]` = W(t) + K(t) mod 2^32, t = 0..63, the two terms of T1 that do not depend on the state.
 * A block that is the same for many compressions (the PIN search's last inner block) is scheduled once and
 * handed to sha256Rounds as often as needed. The 16 newest words of W are kept in local variables, the
 * expansion unrolled over them (w0..w15 hold W(i)..W(i+15)); small helper functions would not be inlined
 * here and cost about half the speed.
 */
export function sha256Schedule(block: Int32Array, schedule: Int32Array): void {
  assertSchedule(schedule);
  const k = K;
  const s = schedule;
  let w0 = block[0] as number, w1 = block[1] as number, w2 = block[2] as number, w3 = block[3] as number;
  let w4 = block[4] as number, w5 = block[5] as number, w6 = block[6] as number, w7 = block[7] as number;
  let w8 = block[8] as number, w9 = block[9] as number, w10 = block[10] as number, w11 = block[11] as number;
  let w12 = block[12] as number, w13 = block[13] as number, w14 = block[14] as number, w15 = block[15] as number;
  for (let i = 0; ; i += 16) {
    s[i] = w0 + (k[i] as number); s[i + 1] = w1 + (k[i + 1] as number);
    s[i + 2] = w2 + (k[i + 2] as number); s[i + 3] = w3 + (k[i + 3] as number);
    s[i + 4] = w4 + (k[i + 4] as number); s[i + 5] = w5 + (k[i + 5] as number);
    s[i + 6] = w6 + (k[i + 6] as number); s[i + 7] = w7 + (k[i + 7] as number);
    s[i + 8] = w8 + (k[i + 8] as number); s[i + 9] = w9 + (k[i + 9] as number);
    s[i + 10] = w10 + (k[i + 10] as number); s[i + 11] = w11 + (k[i + 11] as number);
    s[i + 12] = w12 + (k[i + 12] as number); s[i + 13] = w13 + (k[i + 13] as number);
    s[i + 14] = w14 + (k[i + 14] as number); s[i + 15] = w15 + (k[i + 15] as number);
    if (i === 48) return;
    // W(t) = σ1(W(t−2)) + W(t−7) + σ0(W(t−15)) + W(t−16), in place over the 16 locals.
    w0 = ((((w14 >>> 17) | (w14 << 15)) ^ ((w14 >>> 19) | (w14 << 13)) ^ (w14 >>> 10)) + w9 + (((w1 >>> 7) | (w1 << 25)) ^ ((w1 >>> 18) | (w1 << 14)) ^ (w1 >>> 3)) + w0) | 0;
    w1 = ((((w15 >>> 17) | (w15 << 15)) ^ ((w15 >>> 19) | (w15 << 13)) ^ (w15 >>> 10)) + w10 + (((w2 >>> 7) | (w2 << 25)) ^ ((w2 >>> 18) | (w2 << 14)) ^ (w2 >>> 3)) + w1) | 0;
    w2 = ((((w0 >>> 17) | (w0 << 15)) ^ ((w0 >>> 19) | (w0 << 13)) ^ (w0 >>> 10)) + w11 + (((w3 >>> 7) | (w3 << 25)) ^ ((w3 >>> 18) | (w3 << 14)) ^ (w3 >>> 3)) + w2) | 0;
    w3 = ((((w1 >>> 17) | (w1 << 15)) ^ ((w1 >>> 19) | (w1 << 13)) ^ (w1 >>> 10)) + w12 + (((w4 >>> 7) | (w4 << 25)) ^ ((w4 >>> 18) | (w4 << 14)) ^ (w4 >>> 3)) + w3) | 0;
    w4 = ((((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10)) + w13 + (((w5 >>> 7) | (w5 << 25)) ^ ((w5 >>> 18) | (w5 << 14)) ^ (w5 >>> 3)) + w4) | 0;
    w5 = ((((w3 >>> 17) | (w3 << 15)) ^ ((w3 >>> 19) | (w3 << 13)) ^ (w3 >>> 10)) + w14 + (((w6 >>> 7) | (w6 << 25)) ^ ((w6 >>> 18) | (w6 << 14)) ^ (w6 >>> 3)) + w5) | 0;
    w6 = ((((w4 >>> 17) | (w4 << 15)) ^ ((w4 >>> 19) | (w4 << 13)) ^ (w4 >>> 10)) + w15 + (((w7 >>> 7) | (w7 << 25)) ^ ((w7 >>> 18) | (w7 << 14)) ^ (w7 >>> 3)) + w6) | 0;
    w7 = ((((w5 >>> 17) | (w5 << 15)) ^ ((w5 >>> 19) | (w5 << 13)) ^ (w5 >>> 10)) + w0 + (((w8 >>> 7) | (w8 << 25)) ^ ((w8 >>> 18) | (w8 << 14)) ^ (w8 >>> 3)) + w7) | 0;
    w8 = ((((w6 >>> 17) | (w6 << 15)) ^ ((w6 >>> 19) | (w6 << 13)) ^ (w6 >>> 10)) + w1 + (((w9 >>> 7) | (w9 << 25)) ^ ((w9 >>> 18) | (w9 << 14)) ^ (w9 >>> 3)) + w8) | 0;
    w9 = ((((w7 >>> 17) | (w7 << 15)) ^ ((w7 >>> 19) | (w7 << 13)) ^ (w7 >>> 10)) + w2 + (((w10 >>> 7) | (w10 << 25)) ^ ((w10 >>> 18) | (w10 << 14)) ^ (w10 >>> 3)) + w9) | 0;
    w10 = ((((w8 >>> 17) | (w8 << 15)) ^ ((w8 >>> 19) | (w8 << 13)) ^ (w8 >>> 10)) + w3 + (((w11 >>> 7) | (w11 << 25)) ^ ((w11 >>> 18) | (w11 << 14)) ^ (w11 >>> 3)) + w10) | 0;
    w11 = ((((w9 >>> 17) | (w9 << 15)) ^ ((w9 >>> 19) | (w9 << 13)) ^ (w9 >>> 10)) + w4 + (((w12 >>> 7) | (w12 << 25)) ^ ((w12 >>> 18) | (w12 << 14)) ^ (w12 >>> 3)) + w11) | 0;
    w12 = ((((w10 >>> 17) | (w10 << 15)) ^ ((w10 >>> 19) | (w10 << 13)) ^ (w10 >>> 10)) + w5 + (((w13 >>> 7) | (w13 << 25)) ^ ((w13 >>> 18) | (w13 << 14)) ^ (w13 >>> 3)) + w12) | 0;
    w13 = ((((w11 >>> 17) | (w11 << 15)) ^ ((w11 >>> 19) | (w11 << 13)) ^ (w11 >>> 10)) + w6 + (((w14 >>> 7) | (w14 << 25)) ^ ((w14 >>> 18) | (w14 << 14)) ^ (w14 >>> 3)) + w13) | 0;
    w14 = ((((w12 >>> 17) | (w12 << 15)) ^ ((w12 >>> 19) | (w12 << 13)) ^ (w12 >>> 10)) + w7 + (((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3)) + w14) | 0;
    w15 = ((((w13 >>> 17) | (w13 << 15)) ^ ((w13 >>> 19) | (w13 << 13)) ^ (w13 >>> 10)) + w8 + (((w0 >>> 7) | (w0 << 25)) ^ ((w0 >>> 18) | (w0 << 14)) ^ (w0 >>> 3)) + w15) | 0;
  }
}

/**
 * The 64 rounds of one compression (FIPS 180-4 §6.2.2 steps 2 to 4) on a schedule from sha256Schedule:
 * `out[0..7]` = `state` + the working variables after the rounds (`out` may be `state`, or longer than 8
 * words: the PIN search writes an inner digest straight into the first half of the outer block). Unrolled
 * by 8 with the variables renamed instead of shifted: a round writes only d and h (d + T1, and T1 + T2), and
 * the next round reads them as e and a. Ch(e, f, g) is written g ^ (e & (f ^ g)) and Maj(a, b, c) as
 * (a & b) | (c & (a | b)), the same functions with fewer operations.
 */
export function sha256Rounds(state: Int32Array, schedule: Int32Array, out: Int32Array): void {
  assertSchedule(schedule);
  const w = schedule;
  let a = state[0] as number, b = state[1] as number, c = state[2] as number, d = state[3] as number;
  let e = state[4] as number, f = state[5] as number, g = state[6] as number, h = state[7] as number;
  let t1 = 0;
  for (let i = 0; i < 64; i += 8) {
    t1 = h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + (w[i] as number);
    d = (d + t1) | 0;
    h = (t1 + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
    t1 = g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + (w[i + 1] as number);
    c = (c + t1) | 0;
    g = (t1 + (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) + ((h & a) | (b & (h | a)))) | 0;
    t1 = f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + (w[i + 2] as number);
    b = (b + t1) | 0;
    f = (t1 + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & h) | (a & (g | h)))) | 0;
    t1 = e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + (w[i + 3] as number);
    a = (a + t1) | 0;
    e = (t1 + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) | (h & (f | g)))) | 0;
    t1 = d + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + (w[i + 4] as number);
    h = (h + t1) | 0;
    d = (t1 + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) | (g & (e | f)))) | 0;
    t1 = c + (((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + (w[i + 5] as number);
    g = (g + t1) | 0;
    c = (t1 + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) | (f & (d | e)))) | 0;
    t1 = b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + (w[i + 6] as number);
    f = (f + t1) | 0;
    b = (t1 + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) | (e & (c | d)))) | 0;
    t1 = a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + (w[i + 7] as number);
    e = (e + t1) | 0;
    a = (t1 + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) | (d & (b | c)))) | 0;
  }
  out[0] = (state[0] as number) + a;
  out[1] = (state[1] as number) + b;
  out[2] = (state[2] as number) + c;
  out[3] = (state[3] as number) + d;
  out[4] = (state[4] as number) + e;
  out[5] = (state[5] as number) + f;
  out[6] = (state[6] as number) + g;
  out[7] = (state[7] as number) + h;
}

/** Packs 64 bytes from `bytes[offset]` into 16 big-endian 32-bit words (FIPS 180-4 §5.2.1). */
export function packBlock(bytes: Uint8Array, offset: number, words: Int32Array): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + 4 * i;
    words[i] = ((bytes[j] as number) << 24) | ((bytes[j + 1] as number) << 16) | ((bytes[j + 2] as number) << 8) | (bytes[j + 3] as number);
  }
}

/**
 * SHA-256 state after one block of an HMAC key pad (RFC 2104 §2: `key` XOR `padByte`, filled out with
 * `padByte` to 64 bytes) from the initial value. `key` must be at most 64 bytes.
 */
export function stateAfterPad(key: Uint8Array, padByte: number): Int32Array {
  const pad = new Uint8Array(SHA256_BLOCK_BYTES).fill(padByte);
  for (let i = 0; i < key.length; i++) pad[i] = (key[i] as number) ^ padByte;
  const words = new Int32Array(16);
  packBlock(pad, 0, words);
  const state = sha256InitialState();
  sha256Compress(state, words, state, new Int32Array(SHA256_SCHEDULE_WORDS));
  return state;
}
