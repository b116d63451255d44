// The core's refusals carry their words as data: a key and its params (src/domain/refusals.ts), with `message` made
// from the same English template, word for word as before, so logs, tests and scenario files keep matching.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, REFUSALS_EN, renderRefusal } from '../../src/domain';
import type { RefusalKey, RefusalText } from '../../src/domain';
import { refusal } from '../../src/domain/refusals';
import { realRefusals } from './support/refusals';

const DOMAIN = fileURLToPath(new URL('../../src/domain', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('refusals of the core as data (R-OTP-1, R-UBC-2, R-VER-8, R-MGR-1, R-MGR-3, R-CLK-1, R-CLK-2, R-OTP-4)', () => {
  const refusals = realRefusals();

  it.each(refusals.map((r) => [r.name, r] as const))('%s: refused with its key, params and the same English words', (_name, r) => {
    expect(r.error).toBeInstanceOf(DomainError);
    expect(r.error.text.key).toBe(r.key);
    expect(r.error.message).toBe(r.message);
    expect(renderRefusal(REFUSALS_EN, r.error.text, r.error.rule)).toBe(r.error.message);
    // The params are plain data: strings and numbers, nothing that needs the core to be read.
    for (const value of Object.values(r.error.text.params)) expect(['string', 'number']).toContain(typeof value);
    // A refusal that names a field names it in its params too, for the words of either language.
    if (r.error.field !== undefined && 'field' in r.error.text.params) expect(r.error.text.params.field).toBe(r.error.field);
  });

  it('R-OTP-1 a PIN of 3 digits: the count and the field are params, the rule id is the error\'s', () => {
    const pin = refusals.find((r) => r.name.startsWith('R-OTP-1'));
    expect(pin?.error.text).toEqual({ key: 'exactDigits', params: { field: 'pin', count: 4 } });
    expect(pin?.error).toMatchObject({ code: 'invalid-field', field: 'pin', rule: 'R-OTP-1' });
  });

  it('R-CLK-1 times are params in ISO 8601, UTC', () => {
    const paused = refusals.find((r) => r.key === 'clockPaused');
    expect(paused?.error.text.params).toEqual({ pausedAt: '2026-01-05T09:01:00.000Z', at: '2026-01-05T09:01:01.000Z' });
  });

  it('every refusal key is used by a refusal site of the core, and no site words a refusal itself', () => {
    const code = sources(DOMAIN).filter((path) => !path.endsWith('refusals.ts')).map((path) => readFileSync(path, 'utf8')).join('\n');
    const unused = (Object.keys(REFUSALS_EN) as RefusalKey[]).filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
    // A DomainError is built from a refusal's text, never from words (`new DomainError(code, refusal(...), ...)`).
    const built = [...code.matchAll(/new DomainError\(\s*'[^']+',\s*([^,)]+)/g)].map((match) => match[1]?.trim() ?? '');
    expect(built.length).toBeGreaterThan(10);
    expect(built.filter((arg) => !arg.startsWith('refusal(') && arg !== 'text')).toEqual([]);
  });

  it('a DomainError cannot be built without a refusal key', () => {
    // @ts-expect-error the constructor takes a refusal's key and params, not words: this must not compile
    expect(() => new DomainError('not-allowed-now', 'The app is not activated yet')).toThrow();
    const text: RefusalText = refusal('notActivated', {});
    expect(new DomainError('not-allowed-now', text, { rule: 'R-ACT-1' }).message).toBe('The app is not activated yet (R-ACT-1)');
  });

  it('R-OTP-1 counts take the plural form English gives them (Intl.PluralRules): 1 digit, 2 digits', () => {
    const words = (count: number) => new DomainError('invalid-field', refusal('exactDigits', { field: 'pin', count }), { field: 'pin', rule: 'R-OTP-1' }).message;
    expect(words(1)).toBe('"pin" must be exactly 1 digit (R-OTP-1)');
    expect(words(2)).toBe('"pin" must be exactly 2 digits (R-OTP-1)');
    expect(REFUSALS_EN.textLength({ field: 'name', min: 1, max: 1 })).toBe('"name" must be 1 to 1 character');
  });
});
