// RFC 6287 Appendix C test vectors for OCRA, and refusal of malformed suites.
import { describe, it, expect } from 'vitest';
import { hexToBytes, utf8ToBytes } from './bytes';
import { encodeOcraQuestion, ocra, OcraSuiteError, parseOcraSuite, type OcraInput } from './ocra';

/** RFC 6287 Appendix C: the standard 20-, 32- and 64-byte seeds are the ASCII digits repeated. */
const KEYS = {
  K20: utf8ToBytes('12345678901234567890'),
  K32: utf8ToBytes('12345678901234567890123456789012'),
  K64: utf8ToBytes('1234567890123456789012345678901234567890123456789012345678901234'),
} as const;
/** RFC 6287 Appendix C: PIN "1234", whose SHA-1 is given there as the P value. */
const PIN = '1234';
const PIN_SHA1_HEX = '7110eda4d09e062aa5e4a390b0a572ac0d2c0220';
/** RFC 6287 Appendix C: T = 0x132d0b6 minutes for the T1M suites. */
const T_1M = 0x132d0b6;

interface OcraVector {
  section: string;
  suite: string;
  key: keyof typeof KEYS;
  input: OcraInput;
  response: string;
}

const q8 = (i: number): string => String(i).repeat(8);

const ONE_WAY_SHA1 = ['237653', '243178', '653583', '740991', '608993', '388898', '816933', '224598', '750600', '294470'];
const ONE_WAY_C_PIN = ['65347737', '86775851', '78192410', '71565254', '10104329', '65983500', '70069104', '91771096', '75011558', '08522129'];
const ONE_WAY_PIN = ['83238735', '01501458', '17957585', '86776967', '86807031'];
const ONE_WAY_SHA512_C = ['07016083', '63947962', '70123924', '25341727', '33203315', '34205738', '44343969', '51946085', '20403879', '31409299'];
const ONE_WAY_T = ['95209754', '55907591', '22048402', '24218844', '36209546'];
const MUTUAL_SHA256_SERVER = ['28247970', '01984843', '65387857', '03351211', '83412541'];
const MUTUAL_SHA256_CLIENT = ['15510767', '90175646', '33777207', '95285278', '28934924'];
const MUTUAL_SHA512_SERVER = ['79496648', '76831980', '12250499', '90856481', '12761449'];
const MUTUAL_SHA512_CLIENT = ['18806276', '70020315', '01600026', '18951020', '32528969'];
const SIGNATURE_SHA256 = ['53095496', '04110475', '31331128', '76028668', '46554205'];
const SIGNATURE_SHA512_T = ['77537423', '31970405', '10235557', '95213541', '65360607'];

const RFC6287_VECTORS: readonly OcraVector[] = [
  ...ONE_WAY_SHA1.map((response, i): OcraVector => ({
    section: 'C.1', suite: 'OCRA-1:HOTP-SHA1-6:QN08', key: 'K20', input: { question: q8(i) }, response,
  })),
  ...ONE_WAY_C_PIN.map((response, i): OcraVector => ({
    section: 'C.1', suite: 'OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1', key: 'K32', input: { counter: i, question: '12345678', pin: PIN }, response,
  })),
  ...ONE_WAY_PIN.map((response, i): OcraVector => ({
    section: 'C.1', suite: 'OCRA-1:HOTP-SHA256-8:QN08-PSHA1', key: 'K32', input: { question: q8(i), pin: PIN }, response,
  })),
  ...ONE_WAY_SHA512_C.map((response, i): OcraVector => ({
    section: 'C.1', suite: 'OCRA-1:HOTP-SHA512-8:C-QN08', key: 'K64', input: { counter: i, question: q8(i) }, response,
  })),
  ...ONE_WAY_T.map((response, i): OcraVector => ({
    section: 'C.1', suite: 'OCRA-1:HOTP-SHA512-8:QN08-T1M', key: 'K64', input: { question: q8(i), timestamp: T_1M }, response,
  })),
  ...MUTUAL_SHA256_SERVER.map((response, i): OcraVector => ({
    section: 'C.2 server', suite: 'OCRA-1:HOTP-SHA256-8:QA08', key: 'K32', input: { question: `CLI2222${i}SRV1111${i}` }, response,
  })),
  ...MUTUAL_SHA256_CLIENT.map((response, i): OcraVector => ({
    section: 'C.2 client', suite: 'OCRA-1:HOTP-SHA256-8:QA08', key: 'K32', input: { question: `SRV1111${i}CLI2222${i}` }, response,
  })),
  ...MUTUAL_SHA512_SERVER.map((response, i): OcraVector => ({
    section: 'C.2 server', suite: 'OCRA-1:HOTP-SHA512-8:QA08', key: 'K64', input: { question: `CLI2222${i}SRV1111${i}` }, response,
  })),
  ...MUTUAL_SHA512_CLIENT.map((response, i): OcraVector => ({
    section: 'C.2 client', suite: 'OCRA-1:HOTP-SHA512-8:QA08-PSHA1', key: 'K64', input: { question: `SRV1111${i}CLI2222${i}`, pin: PIN }, response,
  })),
  ...SIGNATURE_SHA256.map((response, i): OcraVector => ({
    section: 'C.3', suite: 'OCRA-1:HOTP-SHA256-8:QA08', key: 'K32', input: { question: `SIG1${i}000` }, response,
  })),
  ...SIGNATURE_SHA512_T.map((response, i): OcraVector => ({
    section: 'C.3', suite: 'OCRA-1:HOTP-SHA512-8:QA10-T1M', key: 'K64', input: { question: `SIG1${i}00000`, timestamp: T_1M }, response,
  })),
];

const describeInput = (input: OcraInput): string =>
  Object.entries(input)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');

describe('RFC 6287 Appendix C', () => {
  for (const v of RFC6287_VECTORS) {
    it(`${v.section} ${v.suite} ${v.key} ${describeInput(v.input)} -> ${v.response}`, () => {
      expect(ocra(v.suite, KEYS[v.key], v.input)).toBe(v.response);
    });
  }

  it('C.1 the PIN may be given as its SHA-1 hash', () => {
    const pinHash = hexToBytes(PIN_SHA1_HEX);
    expect(ocra('OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1', KEYS.K32, { counter: 9, question: '12345678', pinHash })).toBe('08522129');
    expect(ocra('OCRA-1:HOTP-SHA256-8:QN08-PSHA1', KEYS.K32, { question: '11111111', pinHash })).toBe('01501458');
  });
});

describe('parseOcraSuite', () => {
  it('reads every part of a suite', () => {
    expect(parseOcraSuite('OCRA-1:HOTP-SHA512-8:C-QH16-PSHA256-S128-T14H')).toEqual({
      text: 'OCRA-1:HOTP-SHA512-8:C-QH16-PSHA256-S128-T14H',
      hash: 'SHA512',
      digits: 8,
      counter: true,
      question: { format: 'H', maxLength: 16 },
      pinHash: 'SHA256',
      sessionLength: 128,
      timeStepSeconds: 14 * 3600,
    });
    expect(parseOcraSuite('OCRA-1:HOTP-SHA1-0:QA64-T30S')).toMatchObject({ digits: 0, counter: false, pinHash: null, sessionLength: null, timeStepSeconds: 30 });
  });

  const BAD_SUITES: readonly { suite: string; names: RegExp }[] = [
    { suite: 'this_is_not_a_suite', names: /3 parts/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08:X', names: /3 parts/ },
    { suite: 'OCRA-2:HOTP-SHA1-6:QN08', names: /algorithm "OCRA-2"/ },
    { suite: 'OCRA-1:TOTP-SHA1-6:QN08', names: /crypto function "TOTP-SHA1-6"/ },
    { suite: 'OCRA-1:HOTP-SHA3-6:QN08', names: /crypto function "HOTP-SHA3-6"/ },
    { suite: 'OCRA-1:HOTP-SHA1-3:QN08', names: /truncation t/ },
    { suite: 'OCRA-1:HOTP-SHA1-11:QN08', names: /truncation t/ },
    { suite: 'OCRA-1:HOTP-SHA1-06:QN08', names: /truncation t/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:', names: /empty part/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:C', names: /must contain a challenge/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:C-', names: /empty part/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:X-QN08', names: /part "X"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:CX-QN08', names: /counter part "CX"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QX08', names: /challenge part "QX08"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN03', names: /challenge part "QN03"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN65', names: /challenge part "QN65"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN8', names: /challenge part "QN8"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-PSHA3', names: /PIN part "PSHA3"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-S000', names: /session part "S000"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-S513', names: /session part "S513"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-S64', names: /session part "S64"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-T60S', names: /time-step part "T60S"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-T49H', names: /time-step part "T49H"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-T0H', names: /time-step part "T0H"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-T1X', names: /time-step part "T1X"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-T', names: /time-step part "T"/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-C', names: /part "C" is repeated or out of order/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-T1M-PSHA1', names: /part "PSHA1" is repeated or out of order/ },
    { suite: 'OCRA-1:HOTP-SHA1-6:QN08-QN08', names: /part "QN08" is repeated or out of order/ },
    { suite: 'ocra-1:hotp-sha1-6:qn08', names: /algorithm "ocra-1"/ },
  ];
  for (const { suite, names } of BAD_SUITES) {
    it(`refuses ${suite} naming ${names.source}`, () => {
      expect(() => parseOcraSuite(suite)).toThrow(OcraSuiteError);
      expect(() => parseOcraSuite(suite)).toThrow(names);
    });
  }
});

describe('ocra inputs', () => {
  const suite = 'OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1';
  it('refuses missing and unexpected inputs, naming them', () => {
    expect(() => ocra(suite, KEYS.K32, { question: '1', pin: PIN })).toThrow(/"counter" is required/);
    expect(() => ocra(suite, KEYS.K32, { counter: 0, question: '1' })).toThrow(/"pin" or "pinHash" is required/);
    expect(() => ocra(suite, KEYS.K32, { counter: 0, question: '1', pin: PIN, timestamp: 1 })).toThrow(/"timestamp" was given/);
    expect(() => ocra(suite, KEYS.K32, { counter: 0, question: '1', pin: PIN, session: new Uint8Array(1) })).toThrow(/"session" was given/);
    expect(() => ocra('OCRA-1:HOTP-SHA1-6:QN08', KEYS.K20, { question: '1', counter: 0 })).toThrow(/"counter" was given/);
    expect(() => ocra('OCRA-1:HOTP-SHA1-6:QN08', KEYS.K20, { question: '1', pin: PIN })).toThrow(/"pin" was given/);
    expect(() => ocra(suite, KEYS.K32, { counter: 0, question: '1', pinHash: new Uint8Array(19) })).toThrow(/"pinHash" must be 20 bytes/);
    expect(() => ocra(suite, KEYS.K32, { counter: 0, question: '1', pin: PIN, pinHash: hexToBytes(PIN_SHA1_HEX) })).toThrow(/not both/);
  });
  it('refuses questions that do not match the format', () => {
    expect(() => ocra(suite, KEYS.K32, { counter: 0, question: '12a', pin: PIN })).toThrow(/"question" must be decimal/);
    expect(() => ocra(suite, KEYS.K32, { counter: 0, question: '', pin: PIN })).toThrow(/"question"/);
    expect(() => ocra('OCRA-1:HOTP-SHA1-6:QH08', KEYS.K20, { question: 'xyz' })).toThrow(/"question" must be hex/);
    expect(() => ocra('OCRA-1:HOTP-SHA1-6:QA08', KEYS.K20, { question: 'a b' })).toThrow(/"question" must be alphanumeric/);
    expect(() => ocra('OCRA-1:HOTP-SHA1-6:QA08', KEYS.K20, { question: 'a'.repeat(129) })).toThrow(/128-byte Q field/);
    expect(() => ocra('OCRA-1:HOTP-SHA1-6:QH08', KEYS.K20, { question: 'a'.repeat(257) })).toThrow(/128-byte Q field/);
  });
  it('encodes Q as in the reference code: QN in hex from the left, odd nibble high, zero padded', () => {
    const qn = encodeOcraQuestion(parseOcraSuite('OCRA-1:HOTP-SHA1-6:QN08'), '22222222'); // 0x153158E
    expect(Array.from(qn.subarray(0, 5))).toEqual([0x15, 0x31, 0x58, 0xe0, 0x00]);
    expect(qn.length).toBe(128);
    const qh = encodeOcraQuestion(parseOcraSuite('OCRA-1:HOTP-SHA1-6:QH08'), '00aBc');
    expect(Array.from(qh.subarray(0, 4))).toEqual([0x00, 0xab, 0xc0, 0x00]);
    const qa = encodeOcraQuestion(parseOcraSuite('OCRA-1:HOTP-SHA1-6:QA08'), 'SIG1');
    expect(Array.from(qa.subarray(0, 5))).toEqual([0x53, 0x49, 0x47, 0x31, 0x00]);
  });
  it('left-pads session data to Snnn and refuses longer data', () => {
    const s = 'OCRA-1:HOTP-SHA1-6:QN08-S004';
    expect(ocra(s, KEYS.K20, { question: '1', session: new Uint8Array([7]) })).toBe(
      ocra(s, KEYS.K20, { question: '1', session: new Uint8Array([0, 0, 0, 7]) }),
    );
    expect(() => ocra(s, KEYS.K20, { question: '1', session: new Uint8Array(5) })).toThrow(/"session" must be at most 4 bytes/);
  });
  it('t = 0 returns the full HMAC in hex', () => {
    const full = ocra('OCRA-1:HOTP-SHA256-0:QN08', KEYS.K32, { question: '1' });
    expect(full).toMatch(/^[0-9a-f]{64}$/);
  });
});
