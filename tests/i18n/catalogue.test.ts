// Every word in two languages (issue 11): the English and Norwegian catalogues have the same keys, no empty text and
// the same arguments; Norwegian differs from English where a word is a word; and no component writes visible text of
// its own (JSX text, or aria-label, title, placeholder and alt written as literals) instead of taking it from t().
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/ui-text';
import { nb } from '../../src/i18n/ui-text-nb';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every leaf of a catalogue: its path, and the text (for a function, what it gives for sample arguments). */
function leaves(value: unknown, path: string[] = []): [string, unknown][] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]));
  return [[path.join('.'), value]];
}

/** Sample arguments a text function is called with: numbers for counts, words for names. */
function sample(fn: (...args: never[]) => string): string {
  const args = Array.from({ length: fn.length }, (_, i) => (i % 2 === 0 ? 2 : 'x'));
  // The catalogue's functions are typed by their English originals; called here with sample arguments.
  const call = fn as (...a: unknown[]) => unknown;
  try {
    return String(call(...args));
  } catch {
    // Some take an array: called with an empty one.
  }
  try {
    return String(call(...args.map(() => [])));
  } catch {
    // The refusals take their params as one object: one whose every field reads "x".
    return String(call(new Proxy({}, { get: () => 'x' })));
  }
}

describe('the catalogue in English and Norwegian', () => {
  const english = new Map(leaves(en));
  const norwegian = new Map(leaves(nb));

  it('has the same keys in both languages', () => {
    expect([...norwegian.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !norwegian.has(key))).toEqual([]);
  });

  it('has no empty text, and a text function takes the same arguments in both', () => {
    const problems: string[] = [];
    for (const [key, value] of english) {
      const other = norwegian.get(key);
      if (typeof value === 'function') {
        if (typeof other !== 'function') problems.push(`${key}: a function in English only`);
        else if (value.length !== other.length) problems.push(`${key}: ${value.length} arguments in English, ${other.length} in Norwegian`);
        else if (!sample(value as (...args: never[]) => string).trim() || !sample(other as (...args: never[]) => string).trim()) problems.push(`${key}: gives no text`);
      } else if (typeof value === 'string') {
        if (typeof other !== 'string') problems.push(`${key}: text in English only`);
        else if (!value.trim() || !other.trim()) problems.push(`${key}: empty`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('is translated: most Norwegian texts differ from the English ones', () => {
    const strings = [...english].filter(([, value]) => typeof value === 'string' && /[a-z]{3,}/.test(value as string));
    const same = strings.filter(([key, value]) => norwegian.get(key) === value).map(([key]) => key);
    // Names of the product's own screens and codes ("Manager", "UBC", "OK") are the same in both; little else is.
    expect(same.length / strings.length).toBeLessThan(0.12);
  });
});

/** Every .tsx file under src/ui. */
function components(dir = join(ROOT, 'src', 'ui')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? components(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

/**
 * Words that are the same in every language, so the catalogue does not hold them: the languages' own names (a
 * language is offered in its own words), the directory kinds LDAP and HTTP, and the time zone UTC.
 */
const SAME_IN_EVERY_LANGUAGE = new Set(['EN', 'NB', 'aria-label="English"', 'aria-label="Norsk"', 'LDAP', 'HTTP', 'UTC']);

/** Text a person would read, written in a component instead of taken from the catalogue. */
function literalText(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  const found: string[] = [];
  // JSX text between tags: two letters in a row make a word. A ">" of an arrow, a comparison or a type (=>, a > b,
  // Promise<void> | ...) starts code, not text.
  for (const match of code.matchAll(/>([^<>{}]*)</g)) {
    const before = code[(match.index ?? 0) - 1] ?? '';
    const text = (match[1] ?? '').trim();
    if (/[=\s-]/.test(before) || /[=;()|]|&&|\?\./.test(text)) continue;
    if (/\p{L}{2,}/u.test(text)) found.push(text);
  }
  for (const match of code.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*)"/g)) {
    if (/\p{L}{2,}/u.test(match[2] ?? '')) found.push(`${match[1]}="${match[2]}"`);
  }
  return found.filter((text) => !SAME_IN_EVERY_LANGUAGE.has(text));
}

describe('components take their words from the catalogue', () => {
  it('no component writes visible text of its own', () => {
    const offenders = components()
      .map((file) => [relative(ROOT, file), literalText(readFileSync(file, 'utf8'))] as const)
      .filter(([, texts]) => texts.length > 0)
      .map(([file, texts]) => `${file}: ${texts.join(' | ')}`);
    expect(offenders).toEqual([]);
  });

  it('the check finds a literal word (so it can fail)', () => {
    expect(literalText('const x = <p class="a">Hello there</p>;')).toEqual(['Hello there']);
    expect(literalText('<button aria-label="Close">×</button>')).toEqual(['aria-label="Close"']);
    expect(literalText('<p>{t().hello}</p>')).toEqual([]);
  });
});
