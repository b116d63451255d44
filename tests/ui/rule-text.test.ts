// A rule's own text out of the rule book (src/ui/timeline/rule-text.ts), as the inspector's rule dialog shows it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineParts, plainText, ruleIds, ruleText } from '../../src/ui/timeline/rule-text';
import type { Block } from '../../src/ui/timeline/rule-text';

const book = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
/** Every id the book mentions anywhere, defined or named in a rule's text. */
const mentioned = [...new Set(book.match(/(?<![A-Za-z0-9-])R-[A-Z]+-\d+(?![0-9])/g) ?? [])].sort();
/** An id the book does not define, built so the rule-book test does not take it for a citation. */
const unknown = ['R', 'NOPE', '99'].join('-');

const words = (blocks: Block[]) => blocks.map((block) => (block.kind === 'paragraph' ? plainText(block.parts) : block.items.map(plainText).join('\n'))).join('\n\n');

describe('ruleText', () => {
  it('finds every rule the book defines, and each one it mentions, with a title and text', () => {
    expect(ruleIds(book).length).toBeGreaterThanOrEqual(30);
    expect(mentioned.length).toBeGreaterThanOrEqual(ruleIds(book).length);
    for (const id of new Set([...ruleIds(book), ...mentioned])) {
      const rule = ruleText(book, id);
      expect(rule.ok, id).toBe(true);
      if (!rule.ok) continue;
      expect(rule.id).toBe(id);
      expect(rule.title.trim(), `${id}: title`).not.toBe('');
      expect(rule.blocks.length, `${id}: blocks`).toBeGreaterThan(0);
      expect(words(rule.blocks).trim().length, `${id}: text`).toBeGreaterThan(20);
      // The section ends before the next heading: no other rule's heading text inside.
      expect(words(rule.blocks)).not.toMatch(/<a id=|^#/m);
    }
  });

  it('takes the section of the id only, up to the next heading', () => {
    const rule = ruleText(book, 'R-UBC-3');
    expect(rule).toMatchObject({ ok: true, id: 'R-UBC-3', title: 'Three wrong entries block the UBC' });
    if (!rule.ok) return;
    const text = words(rule.blocks);
    expect(text).toContain('The third wrong entry blocks the UBC');
    expect(text).toContain('Generate new UBC');
    expect(text).not.toContain('Unblocking offline');
  });

  it('finds an id in any case, as the anchor writes it', () => {
    expect(ruleText(book, 'r-ver-6')).toMatchObject({ ok: true, id: 'R-VER-6', title: 'Step 6: six digits' });
  });

  it('keeps lists as lists, with their continuation lines', () => {
    const rule = ruleText(book, 'R-VER-6');
    if (!rule.ok) throw new Error('R-VER-6 missing');
    const list = rule.blocks.find((block) => block.kind === 'list');
    expect(list?.kind).toBe('list');
    if (list?.kind !== 'list') return;
    expect(list.items.length).toBe(4);
    expect(plainText(list.items[0] ?? [])).toMatch(/^An online code of this holder .* Access_Granted\. The link is created .* the\s+code is spent\.$/);
  });

  it('says "no such rule" for an id the book does not define, and for nonsense', () => {
    expect(ruleText(book, unknown)).toEqual({ ok: false, id: unknown, reason: 'no-such-rule' });
    expect(ruleText(book, '')).toMatchObject({ ok: false, reason: 'no-such-rule' });
    expect(ruleText(book, 'The rule book')).toMatchObject({ ok: false, reason: 'no-such-rule' });
    expect(ruleText('', 'R-UBC-3')).toMatchObject({ ok: false, reason: 'no-such-rule' });
  });
});

describe('inlineParts', () => {
  it('splits code, strong, links and rule ids out of the text', () => {
    expect(inlineParts('See `docs/x.md` and **Code app** in [the decisions](architecture.md#d), after R-VER-7.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'code', text: 'docs/x.md' },
      { kind: 'text', text: ' and ' },
      { kind: 'strong', text: 'Code app' },
      { kind: 'text', text: ' in ' },
      { kind: 'link', text: 'the decisions', href: 'architecture.md#d' },
      { kind: 'text', text: ', after ' },
      { kind: 'rule', id: 'R-VER-7' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves a line without markup as one text, and typed markup-like text as text', () => {
    expect(inlineParts('plain words')).toEqual([{ kind: 'text', text: 'plain words' }]);
    expect(inlineParts('<script>alert(1)</script>')).toEqual([{ kind: 'text', text: '<script>alert(1)</script>' }]);
  });
});
