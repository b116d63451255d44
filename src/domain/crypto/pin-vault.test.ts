// R-SEC-1 PIN vault: sealed PINs open only with the server key and the holder they were sealed for.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { bytesToHex, utf8ToBytes } from './bytes';
import { makeSeededRandom } from '../random';
import { openPin, PIN_NONCE_BYTES, sealPin, SERVER_KEY_BYTES, type SealedPin } from './pin-vault';

const random = makeSeededRandom('pin-vault-test');
const serverKey = random.bytes(SERVER_KEY_BYTES);
const otherKey = random.bytes(SERVER_KEY_BYTES);
const holder = '+41790000001';

describe('R-SEC-1 PIN vault', () => {
  it('round-trips every PIN shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.uint8Array({ minLength: 24, maxLength: 24 }), fc.string(), (n, nonce, aad) => {
        const pin = String(n).padStart(4, '0');
        expect(openPin(serverKey, sealPin(serverKey, pin, nonce, aad), aad)).toBe(pin);
      }),
      { seed: 6287, numRuns: 200 },
    );
  });

  it('is plain JSON of hex strings: 24-byte nonce, 4-byte PIN + 16-byte tag', () => {
    const sealed = sealPin(serverKey, '1234', random.bytes(PIN_NONCE_BYTES), holder);
    expect(JSON.parse(JSON.stringify(sealed))).toEqual(sealed);
    expect(sealed.nonce).toMatch(/^[0-9a-f]{48}$/);
    expect(sealed.ciphertext).toMatch(/^[0-9a-f]{40}$/);
  });

  it('does not contain the PIN digits in the clear', () => {
    for (const pin of ['1234', '0000', '9999', '4821']) {
      const sealed = sealPin(serverKey, pin, random.bytes(PIN_NONCE_BYTES), holder);
      expect(sealed.ciphertext).not.toContain(bytesToHex(utf8ToBytes(pin)));
      expect(JSON.stringify(sealed)).not.toContain(pin);
    }
  });

  it('gives null for the wrong key, another holder, or a changed ciphertext or nonce', () => {
    const sealed = sealPin(serverKey, '1234', random.bytes(PIN_NONCE_BYTES), holder);
    const flip = (hex: string, at: number): string => hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);
    expect(openPin(otherKey, sealed, holder)).toBeNull();
    expect(openPin(serverKey, sealed, '+41790000002')).toBeNull();
    expect(openPin(serverKey, sealed, '')).toBeNull();
    for (let at = 0; at < sealed.ciphertext.length; at += 5) {
      expect(openPin(serverKey, { ...sealed, ciphertext: flip(sealed.ciphertext, at) }, holder)).toBeNull();
    }
    expect(openPin(serverKey, { ...sealed, nonce: flip(sealed.nonce, 0) }, holder)).toBeNull();
    expect(openPin(serverKey, { ...sealed, ciphertext: sealed.ciphertext.slice(2) }, holder)).toBeNull();
    expect(openPin(serverKey, { ...sealed, ciphertext: sealed.ciphertext.toUpperCase() }, holder)).toBeNull();
    expect(openPin(serverKey, { nonce: sealed.nonce } as unknown as SealedPin, holder)).toBeNull();
  });

  it('uses a fresh nonce per seal, so one PIN seals differently each time', () => {
    const a = sealPin(serverKey, '1234', random.bytes(PIN_NONCE_BYTES), holder);
    const b = sealPin(serverKey, '1234', random.bytes(PIN_NONCE_BYTES), holder);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('refuses a PIN that is not 4 digits, a bad nonce or a bad key, naming them', () => {
    const nonce = random.bytes(PIN_NONCE_BYTES);
    for (const pin of ['123', '12345', '12a4', '', ' 1234', '١٢٣٤']) {
      expect(() => sealPin(serverKey, pin, nonce, holder)).toThrow(/"pin"/);
    }
    expect(() => sealPin(serverKey, '1234', new Uint8Array(12), holder)).toThrow(/"nonce"/);
    expect(() => sealPin(new Uint8Array(16), '1234', nonce, holder)).toThrow(/"serverKey"/);
    expect(() => openPin(new Uint8Array(16), { nonce: '', ciphertext: '' }, holder)).toThrow(/"serverKey"/);
  });
});
