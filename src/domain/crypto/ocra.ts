// RFC 6287 OCRA: parse an OCRA suite and compute challenge-response and signature codes.
import { hmac } from '@noble/hashes/hmac.js';
import { bytesToHex, concatBytes, uint64be, utf8ToBytes } from './bytes';
import { assertCounter, assertOtpKey, otpHashFunction, truncateToDigits, type OtpHash } from './hotp';

/** RFC 6287 §6.3 challenge formats: alphanumeric, numeric, hexadecimal. */
export type OcraQuestionFormat = 'A' | 'N' | 'H';

/** A parsed OCRA suite (RFC 6287 §6): `Algorithm:CryptoFunction:DataInput`. */
export interface OcraSuite {
  /** The suite text exactly as given; it is the first field of DataInput (RFC 6287 §5.1). */
  readonly text: string;
  readonly hash: OtpHash;
  /** Response digits; 0 means no truncation: the response is the full HMAC in hex (RFC 6287 §5.2). */
  readonly digits: number;
  readonly counter: boolean;
  readonly question: { readonly format: OcraQuestionFormat; readonly maxLength: number };
  readonly pinHash: OtpHash | null;
  readonly sessionLength: number | null;
  readonly timeStepSeconds: number | null;
}

/** Inputs to one OCRA computation; exactly those the suite names must be present. */
export interface OcraInput {
  counter?: number | bigint;
  question: string;
  /** The PIN or password; hashed with the suite's P hash over its UTF-8 bytes. */
  pin?: string;
  /** The already hashed PIN, instead of `pin`. */
  pinHash?: Uint8Array;
  session?: Uint8Array;
  /** The number of time steps since the epoch (T), already divided by the suite's step size. */
  timestamp?: number | bigint;
}

/** A malformed OCRA suite string. The message names the part that is wrong. */
export class OcraSuiteError extends Error {
  override name = 'OcraSuiteError';
}

/** RFC 6287 §6.1: this document defines version 1. */
const OCRA_ALGORITHM = 'OCRA-1';
/** RFC 6287 §6.2: t = 0 (no truncation) or 4 to 10 digits. */
const OCRA_MIN_DIGITS = 4;
const OCRA_MAX_DIGITS = 10;
/** RFC 6287 §6.3: challenge length xx from 04 to 64. */
const QUESTION_MIN_LENGTH = 4;
const QUESTION_MAX_LENGTH = 64;
/** RFC 6287 §5.1: Q is a 128-byte field. */
const QUESTION_FIELD_BYTES = 128;
/** RFC 6287 §5.1: S is up to 512 bytes. */
const SESSION_MAX_BYTES = 512;
/** RFC 6287 §6.3 time-step sizes: [1-59]S, [1-59]M, [0-48]H; a 0-hour step cannot count time, so 1-48H here. */
const TIME_STEP_UNITS: Readonly<Record<string, { seconds: number; max: number }>> = {
  S: { seconds: 1, max: 59 },
  M: { seconds: 60, max: 59 },
  H: { seconds: 3600, max: 48 },
};
const HASH_NAMES: Readonly<Record<string, OtpHash>> = { SHA1: 'SHA1', SHA256: 'SHA256', SHA512: 'SHA512' };
/** RFC 6287 §6.3 order of the DataInput parts: C-QFxx-PH-Snnn-TG. */
const PART_ORDER = ['C', 'Q', 'P', 'S', 'T'] as const;

/**
 * Parses an OCRA suite (RFC 6287 §6), refusing anything malformed with an OcraSuiteError naming the part.
 * The parts are case-sensitive: the suite text itself is hashed into every response.
 */
export function parseOcraSuite(text: string): OcraSuite {
  const fail = (why: string): never => {
    throw new OcraSuiteError(`OCRA suite "${String(text)}": ${why}`);
  };
  if (typeof text !== 'string') fail('must be a string');
  const parts = text.split(':');
  if (parts.length !== 3) fail(`must be Algorithm:CryptoFunction:DataInput (3 parts), got ${parts.length} part(s)`);
  const [algorithm, cryptoFunction, dataInput] = parts as [string, string, string];
  if (algorithm !== OCRA_ALGORITHM) fail(`algorithm "${algorithm}" must be "${OCRA_ALGORITHM}" (RFC 6287 §6.1)`);

  // RFC 6287 §6.2 CryptoFunction: HOTP-SHAx-t
  const cf = /^HOTP-(SHA1|SHA256|SHA512)-(\d{1,2})$/.exec(cryptoFunction);
  if (cf === null) fail(`crypto function "${cryptoFunction}" must be HOTP-SHA1-t, HOTP-SHA256-t or HOTP-SHA512-t (RFC 6287 §6.2)`);
  const [, hashName, digitsText] = cf as unknown as [string, string, string]; // the regex matched: both groups are present
  const digits = Number(digitsText);
  if (String(digits) !== digitsText || (digits !== 0 && (digits < OCRA_MIN_DIGITS || digits > OCRA_MAX_DIGITS))) {
    fail(`crypto function "${cryptoFunction}": truncation t must be 0 or ${OCRA_MIN_DIGITS} to ${OCRA_MAX_DIGITS} (RFC 6287 §6.2)`);
  }

  // RFC 6287 §6.3 DataInput: [C] | QFxx | [PH | Snnn | TG], joined by '-'
  let counter = false;
  let question: OcraSuite['question'] | null = null;
  let pinHash: OtpHash | null = null;
  let sessionLength: number | null = null;
  let timeStepSeconds: number | null = null;
  let lastRank = -1;
  for (const part of dataInput.split('-')) {
    const rank = PART_ORDER.indexOf(part.charAt(0) as (typeof PART_ORDER)[number]);
    if (part === '') fail(`data input "${dataInput}" has an empty part (RFC 6287 §6.3)`);
    if (rank < 0) fail(`data input part "${part}" must be one of C, QFxx, PH, Snnn, TG (RFC 6287 §6.3)`);
    if (rank <= lastRank) fail(`data input part "${part}" is repeated or out of order: the order is C-QFxx-PH-Snnn-TG (RFC 6287 §6.3)`);
    lastRank = rank;
    if (part === 'C') {
      counter = true;
    } else if (rank === 0) {
      fail(`counter part "${part}" must be just "C" (RFC 6287 §6.3)`);
    } else if (rank === 1) {
      const q = /^Q([ANH])(\d{2})$/.exec(part);
      const length = q === null ? NaN : Number(q[2]);
      if (q === null || !(length >= QUESTION_MIN_LENGTH && length <= QUESTION_MAX_LENGTH)) {
        fail(`challenge part "${part}" must be QFxx with F in A, N, H and xx from 04 to 64 (RFC 6287 §6.3)`);
      }
      question = { format: (q as RegExpExecArray)[1] as OcraQuestionFormat, maxLength: length }; // q matched [ANH] above (fail() never returns)
    } else if (rank === 2) {
      const name = HASH_NAMES[part.slice(1)];
      if (name === undefined) fail(`PIN part "${part}" must be PSHA1, PSHA256 or PSHA512 (RFC 6287 §6.3)`);
      pinHash = name as OtpHash; // defined: fail() above never returns
    } else if (rank === 3) {
      const length = /^S\d{3}$/.test(part) ? Number(part.slice(1)) : NaN;
      if (!(length >= 1 && length <= SESSION_MAX_BYTES)) fail(`session part "${part}" must be Snnn with nnn from 001 to 512 (RFC 6287 §6.3)`);
      sessionLength = length;
    } else {
      const t = /^T(\d{1,2})([SMH])$/.exec(part);
      const unit = t === null ? undefined : TIME_STEP_UNITS[t[2] as string];
      const size = t === null ? NaN : Number(t[1]);
      if (unit === undefined || !(size >= 1 && size <= unit.max)) {
        fail(`time-step part "${part}" must be T followed by 1-59S, 1-59M or 1-48H (RFC 6287 §6.3)`);
      }
      timeStepSeconds = size * (unit as { seconds: number }).seconds;
    }
  }
  if (question === null) fail(`data input "${dataInput}" must contain a challenge QFxx (RFC 6287 §6.3)`);
  return {
    text,
    hash: hashName as OtpHash,
    digits,
    counter,
    question: question as OcraSuite['question'],
    pinHash,
    sessionLength,
    timeStepSeconds,
  };
}

/** Writes a hex string into `field` from the left, a trailing odd nibble as the high half of a byte. */
function writeHexLeftAligned(field: Uint8Array, hex: string): void {
  if (hex.length > field.length * 2) throw new RangeError(`"question" does not fit the ${field.length}-byte Q field (RFC 6287 §5.1)`);
  for (let i = 0; i < hex.length; i++) {
    const nibble = parseInt(hex.charAt(i), 16);
    field[i >> 1] = (field[i >> 1] as number) | (i % 2 === 0 ? nibble << 4 : nibble);
  }
}

/**
 * The 128-byte Q field of RFC 6287 §5.1: the challenge padded with zeros on the right.
 * QN: the decimal number written in hex, QH: the hex digits, QA: the ASCII bytes (reference code, RFC 6287
 * Appendix A/B). The suite's xx is an "up to" length for one challenge; mutual mode concatenates two
 * (§7.2, Appendix C.2 uses QA08 with 16 characters), so only the 128-byte field size is enforced.
 */
export function encodeOcraQuestion(suite: OcraSuite, question: string): Uint8Array {
  if (typeof question !== 'string' || question.length === 0) throw new TypeError('"question" must be a non-empty string');
  const field = new Uint8Array(QUESTION_FIELD_BYTES);
  const format = suite.question.format;
  if (format === 'N') {
    if (!/^[0-9]+$/.test(question)) throw new RangeError(`"question" must be decimal digits for QN, got "${question}"`);
    writeHexLeftAligned(field, BigInt(question).toString(16));
  } else if (format === 'H') {
    if (!/^[0-9A-Fa-f]+$/.test(question)) throw new RangeError(`"question" must be hex digits for QH, got "${question}"`);
    writeHexLeftAligned(field, question);
  } else {
    if (!/^[0-9A-Za-z]+$/.test(question)) throw new RangeError(`"question" must be alphanumeric for QA, got "${question}"`);
    if (question.length > QUESTION_FIELD_BYTES) throw new RangeError(`"question" does not fit the ${QUESTION_FIELD_BYTES}-byte Q field (RFC 6287 §5.1)`);
    for (let i = 0; i < question.length; i++) field[i] = question.charCodeAt(i);
  }
  return field;
}

/** The P field (RFC 6287 §5.1): the hash of the PIN, or the given hash checked for length. */
function pinField(suite: OcraSuite, hash: OtpHash, input: OcraInput): Uint8Array {
  const fn = otpHashFunction(hash);
  if (input.pin !== undefined && input.pinHash !== undefined) throw new TypeError('give "pin" or "pinHash", not both');
  if (input.pin !== undefined) {
    if (typeof input.pin !== 'string' || input.pin.length === 0) throw new TypeError('"pin" must be a non-empty string');
    return fn(utf8ToBytes(input.pin));
  }
  if (input.pinHash === undefined) throw new TypeError(`"pin" or "pinHash" is required by suite ${suite.text} (P${hash})`);
  if (input.pinHash.length !== fn.outputLen) throw new RangeError(`"pinHash" must be ${fn.outputLen} bytes for P${hash}, got ${input.pinHash.length}`);
  return input.pinHash;
}

/** The S field (RFC 6287 §5.1): nnn bytes; shorter session data is left-padded with zeros as the reference code does. */
function sessionField(suite: OcraSuite, length: number, session: Uint8Array | undefined): Uint8Array {
  if (!(session instanceof Uint8Array)) throw new TypeError(`"session" (Uint8Array) is required by suite ${suite.text} (S)`);
  if (session.length > length) throw new RangeError(`"session" must be at most ${length} bytes, got ${session.length}`);
  const field = new Uint8Array(length);
  field.set(session, length - session.length);
  return field;
}

function refuseUnused(suite: OcraSuite, value: unknown, name: string, part: string): void {
  if (value !== undefined) throw new TypeError(`"${name}" was given but suite ${suite.text} has no ${part}`);
}

/** RFC 6287 §5.1 DataInput = OCRASuite | 00 | C | Q | P | S | T, with only the parts the suite names. */
export function ocraDataInput(suite: OcraSuite, input: OcraInput): Uint8Array {
  const parts: Uint8Array[] = [utf8ToBytes(suite.text), new Uint8Array(1)];
  if (suite.counter) {
    if (input.counter === undefined) throw new TypeError(`"counter" is required by suite ${suite.text} (C)`);
    assertCounter(input.counter);
    parts.push(uint64be(input.counter));
  } else refuseUnused(suite, input.counter, 'counter', 'C');
  parts.push(encodeOcraQuestion(suite, input.question));
  if (suite.pinHash !== null) parts.push(pinField(suite, suite.pinHash, input));
  else {
    refuseUnused(suite, input.pin, 'pin', 'P');
    refuseUnused(suite, input.pinHash, 'pinHash', 'P');
  }
  if (suite.sessionLength !== null) parts.push(sessionField(suite, suite.sessionLength, input.session));
  else refuseUnused(suite, input.session, 'session', 'S');
  if (suite.timeStepSeconds !== null) {
    if (input.timestamp === undefined) throw new TypeError(`"timestamp" is required by suite ${suite.text} (T)`);
    assertCounter(input.timestamp, 'timestamp');
    parts.push(uint64be(input.timestamp));
  } else refuseUnused(suite, input.timestamp, 'timestamp', 'T');
  return concatBytes(...parts);
}

/**
 * RFC 6287 §5.2 OCRA = CryptoFunction(K, DataInput): HMAC over DataInput, dynamically truncated to the
 * suite's digits (RFC 4226 §5.3), or the full HMAC in lowercase hex when t = 0.
 */
export function ocra(suite: string, key: Uint8Array, input: OcraInput): string {
  const parsed = parseOcraSuite(suite);
  assertOtpKey(key);
  const mac = hmac(otpHashFunction(parsed.hash), key, ocraDataInput(parsed, input));
  return parsed.digits === 0 ? bytesToHex(mac) : truncateToDigits(mac, parsed.digits);
}
