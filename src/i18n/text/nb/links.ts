// The links words in Norwegian (bokmål): loaded when the page is in Norwegian (src/i18n/ui-text.ts). English: ../links.ts.
import type { Translation } from '../translation';
import type { linksEn } from '../links';

export const linksNb: Translation<typeof linksEn> = {
  dropHere: 'Slipp en scenariofil for å åpne den',
  dropHint: 'En .scenario.json- eller .feature-fil åpnes som en ny sandkasse; de andre sandkassene dine endres ikke.',
  fromFile: (name) => `Scenario fra filen ${name}`,
  fromLink: 'Scenario fra en lenke',
  notScenarioFile: (name) => `${name} er ikke en scenariofil: slipp en .scenario.json- eller .feature-fil.`,
  oneFileOnly: (count) => `${count} filer ble sluppet: slipp én scenariofil om gangen.`,
  unreadable: (name) => `${name} kunne ikke leses.`,
  dismiss: 'Lukk meldingen',
  linkNothingSent: 'Scenarioet lå i selve lenken: ingenting ble sendt noe sted.',
  linkErrors: {
    'not-a-scenario-link': 'Lenken har ikke noe scenario.',
    empty: 'Lenken har et tomt scenario: ingenting står etter «#scenario=».',
    'bad-base64url': 'Lenken er skadet: scenarioet er ikke base64url-tekst. Den kan ha blitt kuttet av eller endret.',
    'bad-deflate': 'Lenken er skadet: scenarioet er ikke komprimerte data fra denne sandkassen. Den kan ha blitt kuttet av eller endret.',
    'not-utf8': 'Scenarioet i lenken er ikke tekst.',
    'too-large': 'Scenarioet i lenken er større enn 2 MB.',
  },
  note: 'Trenerens merknad',
  noteOtherLanguage: 'Trenerens merknad (bare skrevet på engelsk)',
  noteOnlyIn: 'Bare skrevet på engelsk.',
  noteLegend: 'Steg med trenerens merknad',
  markWithNote: (label) => `${label} (trenerens merknad)`,
  showRule: (id) => `Vis regel ${id} fra regelboken`,
  ruleLoading: 'Leser regelboken …',
  noSuchRule: (id) => `Regelboken har ingen regel ${id}.`,
  ruleBookLanguage: 'Regelboken er skrevet på engelsk.',
  ruleSource: 'Fra regelboken (docs/rules.md).',
};
