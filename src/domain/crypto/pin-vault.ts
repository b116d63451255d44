// R-SEC-1 PIN vault: the server keeps each PIN sealed with XChaCha20-Poly1305 under its key, bound to the holder.
//
// Nonces are synthetic (SIV-style, nonce-misuse resistant): nonce = first 24 bytes of
// HMAC-SHA256(key', label ‖ context ‖ holder ‖ PIN), key' = HMAC-SHA256(serverKey, its own label). Two sandboxes
// that share a seed (so the server key and the random context) and then diverge therefore never seal two different
// PINs under one key and nonce, and the same PIN at the same place seals identically (determinism).
// Why XChaCha20-Poly1305 with a synthetic nonce rather than AES-GCM-SIV: the stored format ({ nonce, ciphertext })
// and `openPin` stay exactly as they were, so PINs sealed before (random nonce) still open with no version tag;
// a 24-byte nonce cut from HMAC-SHA256 leaves no birthday concern; and it is one cipher, not two, in the bundle.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { PIN_DIGITS } from '../policy';
import { bytesToHex, hexToBytes, isDigits, utf8ToBytes } from './bytes';
import { deriveNonceKey, syntheticNonce } from './synthetic-nonce';

/** A sealed PIN as plain JSON (it is stored in events): hex nonce and hex ciphertext with its 16-byte tag. */
export type SealedPin = { nonce: string; ciphertext: string };

/** XChaCha20-Poly1305 sizes (draft-irtf-cfrg-xchacha §2, RFC 8439 §2.8). */
export const SERVER_KEY_BYTES = 32;
/** The nonce size; also how many random context bytes the server draws per sealed PIN (server/pin.ts sealFor). */
export const PIN_NONCE_BYTES = 24;
const TAG_BYTES = 16;
const SEALED_HEX_LENGTH = (PIN_DIGITS + TAG_BYTES) * 2;

/** R-SEC-1: the labels of the vault's synthetic nonce. Changing either changes every sealed PIN (and every journal). */
const NONCE_KEY_LABEL = 'code-sandbox/pin-vault/nonce-key/v1';
const NONCE_LABEL = 'code-sandbox/pin-vault/nonce/v1';

function assertServerKey(serverKey: Uint8Array): void {
  if (!(serverKey instanceof Uint8Array) || serverKey.length !== SERVER_KEY_BYTES) {
    throw new RangeError(`"serverKey" must be ${SERVER_KEY_BYTES} bytes`);
  }
}

/**
 * R-SEC-1: the synthetic nonce `sealPin` uses, HMAC-SHA256(key', label ‖ context ‖ aad ‖ pin) cut to 24 bytes
 * (see synthetic-nonce.ts for the encoding). Exported for tests; sealing never takes a nonce from the caller.
 */
export function pinNonce(serverKey: Uint8Array, pin: string, aad: string, context: Uint8Array): Uint8Array {
  assertServerKey(serverKey);
  return syntheticNonce(deriveNonceKey(serverKey, NONCE_KEY_LABEL), NONCE_LABEL, [context, utf8ToBytes(aad), utf8ToBytes(pin)]);
}

/**
 * Seals `pin` under `serverKey`. `aad` (the holder id) is authenticated, so the sealed PIN opens only for that
 * holder. `context` (bytes from the caller's injected RandomSource, or anything that tells seals apart) goes into
 * the synthetic nonce with `aad` and the PIN: the caller cannot pass a nonce, so none can be reused for another PIN.
 * The same PIN, holder and context seal to the same bytes.
 */
export function sealPin(serverKey: Uint8Array, pin: string, aad: string, context: Uint8Array): SealedPin {
  assertServerKey(serverKey);
  if (typeof pin !== 'string' || !isDigits(pin, PIN_DIGITS)) throw new RangeError(`"pin" must be ${PIN_DIGITS} digits`);
  if (typeof aad !== 'string') throw new TypeError('"aad" must be a string');
  if (!(context instanceof Uint8Array)) throw new TypeError('"context" must be a Uint8Array');
  const nonce = pinNonce(serverKey, pin, aad, context);
  const ciphertext = xchacha20poly1305(serverKey, nonce, utf8ToBytes(aad)).encrypt(utf8ToBytes(pin));
  return { nonce: bytesToHex(nonce), ciphertext: bytesToHex(ciphertext) };
}

/**
 * Opens a sealed PIN. Returns null when it does not open: wrong key, another holder's `aad`, a changed or
 * malformed nonce or ciphertext (Poly1305 tag mismatch), or contents that are not a 4-digit PIN.
 * Opening does not depend on how the nonce was made: PINs sealed with a random nonce (before synthetic nonces) open too.
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
