// Every word on the screens, in English and Norwegian (bokmål). Keys are typed: a missing translation does not compile.
// English loads with the page; Norwegian (ui-text-nb.ts) loads when it is chosen, or at start when it was.
import type { Translation } from './text/translation';
import type { Lang } from './describe-event';
import { labEn } from './text/lab';
import { phoneEn } from './text/phone';
import { managerEn } from './text/manager';
import { loginEn } from './text/login';
import { integrityEn } from './text/integrity';
import { scenariosEn } from './text/scenarios';
import { historyEn } from './text/history';
import { timelineEn } from './text/timeline';
import { linksEn } from './text/links';
import { trainingEn } from './text/training';
import { pwaEn } from './text/pwa';
import { demoEn } from './text/demo';
import { refusalsEn, sandboxProblemsEn } from './text/refusals';

export const en = { ...labEn, phone: phoneEn, manager: managerEn, login: loginEn, integrity: integrityEn, scenarios: scenariosEn, history: historyEn, timeline: timelineEn, links: linksEn, training: trainingEn, pwa: pwaEn, demo: demoEn, refusals: refusalsEn, sandboxProblems: sandboxProblemsEn };
export type UiText = Translation<typeof en>;

/** The catalogues loaded so far. */
const loaded: Partial<Record<Lang, UiText>> = { en };

/** The words in `lang` when its catalogue is loaded (English always is), else undefined. */
export function textIfLoaded(lang: Lang): UiText | undefined {
  return loaded[lang];
}

/** The words in `lang`, loading its catalogue the first time. */
export async function loadText(lang: Lang): Promise<UiText> {
  const ready = loaded[lang];
  if (ready) return ready;
  const { nb } = await import('./ui-text-nb');
  loaded.nb = nb;
  return nb;
}
