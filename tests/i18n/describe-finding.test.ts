// A verification finding in the words on screen (issue 11: every word in two languages), a refused command's refusal too.
import { describe, expect, it } from 'vitest';
import { describeFinding } from '../../src/i18n/describe-finding';
import { en } from '../../src/i18n/ui-text';
import { nb } from '../../src/i18n/ui-text-nb';
import type { Finding } from '../../src/runtime/reverify';

/** What verification reports when an entry was moved to a time the paused clock refuses (R-CLK-1). */
const refused: Finding = {
  kind: 'refused',
  seq: 42,
  message: 'The clock is paused at 2026-01-05T09:00:00.000Z: a command at 2026-01-05T09:00:05.000Z cannot happen (R-CLK-1)',
  refusal: { text: { key: 'clockPaused', params: { pausedAt: '2026-01-05T09:00:00.000Z', at: '2026-01-05T09:00:05.000Z' } }, rule: 'R-CLK-1' },
};

describe('describeFinding', () => {
  it('words a refused entry with the refusal in English (R-CLK-1), as the core words it', () => {
    expect(describeFinding(refused, en)).toBe(`Entry 42 is a command the rules refuse: ${refused.message}`);
  });

  it('words it in Norwegian, the refusal included: no English left in it (R-CLK-1)', () => {
    const words = describeFinding(refused, nb);
    expect(words).toBe('Post 42 er en kommando reglene avviser: Klokken står på pause ved 2026-01-05T09:00:00.000Z: en kommando ved 2026-01-05T09:00:05.000Z kan ikke skje (R-CLK-1)');
    expect(words).not.toContain('paused');
  });

  it('words the other findings with their position in both languages', () => {
    const head: Finding = { kind: 'head', seq: 7, headSeq: 9 };
    expect(describeFinding(head, en)).toContain('7');
    expect(describeFinding(head, nb)).toContain('7');
    expect(describeFinding(head, nb)).not.toBe(describeFinding(head, en));
  });
});
