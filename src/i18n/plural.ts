// Plural forms through Intl.PluralRules: which form a count takes in English or Norwegian bokmål.

type Lang = 'en' | 'nb';

const RULES: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), nb: new Intl.PluralRules('nb') };

/** The forms a counted word takes: "attempt" / "attempts", "siffer" / "sifre". */
export interface PluralForms {
  one: string;
  other: string;
}

/** The form `count` takes in `lang`: `one` for 1, `other` for 0, 2, 3 ... (both languages). */
export function plural(lang: Lang, count: number, forms: PluralForms): string {
  return RULES[lang].select(count) === 'one' ? forms.one : forms.other;
}

/** The count with its word in the right form: "1 attempt", "2 attempts", "4 sifre". */
export function counted(lang: Lang, count: number, forms: PluralForms): string {
  return `${count} ${plural(lang, count, forms)}`;
}

/** Whether `count` takes the singular form ("one") in `lang`: "1 attempt" but "2 attempts", "0 attempts". */
export function one(lang: Lang, count: number): boolean {
  return RULES[lang].select(count) === 'one';
}
