// Every word on the screens in Norwegian (bokmål), the same keys as English (ui-text.ts): loaded when it is chosen.
import type { UiText } from './ui-text';
import { labNb } from './text/nb/lab';
import { phoneNb } from './text/nb/phone';
import { managerNb } from './text/nb/manager';
import { loginNb } from './text/nb/login';
import { integrityNb } from './text/nb/integrity';
import { scenariosNb } from './text/nb/scenarios';
import { historyNb } from './text/nb/history';
import { timelineNb } from './text/nb/timeline';
import { linksNb } from './text/nb/links';
import { trainingNb } from './text/nb/training';
import { pwaNb } from './text/nb/pwa';
import { demoNb } from './text/nb/demo';
import { refusalsNb, sandboxProblemsNb } from './text/nb/refusals';

export const nb: UiText = { ...labNb, phone: phoneNb, manager: managerNb, login: loginNb, integrity: integrityNb, scenarios: scenariosNb, history: historyNb, timeline: timelineNb, links: linksNb, training: trainingNb, pwa: pwaNb, demo: demoNb, refusals: refusalsNb, sandboxProblems: sandboxProblemsNb };
