// The seeded RandomSource: reproducible per seed and stream, digits of the right shape and roughly uniform.
import { describe, it, expect } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, uint64be, utf8ToBytes } from './crypto/bytes';
import { makeSeededRandom, seedDigestOf } from './random';

describe('makeSeededRandom', () => {
  it('gives the same bytes and digits for the same seed and stream', () => {
    const a = makeSeededRandom('seed-1', 7);
    const b = makeSeededRandom('seed-1', 7);
    expect(bytesToHex(a.bytes(100))).toBe(bytesToHex(b.bytes(100)));
    expect(a.digits(50)).toBe(b.digits(50));
    expect(bytesToHex(a.bytes(3))).toBe(bytesToHex(b.bytes(3)));
  });

  it('gives different values for another stream or another seed', () => {
    const base = bytesToHex(makeSeededRandom('seed-1', 7).bytes(32));
    expect(bytesToHex(makeSeededRandom('seed-1', 8).bytes(32))).not.toBe(base);
    expect(bytesToHex(makeSeededRandom('seed-1', '7x').bytes(32))).not.toBe(base);
    expect(bytesToHex(makeSeededRandom('seed-2', 7).bytes(32))).not.toBe(base);
  });

  it('is SHA-256(SHA-256(seed) ‖ SHA-256(stream) ‖ block index) as first written with noble: every stored journal drew from it', () => {
    const reference = (seed: string, stream: string, blocks: number): string => {
      const prefix = concatBytes(sha256(utf8ToBytes(seed)), sha256(utf8ToBytes(stream)));
      return Array.from({ length: blocks }, (_, i) => bytesToHex(sha256(concatBytes(prefix, uint64be(i))))).join('');
    };
    for (const [seed, stream] of [['budget-seed', '1234'], ['', ''], ['sæd ✓ 😀', 'x\ud800']] as const) {
      expect(bytesToHex(makeSeededRandom(seed, stream).bytes(32 * 3))).toBe(reference(seed, stream, 3));
      expect(bytesToHex(makeSeededRandom(seed, stream, seedDigestOf(seed)).bytes(40))).toBe(reference(seed, stream, 2).slice(0, 80));
    }
    expect(bytesToHex(makeSeededRandom('s', 7).bytes(5))).toBe(reference('s', '7', 1).slice(0, 10));
  });

  it('treats the default stream as the empty string', () => {
    expect(bytesToHex(makeSeededRandom('s').bytes(16))).toBe(bytesToHex(makeSeededRandom('s', '').bytes(16)));
  });

  it('draws continue where the last draw ended, across the 32-byte blocks', () => {
    const whole = bytesToHex(makeSeededRandom('seed-1').bytes(80));
    const split = makeSeededRandom('seed-1');
    expect(bytesToHex(split.bytes(31)) + bytesToHex(split.bytes(49))).toBe(whole);
  });

  it('digits are decimal digits of the requested length', () => {
    const random = makeSeededRandom('digits');
    for (const length of [0, 1, 4, 9, 10, 64]) {
      const digits = random.digits(length);
      expect(digits).toHaveLength(length);
      expect(digits).toMatch(/^[0-9]*$/);
    }
    expect(random.bytes(0)).toHaveLength(0);
    expect(random.bytes(5)).toHaveLength(5);
  });

  it('digits are roughly uniform over 10,000 draws (chi-square, 9 degrees of freedom)', () => {
    const DRAWS = 10_000;
    // 9 d.o.f.: P(chi2 > 27.88) = 0.001. The seed is fixed, so this is deterministic; the bound only
    // has to catch a gross bias such as the modulo bias the rejection sampling avoids.
    const CHI_SQUARE_LIMIT = 27.88;
    const counts = new Array<number>(10).fill(0);
    const digits = makeSeededRandom('uniformity').digits(DRAWS);
    for (const d of digits) counts[Number(d)] = (counts[Number(d)] ?? 0) + 1;
    const expected = DRAWS / 10;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(CHI_SQUARE_LIMIT);
  });

  it('bytes are roughly uniform too (chi-square over 256 values, 255 degrees of freedom)', () => {
    const DRAWS = 25_600;
    // 255 d.o.f.: mean 255, sd ~22.6; P(chi2 > 330.5) ~ 0.001.
    const CHI_SQUARE_LIMIT = 330.5;
    const counts = new Array<number>(256).fill(0);
    for (const byte of makeSeededRandom('uniformity').bytes(DRAWS)) counts[byte] = (counts[byte] ?? 0) + 1;
    const expected = DRAWS / 256;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(CHI_SQUARE_LIMIT);
  });
});
