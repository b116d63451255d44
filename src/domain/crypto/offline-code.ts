// R-OTP-2 offline code: 8 digits of OCRA (RFC 6287) over the device key, App-ID, PIN and 30-s step; and the server's PIN search.
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { APP_ID_DIGITS, DEVICE_KEY_BYTES, OFFLINE_CODE_DIGITS, OFFLINE_STEP_MS, PIN_DIGITS } from '../policy';
import { concatBytes, isDigits, padDigits, uint64be, utf8ToBytes } from './bytes';
import { dynamicTruncate } from './hotp';
import { encodeOcraQuestion, ocra, parseOcraSuite } from './ocra';
import { packBlock, SHA256_BLOCK_BYTES, SHA256_DIGEST_BYTES, SHA256_SCHEDULE_WORDS, sha256Compress, stateAfterPad } from './sha256-kernel';
import { timeStep } from './totp';

/**
 * RFC 6287 suite of the offline code: HMAC-SHA256, 8 digits; Q = App-ID as a 10-digit number;
 * P = SHA-1 of the 4-digit PIN; T = number of 30-s steps of phone time since the epoch.
 */
export const OFFLINE_CODE_SUITE = 'OCRA-1:HOTP-SHA256-8:QN10-PSHA1-T30S';
/** R-OTP-2: the offline code changes every 30 s (OFFLINE_STEP_MS; the suite's T30S says the same). */
export const OFFLINE_CODE_STEP_SECONDS = OFFLINE_STEP_MS / 1000;
/** All PINs 0000..9999 (R-VER-7: the server tries the PIN space). */
export const PIN_SPACE = 10 ** PIN_DIGITS;
const CODE_MODULUS = 10 ** OFFLINE_CODE_DIGITS;
/** RFC 6287 §5.1: P is the SHA-1 of the PIN (PSHA1), T is 8 bytes. */
const PIN_HASH_BYTES = 20;
const STEP_BYTES = 8;
/** RFC 2104 §2 HMAC pad bytes. */
const HMAC_IPAD = 0x36;
const HMAC_OPAD = 0x5c;

/** What the server's PIN search found: the PIN and the time step the code was made for. */
export interface OfflineCodeMatch {
  pin: string;
  step: number;
}

/** Computes and searches offline codes of one device (one key, one App-ID). */
export interface OfflineCodeVerifier {
  /** The offline code for `pin` at time step `step`; equals offlineCode(deviceKey, appId, pin, step). */
  codeFor(pin: string, step: number): string;
  /**
   * Tries every PIN 0000..9999 at every step and returns the first match (steps in the order given, PINs
   * ascending), or null. Always scans the whole space so its run time does not reveal where the match was.
   */
  findPin(code: string, steps: readonly number[]): OfflineCodeMatch | null;
}

function assertDeviceKey(deviceKey: Uint8Array): void {
  if (!(deviceKey instanceof Uint8Array) || deviceKey.length !== DEVICE_KEY_BYTES) {
    throw new RangeError(`"deviceKey" must be ${DEVICE_KEY_BYTES} bytes`);
  }
}
function assertAppId(appId: string): void {
  if (typeof appId !== 'string' || !isDigits(appId, APP_ID_DIGITS)) throw new RangeError(`"appId" must be ${APP_ID_DIGITS} digits`);
}
function assertPin(pin: string): void {
  if (typeof pin !== 'string' || !isDigits(pin, PIN_DIGITS)) throw new RangeError(`"pin" must be ${PIN_DIGITS} digits`);
}
function assertStep(step: number): void {
  if (!Number.isSafeInteger(step) || step < 0) throw new RangeError(`"step" must be a non-negative integer, got ${step}`);
}

/** The 30-s time step (T of the suite) for a Unix time in seconds: RFC 6238 §4.2 with X = 30, T0 = 0. */
export function offlineCodeStep(timeSeconds: number): number {
  return timeStep(timeSeconds, OFFLINE_CODE_STEP_SECONDS);
}

/** R-OTP-2: the 8-digit offline code = OCRA(OFFLINE_CODE_SUITE, deviceKey, Q = appId, P = pin, T = step). */
export function offlineCode(deviceKey: Uint8Array, appId: string, pin: string, step: number): string {
  assertDeviceKey(deviceKey);
  assertAppId(appId);
  assertPin(pin);
  assertStep(step);
  return ocra(OFFLINE_CODE_SUITE, deviceKey, { question: appId, pin, timestamp: step });
}

// P fields of all 10,000 PINs (SHA-1 of the ASCII digits), 20 bytes each in one flat table. They depend on
// nothing secret to a device, so one table (200 kB) serves every verifier; built on first use.
let pinHashTable: Uint8Array | null = null;
function pinHashes(): Uint8Array {
  if (pinHashTable === null) {
    const table = new Uint8Array(PIN_SPACE * PIN_HASH_BYTES);
    for (let i = 0; i < PIN_SPACE; i++) table.set(sha1(utf8ToBytes(padDigits(i, PIN_DIGITS))), i * PIN_HASH_BYTES);
    pinHashTable = table;
  }
  return pinHashTable;
}

/**
 * Returns 1 when a === b and 0 otherwise, for 32-bit integers, without a data-dependent branch:
 * (d | -d) has its sign bit set exactly when d !== 0. R-SEC-3.
 */
function int32Equal(a: number, b: number): number {
  const d = (a ^ b) | 0;
  return ((d | -d) >>> 31) ^ 1;
}

/**
 * A verifier for one device. findPin runs HMAC-SHA256 (RFC 2104) on a block kernel with everything constant
 * done once: the key pads and the constant prefix suite || 00 || Q (165 bytes) are absorbed up front, so a
 * candidate costs the 2 inner blocks holding P (20 bytes) and T (8 bytes) plus 1 outer block, allocates
 * nothing, and runs the same operations whatever the data. The kernel is checked against codeFor (noble).
 */
export function makeOfflineCodeVerifier(deviceKey: Uint8Array, appId: string): OfflineCodeVerifier {
  assertDeviceKey(deviceKey);
  assertAppId(appId);
  const suite = parseOcraSuite(OFFLINE_CODE_SUITE);
  const prefix = concatBytes(utf8ToBytes(OFFLINE_CODE_SUITE), new Uint8Array(1), encodeOcraQuestion(suite, appId));

  // Inner hash: ipad block, then the whole blocks of the prefix.
  const innerStart = stateAfterPad(deviceKey, HMAC_IPAD);
  const words = new Int32Array(16);
  // This verifier's own message schedule: no two verifiers (and so no two searches) share scratch space.
  const schedule = new Int32Array(SHA256_SCHEDULE_WORDS);
  const fullBlocks = Math.floor(prefix.length / SHA256_BLOCK_BYTES);
  for (let b = 0; b < fullBlocks; b++) {
    packBlock(prefix, b * SHA256_BLOCK_BYTES, words);
    sha256Compress(innerStart, words, innerStart, schedule);
  }
  // The rest of the inner message, padded (FIPS 180-4 §5.1.1): prefix rest || P || T || 0x80 || 0.. || bit length.
  const rest = prefix.length - fullBlocks * SHA256_BLOCK_BYTES;
  const pinAt = rest;
  const stepAt = pinAt + PIN_HASH_BYTES;
  const innerBits = (SHA256_BLOCK_BYTES + prefix.length + PIN_HASH_BYTES + STEP_BYTES) * 8;
  const tail = new Uint8Array(Math.ceil((stepAt + STEP_BYTES + 9) / SHA256_BLOCK_BYTES) * SHA256_BLOCK_BYTES);
  tail.set(prefix.subarray(fullBlocks * SHA256_BLOCK_BYTES), 0);
  tail[stepAt + STEP_BYTES] = 0x80;
  new DataView(tail.buffer).setUint32(tail.length - 4, innerBits);
  // Outer hash: opad block, then one block holding the 32-byte inner digest, 0x80 and the bit length.
  const outerStart = stateAfterPad(deviceKey, HMAC_OPAD);
  const outerWords = new Int32Array(16);
  outerWords[8] = 0x80000000 | 0;
  outerWords[15] = (SHA256_BLOCK_BYTES + SHA256_DIGEST_BYTES) * 8;

  const inner = new Int32Array(8);
  const digest = new Int32Array(8);
  // One candidate: the 31-bit dynamic truncation (RFC 4226 §5.3) of HMAC(K, prefix || P || T), mod 10^8.
  const candidateValue = (): number => {
    inner.set(innerStart);
    for (let at = 0; at < tail.length; at += SHA256_BLOCK_BYTES) {
      packBlock(tail, at, words);
      sha256Compress(inner, words, inner, schedule);
    }
    outerWords.set(inner, 0);
    sha256Compress(outerStart, outerWords, digest, schedule);
    // Offset = low 4 bits of the last digest byte; read 4 bytes there across two words, without a branch.
    const offset = (digest[7] as number) & 0x0f;
    const shift = (offset & 3) * 8;
    const hi = digest[offset >> 2] as number;
    const lo = digest[(offset >> 2) + 1] as number; // offset >> 2 <= 3, so this is in range
    return (((hi << shift) | ((lo >>> 1) >>> (31 - shift))) & 0x7fffffff) % CODE_MODULUS;
  };

  // codeFor, the check that grants access, stays on noble: HMAC state after the key pads and the prefix, cloned per call.
  const hmacAfterPrefix = hmac.create(sha256, deviceKey).update(prefix);

  return {
    codeFor(pin, step) {
      assertPin(pin);
      assertStep(step);
      const mac = hmacAfterPrefix.clone().update(sha1(utf8ToBytes(pin))).update(uint64be(step)).digest();
      return padDigits(dynamicTruncate(mac) % CODE_MODULUS, OFFLINE_CODE_DIGITS);
    },
    findPin(code, steps) {
      for (const step of steps) assertStep(step);
      // Only the format is checked before the search: it says nothing about the PIN.
      if (typeof code !== 'string' || !isDigits(code, OFFLINE_CODE_DIGITS)) return null;
      const target = Number(code);
      const hashes = pinHashes();
      let found = 0;
      let foundPin = 0;
      let foundStep = 0;
      for (let s = 0; s < steps.length; s++) {
        tail.set(uint64be(steps[s] as number), stepAt);
        for (let p = 0; p < PIN_SPACE; p++) {
          for (let i = 0, from = p * PIN_HASH_BYTES; i < PIN_HASH_BYTES; i++) tail[pinAt + i] = hashes[from + i] as number;
          // Constant-time per candidate (R-SEC-3): the codes are compared as integers with no branch on
          // the result, and the first match is kept by masking, so every candidate costs the same.
          const take = int32Equal(candidateValue(), target) & (found ^ 1);
          const mask = -take;
          foundPin = (foundPin & ~mask) | (p & mask);
          foundStep = (foundStep & ~mask) | (s & mask);
          found |= take;
        }
      }
      return found === 1 ? { pin: padDigits(foundPin, PIN_DIGITS), step: steps[foundStep] as number } : null;
    },
  };
}
