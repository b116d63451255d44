// The language of the screens: English or Norwegian, remembered across reloads. Norwegian's words load when chosen.
import { batch, createContext, createSignal, Show, useContext } from 'solid-js';
import type { Accessor, JSX } from 'solid-js';
import { en, loadText, textIfLoaded } from '../../i18n/ui-text';
import type { UiText } from '../../i18n/ui-text';
import type { Lang } from '../../i18n/describe-event';

const LANG_KEY = 'code-sandbox:lang';

interface I18n {
  /** The language the screens are in (a switch takes effect once its words are loaded). */
  lang: Accessor<Lang>;
  setLang(lang: Lang): void;
  /** The words in the current language. */
  t: Accessor<UiText>;
}

const I18nContext = createContext<I18n>();

export function I18nProvider(props: { children: JSX.Element }) {
  const stored = localStorage.getItem(LANG_KEY);
  const first: Lang = stored === 'nb' ? 'nb' : 'en';
  const [lang, setLangSignal] = createSignal<Lang>(first);
  const [text, setText] = createSignal<UiText | undefined>(textIfLoaded(first));
  /** The language asked for last: a slower load of an earlier choice does not overwrite it. */
  let wanted = first;
  const apply = (next: Lang, words: UiText) => {
    if (next !== wanted) return;
    document.documentElement.lang = next;
    batch(() => {
      setText(words);
      setLangSignal(next);
    });
  };
  const switchTo = (next: Lang) => {
    wanted = next;
    const ready = textIfLoaded(next);
    if (ready) return apply(next, ready);
    loadText(next).then(
      (words) => apply(next, words),
      (error: unknown) => {
        // Its words could not load (offline before the first visit finished caching): stay in the language shown.
        console.error(error);
        if (!text()) {
          wanted = 'en';
          apply('en', en);
        }
      },
    );
  };
  const setLang = (next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    switchTo(next);
  };
  switchTo(first);
  return (
    <Show when={text()}>
      {(words) => <I18nContext.Provider value={{ lang, setLang, t: words }}>{props.children}</I18nContext.Provider>}
    </Show>
  );
}

/** The current language and its words; throws outside an I18nProvider. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
