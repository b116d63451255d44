// A scenario carried in a link's fragment: `#scenario=<base64url of the deflate-raw-compressed file text>`. The
// fragment never leaves the browser (it is not sent with the request), so opening such a link sends the scenario nowhere.
// Pure: the platform's CompressionStream / DecompressionStream (browsers, Node 20), no DOM, no storage.
import { SCENARIO_FRAGMENT, isScenarioFragment } from './scenario-fragment';

export { SCENARIO_FRAGMENT, isScenarioFragment } from './scenario-fragment';

/** The largest scenario text a link may carry, decoded: the same 2 MB as a scenario file opened from disk. */
export const MAX_LINK_TEXT_BYTES = 2 * 1_000_000;

export type ScenarioLinkErrorKind = 'not-a-scenario-link' | 'empty' | 'bad-base64url' | 'bad-deflate' | 'not-utf8' | 'too-large';

/** Why a fragment gave no scenario: `kind` for words in the reader's language, `message` in English for everyone else. */
export interface ScenarioLinkError {
  kind: ScenarioLinkErrorKind;
  message: string;
}

export type DecodedScenarioLink = { ok: true; text: string } | { ok: false; error: ScenarioLinkError };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Bytes as base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number; // i < length
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2];
    out += ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)];
    if (b !== undefined) out += ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)];
    if (c !== undefined) out += ALPHABET[c & 63];
  }
  return out;
}

/** base64url (padding allowed at the end only) to bytes, or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  const body = text.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const value = code < 128 ? (VALUE[code] as number) : -1; // code < 128
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** All of a stream's chunks as one array; stops and returns null once more than `limit` bytes came out. */
async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Runs bytes through a (de)compression stream. */
function through(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Errors surface on the readable side; the writer's own promises would only repeat them.
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  return transform.readable;
}

/**
 * The fragment of a link that carries `text` (a .scenario.json or .feature file's text): `#scenario=…`. Append it to
 * the sandbox's address. Throws a RangeError for a text over MAX_LINK_TEXT_BYTES, which no link would open.
 */
export async function encodeScenarioLink(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_LINK_TEXT_BYTES) throw new RangeError(tooLarge().message);
  const packed = await collect(through(bytes, new CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY);
  return SCENARIO_FRAGMENT + toBase64Url(packed ?? new Uint8Array()); // no limit: never null
}

function tooLarge(): ScenarioLinkError {
  return { kind: 'too-large', message: `The scenario in the link is larger than ${MAX_LINK_TEXT_BYTES / 1_000_000} MB.` };
}

/**
 * The scenario text a fragment carries. `fragment` is a location's hash (`#scenario=…`), or the same without its `#`.
 * Refuses, saying why, a fragment that is not a scenario link, is not base64url, does not inflate, is not UTF-8 text,
 * or inflates to more than MAX_LINK_TEXT_BYTES (it stops inflating there).
 */
export async function decodeScenarioLink(fragment: string): Promise<DecodedScenarioLink> {
  const hash = fragment.startsWith('#') ? fragment : `#${fragment}`;
  if (!isScenarioFragment(hash)) return { ok: false, error: { kind: 'not-a-scenario-link', message: 'The link carries no scenario (its address does not end in #scenario=…).' } };
  const payload = hash.slice(SCENARIO_FRAGMENT.length).trim();
  if (payload === '') return { ok: false, error: { kind: 'empty', message: 'The link carries an empty scenario (nothing follows #scenario=).' } };
  const packed = fromBase64Url(payload);
  if (!packed) return { ok: false, error: { kind: 'bad-base64url', message: 'The scenario in the link is damaged: it is not base64url text (A–Z, a–z, 0–9, "-" and "_"). The link may have been cut short or changed.' } };
  let bytes: Uint8Array<ArrayBuffer> | null;
  try {
    bytes = await collect(through(packed, new DecompressionStream('deflate-raw')), MAX_LINK_TEXT_BYTES);
  } catch {
    return { ok: false, error: { kind: 'bad-deflate', message: 'The scenario in the link is damaged: it is not compressed data this sandbox made. The link may have been cut short or changed.' } };
  }
  if (!bytes) return { ok: false, error: tooLarge() };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: { kind: 'not-utf8', message: 'The scenario in the link is not text (it is not UTF-8).' } };
  }
}

/** A file name for a scenario's text that tells the loader its format: JSON when it starts with "{", Gherkin otherwise. */
export function scenarioLinkFileName(text: string): string {
  return text.trimStart().startsWith('{') ? 'link.scenario.json' : 'link.feature';
}
