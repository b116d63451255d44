// The scenarios words in Norwegian (bokmål): loaded when the page is in Norwegian (src/i18n/ui-text.ts). English: ../scenarios.ts.
import type { Translation } from '../translation';
import type { scenariosEn } from '../scenarios';
import { one } from '../../plural';

export const scenariosNb: Translation<typeof scenariosEn> = {
  open: 'Åpne scenario',
  title: 'Åpne et scenario',
  intro: 'Et scenario åpnes som en ny sandkasse der stegene allerede er kjørt, med serverklokken stoppet til slutt. De andre sandkassene dine endres ikke.',
  library: 'Innebygde saker',
  loading: 'Laster sakene…',
  openCase: (title) => `Åpne «${title}»`,
  openButton: 'Åpne',
  fromFile: 'Åpne en fil…',
  fileHint: 'En .scenario.json- eller .feature-fil (engelsk eller norsk).',
  rules: 'Regler',
  steps: (count) => (one('nb', count) ? '1 steg' : `${count} steg`),
  running: (name) => `Kjører ${name}…`,
  passed: (title, steps) => `Åpnet «${title}» som en ny sandkasse: ${one('nb', steps) ? '1 steg kjørte' : `${steps} steg kjørte`}, og alle forventninger ble oppfylt.`,
  stopped: (title, step, action) => `Åpnet «${title}» som en ny sandkasse, men det stoppet ved steg ${step} (${action}); sandkassen viser verden slik den var der.`,
  checkFailed: (name, expected, actual) => `${name}: forventet ${expected}, var ${actual}`,
  others: (count) => (one('nb', count) ? 'Filen har 1 scenario til; bare det første ble åpnet.' : `Filen har ${count} scenarioer til; bare det første ble åpnet.`),
  refused: 'Scenarioet kunne ikke åpnes',
  nothingStored: 'Ingenting ble lagret; sandkassene dine er uendret.',
  tooLarge: (mb) => `Filen er større enn ${mb} MB.`,
};
