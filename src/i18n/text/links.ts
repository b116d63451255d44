// Scenarios that arrive by a dropped file or a link, trainer notes on the timeline, and a rule's own text from the rule book, in English and Norwegian.
import type { Translation } from './translation';

export const linksEn = {
  // A file dropped on the page.
  dropHere: 'Drop a scenario file to open it',
  dropHint: 'A .scenario.json or .feature file opens as a new sandbox; your other sandboxes are not changed.',
  fromFile: (name: string) => `Scenario from the file ${name}`,
  fromLink: 'Scenario from a link',
  notScenarioFile: (name: string) => `${name} is not a scenario file: drop a .scenario.json or .feature file.`,
  oneFileOnly: (count: number) => `${count} files were dropped: drop one scenario file at a time.`,
  unreadable: (name: string) => `${name} could not be read.`,
  dismiss: 'Dismiss',
  // A link that carries a scenario in its fragment.
  linkNothingSent: 'The scenario came in the link itself: nothing was sent anywhere.',
  linkErrors: {
    'not-a-scenario-link': 'The link carries no scenario.',
    empty: 'The link carries an empty scenario: nothing follows "#scenario=".',
    'bad-base64url': 'The link is damaged: its scenario is not base64url text. It may have been cut short or changed.',
    'bad-deflate': 'The link is damaged: its scenario is not compressed data this sandbox made. It may have been cut short or changed.',
    'not-utf8': 'The link\'s scenario is not text.',
    'too-large': 'The link\'s scenario is larger than 2 MB.',
  },
  // Trainer notes on the timeline.
  note: 'Trainer\'s note',
  noteOtherLanguage: 'Trainer\'s note (written in Norwegian only)',
  noteOnlyIn: 'Written in Norwegian only.',
  noteLegend: 'Step with a trainer\'s note',
  markWithNote: (label: string) => `${label} (trainer's note)`,
  // A rule's own text.
  showRule: (id: string) => `Show rule ${id} from the rule book`,
  ruleLoading: 'Reading the rule book…',
  noSuchRule: (id: string) => `There is no rule ${id} in the rule book.`,
  ruleBookLanguage: 'The rule book is in English.',
  ruleSource: 'From the rule book (docs/rules.md).',
} as const;
