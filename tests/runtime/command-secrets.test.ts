// R-SEC-1 in the journal: PIN fields of journaled commands are sealed (v2: synthetic nonce); v1 entries still open.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, uint64be, utf8ToBytes } from '../../src/domain/crypto/bytes';
import {
  isSealed, openCommand, sealCommand, sealedVersion, SEALED_PREFIX, SEALED_V1_PREFIX, SEALED_V2_PREFIX, SEALED_VERSION,
} from '../../src/runtime/command-secrets';
import type { WorldCommand } from '../../src/domain';

const key = new Uint8Array(32).map((_, i) => i);
const otherKey = new Uint8Array(32).fill(7);
const change: WorldCommand = { type: 'AppChangePin', phoneId: 'ingrid-phone', currentPin: '1234', newPin: '4821', repeat: '4821' };

/** The v2 nonce as the issue writes it, from @noble/hashes directly: a second implementation to check against. */
function expectedNonce(k: Uint8Array, type: string, field: string, seq: number, plaintext: string): string {
  const nonceKey = hmac(sha256, k, utf8ToBytes('code-sandbox/journal-pin/nonce-key/v2'));
  const parts = [utf8ToBytes('code-sandbox/journal-pin/nonce/v2'), utf8ToBytes(type), utf8ToBytes(field), uint64be(seq), utf8ToBytes(plaintext)];
  return bytesToHex(hmac(sha256, nonceKey, concatBytes(...parts.flatMap((p) => [uint64be(p.length), p]))).slice(0, 24));
}

/** sealCommand as it was before v2 (nonce from the field and the position only), kept here to prove v1 entries still open. */
function oldSealField(type: string, field: string, value: string, k: Uint8Array, seq: number): string {
  const nonce = sha256(concatBytes(utf8ToBytes(`journal-nonce\n${field}\n`), uint64be(seq))).slice(0, 24);
  const ciphertext = xchacha20poly1305(k, nonce, utf8ToBytes(`${type}\n${field}\n${seq}`)).encrypt(utf8ToBytes(value));
  return `sealed:v1:${bytesToHex(nonce)}${bytesToHex(ciphertext)}`;
}

const field = (command: WorldCommand, name: string): string => {
  const value = (command as Record<string, unknown>)[name]; // a field by name, whatever the command type: WorldCommand has no index signature
  if (typeof value !== 'string') throw new Error(`no ${name}`);
  return value;
};
/** The command with one PIN field replaced (a tampered or hand-made journal entry). */
const withField = (command: WorldCommand, name: string, value: string): WorldCommand =>
  ({ ...command, [name]: value }) as WorldCommand; // only a string PIN field of the same command type is replaced
const nonceOf = (sealed: string): string => sealed.slice(SEALED_V2_PREFIX.length, SEALED_V2_PREFIX.length + 48);

describe('R-SEC-1 in the journal: sealed PIN fields, format v2 (issue "sealed PINs that never share a nonce")', () => {
  it('exports both prefixes and writes v2', () => {
    expect(SEALED_V1_PREFIX).toBe('sealed:v1:');
    expect(SEALED_V2_PREFIX).toBe('sealed:v2:');
    expect(SEALED_VERSION).toBe(2);
    expect(SEALED_PREFIX[SEALED_VERSION]).toBe(SEALED_V2_PREFIX);
    const sealed = sealCommand(change, key, 42);
    for (const name of ['currentPin', 'newPin', 'repeat']) {
      expect(field(sealed, name)).toMatch(/^sealed:v2:[0-9a-f]{48}[0-9a-f]{40}$/);
      expect(sealedVersion(field(sealed, name))).toBe(2);
    }
    expect(sealed.type).toBe('AppChangePin');
    expect(field(sealed, 'phoneId')).toBe('ingrid-phone'); // non-PIN fields stay as they were
  });

  it('the nonce is the first 24 bytes of HMAC-SHA256(key\', label ‖ type ‖ field ‖ seq ‖ PIN), key\' = HMAC-SHA256(serverKey, its label)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), fc.string({ maxLength: 64 }), fc.nat(1_000_000), fc.uint8Array({ minLength: 32, maxLength: 32 }), (currentPin, newPin, seq, k) => {
        const command: WorldCommand = { type: 'AppChangePin', phoneId: 'p', currentPin, newPin, repeat: newPin };
        const sealed = sealCommand(command, k, seq);
        for (const [name, plain] of [['currentPin', currentPin], ['newPin', newPin], ['repeat', newPin]] as const) {
          expect(nonceOf(field(sealed, name))).toBe(expectedNonce(k, 'AppChangePin', name, seq, plain));
        }
        expect(openCommand(sealed, k, seq)).toEqual(command);
      }),
      { seed: 4242, numRuns: 200 },
    );
  });

  it('known-answer vector (key 00 01 … 1f, seq 42): a change here changes every journal', () => {
    expect(sealCommand(change, key, 42)).toEqual({
      type: 'AppChangePin',
      phoneId: 'ingrid-phone',
      currentPin: 'sealed:v2:1e105aa330721fa1f90a2208f5b859bd2d0782cae990e47bde65f47ff984ba252330fe161179039d2b41d6b4',
      newPin: 'sealed:v2:eb11a411829c2853b3c8271ed9005fa54e39d560d973c07b8456975db226407d10c66dd734b425a5ebf03df2',
      repeat: 'sealed:v2:4500a0f71952b2ec870f2d27be51e5a6785532de12d2325074eee6f6a41b9f6ad3234d25e8d2dbdeb249fc61',
    });
  });

  it('determinism: the same command at the same position seals to the same bytes', () => {
    expect(JSON.stringify(sealCommand(change, Uint8Array.from(key), 42))).toBe(JSON.stringify(sealCommand(change, key, 42)));
  });

  it('two different PINs in one field at one position never share a nonce (what v1 did)', () => {
    const a = sealCommand({ ...change, newPin: '1111', repeat: '1111' }, key, 42);
    const b = sealCommand({ ...change, newPin: '2222', repeat: '2222' }, key, 42);
    expect(nonceOf(field(a, 'newPin'))).not.toBe(nonceOf(field(b, 'newPin')));
    expect(nonceOf(field(a, 'repeat'))).not.toBe(nonceOf(field(b, 'repeat')));
    // The same PIN at the same place seals identically: no second plaintext under that nonce.
    expect(field(a, 'currentPin')).toBe(field(b, 'currentPin'));
    // The old construction would have used one nonce for both new PINs.
    expect(nonceOf(oldSealField('AppChangePin', 'newPin', '1111', key, 42))).toBe(nonceOf(oldSealField('AppChangePin', 'newPin', '2222', key, 42)));
  });

  it('a v1 entry (sealed the old way) still opens, and isSealed / sealedVersion recognise it', () => {
    const v1: WorldCommand = {
      ...change,
      currentPin: oldSealField('AppChangePin', 'currentPin', '1234', key, 7),
      newPin: oldSealField('AppChangePin', 'newPin', '4821', key, 7),
      repeat: oldSealField('AppChangePin', 'repeat', '4821', key, 7),
    };
    expect(isSealed(field(v1, 'newPin'))).toBe(true);
    expect(sealedVersion(field(v1, 'newPin'))).toBe(1);
    expect(openCommand(v1, key, 7)).toEqual(change);
    expect(openCommand(v1, key, 8)).toBeNull();
    expect(openCommand(v1, otherKey, 7)).toBeNull();
    // Sealing again keeps a sealed field as it is (v1 stays v1; the journal is not rewritten behind its hash).
    expect(sealCommand(v1, key, 7)).toEqual(v1);
  });

  it('gives null for another key, another position, a changed value or a PIN in the clear', () => {
    const sealed = sealCommand(change, key, 42);
    expect(openCommand(sealed, otherKey, 42)).toBeNull();
    expect(openCommand(sealed, key, 43)).toBeNull();
    const value = field(sealed, 'newPin');
    const flipped = value.slice(0, -1) + (value.endsWith('0') ? '1' : '0');
    expect(openCommand(withField(sealed, 'newPin', flipped), key, 42)).toBeNull();
    expect(openCommand(withField(sealed, 'newPin', value.replace('sealed:v2:', 'sealed:v3:')), key, 42)).toBeNull();
    expect(openCommand(withField(sealed, 'newPin', '4821'), key, 42)).toBeNull();
    expect(isSealed('4821')).toBe(false);
    expect(sealedVersion('sealed:v3:' + '0'.repeat(88))).toBeNull();
    expect(hexToBytes(nonceOf(value))).toHaveLength(24);
  });
});
