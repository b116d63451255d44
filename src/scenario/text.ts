// Words in the two languages a scenario is written and reported in.
import * as v from 'valibot';

export type Lang = 'en' | 'nb';
export const LANGS: readonly Lang[] = ['en', 'nb'];

/** A text in English and Norwegian bokmål. */
export interface Bilingual {
  en: string;
  nb: string;
}

const words = (max: number) => v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max));

/** Both languages, each required. */
export const bilingual = (max: number) => v.strictObject({ en: words(max), nb: words(max) });
