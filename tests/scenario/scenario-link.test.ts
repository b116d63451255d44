// Scenario links (src/scenario/scenario-link.ts): a scenario's text through deflate-raw and base64url into a URL
// fragment and back; damaged, foreign and oversized fragments refused with a reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeScenarioLink, encodeScenarioLink, fromBase64Url, isScenarioFragment, MAX_LINK_TEXT_BYTES, scenarioLinkFileName, SCENARIO_FRAGMENT, toBase64Url } from '../../src/scenario/scenario-link';
import { parseScenarioFile } from '../../src/scenario/gherkin';

const library = (name: string) => readFileSync(new URL(`../../src/scenario/library/${name}`, import.meta.url), 'utf8');

/** deflate-raw of bytes, as the link encoder makes it, for fragments built by hand. */
async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('base64url', () => {
  it('round-trips every length and byte value, without padding or URL-unsafe characters', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('ab/c')).toBeNull();
    expect(fromBase64Url('ab c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('æøå')).toBeNull();
  });
});

describe('encodeScenarioLink / decodeScenarioLink', () => {
  it('round-trips a built-in JSON case and a Gherkin case, text for text, and the text still loads', async () => {
    for (const name of ['three-wrong-pins.scenario.json', 'inactive-user.feature']) {
      const text = library(name);
      const fragment = await encodeScenarioLink(text);
      expect(fragment.startsWith(SCENARIO_FRAGMENT)).toBe(true);
      expect(fragment.slice(SCENARIO_FRAGMENT.length)).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(fragment.length, `${name} compresses`).toBeLessThan(text.length);
      const decoded = await decodeScenarioLink(fragment);
      expect(decoded).toEqual({ ok: true, text });
      expect(parseScenarioFile(scenarioLinkFileName(text), text).ok, name).toBe(true);
    }
  });

  it('round-trips non-ASCII text and accepts the fragment without its "#"', async () => {
    const text = 'Egenskap: Blåbærsyltetøy «sitat» — 🙂\n';
    const fragment = await encodeScenarioLink(text);
    expect(await decodeScenarioLink(fragment.slice(1))).toEqual({ ok: true, text });
  });

  it('names the format for the loader: JSON or Gherkin', () => {
    expect(scenarioLinkFileName('  {"format": 1}')).toBe('link.scenario.json');
    expect(scenarioLinkFileName('# language: nb\nEgenskap: x')).toBe('link.feature');
  });

  it('tells a scenario fragment from others', () => {
    expect(isScenarioFragment('#scenario=abc')).toBe(true);
    expect(isScenarioFragment('#other=abc')).toBe(false);
    expect(isScenarioFragment('')).toBe(false);
  });

  it('refuses a fragment that is not a scenario link, or an empty one', async () => {
    const foreign = await decodeScenarioLink('#section-2');
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'not-a-scenario-link' } });
    const empty = await decodeScenarioLink('#scenario=');
    expect(empty).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });

  it('refuses a fragment that is not base64url, with a message that says so', async () => {
    const decoded = await decodeScenarioLink('#scenario=abc+def/ghi=');
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error.kind).toBe('bad-base64url');
    expect(decoded.error.message).toMatch(/not base64url/);
  });

  it('refuses base64url that is not deflate data, or deflate data cut short', async () => {
    const junk = await decodeScenarioLink(`#scenario=${toBase64Url(new TextEncoder().encode('hello, this is not compressed at all'))}`);
    expect(junk).toMatchObject({ ok: false, error: { kind: 'bad-deflate' } });
    expect(junk.ok ? '' : junk.error.message).toMatch(/damaged/);
    const whole = await encodeScenarioLink(library('three-wrong-pins.scenario.json'));
    const cut = await decodeScenarioLink(whole.slice(0, Math.floor(whole.length / 2)));
    expect(cut).toMatchObject({ ok: false, error: { kind: 'bad-deflate' } });
  });

  it('refuses deflate data that is not UTF-8 text', async () => {
    const fragment = SCENARIO_FRAGMENT + toBase64Url(await deflate(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])));
    expect(await decodeScenarioLink(fragment)).toMatchObject({ ok: false, error: { kind: 'not-utf8' } });
  });

  it('takes a text of exactly the limit, and refuses one byte more without inflating it all', async () => {
    const exact = 'x'.repeat(MAX_LINK_TEXT_BYTES);
    expect(await decodeScenarioLink(await encodeScenarioLink(exact))).toEqual({ ok: true, text: exact });
    // A link made elsewhere: 50 MB of one letter compresses to about 50 kB; decoding stops at the limit.
    const bomb = SCENARIO_FRAGMENT + toBase64Url(await deflate(new Uint8Array(50 * MAX_LINK_TEXT_BYTES / 2).fill(0x78)));
    expect(bomb.length).toBeLessThan(200_000);
    const decoded = await decodeScenarioLink(bomb);
    expect(decoded).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    expect(decoded.ok ? '' : decoded.error.message).toMatch(/larger than 2 MB/);
    const justOver = SCENARIO_FRAGMENT + toBase64Url(await deflate(new Uint8Array(MAX_LINK_TEXT_BYTES + 1).fill(0x78)));
    expect(await decodeScenarioLink(justOver)).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });

  it('will not make a link for a text over the limit', async () => {
    await expect(encodeScenarioLink('x'.repeat(MAX_LINK_TEXT_BYTES + 1))).rejects.toThrow(/larger than 2 MB/);
  });
});
