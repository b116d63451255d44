// The language of the screens: English or Norwegian, remembered across reloads.
import { createContext, createSignal, useContext } from 'solid-js';
import type { Accessor, JSX } from 'solid-js';
import { TEXT } from '../../i18n/ui-text';
import type { UiText } from '../../i18n/ui-text';
import type { Lang } from '../../i18n/describe-event';

const LANG_KEY = 'code-sandbox:lang';

interface I18n {
  lang: Accessor<Lang>;
  setLang(lang: Lang): void;
  /** The words in the current language. */
  t: Accessor<UiText>;
}

const I18nContext = createContext<I18n>();

export function I18nProvider(props: { children: JSX.Element }) {
  const stored = localStorage.getItem(LANG_KEY);
  const [lang, setLangSignal] = createSignal<Lang>(stored === 'nb' ? 'nb' : 'en');
  const setLang = (next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next === 'nb' ? 'nb' : 'en';
    setLangSignal(next);
  };
  document.documentElement.lang = lang() === 'nb' ? 'nb' : 'en';
  return <I18nContext.Provider value={{ lang, setLang, t: () => TEXT[lang()] }}>{props.children}</I18nContext.Provider>;
}

/** The current language and its words; throws outside an I18nProvider. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
