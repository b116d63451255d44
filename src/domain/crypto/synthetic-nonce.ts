// R-SEC-1: synthetic nonces for sealing PINs, so two different PINs never share a nonce under one key (SIV idea, RFC 5297).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, uint64be, utf8ToBytes } from './bytes';

/** XChaCha20-Poly1305 nonce size (draft-irtf-cfrg-xchacha §2): the first 24 of HMAC-SHA256's 32 bytes. */
export const SYNTHETIC_NONCE_BYTES = 24;

/**
 * key' = HMAC-SHA256(serverKey, keyLabel): the nonce PRF gets a key of its own, derived with its own label,
 * so the encryption key is never used directly as an HMAC key.
 */
export function deriveNonceKey(serverKey: Uint8Array, keyLabel: string): Uint8Array {
  return hmac(sha256, serverKey, utf8ToBytes(keyLabel));
}

/**
 * The first 24 bytes of HMAC-SHA256(nonceKey, label ‖ part₁ ‖ … ‖ partₙ), each of them (the label too) preceded by
 * its length as 8 bytes big-endian, so no two different lists of parts give the same HMAC input. Callers put the
 * plaintext among the parts: the same inputs always give the same nonce (determinism), and two different
 * plaintexts give two different nonces except with probability 2⁻¹⁹² per pair.
 */
export function syntheticNonce(nonceKey: Uint8Array, label: string, parts: readonly Uint8Array[]): Uint8Array {
  const fields = [utf8ToBytes(label), ...parts];
  const encoded = concatBytes(...fields.flatMap((field) => [uint64be(field.length), field]));
  return hmac(sha256, nonceKey, encoded).slice(0, SYNTHETIC_NONCE_BYTES);
}
