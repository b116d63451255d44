// R-SEC-1 in the journal: PINs typed in the app are kept sealed under the server key, never in the clear.
//
// v2 (written now): XChaCha20-Poly1305 with a synthetic nonce, the first 24 bytes of
// HMAC-SHA256(key', label ‖ command type ‖ field ‖ seq ‖ PIN) with key' = HMAC-SHA256(serverKey, its own label):
// two sandboxes that share a seed and then diverge never seal two different PINs under one key and nonce, and the
// same command at the same position still seals byte for byte the same (determinism).
// v1 (still opened, it is in users' databases and exports): the nonce came from the field and the position only.
// XChaCha20-Poly1305 stays (rather than AES-GCM-SIV) so v1 and v2 differ only in how the nonce is made, and the
// PIN vault uses the same cipher and construction (src/domain/crypto/pin-vault.ts).
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes, utf8ToBytes, uint64be } from '../domain/crypto/bytes';
import { deriveNonceKey, syntheticNonce } from '../domain/crypto/synthetic-nonce';
import { xchachaOpen } from '../domain/crypto/xchacha-open';
import type { WorldCommand } from '../domain';

/** The command fields that hold a PIN. */
const PIN_FIELDS = ['pin', 'repeat', 'newPin', 'currentPin'] as const;
/** The versions of a sealed PIN field: 1 = nonce from field and position, 2 = synthetic nonce (also over the PIN). */
export type SealedVersion = 1 | 2;
/** The version `sealCommand` writes. */
export const SEALED_VERSION: SealedVersion = 2;
export const SEALED_V1_PREFIX = 'sealed:v1:';
export const SEALED_V2_PREFIX = 'sealed:v2:';
export const SEALED_PREFIX: Readonly<Record<SealedVersion, string>> = { 1: SEALED_V1_PREFIX, 2: SEALED_V2_PREFIX };
const SEALED = /^sealed:v([12]):([0-9a-f]{48})([0-9a-f]{2,200})$/;

/** R-SEC-1: the labels of the v2 synthetic nonce. Changing either changes every journal (determinism across versions). */
const V2_NONCE_KEY_LABEL = 'code-sandbox/journal-pin/nonce-key/v2';
const V2_NONCE_LABEL = 'code-sandbox/journal-pin/nonce/v2';

/** Whether a field value is a sealed PIN (v1 or v2). */
export function isSealed(value: string): boolean {
  return SEALED.test(value);
}

/** The version of a sealed field value, or null when it is not a sealed PIN (a storage upgrade tells v1 from v2 by it). */
export function sealedVersion(value: string): SealedVersion | null {
  const match = SEALED.exec(value);
  if (!match) return null;
  return match[1] === '1' ? 1 : 2;
}

function aadOf(type: string, field: string, seq: number): Uint8Array {
  return utf8ToBytes(`${type}\n${field}\n${seq}`);
}

/**
 * R-SEC-1: the v2 synthetic nonce of `plaintext` in `field` of a `type` command at journal position `seq`.
 * `nonceKey` is deriveJournalNonceKey(serverKey). Exported for tests.
 */
export function journalPinNonce(nonceKey: Uint8Array, type: string, field: string, seq: number, plaintext: string): Uint8Array {
  return syntheticNonce(nonceKey, V2_NONCE_LABEL, [utf8ToBytes(type), utf8ToBytes(field), uint64be(seq), utf8ToBytes(plaintext)]);
}

/** key' of the v2 nonce: HMAC-SHA256(serverKey, its own label), never the encryption key itself. */
export function deriveJournalNonceKey(serverKey: Uint8Array): Uint8Array {
  return deriveNonceKey(serverKey, V2_NONCE_KEY_LABEL);
}

/**
 * The command with every PIN field sealed (XChaCha20-Poly1305 under `key`, format v2). The nonce is synthetic (over
 * the command type, the field, the journal position and the PIN), so the same command at the same position seals
 * the same way (determinism) and two different PINs never share a nonce. Fields already sealed are kept as they are.
 */
export function sealCommand(command: WorldCommand, key: Uint8Array, seq: number): WorldCommand {
  const sealed: Record<string, unknown> = { ...command };
  let nonceKey: Uint8Array | null = null;
  for (const field of PIN_FIELDS) {
    const value = sealed[field];
    if (typeof value !== 'string' || isSealed(value)) continue;
    nonceKey ??= deriveJournalNonceKey(key);
    const nonce = journalPinNonce(nonceKey, command.type, field, seq, value);
    const ciphertext = xchacha20poly1305(key, nonce, aadOf(command.type, field, seq)).encrypt(utf8ToBytes(value));
    sealed[field] = `${SEALED_V2_PREFIX}${bytesToHex(nonce)}${bytesToHex(ciphertext)}`;
  }
  return sealed as WorldCommand; // same type: only string fields were replaced by strings
}

/** Decodes opened PINs (a TextDecoder keeps no state between whole, non-streaming decodes). */
const decoder = new TextDecoder();

/**
 * The command with its PIN fields opened (v1 or v2: opening reads the nonce from the value, however it was made);
 * null when one does not open with `key` (tampered, or another seed) or a PIN is in the clear. Opening is
 * xchachaOpen, the same XChaCha20-Poly1305 as noble's without its per-call views and copies (a verification opens
 * every sealed PIN of the journal again; sealing stays with noble).
 */
export function openCommand(command: WorldCommand, key: Uint8Array, seq: number): WorldCommand | null {
  const opened: Record<string, unknown> = { ...command };
  for (const field of PIN_FIELDS) {
    const value = opened[field];
    if (typeof value !== 'string') continue;
    const match = SEALED.exec(value);
    if (!match) return null; // a journal never holds a PIN in the clear
    // An odd count of hex digits makes hexToBytes throw: that value does not open either.
    let plain: Uint8Array | null;
    try {
      plain = xchachaOpen(key, hexToBytes(match[2] ?? ''), aadOf(command.type, field, seq), hexToBytes(match[3] ?? ''));
    } catch {
      return null;
    }
    if (!plain) return null;
    opened[field] = decoder.decode(plain);
  }
  return opened as WorldCommand; // same type: only string fields were replaced by strings
}
