// R-SEC-1 PIN vault: sealed PINs open only with the server key and the holder they were sealed for; nonces are synthetic.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, uint64be, utf8ToBytes } from './bytes';
import { makeSeededRandom } from '../random';
import { openPin, pinNonce, PIN_NONCE_BYTES, sealPin, SERVER_KEY_BYTES, type SealedPin } from './pin-vault';

const random = makeSeededRandom('pin-vault-test');
const serverKey = random.bytes(SERVER_KEY_BYTES);
const otherKey = random.bytes(SERVER_KEY_BYTES);
const holder = '+41790000001';

/** The construction as written in the issue, from @noble/hashes directly: a second implementation to check against. */
function expectedNonce(key: Uint8Array, pin: string, aad: string, context: Uint8Array): string {
  const nonceKey = hmac(sha256, key, utf8ToBytes('code-sandbox/pin-vault/nonce-key/v1'));
  const parts = [utf8ToBytes('code-sandbox/pin-vault/nonce/v1'), context, utf8ToBytes(aad), utf8ToBytes(pin)];
  return bytesToHex(hmac(sha256, nonceKey, concatBytes(...parts.flatMap((p) => [uint64be(p.length), p]))).slice(0, 24));
}

/** The vault as it sealed before synthetic nonces (random nonce from the caller), kept here to prove such PINs still open. */
function oldSealPin(key: Uint8Array, pin: string, nonce: Uint8Array, aad: string): SealedPin {
  const ciphertext = xchacha20poly1305(key, nonce, utf8ToBytes(aad)).encrypt(utf8ToBytes(pin));
  return { nonce: bytesToHex(nonce), ciphertext: bytesToHex(ciphertext) };
}

describe('R-SEC-1 PIN vault', () => {
  it('round-trips every PIN shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.uint8Array({ minLength: 0, maxLength: 40 }), fc.string(), (n, context, aad) => {
        const pin = String(n).padStart(4, '0');
        expect(openPin(serverKey, sealPin(serverKey, pin, aad, context), aad)).toBe(pin);
      }),
      { seed: 6287, numRuns: 200 },
    );
  });

  it('is plain JSON of hex strings: 24-byte nonce, 4-byte PIN + 16-byte tag', () => {
    const sealed = sealPin(serverKey, '1234', holder, random.bytes(PIN_NONCE_BYTES));
    expect(JSON.parse(JSON.stringify(sealed))).toEqual(sealed);
    expect(sealed.nonce).toMatch(/^[0-9a-f]{48}$/);
    expect(sealed.ciphertext).toMatch(/^[0-9a-f]{40}$/);
  });

  it('does not contain the PIN digits in the clear', () => {
    for (const pin of ['1234', '0000', '9999', '4821']) {
      const sealed = sealPin(serverKey, pin, holder, random.bytes(PIN_NONCE_BYTES));
      expect(sealed.ciphertext).not.toContain(bytesToHex(utf8ToBytes(pin)));
      expect(JSON.stringify(sealed)).not.toContain(pin);
    }
  });

  it('gives null for the wrong key, another holder, or a changed ciphertext or nonce', () => {
    const sealed = sealPin(serverKey, '1234', holder, random.bytes(PIN_NONCE_BYTES));
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
    expect(openPin(serverKey, { nonce: sealed.nonce } as unknown as SealedPin, holder)).toBeNull(); // a malformed value, as a hostile import could hold
  });

  it('refuses a PIN that is not 4 digits, a context that is not bytes or a bad key, naming them', () => {
    const context = random.bytes(PIN_NONCE_BYTES);
    for (const pin of ['123', '12345', '12a4', '', ' 1234', '١٢٣٤']) {
      expect(() => sealPin(serverKey, pin, holder, context)).toThrow(/"pin"/);
    }
    expect(() => sealPin(serverKey, '1234', holder, 'abc' as unknown as Uint8Array)).toThrow(/"context"/); // a JS caller's mistake
    expect(() => sealPin(new Uint8Array(16), '1234', holder, context)).toThrow(/"serverKey"/);
    expect(() => openPin(new Uint8Array(16), { nonce: '', ciphertext: '' }, holder)).toThrow(/"serverKey"/);
  });
});

describe('R-SEC-1 PIN vault: synthetic nonces (issue "sealed PINs that never share a nonce")', () => {
  const key = new Uint8Array(SERVER_KEY_BYTES).map((_, i) => i);
  const context = new Uint8Array(PIN_NONCE_BYTES).fill(0xa5);
  const ingrid = '+4791234501';

  it('the nonce is the first 24 bytes of HMAC-SHA256(key\', label ‖ context ‖ holder ‖ PIN), key\' = HMAC-SHA256(serverKey, its label)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.uint8Array({ minLength: 0, maxLength: 40 }), fc.string(), fc.uint8Array({ minLength: 32, maxLength: 32 }), (n, ctx, aad, k) => {
        const pin = String(n).padStart(4, '0');
        const sealed = sealPin(k, pin, aad, ctx);
        expect(sealed.nonce).toBe(expectedNonce(k, pin, aad, ctx));
        expect(bytesToHex(pinNonce(k, pin, aad, ctx))).toBe(sealed.nonce);
      }),
      { seed: 6288, numRuns: 200 },
    );
  });

  it('known-answer vectors (key 00 01 … 1f, context a5 × 24, holder +4791234501): a change here changes every journal', () => {
    expect(sealPin(key, '4821', ingrid, context)).toEqual({
      nonce: '606e586e252104dc24c3186f161d52bdc4f37a5b893c4891',
      ciphertext: 'e677da2e1cb2f722c1e2e1b034dba247782c988b',
    });
    expect(sealPin(key, '4822', ingrid, context)).toEqual({
      nonce: '1fe39c5c181ecb800df1b1530dfd601fe34e164390b06294',
      ciphertext: '1a5ccf62e02be7cb6c31d180f0641b25b23f6843',
    });
  });

  it('the nonce key is not the encryption key: the HMAC under the server key itself gives another nonce', () => {
    const parts = [utf8ToBytes('code-sandbox/pin-vault/nonce/v1'), context, utf8ToBytes(ingrid), utf8ToBytes('4821')];
    const direct = bytesToHex(hmac(sha256, key, concatBytes(...parts.flatMap((p) => [uint64be(p.length), p]))).slice(0, 24));
    expect(sealPin(key, '4821', ingrid, context).nonce).not.toBe(direct);
  });

  it('determinism: the same key, PIN, holder and context seal to the same bytes', () => {
    const a = sealPin(serverKey, '1234', holder, Uint8Array.from(context));
    const b = sealPin(serverKey, '1234', holder, Uint8Array.from(context));
    expect(b).toEqual(a);
  });

  it('never shares a nonce between two different PINs under one key and context: all 10,000 PINs get 10,000 nonces', () => {
    const nonces = new Set<string>();
    for (let n = 0; n < 10_000; n++) nonces.add(sealPin(serverKey, String(n).padStart(4, '0'), holder, context).nonce);
    expect(nonces.size).toBe(10_000);
  });

  it('another context or another holder gives another nonce for the same PIN', () => {
    const base = sealPin(serverKey, '1234', holder, context);
    const otherContext = Uint8Array.from(context, (byte, i) => (i === 23 ? byte ^ 1 : byte));
    expect(sealPin(serverKey, '1234', holder, otherContext).nonce).not.toBe(base.nonce);
    expect(sealPin(serverKey, '1234', '+41790000002', context).nonce).not.toBe(base.nonce);
    // The encoding is length-prefixed: moving bytes between the context and the holder changes the nonce.
    expect(sealPin(serverKey, '1234', '1', new Uint8Array(0)).nonce).not.toBe(sealPin(serverKey, '1234', '', utf8ToBytes('1')).nonce);
  });

  it('a PIN sealed the old way (a random nonce from the caller) still opens, and only for its holder and key', () => {
    const nonce = makeSeededRandom('old-vault').bytes(PIN_NONCE_BYTES);
    const sealed = oldSealPin(serverKey, '4821', nonce, holder);
    expect(sealed.nonce).not.toBe(pinNonce(serverKey, '4821', holder, nonce));
    expect(openPin(serverKey, sealed, holder)).toBe('4821');
    expect(openPin(serverKey, sealed, '+41790000002')).toBeNull();
    expect(openPin(otherKey, sealed, holder)).toBeNull();
  });
});
