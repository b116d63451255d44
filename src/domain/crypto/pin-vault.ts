// R-SEC-1 PIN vault: the server keeps each PIN sealed with XChaCha20-Poly1305 under its key, bound to the holder.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { PIN_DIGITS } from '../policy';
import { bytesToHex, hexToBytes, isDigits, utf8ToBytes } from './bytes';

/** A sealed PIN as plain JSON (it is stored in events): hex nonce and hex ciphertext with its 16-byte tag. */
export type SealedPin = { nonce: string; ciphertext: string };

/** XChaCha20-Poly1305 sizes (draft-irtf-cfrg-xchacha §2, RFC 8439 §2.8). */
export const SERVER_KEY_BYTES = 32;
export const PIN_NONCE_BYTES = 24;
const TAG_BYTES = 16;
const SEALED_HEX_LENGTH = (PIN_DIGITS + TAG_BYTES) * 2;

function assertServerKey(serverKey: Uint8Array): void {
  if (!(serverKey instanceof Uint8Array) || serverKey.length !== SERVER_KEY_BYTES) {
    throw new RangeError(`"serverKey" must be ${SERVER_KEY_BYTES} bytes`);
  }
}

/**
 * Seals `pin` under `serverKey`. `nonce` (24 bytes) comes from the caller's injected RandomSource and must
 * never repeat under one key; `aad` (the holder id) is authenticated, so the sealed PIN opens only for that holder.
 */
export function sealPin(serverKey: Uint8Array, pin: string, nonce: Uint8Array, aad: string): SealedPin {
  assertServerKey(serverKey);
  if (typeof pin !== 'string' || !isDigits(pin, PIN_DIGITS)) throw new RangeError(`"pin" must be ${PIN_DIGITS} digits`);
  if (!(nonce instanceof Uint8Array) || nonce.length !== PIN_NONCE_BYTES) throw new RangeError(`"nonce" must be ${PIN_NONCE_BYTES} bytes`);
  if (typeof aad !== 'string') throw new TypeError('"aad" must be a string');
  const ciphertext = xchacha20poly1305(serverKey, nonce, utf8ToBytes(aad)).encrypt(utf8ToBytes(pin));
  return { nonce: bytesToHex(nonce), ciphertext: bytesToHex(ciphertext) };
}

/**
 * Opens a sealed PIN. Returns null when it does not open: wrong key, another holder's `aad`, a changed or
 * malformed nonce or ciphertext (Poly1305 tag mismatch), or contents that are not a 4-digit PIN.
 */
export function openPin(serverKey: Uint8Array, sealed: SealedPin, aad: string): string | null {
  assertServerKey(serverKey);
  if (typeof sealed !== 'object' || sealed === null || typeof aad !== 'string') return null;
  const { nonce, ciphertext } = sealed;
  const hex = /^[0-9a-f]*$/;
  if (typeof nonce !== 'string' || nonce.length !== PIN_NONCE_BYTES * 2 || !hex.test(nonce)) return null;
  if (typeof ciphertext !== 'string' || ciphertext.length !== SEALED_HEX_LENGTH || !hex.test(ciphertext)) return null;
  let plain: Uint8Array;
  try {
    plain = xchacha20poly1305(serverKey, hexToBytes(nonce), utf8ToBytes(aad)).decrypt(hexToBytes(ciphertext));
  } catch {
    return null; // the tag did not verify
  }
  const pin = String.fromCharCode(...plain);
  return isDigits(pin, PIN_DIGITS) ? pin : null;
}
