// RFC 4226 HOTP: HMAC-based one-time codes, and the dynamic truncation shared with TOTP and OCRA.
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { padDigits, uint64be } from './bytes';

/** The HMAC hash functions named by RFC 6238 §1.2 and RFC 6287 §6.2. */
export type OtpHash = 'SHA1' | 'SHA256' | 'SHA512';

/** RFC 4226 §4 R6: the shared secret MUST be at least 128 bits. */
export const MIN_KEY_BYTES = 16;
/** RFC 4226 §5.3: implementations MUST extract at least 6 digits. */
export const HOTP_MIN_DIGITS = 6;
/** A 31-bit truncated value has at most 10 decimal digits (RFC 4226 §5.3, RFC 6287 §6.2 allows up to 10). */
export const HOTP_MAX_DIGITS = 10;
/** RFC 4226 §5.3: 6 digits unless the parties agree on more. */
export const HOTP_DEFAULT_DIGITS = 6;

const HASHES: Readonly<Record<OtpHash, CHash>> = { SHA1: sha1, SHA256: sha256, SHA512: sha512 };

/** The noble hash function for an OTP hash name. */
export function otpHashFunction(hash: OtpHash): CHash {
  const fn = HASHES[hash];
  if (fn === undefined) throw new RangeError(`"hash" must be SHA1, SHA256 or SHA512, got ${String(hash)}`);
  return fn;
}

/** Throws unless `key` is a byte array of at least MIN_KEY_BYTES bytes. */
export function assertOtpKey(key: Uint8Array, name = 'key'): void {
  if (!(key instanceof Uint8Array)) throw new TypeError(`"${name}" must be a Uint8Array`);
  if (key.length < MIN_KEY_BYTES) {
    throw new RangeError(`"${name}" must be at least ${MIN_KEY_BYTES} bytes (RFC 4226 §4 R6), got ${key.length}`);
  }
}

/**
 * RFC 4226 §5.3 dynamic truncation: the 31-bit integer read at the offset given by the low
 * 4 bits of the last byte of the HMAC. For SHA-256/512 the last byte is used too (RFC 6238 §1.2,
 * RFC 6287 §5.2).
 */
export function dynamicTruncate(mac: Uint8Array): number {
  const last = mac[mac.length - 1];
  if (last === undefined || mac.length < 20) throw new RangeError(`"mac" must be at least 20 bytes, got ${mac.length}`);
  const offset = last & 0x0f;
  // offset <= 15 and mac.length >= 20, so offset + 3 is always in range.
  return (
    (((mac[offset] as number) & 0x7f) << 24) |
    ((mac[offset + 1] as number) << 16) |
    ((mac[offset + 2] as number) << 8) |
    (mac[offset + 3] as number)
  );
}

/** RFC 4226 §5.3 step 3: the truncated value reduced modulo 10^digits, left-padded with zeros. */
export function truncateToDigits(mac: Uint8Array, digits: number): string {
  if (!Number.isInteger(digits) || digits < 1 || digits > HOTP_MAX_DIGITS) {
    throw new RangeError(`"digits" must be an integer from 1 to ${HOTP_MAX_DIGITS}, got ${digits}`);
  }
  return padDigits(dynamicTruncate(mac) % 10 ** digits, digits);
}

/** Throws unless `counter` is a non-negative safe integer or a bigint (range checked by uint64be). */
export function assertCounter(counter: number | bigint, name = 'counter'): void {
  if (typeof counter === 'bigint') return;
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new RangeError(`"${name}" must be a non-negative integer, got ${counter}`);
  }
}

/**
 * RFC 4226 HOTP(K, C) = Truncate(HMAC(K, C)), with C the 8-byte big-endian counter (§5.2).
 * `digits` is 6 to 10 (default 6); `hash` defaults to SHA1 (RFC 6238 §1.2 adds SHA256 and SHA512).
 */
export function hotp(
  key: Uint8Array,
  counter: number | bigint,
  options: { digits?: number; hash?: OtpHash } = {},
): string {
  const digits = options.digits ?? HOTP_DEFAULT_DIGITS;
  if (!Number.isInteger(digits) || digits < HOTP_MIN_DIGITS || digits > HOTP_MAX_DIGITS) {
    throw new RangeError(`"digits" must be an integer from ${HOTP_MIN_DIGITS} to ${HOTP_MAX_DIGITS}, got ${digits}`);
  }
  assertOtpKey(key);
  assertCounter(counter);
  const mac = hmac(otpHashFunction(options.hash ?? 'SHA1'), key, uint64be(counter));
  return truncateToDigits(mac, digits);
}
