// R-SEC-1 in the journal: PINs typed in the app are kept sealed under the server key, never in the clear.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes, concatBytes, uint64be } from '../domain/crypto/bytes';
import type { WorldCommand } from '../domain';

/** The command fields that hold a PIN. */
const PIN_FIELDS = ['pin', 'repeat', 'newPin', 'currentPin'] as const;
const PREFIX = 'sealed:v1:';
const NONCE_BYTES = 24;
const SEALED = /^sealed:v1:([0-9a-f]{48})([0-9a-f]{2,200})$/;

/** Whether a field value is a sealed PIN. */
export function isSealed(value: string): boolean {
  return SEALED.test(value);
}

/**
 * The command with every PIN field sealed (XChaCha20-Poly1305 under `key`). The nonce is derived from the
 * journal position and the field, so the same command at the same position seals the same way (determinism).
 */
export function sealCommand(command: WorldCommand, key: Uint8Array, seq: number): WorldCommand {
  const sealed: Record<string, unknown> = { ...command };
  for (const field of PIN_FIELDS) {
    const value = sealed[field];
    if (typeof value !== 'string' || isSealed(value)) continue;
    const nonce = sha256(concatBytes(utf8ToBytes(`journal-nonce\n${field}\n`), uint64be(seq))).slice(0, NONCE_BYTES);
    const aad = utf8ToBytes(`${command.type}\n${field}\n${seq}`);
    const ciphertext = xchacha20poly1305(key, nonce, aad).encrypt(utf8ToBytes(value));
    sealed[field] = `${PREFIX}${bytesToHex(nonce)}${bytesToHex(ciphertext)}`;
  }
  return sealed as WorldCommand; // same type: only string fields were replaced by strings
}

/** The command with its PIN fields opened; null when one does not open with `key` (tampered, or another seed). */
export function openCommand(command: WorldCommand, key: Uint8Array, seq: number): WorldCommand | null {
  const opened: Record<string, unknown> = { ...command };
  for (const field of PIN_FIELDS) {
    const value = opened[field];
    if (typeof value !== 'string') continue;
    const match = SEALED.exec(value);
    if (!match) return null; // a journal never holds a PIN in the clear
    try {
      const aad = utf8ToBytes(`${command.type}\n${field}\n${seq}`);
      const plain = xchacha20poly1305(key, hexToBytes(match[1] ?? ''), aad).decrypt(hexToBytes(match[2] ?? ''));
      opened[field] = new TextDecoder().decode(plain);
    } catch {
      return null;
    }
  }
  return opened as WorldCommand; // same type: only string fields were replaced by strings
}
