// Byte and digit-string helpers shared by the one-time-code algorithms, plus constant-time comparison (R-SEC-3).
import { utf8ToBytes, bytesToHex, hexToBytes, concatBytes } from '@noble/hashes/utils.js';

export { utf8ToBytes, bytesToHex, hexToBytes, concatBytes };

/** Big-endian 8-byte encoding of a non-negative integer (RFC 4226 §5.2 counter, RFC 6287 T and C). */
export function uint64be(value: number | bigint): Uint8Array {
  let v = BigInt(value);
  if (v < 0n || v > 0xffff_ffff_ffff_ffffn) throw new RangeError(`"counter" must fit in 64 bits, got ${value}`);
  const out = new Uint8Array(8);
  for (let i = 7; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Left-pads a non-negative integer with zeros to `digits` decimal digits. */
export function padDigits(value: number, digits: number): string {
  return value.toString().padStart(digits, '0');
}

/**
 * Compares two strings in time that depends only on their lengths, never on where they differ.
 * R-SEC-3: codes, PINs and UBCs are compared in constant time.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) {
    diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  }
  return diff === 0;
}

/** Whether `text` is exactly `length` ASCII digits. */
export function isDigits(text: string, length?: number): boolean {
  if (!/^[0-9]+$/.test(text)) return false;
  return length === undefined || text.length === length;
}
