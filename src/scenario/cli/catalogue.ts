// The headless runner's own words, one small catalogue per language (`--lang`). Titles, step lines and event-log
// descriptions come from the scenarios, the action templates and src/i18n; everything else the runner says is here.
import type { Lang } from '../text';

export interface RunnerWords {
  usage: string;
  scenario: string;
  file: string;
  passed: string;
  failed: string;
  error: string;
  skipped: string;
  expected: string;
  actual: string;
  refused: string;
  stepError: string;
  worldError: string;
  recentEvents: string;
  noEvents: string;
  invalidFiles: (count: number) => string;
  noSuchPath: (path: string) => string;
  noFiles: (paths: string) => string;
  noneSelected: string;
  scenarios: (count: number) => string;
  steps: (count: number) => string;
  time: (seconds: string) => string;
  shard: (index: number, total: number, files: number, all: number) => string;
  grepped: (shown: number, all: number, pattern: string) => string;
  junitWritten: (file: string) => string;
  kept: (name: string, value: string) => string;
}

const USAGE_EN = `Usage: npm run scenarios -- [options] [files or folders ...]

Runs scenario files (*.scenario.json, *.feature) in Node, without a browser. With no files it runs the
built-in library (src/scenario/library). Folders are searched recursively, in sorted order.

Options:
  --lang en|nb       the language of the report (default en)
  --grep TEXT        only scenarios whose title (English or Norwegian) contains TEXT; /regex/flags for a pattern
  --shard I/N        only the I-th of N equal parts of the files (1-based), for a CI matrix
  --junit FILE       also write a JUnit XML report to FILE
  --list             list the scenarios without running them
  --no-color         no colours (also when NO_COLOR or CI is set, or the output is not a terminal)
  --help             this text

Exit codes: 0 all passed, 1 a step failed or could not run, 2 an invalid file or wrong arguments.`;

const USAGE_NB = `Bruk: npm run scenarios -- [valg] [filer eller mapper ...]

Kjører scenariofiler (*.scenario.json, *.feature) i Node, uten nettleser. Uten filer kjøres det innebygde
biblioteket (src/scenario/library). Mapper gjennomsøkes rekursivt, i sortert rekkefølge.

Valg:
  --lang en|nb       språket i rapporten (standard en)
  --grep TEKST       bare scenarioer der tittelen (engelsk eller norsk) inneholder TEKST; /regex/flagg for et mønster
  --shard I/N        bare den I-te av N like deler av filene (fra 1), for en CI-matrise
  --junit FIL        skriv også en JUnit XML-rapport til FIL
  --list             list scenarioene uten å kjøre dem
  --no-color         ingen farger (heller ikke når NO_COLOR eller CI er satt, eller utdata ikke er en terminal)
  --help             denne teksten

Avslutningskoder: 0 alt bestått, 1 et steg feilet eller kunne ikke kjøres, 2 en ugyldig fil eller feil argumenter.`;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const WORDS: Record<Lang, RunnerWords> = {
  en: {
    usage: USAGE_EN,
    scenario: 'Scenario',
    file: 'File',
    passed: 'passed',
    failed: 'failed',
    error: 'could not run',
    skipped: 'skipped',
    expected: 'expected',
    actual: 'actual',
    refused: 'Refused',
    stepError: 'The step could not run',
    worldError: 'The world could not be built',
    recentEvents: 'Last event-log entries',
    noEvents: '(none)',
    invalidFiles: (count) => `${plural(count, 'file is', 'files are')} invalid; nothing was run.`,
    noSuchPath: (path) => `No such file or folder: ${path}`,
    noFiles: (paths) => `No scenario files (*.scenario.json, *.feature) in ${paths}`,
    noneSelected: 'No scenario selected.',
    scenarios: (count) => plural(count, 'scenario', 'scenarios'),
    steps: (count) => plural(count, 'step', 'steps'),
    time: (seconds) => `${seconds} s`,
    shard: (index, total, files, all) => `Shard ${index}/${total}: ${plural(files, 'file', 'files')} of ${all}`,
    grepped: (shown, all, pattern) => `${shown} of ${plural(all, 'scenario', 'scenarios')} match ${pattern}`,
    junitWritten: (file) => `JUnit report written to ${file}`,
    kept: (name, value) => `kept ${name} = ${value}`,
  },
  nb: {
    usage: USAGE_NB,
    scenario: 'Scenario',
    file: 'Fil',
    passed: 'bestått',
    failed: 'feilet',
    error: 'kunne ikke kjøres',
    skipped: 'hoppet over',
    expected: 'forventet',
    actual: 'faktisk',
    refused: 'Avvist',
    stepError: 'Steget kunne ikke kjøres',
    worldError: 'Verdenen kunne ikke bygges',
    recentEvents: 'Siste oppføringer i hendelsesloggen',
    noEvents: '(ingen)',
    invalidFiles: (count) => `${count === 1 ? '1 fil er ugyldig' : `${count} filer er ugyldige`}; ingenting ble kjørt.`,
    noSuchPath: (path) => `Finner ingen fil eller mappe: ${path}`,
    noFiles: (paths) => `Ingen scenariofiler (*.scenario.json, *.feature) i ${paths}`,
    noneSelected: 'Ingen scenarioer valgt.',
    scenarios: (count) => plural(count, 'scenario', 'scenarioer'),
    steps: (count) => plural(count, 'steg', 'steg'),
    time: (seconds) => `${seconds.replace('.', ',')} s`,
    shard: (index, total, files, all) => `Del ${index}/${total}: ${plural(files, 'fil', 'filer')} av ${all}`,
    grepped: (shown, all, pattern) => `${shown} av ${plural(all, 'scenario', 'scenarioer')} passer med ${pattern}`,
    junitWritten: (file) => `JUnit-rapport skrevet til ${file}`,
    kept: (name, value) => `lagret ${name} = ${value}`,
  },
};
