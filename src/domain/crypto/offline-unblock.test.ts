// Tests for the offline unblock code (R-UBC-4): published vectors, round trips, the window, wrong inputs, false accepts.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNBLOCK_CODE_AHEAD_MS, UNBLOCK_CODE_DIGITS, UNBLOCK_CODE_VALIDITY_MS } from '../policy';
import { makeSeededRandom } from '../random';
import { bytesToHex, hexToBytes, padDigits } from './bytes';
import {
  makeOfflineUnblockCode,
  openOfflineUnblockCode,
  OfflineUnblockInputError,
  UNBLOCK_CODE_AHEAD_S,
  UNBLOCK_CODE_MAX_STEPS,
  UNBLOCK_CODE_STEP_S,
  UNBLOCK_CODE_VALIDITY_S,
} from './offline-unblock';
import { OFFLINE_UNBLOCK_VECTORS } from './offline-unblock.vectors';
import { windowSteps } from '../server/windows';

const KEY_A = hexToBytes('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const KEY_B = hexToBytes('35be3529d686f5858386c0247a5f4a858249fd621d487c1dbe822d91bbfb9b31');
const LINK = { deviceKey: KEY_A, orgId: 'org-alpha', ubc: '123456789' } as const;
const STEP = 56_666_666; // 2023-11-14T22:13:00Z
const STEP_MS = STEP * 30_000;

/** The steps the server opens unblock codes over at server time `nowMs` (R-UBC-4), as decide-login's unblockWindow asks. */
function unblockWindow(nowMs: number): number[] {
  return windowSteps(nowMs, UNBLOCK_CODE_VALIDITY_MS, UNBLOCK_CODE_AHEAD_MS);
}

/** Second implementation on node:crypto, the same one that produced the vectors (docs appendix). */
function reference(input: { deviceKey: Uint8Array; orgId: string; ubc: string; newPin: string; step: number }): string {
  const mac = (key: Uint8Array, ...parts: Buffer[]): Buffer =>
    createHmac('sha256', key).update(Buffer.concat(parts)).digest();
  const t = Buffer.alloc(8);
  t.writeBigUInt64BE(BigInt(input.step));
  const k = mac(input.deviceKey, Buffer.from(`code-sandbox/offline-unblock/v1\0${input.orgId}\0${input.ubc}`, 'utf8'));
  const pad = mac(k, Buffer.from('pad'), t).readUInt32BE(0) % 10_000;
  const tag = mac(k, Buffer.from('tag'), t, Buffer.from(input.newPin)).readUInt32BE(0) % 100_000;
  return padDigits(tag, 5) + padDigits((Number(input.newPin) + pad) % 10_000, 4);
}

const hmacHex = (keyHex: string, messageHex: string): string =>
  createHmac('sha256', Buffer.from(keyHex, 'hex')).update(Buffer.from(messageHex, 'hex')).digest('hex');

describe('R-UBC-4 published test vectors', () => {
  it.each(OFFLINE_UNBLOCK_VECTORS)('$id $name: PIN $newPin at step $step gives $code', (v) => {
    const input = { deviceKey: hexToBytes(v.deviceKeyHex), orgId: v.orgId, ubc: v.ubc, step: v.step };
    expect(makeOfflineUnblockCode({ ...input, newPin: v.newPin })).toBe(v.code);
    expect(openOfflineUnblockCode({ ...input, code: v.code, steps: [v.step] })).toEqual({
      ok: true,
      newPin: v.newPin,
      step: v.step,
    });
  });

  it.each(OFFLINE_UNBLOCK_VECTORS)('$id intermediate values are consistent with each other', (v) => {
    expect(Buffer.from(v.kMessageHex, 'hex').toString('utf8')).toBe(`code-sandbox/offline-unblock/v1\0${v.orgId}\0${v.ubc}`);
    expect(hmacHex(v.deviceKeyHex, v.kMessageHex)).toBe(v.kHex);
    const t = bytesToHex(hexToBytes(v.step.toString(16).padStart(16, '0')));
    expect(hmacHex(v.kHex, bytesToHex(Buffer.from('pad')) + t)).toBe(v.padMacHex);
    expect(Number.parseInt(v.padMacHex.slice(0, 8), 16) % 10_000).toBe(v.pad);
    expect(padDigits((Number(v.newPin) + v.pad) % 10_000, 4)).toBe(v.maskedPin);
    expect(hmacHex(v.kHex, bytesToHex(Buffer.from(`tag`)) + t + bytesToHex(Buffer.from(v.newPin)))).toBe(v.tagMacHex);
    expect(padDigits(Number.parseInt(v.tagMacHex.slice(0, 8), 16) % 100_000, 5)).toBe(v.tag);
    expect(v.tag + v.maskedPin).toBe(v.code);
  });

  it('docs/offline-unblock-vectors.json holds the same vectors', () => {
    const json = JSON.parse(readFileSync(new URL('../../../docs/offline-unblock-vectors.json', import.meta.url), 'utf8'));
    expect(json.algorithm).toBe('code-sandbox/offline-unblock/v1');
    expect(json.vectors).toEqual(OFFLINE_UNBLOCK_VECTORS);
  });

  it('cover leading zeros, several orgs, keys and steps', () => {
    const vs = OFFLINE_UNBLOCK_VECTORS;
    expect(vs.length).toBeGreaterThanOrEqual(8);
    expect(vs.some((v) => v.newPin.startsWith('0') && v.newPin !== '0000')).toBe(true);
    expect(vs.some((v) => v.ubc.startsWith('0'))).toBe(true);
    expect(vs.some((v) => v.code.startsWith('0'))).toBe(true);
    expect(vs.some((v) => Number(v.newPin) + v.pad >= 10_000)).toBe(true); // the mask wraps
    expect(new Set(vs.map((v) => v.orgId)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(vs.map((v) => v.deviceKeyHex)).size).toBeGreaterThanOrEqual(3);
    expect(vs.some((v) => v.step >= 2 ** 32)).toBe(true);
  });
});

describe('R-UBC-4 round trip: the server recovers the new PIN', () => {
  it('for every one of the 10,000 PINs at one step', () => {
    for (let p = 0; p < 10_000; p++) {
      const newPin = padDigits(p, 4);
      const code = makeOfflineUnblockCode({ ...LINK, newPin, step: STEP });
      expect(code).toMatch(/^[0-9]{9}$/);
      const opened = openOfflineUnblockCode({ ...LINK, code, steps: [STEP] });
      if (!opened.ok || opened.newPin !== newPin) expect.fail(`PIN ${newPin}: ${JSON.stringify(opened)}`);
    }
  });

  it('property: any key, org, UBC, PIN and step opens at its own step', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
        fc.stringMatching(/^[0-9]{9}$/),
        fc.stringMatching(/^[0-9]{4}$/),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (deviceKey, orgId, ubc, newPin, step) => {
          const code = makeOfflineUnblockCode({ deviceKey, orgId, ubc, newPin, step });
          expect(code).toBe(reference({ deviceKey, orgId, ubc, newPin, step })); // two implementations agree
          expect(openOfflineUnblockCode({ deviceKey, orgId, ubc, code, steps: [step] })).toEqual({ ok: true, newPin, step });
        },
      ),
    );
  });

  it('property: with the full window the server never sets a PIN other than the one typed', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{4}$/),
        fc.integer({ min: 10, max: 100_000_000 }),
        fc.integer({ min: 0, max: 149 }),
        (newPin, step, into) => {
          const code = makeOfflineUnblockCode({ ...LINK, newPin, step });
          const opened = openOfflineUnblockCode({ ...LINK, code, steps: unblockWindow((step * 30 - 30 + into) * 1000) });
          // A true code fails only as `ambiguous` (chance 4 × 10^-5), never with a wrong PIN.
          if (opened.ok) expect(opened.newPin).toBe(newPin);
          else expect(opened.reason).toBe('ambiguous');
        },
      ),
    );
  });
});

describe('R-UBC-4 window: 120 s back, 30 s ahead of server time', () => {
  it('has the documented constants', () => {
    expect([UNBLOCK_CODE_STEP_S, UNBLOCK_CODE_VALIDITY_S, UNBLOCK_CODE_AHEAD_S, UNBLOCK_CODE_MAX_STEPS]).toEqual([30, 120, 30, 5]);
  });

  it('makes codes of the policy length UNBLOCK_CODE_DIGITS (5 tag digits + 4 PIN digits)', () => {
    expect(makeOfflineUnblockCode({ ...LINK, newPin: '1234', step: STEP })).toHaveLength(UNBLOCK_CODE_DIGITS);
  });

  it('steps T with s − 120 < 30·T ≤ s + 30, five of them', () => {
    expect(unblockWindow(STEP_MS)).toEqual([STEP - 3, STEP - 2, STEP - 1, STEP, STEP + 1]);
    expect(unblockWindow(STEP_MS + 29_999)).toEqual([STEP - 3, STEP - 2, STEP - 1, STEP, STEP + 1]);
    expect(unblockWindow(STEP_MS + 30_000)).toEqual([STEP - 2, STEP - 1, STEP, STEP + 1, STEP + 2]);
    for (let ms = STEP_MS; ms < STEP_MS + 300_000; ms += 500) {
      const steps = unblockWindow(ms);
      expect(steps).toHaveLength(UNBLOCK_CODE_MAX_STEPS);
      // `!`: the window has 5 steps, checked on the line above.
      for (const t of [...steps, steps[0]! - 1, steps[4]! + 1]) {
        expect(steps.includes(t)).toBe(ms - 120_000 < t * 30_000 && t * 30_000 <= ms + 30_000);
      }
    }
  });

  it('opens a code at each step of the window and not outside it', () => {
    const newPin = '0007';
    const code = makeOfflineUnblockCode({ ...LINK, newPin, step: STEP });
    const start = STEP_MS; // phone and server clocks agree at the start of the step
    const open = (serverTime: number) => openOfflineUnblockCode({ ...LINK, code, steps: unblockWindow(serverTime) });
    // From a phone 30 s fast (server at start − 30 s) to the last moment of the 120 s (start + 119.999 s).
    for (const serverTime of [start - 30_000, start - 1_000, start, start + 29_000, start + 60_000, start + 90_000, start + 119_999]) {
      expect(open(serverTime), `server time start${serverTime - start} ms`).toEqual({ ok: true, newPin, step: STEP });
    }
    expect(open(start - 30_001)).toEqual({ ok: false, reason: 'no-match' });
    expect(open(start + 120_000)).toEqual({ ok: false, reason: 'no-match' });
    expect(open(start + 600_000)).toEqual({ ok: false, reason: 'no-match' });
  });

  it('every step of a window opens the code made for it', () => {
    const steps = unblockWindow(STEP_MS + 7_000);
    for (const step of steps) {
      const code = makeOfflineUnblockCode({ ...LINK, newPin: '4821', step });
      expect(openOfflineUnblockCode({ ...LINK, code, steps })).toEqual({ ok: true, newPin: '4821', step });
    }
  });

  it('a code that also fits another step of the window with another PIN is refused as ambiguous', () => {
    // Found by searching PINs and steps once with the node:crypto reference: the code for PIN 4999 at
    // STEP has the tag that PIN 2135 would have at STEP − 1.
    const code = makeOfflineUnblockCode({ ...LINK, newPin: '4999', step: STEP });
    expect(code).toBe('271923609');
    expect(openOfflineUnblockCode({ ...LINK, code, steps: [STEP - 1] })).toEqual({ ok: true, newPin: '2135', step: STEP - 1 });
    expect(openOfflineUnblockCode({ ...LINK, code, steps: unblockWindow(STEP_MS) })).toEqual({ ok: false, reason: 'ambiguous' });
    expect(openOfflineUnblockCode({ ...LINK, code, steps: unblockWindow(STEP_MS + 90_000) })).toEqual({ ok: true, newPin: '4999', step: STEP });
  });
});

describe('R-UBC-4 a code only opens for its own device, org and UBC', () => {
  const code = makeOfflineUnblockCode({ ...LINK, newPin: '1234', step: STEP });
  const steps = unblockWindow(STEP_MS);

  it.each([
    ['a wrong UBC', { ubc: '123456788' }],
    ['another org', { orgId: 'org-beta' }],
    ['an org id differing in case', { orgId: 'Org-alpha' }],
    ['another device key', { deviceKey: KEY_B }],
  ])('%s does not open it', (_, change) => {
    expect(openOfflineUnblockCode({ ...LINK, ...change, code, steps })).toEqual({ ok: false, reason: 'no-match' });
  });

  it('the right link opens it', () => {
    expect(openOfflineUnblockCode({ ...LINK, code, steps })).toEqual({ ok: true, newPin: '1234', step: STEP });
  });
});

describe('R-UBC-4 the code changes every 30 s', () => {
  it('differs from one step to the next over 500 steps', () => {
    let previous = makeOfflineUnblockCode({ ...LINK, newPin: '0000', step: STEP });
    for (let step = STEP + 1; step <= STEP + 500; step++) {
      const code = makeOfflineUnblockCode({ ...LINK, newPin: '0000', step });
      expect(code).not.toBe(previous);
      previous = code;
    }
  });
});

describe('R-UBC-4 a random 9-digit code passes with probability at most 1 in 10,000', () => {
  it('counts exactly the codes a 5-step window accepts: at most 50,000 of 10^9', () => {
    // The server accepts c at step T iff c = make(PIN recovered from c at T, T), so the accepted codes
    // are exactly { make(p, T) : p in 0000..9999, T in window }. Count them: P = count / 10^9.
    const steps = unblockWindow(STEP_MS);
    const accepted = new Set<string>();
    for (const step of steps) {
      for (let p = 0; p < 10_000; p++) accepted.add(makeOfflineUnblockCode({ ...LINK, newPin: padDigits(p, 4), step }));
    }
    expect(accepted.size).toBeLessThanOrEqual(steps.length * 10_000);
    expect(accepted.size / 1e9).toBeLessThanOrEqual(5e-5);
    // And the server accepts nothing else: seeded random codes and one-digit neighbours of accepted
    // codes open only if they are in the set; members of the set open (or are ambiguous).
    const random = makeSeededRandom('offline-unblock accepted set');
    const members = [...accepted].filter((_, i) => i % 100 === 0);
    const neighbours = members.map((code, i) => {
      const at = i % 9;
      return code.slice(0, at) + String((Number(code[at]) + 1 + (i % 9)) % 10) + code.slice(at + 1);
    });
    const randoms = Array.from({ length: 2_000 }, () => random.digits(9));
    for (const code of [...members, ...neighbours, ...randoms]) {
      const opened = openOfflineUnblockCode({ ...LINK, code, steps });
      if (opened.ok) expect(accepted.has(code), code).toBe(true);
      if (accepted.has(code)) expect(opened.ok || opened.reason === 'ambiguous', code).toBe(true);
    }
  }, 30_000); // 50,000 HMAC pairs: seconds on a loaded 2-core machine; a runner limit, not a timed check
});

describe('inputs are checked at the boundary, naming the field', () => {
  const make = { ...LINK, newPin: '1234', step: STEP };
  const open = { ...LINK, code: '123456789', steps: [STEP] };
  it.each([
    ['"newPin" must be 4 digits', () => makeOfflineUnblockCode({ ...make, newPin: '123' })],
    ['"newPin" must be 4 digits', () => makeOfflineUnblockCode({ ...make, newPin: '12a4' })],
    ['"newPin" must be 4 digits', () => makeOfflineUnblockCode({ ...make, newPin: '١٢٣٤' })],
    ['"ubc" must be 9 digits', () => makeOfflineUnblockCode({ ...make, ubc: '12345678' })],
    ['"deviceKey" must be 32 bytes', () => makeOfflineUnblockCode({ ...make, deviceKey: new Uint8Array(16) })],
    ['"orgId" must be a non-empty, well-formed string', () => makeOfflineUnblockCode({ ...make, orgId: '' })],
    ['"orgId" must be a non-empty, well-formed string', () => makeOfflineUnblockCode({ ...make, orgId: 'org\uD800' })],
    ['"step" must be a non-negative safe integer', () => makeOfflineUnblockCode({ ...make, step: -1 })],
    ['"step" must be a non-negative safe integer', () => makeOfflineUnblockCode({ ...make, step: 1.5 })],
    ['"code" must be 9 digits', () => openOfflineUnblockCode({ ...open, code: '12345678' })],
    ['"code" must be 9 digits', () => openOfflineUnblockCode({ ...open, code: ' 12345678' })],
    ['"steps" must hold at most 5 steps', () => openOfflineUnblockCode({ ...open, steps: [1, 2, 3, 4, 5, 6] })],
    ['"steps" must not repeat a step', () => openOfflineUnblockCode({ ...open, steps: [1, 1] })],
    ['"steps" must be a non-negative safe integer', () => openOfflineUnblockCode({ ...open, steps: [-1] })],
  ])('%s', (message, call) => {
    expect(call).toThrow(OfflineUnblockInputError);
    expect(call).toThrow(message);
  });

  it('an empty window opens nothing', () => {
    expect(openOfflineUnblockCode({ ...open, steps: [] })).toEqual({ ok: false, reason: 'no-match' });
  });
});
