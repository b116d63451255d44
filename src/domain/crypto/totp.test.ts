// RFC 6238 Appendix B test vectors for TOTP (seeds per RFC 6238 errata 2866), and time-step counting.
import { describe, it, expect } from 'vitest';
import { utf8ToBytes } from './bytes';
import type { OtpHash } from './hotp';
import { timeStep, totp } from './totp';

/**
 * RFC 6238 Appendix B, 8 digits, X = 30, T0 = 0. Errata 2866: each mode has its own seed, the ASCII
 * digits repeated to the hash length (20, 32, 64 bytes).
 */
const SEEDS: Readonly<Record<OtpHash, Uint8Array>> = {
  SHA1: utf8ToBytes('12345678901234567890'),
  SHA256: utf8ToBytes('12345678901234567890123456789012'),
  SHA512: utf8ToBytes('1234567890123456789012345678901234567890123456789012345678901234'),
};

interface TotpVector {
  time: number;
  stepHex: string;
  hash: OtpHash;
  code: string;
}

const RFC6238_VECTORS: readonly TotpVector[] = [
  { time: 59, stepHex: '0000000000000001', hash: 'SHA1', code: '94287082' },
  { time: 59, stepHex: '0000000000000001', hash: 'SHA256', code: '46119246' },
  { time: 59, stepHex: '0000000000000001', hash: 'SHA512', code: '90693936' },
  { time: 1111111109, stepHex: '00000000023523EC', hash: 'SHA1', code: '07081804' },
  { time: 1111111109, stepHex: '00000000023523EC', hash: 'SHA256', code: '68084774' },
  { time: 1111111109, stepHex: '00000000023523EC', hash: 'SHA512', code: '25091201' },
  { time: 1111111111, stepHex: '00000000023523ED', hash: 'SHA1', code: '14050471' },
  { time: 1111111111, stepHex: '00000000023523ED', hash: 'SHA256', code: '67062674' },
  { time: 1111111111, stepHex: '00000000023523ED', hash: 'SHA512', code: '99943326' },
  { time: 1234567890, stepHex: '000000000273EF07', hash: 'SHA1', code: '89005924' },
  { time: 1234567890, stepHex: '000000000273EF07', hash: 'SHA256', code: '91819424' },
  { time: 1234567890, stepHex: '000000000273EF07', hash: 'SHA512', code: '93441116' },
  { time: 2000000000, stepHex: '0000000003F940AA', hash: 'SHA1', code: '69279037' },
  { time: 2000000000, stepHex: '0000000003F940AA', hash: 'SHA256', code: '90698825' },
  { time: 2000000000, stepHex: '0000000003F940AA', hash: 'SHA512', code: '38618901' },
  { time: 20000000000, stepHex: '0000000027BC86AA', hash: 'SHA1', code: '65353130' },
  { time: 20000000000, stepHex: '0000000027BC86AA', hash: 'SHA256', code: '77737706' },
  { time: 20000000000, stepHex: '0000000027BC86AA', hash: 'SHA512', code: '47863826' },
];

describe('RFC 6238 Appendix B', () => {
  for (const v of RFC6238_VECTORS) {
    it(`time ${v.time} (T = ${v.stepHex}) ${v.hash} -> ${v.code}`, () => {
      expect(timeStep(v.time)).toBe(parseInt(v.stepHex, 16));
      expect(totp(SEEDS[v.hash], v.time, { digits: 8, hash: v.hash })).toBe(v.code);
    });
  }
});

describe('timeStep (RFC 6238 §4.2)', () => {
  it('counts whole steps since T0', () => {
    expect(timeStep(0)).toBe(0);
    expect(timeStep(29.999)).toBe(0);
    expect(timeStep(30)).toBe(1);
    expect(timeStep(100, 60, 40)).toBe(1);
    expect(timeStep(99, 60, 40)).toBe(0);
  });
  it('refuses a time before T0, a non-positive step and non-finite times', () => {
    expect(() => timeStep(10, 30, 20)).toThrow(/"timeSeconds"/);
    expect(() => timeStep(10, 0)).toThrow(/"step"/);
    expect(() => timeStep(10, 1.5)).toThrow(/"step"/);
    expect(() => timeStep(Number.NaN)).toThrow(/"timeSeconds"/);
  });
  it('the defaults give 6-digit SHA1 codes on 30-s steps', () => {
    expect(totp(SEEDS.SHA1, 59)).toBe('287082');
    expect(totp(SEEDS.SHA1, 60)).toBe(totp(SEEDS.SHA1, 89));
    expect(totp(SEEDS.SHA1, 59, { step: 60 })).toBe(totp(SEEDS.SHA1, 0));
  });
});
