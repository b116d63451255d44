// Every word on the screens, in English and Norwegian (bokmål). Keys are typed: a missing translation does not compile.
import type { Translation } from './text/translation';
import { labEn, labNb } from './text/lab';
import { phoneEn, phoneNb } from './text/phone';
import { managerEn, managerNb } from './text/manager';
import { loginEn, loginNb } from './text/login';
import { integrityEn, integrityNb } from './text/integrity';
import { scenariosEn, scenariosNb } from './text/scenarios';
import { historyEn, historyNb } from './text/history';
import { timelineEn, timelineNb } from './text/timeline';
import { linksEn, linksNb } from './text/links';
import { trainingEn, trainingNb } from './text/training';
import { pwaEn, pwaNb } from './text/pwa';
import { demoEn, demoNb } from './text/demo';

export const en = { ...labEn, phone: phoneEn, manager: managerEn, login: loginEn, integrity: integrityEn, scenarios: scenariosEn, history: historyEn, timeline: timelineEn, links: linksEn, training: trainingEn, pwa: pwaEn, demo: demoEn };
export type UiText = Translation<typeof en>;
export const nb: UiText = { ...labNb, phone: phoneNb, manager: managerNb, login: loginNb, integrity: integrityNb, scenarios: scenariosNb, history: historyNb, timeline: timelineNb, links: linksNb, training: trainingNb, pwa: pwaNb, demo: demoNb };
export const TEXT: Record<'en' | 'nb', UiText> = { en, nb };
