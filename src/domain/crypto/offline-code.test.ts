// R-OTP-2 offline code: published test vectors, checked against OCRA and an independent node:crypto path; R-VER-7 PIN search.
import { createHash, createHmac } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hexToBytes, utf8ToBytes } from './bytes';
import { APP_ID_DIGITS, OFFLINE_CODE_DIGITS, OFFLINE_STEP_MS } from '../policy';
import { ocra, parseOcraSuite } from './ocra';
import {
  makeOfflineCodeVerifier,
  OFFLINE_CODE_SUITE,
  offlineCode,
  offlineCodeStep,
} from './offline-code';

/**
 * An independent OCRA path for suites of the form QNxx[-PSHA1][-T..] with HMAC-SHA256 and 8 digits,
 * on node:crypto instead of noble, written from RFC 6287 §5.1 / Appendix A directly.
 */
function referenceOcra(suite: string, keyHex: string, question: string, pin?: string, step?: number): string {
  const q = Buffer.alloc(128);
  let hex = BigInt(question).toString(16);
  if (hex.length % 2 === 1) hex += '0'; // the reference code pads Q with '0' nibbles on the right
  Buffer.from(hex, 'hex').copy(q);
  const parts = [Buffer.from(suite, 'ascii'), Buffer.from([0]), q];
  if (pin !== undefined) parts.push(createHash('sha1').update(pin, 'ascii').digest());
  if (step !== undefined) {
    const t = Buffer.alloc(8);
    t.writeBigUInt64BE(BigInt(step));
    parts.push(t);
  }
  const mac = createHmac('sha256', Buffer.from(keyHex, 'hex')).update(Buffer.concat(parts)).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1e8).padStart(8, '0');
}

/** Published vectors for other implementations of the offline code (suite OCRA-1:HOTP-SHA256-8:QN10-PSHA1-T30S). */
interface OfflineCodeVector {
  keyHex: string;
  appId: string;
  pin: string;
  step: number;
  code: string;
}

const KEY_A = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const KEY_B = '3132333435363738393031323334353637383930313233343536373839303132'; // "1234...9012"
/** 2025-01-01T00:00:00Z = 1735689600 s = step 57856320. */
const STEP_2025 = 57_856_320;

const OFFLINE_CODE_VECTORS: readonly OfflineCodeVector[] = [
  { keyHex: KEY_A, appId: '1234567890', pin: '1234', step: STEP_2025, code: '18165998' },
  { keyHex: KEY_A, appId: '1234567890', pin: '1234', step: STEP_2025 + 1, code: '37495358' },
  { keyHex: KEY_A, appId: '1234567890', pin: '0000', step: STEP_2025, code: '52836106' },
  { keyHex: KEY_A, appId: '0000000001', pin: '1234', step: STEP_2025, code: '47510135' },
  { keyHex: KEY_B, appId: '0000000001', pin: '9999', step: 0, code: '59443711' },
  { keyHex: KEY_B, appId: '9876543210', pin: '0420', step: 2 ** 33 + 5, code: '05919223' },
];

describe('the independent reference path', () => {
  it('reproduces RFC 6287 C.1 OCRA-1:HOTP-SHA256-8:QN08-PSHA1, Q 11111111, PIN 1234 -> 01501458', () => {
    expect(referenceOcra('OCRA-1:HOTP-SHA256-8:QN08-PSHA1', KEY_B, '11111111', '1234')).toBe('01501458');
  });
});

describe(`R-OTP-2 offline code vectors (${OFFLINE_CODE_SUITE})`, () => {
  for (const v of OFFLINE_CODE_VECTORS) {
    it(`key ${v.keyHex.slice(0, 8)}… App-ID ${v.appId} PIN ${v.pin} step ${v.step} -> ${v.code}`, () => {
      const key = hexToBytes(v.keyHex);
      expect(referenceOcra(OFFLINE_CODE_SUITE, v.keyHex, v.appId, v.pin, v.step)).toBe(v.code);
      expect(ocra(OFFLINE_CODE_SUITE, key, { question: v.appId, pin: v.pin, timestamp: v.step })).toBe(v.code);
      expect(offlineCode(key, v.appId, v.pin, v.step)).toBe(v.code);
      expect(makeOfflineCodeVerifier(key, v.appId).codeFor(v.pin, v.step)).toBe(v.code);
    });
  }
});

describe('R-OTP-2 offline code', () => {
  const key = hexToBytes(KEY_A);
  const appId = '1234567890';

  it('has a suite that agrees with the policy numbers (digits, App-ID length, step)', () => {
    const suite = parseOcraSuite(OFFLINE_CODE_SUITE);
    expect(suite.digits).toBe(OFFLINE_CODE_DIGITS);
    expect(suite.question.maxLength).toBe(APP_ID_DIGITS);
    expect(suite.timeStepSeconds).toBe(OFFLINE_STEP_MS / 1000);
  });

  it('is 8 digits and changes with the 30-s step', () => {
    const codes = new Set<string>();
    for (let step = STEP_2025; step < STEP_2025 + 50; step++) {
      const code = offlineCode(key, appId, '1234', step);
      expect(code).toMatch(/^[0-9]{8}$/);
      codes.add(code);
    }
    expect(codes.size).toBe(50);
    expect(offlineCodeStep(1_735_689_600)).toBe(STEP_2025);
    expect(offlineCodeStep(1_735_689_629.9)).toBe(STEP_2025);
    expect(offlineCodeStep(1_735_689_630)).toBe(STEP_2025 + 1);
  });

  it('differs for another PIN, device key or App-ID', () => {
    const code = offlineCode(key, appId, '1234', STEP_2025);
    expect(offlineCode(key, appId, '1235', STEP_2025)).not.toBe(code);
    expect(offlineCode(hexToBytes(KEY_B), appId, '1234', STEP_2025)).not.toBe(code);
    expect(offlineCode(key, '1234567891', '1234', STEP_2025)).not.toBe(code);
  });

  it('codeFor agrees with offlineCode over many PINs and steps', () => {
    const verifier = makeOfflineCodeVerifier(key, appId);
    for (let i = 0; i < 200; i++) {
      const pin = String((i * 7919) % 10_000).padStart(4, '0');
      const step = STEP_2025 + (i % 9);
      expect(verifier.codeFor(pin, step)).toBe(offlineCode(key, appId, pin, step));
    }
  });

  it('refuses bad inputs, naming them', () => {
    expect(() => offlineCode(new Uint8Array(31), appId, '1234', 1)).toThrow(/"deviceKey"/);
    expect(() => offlineCode(key, '123456789', '1234', 1)).toThrow(/"appId"/);
    expect(() => offlineCode(key, appId, '12345', 1)).toThrow(/"pin"/);
    expect(() => offlineCode(key, appId, '12a4', 1)).toThrow(/"pin"/);
    expect(() => offlineCode(key, appId, '1234', -1)).toThrow(/"step"/);
    expect(() => makeOfflineCodeVerifier(key, 'abcdefghij')).toThrow(/"appId"/);
    expect(() => makeOfflineCodeVerifier(key, appId).codeFor('123', 1)).toThrow(/"pin"/);
  });
});

describe('R-VER-7 findPin: right device, which PIN and step', () => {
  const key = hexToBytes(KEY_A);
  const appId = '1234567890';
  const window = [STEP_2025 - 4, STEP_2025 - 3, STEP_2025 - 2, STEP_2025 - 1, STEP_2025, STEP_2025 + 1];

  it('finds the PIN and step of a code', () => {
    const verifier = makeOfflineCodeVerifier(key, appId);
    const code = offlineCode(key, appId, '4821', STEP_2025 - 2);
    expect(verifier.findPin(code, window)).toEqual({ pin: '4821', step: STEP_2025 - 2 });
  });

  it('finds PINs at both ends of the space', () => {
    const verifier = makeOfflineCodeVerifier(key, appId);
    expect(verifier.findPin(offlineCode(key, appId, '0000', STEP_2025), [STEP_2025])).toEqual({ pin: '0000', step: STEP_2025 });
    expect(verifier.findPin(offlineCode(key, appId, '9999', STEP_2025), [STEP_2025])).toEqual({ pin: '9999', step: STEP_2025 });
  });

  it('returns null for a code from another device key or App-ID, or outside the steps', () => {
    const verifier = makeOfflineCodeVerifier(key, appId);
    // KEY_B and App-ID ...891 at 4821/STEP_2025: checked not to collide with any PIN of KEY_A in the window.
    expect(verifier.findPin(offlineCode(hexToBytes(KEY_B), appId, '4821', STEP_2025), window)).toBeNull();
    expect(verifier.findPin(offlineCode(key, '1234567891', '4821', STEP_2025), window)).toBeNull();
    expect(verifier.findPin(offlineCode(key, appId, '4821', STEP_2025 + 10), window)).toBeNull();
  });

  it('the search kernel agrees with codeFor (noble) for random devices, PINs and steps', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.stringMatching(/^[0-9]{10}$/),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (deviceKey, id, n, step) => {
          const verifier = makeOfflineCodeVerifier(deviceKey, id);
          const pin = String(n).padStart(4, '0');
          const code = verifier.codeFor(pin, step);
          const match = verifier.findPin(code, [step]);
          // Another PIN may give the same code (about 1 in 10,000 per search); then it comes first and must agree.
          expect(match).not.toBeNull();
          expect(match?.step).toBe(step);
          expect(verifier.codeFor(match?.pin ?? '', step)).toBe(code);
          expect(Number(match?.pin)).toBeLessThanOrEqual(n);
        },
      ),
      { seed: 4226, numRuns: 12 },
    );
  });

  it('finds the last PIN at a later step of the window, and again on a second call (buffers are reused)', () => {
    // The correctness part of the former timed test; speed is measured in crypto.bench.ts.
    const verifier = makeOfflineCodeVerifier(key, appId);
    const code = offlineCode(key, appId, '9999', STEP_2025 + 1);
    expect(verifier.findPin(code, window)).toEqual({ pin: '9999', step: STEP_2025 + 1 });
    expect(verifier.findPin(code, window)).toEqual({ pin: '9999', step: STEP_2025 + 1 });
  });

  it('returns null at once for input that is not 8 digits, and for no steps', () => {
    const verifier = makeOfflineCodeVerifier(key, appId);
    expect(verifier.findPin('1234567', window)).toBeNull();
    expect(verifier.findPin('12345678a', window)).toBeNull();
    expect(verifier.findPin('', window)).toBeNull();
    expect(verifier.findPin(offlineCode(key, appId, '4821', STEP_2025), [])).toBeNull();
  });
});

describe('R-VER-7 findPin and findStep: the first match, at step 0 and across a 256-step boundary', () => {
  // The PIN block holds the high 7 bytes of T and the step block its low byte, so these are the edges to check.
  const key = hexToBytes(KEY_A);
  const appId = '1234567890';
  const verifier = makeOfflineCodeVerifier(key, appId);

  it('two PINs with one code at step 0: findPin keeps the lower PIN, findStep finds either', () => {
    // Found once with the node:crypto reference: PINs 7054 and 7302 both give 95611600 at step 0.
    const code = offlineCode(key, appId, '7302', 0);
    expect(code).toBe('95611600');
    expect(referenceOcra(OFFLINE_CODE_SUITE, KEY_A, appId, '7054', 0)).toBe(code);
    expect(verifier.findPin(code, [0])).toEqual({ pin: '7054', step: 0 });
    expect(verifier.findPin(code, [2, 1, 0])).toEqual({ pin: '7054', step: 0 });
    expect(verifier.findStep('7302', code, [0])).toBe(0);
    expect(verifier.findStep('7054', code, [1, 0])).toBe(0);
    expect(verifier.findStep('7053', code, [0, 1, 2])).toBeNull();
  });

  it('one code at steps 255 and 256 with different PINs: the first step in the order given wins', () => {
    // Found once with the node:crypto reference: PIN 6840 at step 255 and PIN 5737 at step 256 give 70895366.
    const code = offlineCode(key, appId, '6840', 255);
    expect(code).toBe('70895366');
    expect(referenceOcra(OFFLINE_CODE_SUITE, KEY_A, appId, '5737', 256)).toBe(code);
    expect(verifier.findPin(code, [254, 255, 256, 257])).toEqual({ pin: '6840', step: 255 });
    expect(verifier.findPin(code, [257, 256, 255, 254])).toEqual({ pin: '5737', step: 256 });
    expect(verifier.findPin(code, [256, 255])).toEqual({ pin: '5737', step: 256 });
    expect(verifier.findStep('6840', code, [256, 255])).toBe(255);
    expect(verifier.findStep('5737', code, [255, 256])).toBe(256);
  });

  it('findPin finds codes on both sides of boundaries where 1, 4 and 7 high bytes change, and at step 0', () => {
    const windows = [
      [0, 1, 2],
      [253, 254, 255, 256, 257, 258],
      [2 ** 32 - 2, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1],
      [Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER],
    ];
    windows.forEach((steps, w) => {
      for (const [at, pin] of [[0, '0000'], [steps.length - 1, '9999'], [Math.floor(steps.length / 2), padPin(1789 + w)]] as const) {
        const step = steps[at] ?? -1; // at < steps.length
        const code = offlineCode(key, appId, pin, step);
        const match = verifier.findPin(code, steps);
        // Another PIN or an earlier step may give the same code (about 1 in 10,000 per step); it must then agree.
        expect(match).not.toBeNull();
        expect(verifier.codeFor(match?.pin ?? '', match?.step ?? -1)).toBe(code);
        expect(steps.indexOf(match?.step ?? -1)).toBeLessThanOrEqual(at);
      }
    });
  });

  it('findStep is the first step in the order given where codeFor gives the code (random devices, PINs and windows)', () => {
    const bases = [0, 240, 65_530, 2 ** 32 - 6, STEP_2025 - 12, Number.MAX_SAFE_INTEGER - 12];
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.stringMatching(/^[0-9]{10}$/),
        fc.integer({ min: 0, max: 9999 }),
        fc.oneof(fc.constantFrom(...bases), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER - 12 })),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        fc.boolean(),
        fc.stringMatching(/^[0-9]{8}$/),
        (deviceKey, id, n, base, length, pick, reversed, randomCode) => {
          const verifier = makeOfflineCodeVerifier(deviceKey, id);
          const pin = padPin(n);
          const window = Array.from({ length }, (_, i) => base + i);
          const steps = reversed ? window.reverse() : window;
          const made = verifier.codeFor(pin, steps[pick % length] ?? -1); // pick % length < length
          for (const code of [made, randomCode]) {
            const expected = steps.find((step) => verifier.codeFor(pin, step) === code) ?? null;
            expect(verifier.findStep(pin, code, steps)).toBe(expected);
          }
        },
      ),
      { seed: 6287, numRuns: 300 },
    );
  });

  it('findStep searches ±24 h of steps (nearest first, as the drift search orders them) like codeFor does', () => {
    const centre = STEP_2025;
    const steps = [centre];
    for (let distance = 1; distance <= 2_880; distance++) steps.push(centre - distance, centre + distance);
    const pin = '4821';
    // The codes of every step, once, on noble: the first step whose code it is, as rightPinStep used to find it.
    const codes = steps.map((step) => verifier.codeFor(pin, step));
    const firstWith = (code: string): number | null => steps[codes.indexOf(code)] ?? null;
    for (const step of [centre - 2_880, centre - 1_000, centre + 7, centre + 2_880, centre + 2_881]) {
      const code = verifier.codeFor(pin, step);
      expect(verifier.findStep(pin, code, steps)).toBe(firstWith(code));
    }
    expect(verifier.findStep(pin, '00000000', steps)).toBe(firstWith('00000000'));
  });

  it('findStep refuses a bad PIN or step and returns null for input that is not 8 digits or no steps', () => {
    const code = verifier.codeFor('4821', STEP_2025);
    expect(() => verifier.findStep('482', code, [STEP_2025])).toThrow(/"pin"/);
    expect(() => verifier.findStep('4821', code, [-1])).toThrow(/"step"/);
    expect(() => verifier.findStep('4821', code, [1.5])).toThrow(/"step"/);
    expect(verifier.findStep('4821', code.slice(1), [STEP_2025])).toBeNull();
    expect(verifier.findStep('4821', `${code}0`, [STEP_2025])).toBeNull();
    expect(verifier.findStep('4821', code, [])).toBeNull();
    expect(verifier.findStep('4821', code, [STEP_2025, STEP_2025])).toBe(STEP_2025);
  });
});

function padPin(n: number): string {
  return String(n).padStart(4, '0');
}

describe('utf8 PIN encoding', () => {
  it('P is SHA-1 of the ASCII digits (RFC 6287 C.1 PIN 1234)', () => {
    expect(createHash('sha1').update(utf8ToBytes('1234')).digest('hex')).toBe('7110eda4d09e062aa5e4a390b0a572ac0d2c0220');
  });
});
