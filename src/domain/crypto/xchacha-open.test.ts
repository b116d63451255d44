// Opening XChaCha20-Poly1305 boxes (xchacha-open.ts) gives exactly what noble's decrypt gives, and refuses what it refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from './bytes';
import { xchachaOpen } from './xchacha-open';

/** noble's answer: the plaintext, or null where it throws. */
function nobleOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, box: Uint8Array): string | null {
  try {
    return bytesToHex(xchacha20poly1305(key, nonce, aad).decrypt(box));
  } catch {
    return null;
  }
}

function ours(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, box: Uint8Array): string | null {
  const plain = xchachaOpen(key, nonce, aad, box);
  return plain === null ? null : bytesToHex(plain);
}

describe('XChaCha20-Poly1305 opening (R-SEC-1)', () => {
  it('opens the test vector of draft-irtf-cfrg-xchacha-03 §A.3.1, and nothing changed in it', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const nonce = Uint8Array.from({ length: 24 }, (_, i) => 0x40 + i);
    const aad = hexToBytes('50515253c0c1c2c3c4c5c6c7');
    const box = hexToBytes(
      'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452' +
        '2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e' +
        'c0875924c1c7987947deafd8780acf49',
    );
    const plain = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
    expect(ours(key, nonce, aad, box)).toBe(bytesToHex(utf8ToBytes(plain)));
    for (let i = 0; i < box.length; i++) {
      const changed = Uint8Array.from(box);
      changed[i] = (changed[i] as number) ^ 0x01; // i < box.length
      expect(xchachaOpen(key, nonce, aad, changed)).toBeNull();
    }
    expect(xchachaOpen(key, nonce, aad.subarray(1), box)).toBeNull();
    expect(xchachaOpen(key, nonce, aad, box.subarray(0, box.length - 1))).toBeNull();
  });

  it('opens what noble seals, at any length, and refuses it under another key, nonce or AAD, or changed anywhere', () => {
    const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
    fc.assert(
      fc.property(bytes(32), bytes(24), fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 200 }), fc.nat(), (key, nonce, aad, plain, at) => {
        const box = xchacha20poly1305(key, nonce, aad).encrypt(plain);
        if (ours(key, nonce, aad, box) !== bytesToHex(plain)) return false;
        const changed = Uint8Array.from(box);
        changed[at % box.length] = (changed[at % box.length] as number) ^ (1 << (at % 8)); // index < box.length
        const otherKey = Uint8Array.from(key);
        otherKey[at % 32] = (otherKey[at % 32] as number) ^ 0x80; // index < 32
        const otherNonce = Uint8Array.from(nonce);
        otherNonce[at % 24] = (otherNonce[at % 24] as number) ^ 0x04; // index < 24
        const otherAad = Uint8Array.from([...aad, 0]);
        const refused: [Uint8Array, Uint8Array, Uint8Array, Uint8Array][] = [
          [key, nonce, aad, changed],
          [otherKey, nonce, aad, box],
          [key, otherNonce, aad, box],
          [key, nonce, otherAad, box],
        ];
        return refused.every(([k, n, a, b]) => ours(k, n, a, b) === null && nobleOpen(k, n, a, b) === null);
      }),
      { numRuns: 1_500 },
    );
  });

  it('refuses a box shorter than a tag, and keys or nonces of the wrong size', () => {
    const key = new Uint8Array(32);
    const nonce = new Uint8Array(24);
    expect(xchachaOpen(key, nonce, new Uint8Array(0), new Uint8Array(15))).toBeNull();
    expect(() => xchachaOpen(new Uint8Array(31), nonce, new Uint8Array(0), new Uint8Array(16))).toThrow(RangeError);
    expect(() => xchachaOpen(key, new Uint8Array(12), new Uint8Array(0), new Uint8Array(16))).toThrow(RangeError);
  });
});
