// FIPS 180-4 SHA-256 block function on 32-bit words, allocation-free: the kernel of the offline-code PIN search (R-VER-7).
// The search runs 3 blocks for each candidate: 10,000 PINs at every step of the org's offline window, so 50,000
// candidates with the default window (120 s back, 30 s ahead: 5 steps). A plain block function on 32-bit words
// does that several times faster than noble's HMAC per candidate and allocates nothing (docs/architecture.md has
// the figures). Only findPin uses it; every other code goes through ocra() on noble. sha256-kernel.test.ts checks
// it against node:crypto, and the constant tables below against their FIPS 180-4 derivation.

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
 * `out` (which may be `state`). Words are big-endian 32-bit values held as signed Int32. `schedule` is the
 * caller's own SHA256_SCHEDULE_WORDS-word scratch for W: no two callers write into the same buffer, and a
 * compression allocates nothing.
 */
export function sha256Compress(state: Int32Array, block: Int32Array, out: Int32Array, schedule: Int32Array): void {
  if (schedule.length !== SHA256_SCHEDULE_WORDS) throw new RangeError(`"schedule" must be ${SHA256_SCHEDULE_WORDS} words`);
  const w = schedule;
  for (let i = 0; i < 16; i++) w[i] = block[i] as number;
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15] as number;
    const w2 = w[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[i] = (s1 + (w[i - 7] as number) + s0 + (w[i - 16] as number)) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const sigma1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + sigma1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (w[i] as number)) | 0;
    const sigma0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (sigma0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
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
