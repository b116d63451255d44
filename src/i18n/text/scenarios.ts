// Opening a scenario (a built-in case or a file) as a new sandbox, in English and Norwegian.
import type { Translation } from './translation';
import { one } from '../plural';

export const scenariosEn = {
  open: 'Open scenario',
  title: 'Open a scenario',
  intro: 'A scenario opens as a new sandbox in which its steps have run, with the server clock paused at the end. Your other sandboxes are not changed.',
  library: 'Built-in cases',
  loading: 'Loading the cases…',
  openCase: (title: string) => `Open "${title}"`,
  openButton: 'Open',
  fromFile: 'Open a file…',
  fileHint: 'A .scenario.json or .feature file (English or Norwegian).',
  rules: 'Rules',
  steps: (count: number) => (one('en', count) ? '1 step' : `${count} steps`),
  running: (name: string) => `Running ${name}…`,
  passed: (title: string, steps: number) => `Opened "${title}" as a new sandbox: ${one('en', steps) ? '1 step ran' : `${steps} steps ran`} and every expectation was met.`,
  stopped: (title: string, step: number, action: string) => `Opened "${title}" as a new sandbox, but it stopped at step ${step} (${action}); the sandbox shows the world as it was there.`,
  checkFailed: (name: string, expected: string, actual: string) => `${name}: expected ${expected}, was ${actual}`,
  others: (count: number) => (one('en', count) ? 'The file holds 1 more scenario; only the first was opened.' : `The file holds ${count} more scenarios; only the first was opened.`),
  refused: 'The scenario could not be opened',
  nothingStored: 'Nothing was stored; your sandboxes are unchanged.',
  tooLarge: (mb: number) => `The file is larger than ${mb} MB.`,
} as const;
