// SHA-256 of text and bytes on the block kernel, against node:crypto over TextEncoder's bytes (what noble's utf8ToBytes gives).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from './bytes';
import { Sha256Stream, sha256Bytes, sha256Text, sha256TextHex } from './sha256-stream';

function reference(...parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** Text of arbitrary UTF-16 code units: ASCII mostly, two- and three-byte characters, pairs and lone surrogates. */
const codeUnit = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 0x7f }) },
  fc.integer({ min: 0x80, max: 0x7ff }),
  fc.integer({ min: 0x800, max: 0xffff }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
);
const text = fc.array(codeUnit, { maxLength: 300 }).map((units) => String.fromCharCode(...units));

describe('SHA-256 of text and bytes (sha256-stream.ts)', () => {
  it('is SHA-256 of the UTF-8 TextEncoder makes, lone surrogates as U+FFFD, at every length around the block boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const ascii = 'a'.repeat(length);
      expect(sha256TextHex(ascii)).toBe(reference(utf8ToBytes(ascii)));
      const wide = `${'é'.repeat(length % 70)}${'x'.repeat(length)}€😀\ud800`;
      expect(sha256TextHex(wide)).toBe(reference(utf8ToBytes(wide)));
    }
    fc.assert(fc.property(text, (value) => sha256TextHex(value) === reference(utf8ToBytes(value))), { numRuns: 3_000 });
  });

  it('hashes pieces as their concatenation, a surrogate pair split between two pieces too', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(40), { maxLength: 12 }), (value, cuts) => {
        const hasher = new Sha256Stream();
        let at = 0;
        for (const cut of cuts) {
          hasher.update(value.slice(at, at + cut));
          at += cut;
        }
        hasher.update(value.slice(at));
        return hasher.hex() === reference(utf8ToBytes(value));
      }),
      { numRuns: 2_000 },
    );
    expect(new Sha256Stream().update('\ud83d').update('\ude00').hex()).toBe(reference(utf8ToBytes('😀')));
  });

  it('hashes bytes, and bytes after text, as noble does', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 150 }), { maxLength: 4 }), text, (parts, value) => {
        const mixed = new Sha256Stream().update(value);
        for (const part of parts) mixed.updateBytes(part);
        return bytesToHex(sha256Bytes(...parts)) === reference(...parts) && mixed.hex() === reference(utf8ToBytes(value), ...parts);
      }),
      { numRuns: 1_000 },
    );
    expect(bytesToHex(sha256Text('abc'))).toBe(bytesToHex(sha256(utf8ToBytes('abc'))));
    expect(sha256TextHex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('starts over on reset, and refuses to go on after its digest', () => {
    const hasher = new Sha256Stream().update('something else');
    expect(hasher.reset().update('abc').hex()).toBe(reference(utf8ToBytes('abc')));
    expect(() => hasher.update('more')).toThrow();
    expect(() => hasher.hex()).toThrow();
    expect(hasher.reset().hex()).toBe(reference(new Uint8Array(0)));
  });
});
