// R-OTP-2 offline code: 8 digits of OCRA (RFC 6287) over the device key, App-ID, PIN and 30-s step; and the server's PIN search.
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { APP_ID_DIGITS, DEVICE_KEY_BYTES, OFFLINE_CODE_DIGITS, OFFLINE_STEP_MS, PIN_DIGITS } from '../policy';
import { concatBytes, isDigits, padDigits, uint64be, utf8ToBytes } from './bytes';
import { dynamicTruncate } from './hotp';
import { encodeOcraQuestion, ocra, parseOcraSuite } from './ocra';
import {
  packBlock, SHA256_BLOCK_BYTES, SHA256_DIGEST_BYTES, SHA256_SCHEDULE_WORDS, sha256Compress, sha256Rounds, sha256Schedule, stateAfterPad,
} from './sha256-kernel';
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
/** Values of one byte: the low byte of T, the only byte of T in the last inner block (see makeOfflineCodeVerifier). */
const BYTE_VALUES = 256;
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
  /**
   * The first of `steps` at which `code` is the code for `pin` (the first step where codeFor(pin, step) ===
   * code), or null. Tries every step whatever it finds, each at the same cost (R-SEC-3): the right-PIN
   * search over the window and over the ±24 h of clock drift (R-VER-7, R-CLK-2).
   */
  findStep(pin: string, code: string, steps: readonly number[]): number | null;
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
 * The first index whose flag is 1, or -1: every index costs the same and the first is kept by masking (R-SEC-3).
 * `found` holds only 0 and 1.
 */
function firstFound(found: Int32Array): number {
  let any = 0;
  let first = 0;
  for (let i = 0; i < found.length; i++) {
    const take = (found[i] as number) & (any ^ 1); // i < found.length
    const mask = -take;
    first = (first & ~mask) | (i & mask);
    any |= take;
  }
  return any === 1 ? first : -1;
}

/**
 * A verifier for one device. Its searches run HMAC-SHA256 (RFC 2104) on the block kernel with everything
 * constant done once: the key pads and the constant prefix suite || 00 || Q (165 bytes) are absorbed up front.
 * The rest of the inner message is 2 blocks: the PIN block (prefix rest 37 bytes || P 20 bytes || the high 7
 * bytes of T) and the step block (the low byte of T, the padding and the length). So a PIN's block is
 * compressed once for all steps that share their high bytes (all of a window unless it crosses a multiple of
 * 256 steps), the step block's schedule is computed once per low byte (256 per verifier), and a candidate
 * costs the step block's rounds plus 1 outer block. A candidate allocates nothing and runs the same operations
 * whatever the data (R-SEC-3). The kernel is checked against codeFor (noble) and node:crypto.
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
  // The searches rest on this layout: a PIN block, then a step block holding only the low byte of T. The suite
  // and the App-ID length are fixed (Q is always 128 bytes), so it holds for every device.
  if (tail.length !== 2 * SHA256_BLOCK_BYTES || stepAt + STEP_BYTES !== SHA256_BLOCK_BYTES + 1) {
    throw new Error('offline code: the inner message tail is not a PIN block and a one-byte step block');
  }
  // Outer hash: opad block, then one block holding the 32-byte inner digest, 0x80 and the bit length.
  const outerStart = stateAfterPad(deviceKey, HMAC_OPAD);
  const outerWords = new Int32Array(16);
  outerWords[8] = 0x80000000 | 0;
  outerWords[15] = (SHA256_BLOCK_BYTES + SHA256_DIGEST_BYTES) * 8;

  // The step block's schedule for each low byte of T, built on the first search: 256 × 64 words of this verifier's own.
  let stepSchedules: Int32Array[] | null = null;
  const scheduleOfLowByte = (): Int32Array[] => {
    if (stepSchedules === null) {
      const block = tail.slice(SHA256_BLOCK_BYTES);
      const table = new Int32Array(BYTE_VALUES * SHA256_SCHEDULE_WORDS);
      stepSchedules = [];
      for (let low = 0; low < BYTE_VALUES; low++) {
        block[0] = low;
        packBlock(block, 0, words);
        const lowSchedule = table.subarray(low * SHA256_SCHEDULE_WORDS, (low + 1) * SHA256_SCHEDULE_WORDS);
        sha256Schedule(words, lowSchedule);
        stepSchedules.push(lowSchedule);
      }
    }
    return stepSchedules;
  };

  const pinState = new Int32Array(8);
  const digest = new Int32Array(8);
  /**
   * Tries PINs `firstPin` up to (not including) `endPin` at every one of `steps`: for each step index s,
   * found[s] becomes 1 and foundPin[s] the lowest PIN whose code is `target`, kept by masking (R-SEC-3).
   * Steps are grouped by their high 7 bytes (public data: the steps, never the code or a PIN); in a group,
   * each PIN's block is compressed once and each step costs the step block's rounds and the outer block.
   */
  const scan = (target: number, firstPin: number, endPin: number, steps: readonly number[], found: Int32Array, foundPin: Int32Array): void => {
    const lowSchedules = scheduleOfLowByte();
    const groups = new Map<number, number[]>();
    steps.forEach((step, s) => {
      const high = Math.floor(step / BYTE_VALUES);
      const group = groups.get(high);
      if (group) group.push(s);
      else groups.set(high, [s]);
    });
    const hashes = pinHashes();
    for (const [high, members] of groups) {
      // T's high 7 bytes go into the PIN block; its low byte is in the step block, scheduled already.
      tail.set(uint64be(high * BYTE_VALUES), stepAt);
      // Casts in this loop read arrays at indexes their bounds keep in range: s is an index of `steps` (and of
      // found and foundPin, as long), m < count = members.length, from + i < hashes.length, and lowSchedules
      // has an entry for every byte value.
      const memberSchedules = members.map((s) => lowSchedules[(steps[s] as number) % BYTE_VALUES] as Int32Array);
      const count = members.length;
      for (let p = firstPin; p < endPin; p++) {
        for (let i = 0, from = p * PIN_HASH_BYTES; i < PIN_HASH_BYTES; i++) tail[pinAt + i] = hashes[from + i] as number;
        packBlock(tail, 0, words);
        sha256Compress(innerStart, words, pinState, schedule);
        for (let m = 0; m < count; m++) {
          // Inner digest straight into the outer block's first 8 words, then the outer block.
          sha256Rounds(pinState, memberSchedules[m] as Int32Array, outerWords);
          sha256Compress(outerStart, outerWords, digest, schedule);
          // Constant-time per candidate (R-SEC-3): the codes are compared as integers with no branch on
          // the result, and the first match is kept by masking, so every candidate costs the same.
          const s = members[m] as number;
          const take = int32Equal(truncatedValue(digest), target) & ((found[s] as number) ^ 1);
          const mask = -take;
          foundPin[s] = ((foundPin[s] as number) & ~mask) | (p & mask);
          found[s] = (found[s] as number) | take;
        }
      }
    }
  };

  // codeFor stays on noble: HMAC state after the key pads and the prefix, cloned per call. The tests check the kernel against it.
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
      const found = new Int32Array(steps.length);
      const foundPin = new Int32Array(steps.length);
      scan(Number(code), 0, PIN_SPACE, steps, found, foundPin);
      // The first step (in the order given) with a match, and there the lowest PIN. Casts: 0 <= s < steps.length.
      const s = firstFound(found);
      return s < 0 ? null : { pin: padDigits(foundPin[s] as number, PIN_DIGITS), step: steps[s] as number };
    },
    findStep(pin, code, steps) {
      assertPin(pin);
      for (const step of steps) assertStep(step);
      if (typeof code !== 'string' || !isDigits(code, OFFLINE_CODE_DIGITS)) return null;
      const found = new Int32Array(steps.length);
      const p = Number(pin);
      scan(Number(code), p, p + 1, steps, found, new Int32Array(steps.length));
      const s = firstFound(found);
      return s < 0 ? null : (steps[s] as number); // 0 <= s < steps.length
    },
  };
}

/** The 31-bit dynamic truncation (RFC 4226 §5.3) of a 32-byte HMAC held as 8 words, mod 10^8, without a branch. */
function truncatedValue(digest: Int32Array): number {
  // Offset = low 4 bits of the last digest byte; read 4 bytes there across two words. Casts: digest has 8 words.
  const offset = (digest[7] as number) & 0x0f;
  const shift = (offset & 3) * 8;
  const hi = digest[offset >> 2] as number;
  const lo = digest[(offset >> 2) + 1] as number; // offset >> 2 <= 3, so this is in range
  return (((hi << shift) | ((lo >>> 1) >>> (31 - shift))) & 0x7fffffff) % CODE_MODULUS;
}
