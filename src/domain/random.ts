// Injected randomness (STYLE: no Math.random in the core): the interface and a seeded, reproducible source.
import { sha256Bytes, sha256Text } from './crypto/sha256-stream';

/** Where the core gets random values. Seeded in tests and scenarios, so the same seed gives the same values. */
export interface RandomSource {
  /** `length` uniformly random bytes. */
  bytes(length: number): Uint8Array;
  /** A string of `length` uniformly random decimal digits (leading zeros allowed). */
  digits(length: number): string;
}

/** The pool before the first draw: empty, so never written. */
const NO_BYTES: Uint8Array = new Uint8Array(0);

/**
 * A deterministic source: SHA-256 in counter mode over (seed, stream, block index): block i is
 * SHA-256(SHA-256(seed) ‖ SHA-256(stream) ‖ i as 8 bytes big-endian), the strings as UTF-8.
 * `stream` separates independent uses of one seed (the runtime passes the journal position),
 * so a command's random values do not depend on how many values earlier commands drew.
 * The hashes run on the block kernel (sha256-stream.ts), the same digests as noble's.
 */
export function makeSeededRandom(seed: string, stream: string | number = '', seedDigest?: Uint8Array): RandomSource {
  // Made on the first draw: most commands draw nothing, and replay decides every command again.
  // `message` is SHA-256(seed) ‖ SHA-256(stream) ‖ the block index; only the index changes from block to block.
  let message: Uint8Array | null = null;
  let block = 0;
  let pool = NO_BYTES;
  let offset = 0;
  const take = (): number => {
    if (offset >= pool.length) {
      if (!message) {
        message = new Uint8Array(72);
        message.set(seedDigest ?? seedDigestOf(seed), 0);
        message.set(sha256Text(String(stream)), 32);
      }
      // The block index, 8 bytes big-endian: 4 high bytes and 4 low ones (a source never draws 2^53 blocks).
      const high = Math.floor(block / 0x1_0000_0000);
      for (let i = 0; i < 4; i++) {
        message[67 - i] = (high >>> (8 * i)) & 0xff;
        message[71 - i] = (block >>> (8 * i)) & 0xff;
      }
      pool = sha256Bytes(message);
      block += 1;
      offset = 0;
    }
    return pool[offset++] as number; // offset < pool.length was just ensured
  };
  return {
    bytes(length) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = take();
      return out;
    },
    digits(length) {
      let out = '';
      while (out.length < length) {
        const byte = take();
        // Rejection sampling: 250 = 25 * 10, so bytes 250..255 would bias the digits.
        if (byte < 250) out += String(byte % 10);
      }
      return out;
    },
  };
}

/** SHA-256 of a seed: pass it to makeSeededRandom when making many sources of one seed (replay). Same values either way. */
export function seedDigestOf(seed: string): Uint8Array {
  return sha256Text(seed);
}
