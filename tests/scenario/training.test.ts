// Guided training on the core: every training case of the library is met by its own expected path, a trainee who does
// the right things meets every goal, one who displays a UBC for the wrong user has the mistake named, and the caller
// answers from what their phone shows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { runScenario, scenarioLoop, stepsLoop } from '../../src/scenario/run';
import type { HostAnswer } from '../../src/scenario/run';
import { assess, callerLoop, callerReply, expectedPath, expectedScenario, requestOf, setupOf, trainingOf } from '../../src/scenario/training';
import * as v from 'valibot';
import { Step } from '../../src/scenario/format';
import type { Scenario, Training } from '../../src/scenario/format';
import { MemoryJournal } from '../../src/runtime/memory-journal';
import type { WorldCommand } from '../../src/domain';

const LIBRARY = join(fileURLToPath(new URL('../..', import.meta.url)), 'src', 'scenario', 'library');

function libraryCase(id: string): Scenario {
  const parsed = parseScenarioFile(`${id}.scenario.json`, readFileSync(join(LIBRARY, `${id}.scenario.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const [loaded] = parsed.scenarios;
  if (!loaded) throw new Error(`no scenario in ${id}`);
  return loaded.scenario;
}

/** Runs a host-agnostic loop on a journal in memory. */
function drive<R>(loop: Generator<WorldCommand, R, HostAnswer>, journal: MemoryJournal): R {
  for (let next = loop.next(); ; ) {
    if (next.done) return next.value;
    const result = journal.run(next.value);
    next = loop.next({ result, state: journal.state, now: journal.now() });
  }
}

/** A training session in memory: the situation built, then the trainee's steps and the caller's requests. */
function session(scenario: Scenario) {
  const training = trainingOf(scenario) as Training; // every case given here has a training section (asserted below)
  expect(training).not.toBeNull();
  const journal = new MemoryJournal(scenario.seed);
  const setup = drive(scenarioLoop(setupOf(scenario, training), { state: journal.state, now: journal.now() }), journal);
  expect(setup.status).toBe('passed');
  const startSeq = journal.head.seq;
  let kept = new Map<string, string>();
  return {
    training,
    journal,
    /** The trainee acting in Manager (as steps, which send the commands Manager's buttons send). */
    act(written: readonly object[]) {
      const steps = written.map((step) => v.parse(Step, step));
      const run = drive(stepsLoop(steps, { state: journal.state, now: journal.now() }, { kept }), journal);
      expect(run.steps.map((step) => step.error ?? step.status)).toEqual(steps.map(() => 'passed'));
      kept = run.kept;
      return run;
    },
    ask(id: string, said?: string) {
      const request = requestOf(training, id);
      if (!request) throw new Error(`no request ${id}`);
      const run = drive(callerLoop(request, said, kept, { state: journal.state, now: journal.now() }, 'en'), journal);
      for (const [name, value] of run.kept) kept.set(name, value);
      return callerReply(training, request, run);
    },
    kept: () => kept,
    assessment: () => assess(training, { world: journal.state, now: journal.now(), entries: journal.entries.slice(startSeq), lang: 'en' }),
  };
}

const trainingCases = readdirSync(LIBRARY)
  .filter((name) => name.endsWith('.scenario.json'))
  .map((name) => name.replace('.scenario.json', ''))
  .filter((id) => trainingOf(libraryCase(id)) !== null);

describe('training cases of the library', () => {
  it('there are training cases for the online, offline and blocked-UBC unblock', () => {
    expect(trainingCases).toEqual(expect.arrayContaining(['display-ubc-online-unblock', 'offline-unblock-code', 'ubc-typed-wrong-three-times']));
  });

  it.each(trainingCases)('%s: the case\'s own expected path meets every goal and makes no mistake', (id) => {
    const scenario = libraryCase(id);
    const training = trainingOf(scenario) as Training; // filtered to training cases above
    const before = runScenario(setupOf(scenario, training));
    const run = runScenario(expectedScenario(scenario, training));
    expect(run.status).toBe('passed');
    const assessment = assess(training, { world: run.state, now: run.state.clock.now, entries: run.entries.slice(before.entries.length), lang: 'en' });
    expect(assessment.goals.filter((goal) => !goal.met).map((goal) => `${goal.id}: ${goal.unmet.map((c) => `${c.name} ${c.actual}`).join('; ')}`)).toEqual([]);
    expect(assessment.mistakes).toEqual([]);
    // Before the trainee does anything, no goal about the trainee's work is met.
    const start = assess(training, { world: before.state, now: before.state.clock.now, entries: [], lang: 'en' });
    expect(start.goals.every((goal) => !goal.met)).toBe(true);
    expect(expectedPath(scenario, training).length).toBe(run.entries.length - before.entries.length);
  });
});

describe('a trainee on the online case (R-UBC-1, R-UBC-2, R-MGR-5)', () => {
  it('done right: Display UBC, read it to the caller, the caller logs in: every goal met, no mistake', () => {
    const s = session(libraryCase('display-ubc-online-unblock'));
    expect(s.assessment().goals.map((goal) => goal.met)).toEqual([false, false, false, false]);
    s.act([{ actor: { admin: 'ulf.users' }, action: 'display UBC', user: 'ingrid', keep: { ubc: 'ubc' } }]);
    const reply = s.ask('read-ubc', s.kept().get('ubc'));
    expect(reply).toEqual({ ok: true, text: expect.objectContaining({ en: expect.stringContaining('unblocked') }) });
    expect(s.assessment().goals.filter((goal) => goal.met).map((goal) => goal.id)).toEqual(['unblocked', 'own-pin', 'ubc-only-ingrid']);
    expect(s.ask('log-in').ok).toBe(true);
    const done = s.assessment();
    expect(done.goals.every((goal) => goal.met)).toBe(true);
    expect(done.mistakes).toEqual([]);
  });

  it('done wrong: the UBC displayed for Ola first is named as a mistake and undoes the "only for Ingrid" goal', () => {
    const s = session(libraryCase('display-ubc-online-unblock'));
    // Ola's PIN is blocked too (R-BLK-1), so Manager has a UBC for him as well.
    s.act([0, 1, 2].map((n) => ({ actor: { phone: 'Ola' }, action: 'enter PIN', pin: `000${n}` })));
    s.act([
      { actor: { admin: 'ulf.users' }, action: 'display UBC', user: 'ola' },
      { actor: { admin: 'ulf.users' }, action: 'display UBC', user: 'ingrid', keep: { ubc: 'ubc' } },
    ]);
    s.ask('read-ubc', s.kept().get('ubc'));
    s.ask('log-in');
    const result = s.assessment();
    expect(result.mistakes.map((mistake) => mistake.id)).toEqual(['ubc-other-user']);
    expect(result.mistakes[0]?.text.en).toContain('someone other than the caller');
    expect(result.goals.find((goal) => goal.id === 'ubc-only-ingrid')?.met).toBe(false);
    expect(result.goals.find((goal) => goal.id === 'unblocked')?.met).toBe(true);
  });

  it('the caller answers from the phone: a wrong UBC is reported with the attempts left, and named as the case\'s mistake (R-UBC-3)', () => {
    const s = session(libraryCase('display-ubc-online-unblock'));
    const reply = s.ask('read-ubc', '111 111 111');
    expect(reply.ok).toBe(false);
    expect(reply.text.en).toBe('The app says the unblocking code is wrong. 2 attempts left.');
    expect(reply.text.nb).toBe('Appen sier at opplåsingskoden er feil. 2 forsøk igjen.');
    expect(s.assessment().goals.find((goal) => goal.id === 'unblocked')?.met).toBe(false);
    expect(s.assessment().mistakes.map((mistake) => mistake.id)).toEqual(['wrong-ubc-read']);
  });

  it('a UBC read out with too few digits: the app refuses it and the caller says why (R-UBC-2)', () => {
    const s = session(libraryCase('display-ubc-online-unblock'));
    const reply = s.ask('read-ubc', '123 456 78');
    expect(reply.ok).toBe(false);
    expect(reply.text.en).toBe('The app does not take it: "ubc" must be exactly 9 digits (R-UBC-2)');
    // In Norwegian, the refusal in Norwegian words too, not the core's English.
    expect(reply.text.nb).toBe('Appen godtar det ikke: «ubc» må være nøyaktig 9 sifre (R-UBC-2)');
  });

  it('asked to log in while the PIN is still blocked, the caller says so (R-BLK-1)', () => {
    const s = session(libraryCase('display-ubc-online-unblock'));
    const reply = s.ask('log-in');
    expect(reply.ok).toBe(false);
    expect(reply.text.en).toContain('blocked');
  });
});

describe('a trainee on the offline case (R-UBC-4)', () => {
  it('the caller reads back the nine-digit offline unblock code and logs in with it', () => {
    const s = session(libraryCase('offline-unblock-code'));
    s.act([{ actor: { admin: 'anna.admin' }, action: 'display UBC', user: 'ingrid', keep: { ubc: 'ubc' } }]);
    const reply = s.ask('read-ubc', s.kept().get('ubc'));
    expect(reply.ok).toBe(true);
    expect(reply.text.en).toMatch(/offline unblock code, \d{3} ?\d{3} ?\d{3}/);
    expect(s.ask('log-in').ok).toBe(true);
    const done = s.assessment();
    expect(done.goals.filter((goal) => !goal.met).map((goal) => goal.id)).toEqual([]);
  });

  it('asked to turn on data, the caller cannot, and nothing changes in the world', () => {
    const s = session(libraryCase('offline-unblock-code'));
    const before = s.journal.head.seq;
    expect(s.ask('data-on').text.en).toContain('roaming is off');
    expect(s.journal.head.seq).toBe(before);
  });
});
