// The SHA-256 block kernel of the PIN search against FIPS 180-4 constants and node:crypto.
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packBlock, SHA256_BLOCK_BYTES, SHA256_IV, sha256Compress, stateAfterPad } from './sha256-kernel';

/** SHA-256 of a message, on the kernel: FIPS 180-4 §5.1.1 padding, then one compression per block. */
function kernelSha256(message: Uint8Array, start: Int32Array = SHA256_IV, prefixBytes = 0): string {
  const bits = (prefixBytes + message.length) * 8;
  const padded = new Uint8Array(Math.ceil((message.length + 9) / SHA256_BLOCK_BYTES) * SHA256_BLOCK_BYTES);
  padded.set(message);
  padded[message.length] = 0x80;
  new DataView(padded.buffer).setUint32(padded.length - 4, bits);
  const state = Int32Array.from(start);
  const words = new Int32Array(16);
  for (let at = 0; at < padded.length; at += SHA256_BLOCK_BYTES) {
    packBlock(padded, at, words);
    sha256Compress(state, words, state);
  }
  return Array.from(state, (w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
}

describe('SHA-256 block kernel (FIPS 180-4)', () => {
  it('derives H(0) of FIPS 180-4 §5.3.3', () => {
    expect(Array.from(SHA256_IV, (w) => (w >>> 0).toString(16))).toEqual([
      '6a09e667', 'bb67ae85', '3c6ef372', 'a54ff53a', '510e527f', '9b05688c', '1f83d9ab', '5be0cd19',
    ]);
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
