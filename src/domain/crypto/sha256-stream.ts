// SHA-256 of text (as UTF-8) and bytes, on the block kernel: the journal's entry hashes and the seeded random source's digests.
// The same digest as noble's sha256(utf8ToBytes(text)) (TextEncoder: a lone surrogate becomes U+FFFD), without
// making the bytes first: characters are packed straight into the kernel's big-endian words, and the hasher's
// buffers are its own (no scratch shared with anything else). Re-deciding a journal hashes every entry (about
// 150 to 650 bytes of canonical JSON): TextEncoder then noble's sha256 took about twice as long (9.3 against 4.4 µs
// for an average aged-journal entry here). sha256-stream.test.ts compares it with node:crypto on arbitrary strings,
// pieces and lengths.
import { SHA256_SCHEDULE_WORDS, sha256Compress, sha256InitialState } from './sha256-kernel';

/** H(0), FIPS 180-4 §5.3.3, to start each hash from. */
const H0 = sha256InitialState();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * An incremental SHA-256: `update` text (its UTF-8) and `updateBytes`, then `digest` or `hex` once. Text pieces are
 * hashed as the UTF-8 of their concatenation (a surrogate pair split across two pieces is still one character).
 */
export class Sha256Stream {
  private readonly state = new Int32Array(8);
  private readonly block = new Int32Array(16);
  private readonly schedule = new Int32Array(SHA256_SCHEDULE_WORDS);
  /** Bytes in the current block (0..63). */
  private filled = 0;
  /** The bytes of the current, unfinished word, big-endian. */
  private word = 0;
  /** Bytes hashed in the blocks already compressed. */
  private compressed = 0;
  /** A high surrogate whose low half may start the next piece, or 0. */
  private pendingHigh = 0;
  private done = false;

  constructor() {
    this.reset();
  }

  /** Starts over: the hasher is empty again, as new (its buffers are reused). */
  reset(): this {
    this.state.set(H0);
    this.filled = 0;
    this.word = 0;
    this.compressed = 0;
    this.pendingHigh = 0;
    this.done = false;
    return this;
  }

  /** Adds the UTF-8 of `text`. */
  update(text: string): this {
    if (this.done) throw new Error('Sha256Stream: update after digest');
    const length = text.length;
    let i = 0;
    while (i < length) {
      if (this.pendingHigh === 0) i = this.ascii(text, i);
      if (i < length) this.character(text.charCodeAt(i++));
    }
    return this;
  }

  /** Adds `bytes` as they are. */
  updateBytes(bytes: Uint8Array): this {
    if (this.done) throw new Error('Sha256Stream: update after digest');
    if (this.pendingHigh !== 0) {
      this.pendingHigh = 0;
      this.replacement();
    }
    for (let i = 0; i < bytes.length; i++) this.byte(bytes[i] as number); // i < bytes.length
    return this;
  }

  /**
   * Packs the run of ASCII characters of `text` from `start` (most of what is hashed), four to a word where the word
   * boundaries allow; returns where the run ends.
   */
  private ascii(text: string, start: number): number {
    const block = this.block;
    const length = text.length;
    let filled = this.filled;
    let word = this.word;
    let i = start;
    for (;;) {
      if ((filled & 3) === 0 && i + 4 <= length) {
        const c0 = text.charCodeAt(i), c1 = text.charCodeAt(i + 1), c2 = text.charCodeAt(i + 2), c3 = text.charCodeAt(i + 3);
        if ((c0 | c1 | c2 | c3) < 0x80) {
          block[filled >> 2] = (c0 << 24) | (c1 << 16) | (c2 << 8) | c3;
          i += 4;
          filled += 4;
          if (filled === 64) {
            this.compress();
            filled = 0;
          }
          continue;
        }
      }
      if (i >= length) break;
      const c = text.charCodeAt(i);
      if (c >= 0x80) break;
      word = (word << 8) | c;
      i += 1;
      filled += 1;
      if ((filled & 3) === 0) {
        block[(filled >> 2) - 1] = word;
        word = 0;
        if (filled === 64) {
          this.compress();
          filled = 0;
        }
      }
    }
    this.filled = filled;
    this.word = word;
    return i;
  }

  /** The 32-byte digest. The hasher is finished after it. */
  digest(): Uint8Array {
    const state = this.finish();
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
      const w = state[i] as number; // i < 8 = state.length
      out[4 * i] = w >>> 24;
      out[4 * i + 1] = (w >>> 16) & 0xff;
      out[4 * i + 2] = (w >>> 8) & 0xff;
      out[4 * i + 3] = w & 0xff;
    }
    return out;
  }

  /** The digest as 64 lowercase hex digits. The hasher is finished after it. */
  hex(): string {
    const state = this.finish();
    let out = '';
    for (let i = 0; i < 8; i++) {
      const w = state[i] as number; // i < 8 = state.length
      out += `${HEX[w >>> 24] as string}${HEX[(w >>> 16) & 0xff] as string}${HEX[(w >>> 8) & 0xff] as string}${HEX[w & 0xff] as string}`; // every index is a byte, 0..255
    }
    return out;
  }

  /** One UTF-16 code unit that is not plain ASCII, or any code unit after a pending high surrogate (TextEncoder's rules). */
  private character(c: number): void {
    if (this.pendingHigh !== 0) {
      const high = this.pendingHigh;
      this.pendingHigh = 0;
      if (c >= 0xdc00 && c <= 0xdfff) {
        const point = 0x10000 + ((high - 0xd800) << 10) + (c - 0xdc00);
        this.byte(0xf0 | (point >> 18));
        this.byte(0x80 | ((point >> 12) & 0x3f));
        this.byte(0x80 | ((point >> 6) & 0x3f));
        this.byte(0x80 | (point & 0x3f));
        return;
      }
      this.replacement();
    }
    if (c < 0x80) this.byte(c);
    else if (c < 0x800) {
      this.byte(0xc0 | (c >> 6));
      this.byte(0x80 | (c & 0x3f));
    } else if (c >= 0xd800 && c <= 0xdbff) this.pendingHigh = c;
    else if (c >= 0xdc00 && c <= 0xdfff) this.replacement();
    else {
      this.byte(0xe0 | (c >> 12));
      this.byte(0x80 | ((c >> 6) & 0x3f));
      this.byte(0x80 | (c & 0x3f));
    }
  }

  /** U+FFFD, what TextEncoder writes for a lone surrogate. */
  private replacement(): void {
    this.byte(0xef);
    this.byte(0xbf);
    this.byte(0xbd);
  }

  private byte(b: number): void {
    this.word = (this.word << 8) | b;
    this.filled += 1;
    if ((this.filled & 3) === 0) {
      this.block[(this.filled >> 2) - 1] = this.word;
      this.word = 0;
      if (this.filled === 64) {
        this.compress();
        this.filled = 0;
      }
    }
  }

  private compress(): void {
    sha256Compress(this.state, this.block, this.state, this.schedule);
    this.compressed += 64;
  }

  /** FIPS 180-4 §5.1.1: 0x80, zeros to 56 bytes mod 64, the length in bits as 64 bits big-endian. */
  private finish(): Int32Array {
    if (this.done) throw new Error('Sha256Stream: digest twice');
    if (this.pendingHigh !== 0) {
      this.pendingHigh = 0;
      this.replacement();
    }
    const bits = (this.compressed + this.filled) * 8;
    this.byte(0x80);
    while (this.filled !== 56) this.byte(0);
    // bits < 2^53: the high word is what lies above 2^32.
    const high = Math.floor(bits / 0x1_0000_0000);
    this.block[14] = high | 0;
    this.block[15] = bits | 0;
    sha256Compress(this.state, this.block, this.state, this.schedule);
    this.done = true;
    return this.state;
  }
}

/**
 * The hasher of the two functions below, reset for each call: one call runs start to finish with nothing else in
 * between (JavaScript runs one call at a time and `update` calls nothing outside this file), so no two hashes can ever
 * write into its buffers at once, and a hash allocates nothing but its result (three new buffers cost about as much as
 * compressing a 450-byte entry).
 */
const shared = new Sha256Stream();

/** SHA-256 of the UTF-8 of `text`, as 64 lowercase hex digits. */
export function sha256TextHex(text: string): string {
  return shared.reset().update(text).hex();
}

/** SHA-256 of the UTF-8 of `text`. */
export function sha256Text(text: string): Uint8Array {
  return shared.reset().update(text).digest();
}

/** SHA-256 of the concatenation of `parts`. */
export function sha256Bytes(...parts: readonly Uint8Array[]): Uint8Array {
  shared.reset();
  for (const part of parts) shared.updateBytes(part);
  return shared.digest();
}
