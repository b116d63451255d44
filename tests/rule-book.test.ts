// The rule book (docs/rules.md) against the code: every rule id cited exists, every rule is named by a test, every rule has its anchor.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RULE_BOOK = join(ROOT, 'docs', 'rules.md');
/** A rule id (R-, letters, -, digits). The lookarounds keep an id from matching inside a longer id or word. */
const RULE_ID = /(?<![A-Za-z0-9-])R-[A-Z]+-[0-9]+(?![0-9])/g;
/** Text files the code and tests are written in. */
const SOURCE_FILE = /\.(ts|tsx|css|mjs|js|json|md|feature)$/;
/** This file names no rule; leaving it out keeps (b) from being satisfied by the checker itself. */
const THIS_FILE = 'tests/rule-book.test.ts';

/** Paths under `dir`, relative to the project root with forward slashes, sorted. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(ROOT, path).split(sep).join('/'));
    }
  };
  walk(join(ROOT, dir));
  return found.sort();
}

function idsIn(text: string): Set<string> {
  return new Set(text.match(RULE_ID) ?? []);
}

/** Where each id is cited: id -> files. */
function citations(files: readonly string[]): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const file of files) {
    for (const id of idsIn(readFileSync(join(ROOT, file), 'utf8'))) cited.set(id, [...(cited.get(id) ?? []), file]);
  }
  return cited;
}

/** The test files: unit tests next to the code or in tests/, and the end-to-end journeys. */
function isTestFile(file: string): boolean {
  return (
    file !== THIS_FILE &&
    ((/^(src|tests)\/.*\.test\.tsx?$/.test(file)) || /^tests\/e2e\/[^/]+\.spec\.ts$/.test(file))
  );
}

const ruleBook = readFileSync(RULE_BOOK, 'utf8');
const ruleBookIds = [...idsIn(ruleBook)].sort();
const sources = [...filesUnder('src'), ...filesUnder('tests')].filter((file) => SOURCE_FILE.test(file) && file !== THIS_FILE);

/** A link to docs/rules.md#<lowercase id> works when the book has id="<lowercase id>", or a heading that is just the id. */
function hasAnchor(id: string): boolean {
  const anchor = id.toLowerCase();
  const escaped = id.replace(/-/g, '\\-');
  return ruleBook.includes(`id="${anchor}"`) || new RegExp(`^#{1,6}\\s+${escaped}\\s*$`, 'm').test(ruleBook);
}

describe('docs/rules.md, the rule book', () => {
  it('defines rules at all (the file is read and ids are found)', () => {
    expect(ruleBookIds.length).toBeGreaterThan(30);
    expect(sources.length).toBeGreaterThan(50);
  });

  it('defines every rule id cited anywhere in src/ or tests/', () => {
    const defined = new Set(ruleBookIds);
    const unknown = [...citations(sources)]
      .filter(([id]) => !defined.has(id))
      .map(([id, files]) => `${id} (${files.join(', ')})`);
    expect(unknown, 'rule ids cited in src/ or tests/ but not in docs/rules.md').toEqual([]);
  });

  it('has every one of its rules named by at least one test file', () => {
    const named = citations(sources.filter(isTestFile));
    const untested = ruleBookIds.filter((id) => !named.has(id));
    expect(untested, 'rules of docs/rules.md that no test file names').toEqual([]);
  });

  it('gives every rule id it mentions an anchor that is the lowercase id, so a link to docs/rules.md#<id> works', () => {
    expect(ruleBookIds.filter((id) => !hasAnchor(id)), 'ids in docs/rules.md without their anchor').toEqual([]);
  });

  it('has no anchor twice', () => {
    const anchors = [...ruleBook.matchAll(/id="(r-[a-z]+-[0-9]+)"/g)].map((m) => m[1]);
    expect(anchors.filter((anchor, i) => anchors.indexOf(anchor) !== i)).toEqual([]);
  });
});
