// FIPS 180-4 SHA-256 block function on 32-bit words, allocation-free: the kernel of the offline-code PIN search (R-VER-7).
// The search runs 3 blocks for each of 60,000 candidates; a plain block function on 32-bit words does it in
// about half the time of cloning noble's hash objects and allocates nothing. Only findPin uses it; every other
// code goes through ocra() on noble. sha256-kernel.test.ts checks it against node:crypto.

/** FIPS 180-4 SHA-256 block and digest sizes in bytes. */
export const SHA256_BLOCK_BYTES = 64;
export const SHA256_DIGEST_BYTES = 32;

/** The first `count` primes (FIPS 180-4 §4.2.2 and §5.3.3 derive the SHA-256 constants from the first 64). */
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
const PRIMES = firstPrimes(64);
/**
 * FIPS 180-4 §5.3.3: H(0), the first 32 bits of the fractional parts of the square roots of the first 8 primes.
 * Shared and read-only by convention: pass it as `state`, never as `out`.
 */
export const SHA256_IV = Int32Array.from(PRIMES.slice(0, 8), (p) => Number(integerRoot(p << 64n, 2n) & 0xffffffffn) | 0);
/** FIPS 180-4 §4.2.2: K, the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const SHA256_K = Int32Array.from(PRIMES, (p) => Number(integerRoot(p << 96n, 3n) & 0xffffffffn) | 0);
/** The message schedule W (FIPS 180-4 §6.2.2 step 1), reused by every call so a compression allocates nothing. */
const SCHEDULE = new Int32Array(64);

/**
 * One SHA-256 compression (FIPS 180-4 §6.2.2) of the 16 words `block` into the 8 words `state`, written to
 * `out` (which may be `state`). Words are big-endian 32-bit values held as signed Int32.
 */
export function sha256Compress(state: Int32Array, block: Int32Array, out: Int32Array): void {
  const w = SCHEDULE;
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
    const t1 = (h + sigma1 + ((e & f) ^ (~e & g)) + (SHA256_K[i] as number) + (w[i] as number)) | 0;
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
  const state = new Int32Array(8);
  sha256Compress(SHA256_IV, words, state);
  return state;
}
