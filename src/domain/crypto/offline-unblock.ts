// The 9-digit offline unblock code (R-UBC-4): made by the offline app, opened by the server. Spec: docs/offline-unblock-code.md.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  DEVICE_KEY_BYTES,
  OFFLINE_STEP_MS,
  PIN_DIGITS,
  UBC_DIGITS,
  UNBLOCK_CODE_AHEAD_MS,
  UNBLOCK_CODE_VALIDITY_MS,
} from '../policy';
import { concatBytes, constantTimeEqual, isDigits, padDigits, uint64be, utf8ToBytes } from './bytes';

/** Length of a time step in seconds: the code changes every 30 s of phone time (R-UBC-4, OFFLINE_STEP_MS). */
export const UNBLOCK_CODE_STEP_S = OFFLINE_STEP_MS / 1000;
/** How long the server accepts a code, counted back from server time (R-UBC-4: valid 120 s). */
export const UNBLOCK_CODE_VALIDITY_S = UNBLOCK_CODE_VALIDITY_MS / 1000;
/** How far a code's step may start ahead of server time, for a slightly fast phone clock. */
export const UNBLOCK_CODE_AHEAD_S = UNBLOCK_CODE_AHEAD_MS / 1000;
/** Most steps one verification may try: (120 + 30) / 30. The false-accept bound rests on it. */
export const UNBLOCK_CODE_MAX_STEPS = (UNBLOCK_CODE_VALIDITY_S + UNBLOCK_CODE_AHEAD_S) / UNBLOCK_CODE_STEP_S;

const ALGORITHM_LABEL = 'code-sandbox/offline-unblock/v1';
const TAG_DIGITS = 5;
/** R-UBC-4 layout: 5 tag digits, then the 4 digits of the masked PIN = UNBLOCK_CODE_DIGITS (the tests check it). */
const CODE_DIGITS = TAG_DIGITS + PIN_DIGITS;
const PIN_MODULUS = 10 ** PIN_DIGITS;
const TAG_MODULUS = 10 ** TAG_DIGITS;
const PAD_LABEL = utf8ToBytes('pad');
const TAG_LABEL = utf8ToBytes('tag');
const ZERO_BYTE = new Uint8Array([0]);

/** A malformed input to the unblock-code functions; `field` names the offending argument. */
export class OfflineUnblockInputError extends Error {
  override readonly name = 'OfflineUnblockInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The result of opening a code: the new PIN and the step it was made for, or no match. */
export type OpenOfflineUnblockResult =
  | { ok: true; newPin: string; step: number }
  | { ok: false; reason: 'no-match' | 'ambiguous' };

/**
 * The app side of R-UBC-4: the 9-digit code for `newPin` at time step `step` (phone time).
 * Layout: 5 tag digits, then the 4 digits of the masked PIN.
 */
export function makeOfflineUnblockCode(input: {
  deviceKey: Uint8Array;
  orgId: string;
  ubc: string;
  newPin: string;
  step: number;
}): string {
  checkDigits('newPin', input.newPin, PIN_DIGITS);
  checkStep('step', input.step);
  const key = unblockKey(input.deviceKey, input.orgId, input.ubc);
  const masked = (Number(input.newPin) + pad(key, input.step)) % PIN_MODULUS;
  return tag(key, input.step, input.newPin) + padDigits(masked, PIN_DIGITS);
}

/**
 * The server side of R-UBC-4: for each candidate step, unmask the PIN (one HMAC) and check the tag
 * (one HMAC, constant-time compare, R-SEC-3). No PIN search. Every step is tried, so the work does
 * not depend on which one matches. Matches at two steps with different PINs give `ambiguous`
 * rather than a guess (a true code has a 1 in 10^5 chance per other step of such a collision).
 * The caller spends the UBC after a success, so a code is accepted at most once (R-SEC-3).
 */
export function openOfflineUnblockCode(input: {
  deviceKey: Uint8Array;
  orgId: string;
  ubc: string;
  code: string;
  steps: readonly number[];
}): OpenOfflineUnblockResult {
  checkDigits('code', input.code, CODE_DIGITS);
  checkSteps(input.steps);
  const key = unblockKey(input.deviceKey, input.orgId, input.ubc);
  const codeTag = input.code.slice(0, TAG_DIGITS);
  const masked = Number(input.code.slice(TAG_DIGITS));
  let match: { newPin: string; step: number } | undefined;
  let ambiguous = false;
  for (const step of input.steps) {
    const newPin = padDigits((masked - pad(key, step) + PIN_MODULUS) % PIN_MODULUS, PIN_DIGITS);
    if (!constantTimeEqual(tag(key, step, newPin), codeTag)) continue;
    if (match === undefined) match = { newPin, step };
    else if (match.newPin !== newPin) ambiguous = true;
  }
  if (ambiguous) return { ok: false, reason: 'ambiguous' };
  return match === undefined ? { ok: false, reason: 'no-match' } : { ok: true, ...match };
}

/** K = HMAC-SHA256(deviceKey, label ‖ 0x00 ‖ utf8(orgId) ‖ 0x00 ‖ ascii(UBC)): one key per device × link. */
function unblockKey(deviceKey: Uint8Array, orgId: string, ubc: string): Uint8Array {
  if (!(deviceKey instanceof Uint8Array) || deviceKey.length !== DEVICE_KEY_BYTES) {
    throw new OfflineUnblockInputError('deviceKey', `"deviceKey" must be ${DEVICE_KEY_BYTES} bytes`);
  }
  // A lone surrogate would be encoded as U+FFFD, so two org ids could give one key.
  if (typeof orgId !== 'string' || orgId.length === 0 || /\p{Cs}/u.test(orgId)) {
    throw new OfflineUnblockInputError('orgId', '"orgId" must be a non-empty, well-formed string');
  }
  checkDigits('ubc', ubc, UBC_DIGITS);
  // The UBC has a fixed length and comes last, so the message is injective in (orgId, ubc).
  const message = concatBytes(utf8ToBytes(ALGORITHM_LABEL), ZERO_BYTE, utf8ToBytes(orgId), ZERO_BYTE, utf8ToBytes(ubc));
  return hmac(sha256, deviceKey, message);
}

/** pad_T = uint32be(HMAC(K, "pad" ‖ uint64be(T))[0..4]) mod 10^4; modulo bias under 2·10^-6 relative (docs). */
function pad(key: Uint8Array, step: number): number {
  return uint32be(hmac(sha256, key, concatBytes(PAD_LABEL, uint64be(step)))) % PIN_MODULUS;
}

/** tag = uint32be(HMAC(K, "tag" ‖ uint64be(T) ‖ ascii(PIN))[0..4]) mod 10^5, as 5 digits. Not RFC 4226 dynamic truncation. */
function tag(key: Uint8Array, step: number, pin: string): string {
  const mac = hmac(sha256, key, concatBytes(TAG_LABEL, uint64be(step), utf8ToBytes(pin)));
  return padDigits(uint32be(mac) % TAG_MODULUS, TAG_DIGITS);
}

function uint32be(bytes: Uint8Array): number {
  // `>>> 0` keeps the value unsigned; the MAC always has at least 4 bytes.
  return (((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)) >>> 0;
}

function checkDigits(field: string, value: string, length: number): void {
  if (typeof value !== 'string' || !isDigits(value, length)) {
    throw new OfflineUnblockInputError(field, `"${field}" must be ${length} digits`);
  }
}

function checkStep(field: string, step: number): void {
  if (!Number.isSafeInteger(step) || step < 0) {
    throw new OfflineUnblockInputError(field, `"${field}" must be a non-negative safe integer`);
  }
}

function checkSteps(steps: readonly number[]): void {
  // The false-accept bound (5 × 10^-5) holds only for at most 5 distinct steps.
  if (steps.length > UNBLOCK_CODE_MAX_STEPS) {
    throw new OfflineUnblockInputError('steps', `"steps" must hold at most ${UNBLOCK_CODE_MAX_STEPS} steps`);
  }
  steps.forEach((step) => checkStep('steps', step));
  if (new Set(steps).size !== steps.length) {
    throw new OfflineUnblockInputError('steps', '"steps" must not repeat a step');
  }
}
