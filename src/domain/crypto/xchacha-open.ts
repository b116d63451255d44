// R-SEC-1: opening an XChaCha20-Poly1305 box (draft-irtf-cfrg-xchacha-03, RFC 8439), for the short boxes of sealed PINs.
// Verifying a journal opens every sealed PIN of every app command again; noble's xchacha20poly1305 spends most of a
// 4-byte PIN's 12 µs or so making typed-array views and copies (about 4 µs here). This does the same computation on
// local words: HChaCha20 for the subkey, the ChaCha20 block at counter 0 for the Poly1305 key, Poly1305 over
// AAD ‖ pad ‖ ciphertext ‖ pad ‖ lengths (BigInt arithmetic modulo 2^130 − 5: a box is a few 16-byte blocks), the
// tag compared without an early exit, and only then the keystream from counter 1. Sealing stays with noble.
// xchacha-open.test.ts checks it against noble on arbitrary keys, nonces, AADs and messages, tampered ones included,
// and against the draft's test vector.

/** "expand 32-byte k", the ChaCha20 constants (RFC 8439 §2.3). */
const C0 = 0x61707865, C1 = 0x3320646e, C2 = 0x79622d32, C3 = 0x6b206574;

/** Little-endian 32-bit word of `bytes` at `at`. */
function le32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0; // callers keep at + 3 in range
}

/**
 * The ChaCha20 core on `input` (16 words): 20 rounds, then the input added when `addInput` (the block function,
 * RFC 8439 §2.3) or not (HChaCha20, draft §2.2, reads words 0..3 and 12..15 of it). Written to `out`.
 */
function chachaCore(input: Uint32Array, out: Uint32Array, addInput: boolean): void {
  let x0 = input[0] as number, x1 = input[1] as number, x2 = input[2] as number, x3 = input[3] as number; // input has 16 words
  let x4 = input[4] as number, x5 = input[5] as number, x6 = input[6] as number, x7 = input[7] as number;
  let x8 = input[8] as number, x9 = input[9] as number, x10 = input[10] as number, x11 = input[11] as number;
  let x12 = input[12] as number, x13 = input[13] as number, x14 = input[14] as number, x15 = input[15] as number;
  for (let round = 0; round < 20; round += 2) {
    // Column round.
    x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 16) | (x12 >>> 16);
    x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 12) | (x4 >>> 20);
    x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 8) | (x12 >>> 24);
    x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 7) | (x4 >>> 25);
    x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 16) | (x13 >>> 16);
    x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 12) | (x5 >>> 20);
    x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 8) | (x13 >>> 24);
    x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 7) | (x5 >>> 25);
    x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 16) | (x14 >>> 16);
    x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 12) | (x6 >>> 20);
    x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 8) | (x14 >>> 24);
    x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 7) | (x6 >>> 25);
    x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 16) | (x15 >>> 16);
    x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 12) | (x7 >>> 20);
    x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 8) | (x15 >>> 24);
    x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 7) | (x7 >>> 25);
    // Diagonal round.
    x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 16) | (x15 >>> 16);
    x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 12) | (x5 >>> 20);
    x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 8) | (x15 >>> 24);
    x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 7) | (x5 >>> 25);
    x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 16) | (x12 >>> 16);
    x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 12) | (x6 >>> 20);
    x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 8) | (x12 >>> 24);
    x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 7) | (x6 >>> 25);
    x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 16) | (x13 >>> 16);
    x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 12) | (x7 >>> 20);
    x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 8) | (x13 >>> 24);
    x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 7) | (x7 >>> 25);
    x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 16) | (x14 >>> 16);
    x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 12) | (x4 >>> 20);
    x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 8) | (x14 >>> 24);
    x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 7) | (x4 >>> 25);
  }
  const a = addInput ? 1 : 0;
  out[0] = x0 + a * (input[0] as number); out[1] = x1 + a * (input[1] as number); // Uint32Array stores wrap mod 2^32
  out[2] = x2 + a * (input[2] as number); out[3] = x3 + a * (input[3] as number);
  out[4] = x4 + a * (input[4] as number); out[5] = x5 + a * (input[5] as number);
  out[6] = x6 + a * (input[6] as number); out[7] = x7 + a * (input[7] as number);
  out[8] = x8 + a * (input[8] as number); out[9] = x9 + a * (input[9] as number);
  out[10] = x10 + a * (input[10] as number); out[11] = x11 + a * (input[11] as number);
  out[12] = x12 + a * (input[12] as number); out[13] = x13 + a * (input[13] as number);
  out[14] = x14 + a * (input[14] as number); out[15] = x15 + a * (input[15] as number);
}

/** 2^130 − 5, the Poly1305 prime. */
const P = (1n << 130n) - 5n;
const MASK_128 = (1n << 128n) - 1n;
/** RFC 8439 §2.5.1: r's clamp. */
const CLAMP = 0x0ffffffc0ffffffc0ffffffc0fffffffn;

/** The 16 bytes of `bytes` from `at` as a little-endian number (bytes past the end read as 0). */
function le128(bytes: Uint8Array, at: number): bigint {
  const word = (i: number): number => ((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16) | ((bytes[i + 3] ?? 0) << 24)) >>> 0;
  return (BigInt(word(at + 12)) << 96n) | (BigInt(word(at + 8)) << 64n) | (BigInt(word(at + 4)) << 32n) | BigInt(word(at));
}

/**
 * RFC 8439 §2.5, §2.8: the Poly1305 tag over AAD ‖ zeros to 16 ‖ ciphertext ‖ zeros to 16 ‖ both lengths (8 bytes LE
 * each), under the one-time key `polyKey` (32 bytes). Every block is a full 16 bytes (the padding sees to it), so each
 * adds 2^128.
 */
function aeadTag(polyKey: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, ciphertextLength: number): bigint {
  const r = le128(polyKey, 0) & CLAMP;
  const s = le128(polyKey, 16);
  let acc = 0n;
  const absorb = (bytes: Uint8Array, length: number): void => {
    for (let at = 0; at < length; at += 16) {
      // A last partial block reads as zeros past `length`: the padding.
      let block = le128(bytes, at);
      if (at + 16 > length) block &= (1n << BigInt(8 * (length - at))) - 1n;
      acc = ((acc + block + (1n << 128n)) * r) % P;
    }
  };
  absorb(aad, aad.length);
  absorb(ciphertext, ciphertextLength);
  const lengths = (BigInt(ciphertextLength) << 64n) | BigInt(aad.length);
  acc = ((acc + lengths + (1n << 128n)) * r) % P;
  return (acc + s) & MASK_128;
}

/**
 * XChaCha20-Poly1305 decryption (draft-irtf-cfrg-xchacha-03 §2.3.1): the plaintext of `box` (ciphertext ‖ 16-byte
 * tag) under `key` (32 bytes) and `nonce` (24 bytes) with `aad`, or null when the tag does not verify. The same
 * answers as noble's xchacha20poly1305(key, nonce, aad).decrypt(box), which throws where this returns null.
 */
export function xchachaOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, box: Uint8Array): Uint8Array | null {
  if (key.length !== 32) throw new RangeError('"key" must be 32 bytes');
  if (nonce.length !== 24) throw new RangeError('"nonce" must be 24 bytes');
  if (box.length < 16) return null;
  const input = new Uint32Array(16);
  const out = new Uint32Array(16);
  // HChaCha20(key, nonce[0..16]): the subkey is words 0..3 and 12..15 of the rounds' output.
  input[0] = C0; input[1] = C1; input[2] = C2; input[3] = C3;
  for (let i = 0; i < 8; i++) input[4 + i] = le32(key, 4 * i);
  for (let i = 0; i < 4; i++) input[12 + i] = le32(nonce, 4 * i);
  chachaCore(input, out, false);
  // ChaCha20 under the subkey, nonce 0⁴ ‖ nonce[16..24], counter 0: the Poly1305 key.
  for (let i = 0; i < 4; i++) {
    input[4 + i] = out[i] as number; // i < 4
    input[8 + i] = out[12 + i] as number;
  }
  input[12] = 0;
  input[13] = 0;
  input[14] = le32(nonce, 16);
  input[15] = le32(nonce, 20);
  chachaCore(input, out, true);
  const polyKey = new Uint8Array(32);
  for (let i = 0; i < 32; i++) polyKey[i] = ((out[i >> 2] as number) >>> (8 * (i & 3))) & 0xff; // i >> 2 < 8
  const length = box.length - 16;
  const tag = aeadTag(polyKey, aad, box, length);
  let diff = 0;
  for (let i = 0; i < 16; i++) diff |= (box[length + i] as number) ^ Number((tag >> BigInt(8 * i)) & 0xffn); // length + i < box.length
  if (diff !== 0) return null;
  // The keystream from counter 1.
  const plain = new Uint8Array(length);
  for (let at = 0, counter = 1; at < length; at += 64, counter++) {
    input[12] = counter;
    chachaCore(input, out, true);
    for (let i = 0; i < 64 && at + i < length; i++) {
      const word = out[i >> 2] as number; // i < 64
      plain[at + i] = (box[at + i] as number) ^ ((word >>> (8 * (i & 3))) & 0xff); // at + i < length
    }
  }
  return plain;
}
