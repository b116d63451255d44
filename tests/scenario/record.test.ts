// The recorder's core: every command of every built-in case, recorded as a step, sends that command again; the steps
// a person's screens send are said in words (never the raw-command fallback); and a recording played back headless
// gives the same journal, hash for hash, as the session it was recorded from.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { scenarioLoop } from '../../src/scenario/run';
import { recordStep, recordingScenario, comparePlayback, stepFor } from '../../src/scenario/record';
import type { RecordedStep } from '../../src/scenario/record';
import { Scenario } from '../../src/scenario/format';
import { MemoryJournal } from '../../src/runtime/memory-journal';
import type { WorldCommand } from '../../src/domain';

const LIBRARY = join(fileURLToPath(new URL('../..', import.meta.url)), 'src', 'scenario', 'library');
const cases = readdirSync(LIBRARY)
  .filter((name) => name.endsWith('.scenario.json'))
  .map((name) => {
    const parsed = parseScenarioFile(name, readFileSync(join(LIBRARY, name), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const [loaded] = parsed.scenarios;
    if (!loaded) throw new Error(name);
    return loaded;
  })
  .filter((loaded) => (loaded.scenario.world ?? 'default') === 'default' && loaded.scenario.start === undefined);

/** Runs a case as a person's session would, recording each command after the world as the recorder does. */
function recordSession(scenario: Scenario) {
  const journal = new MemoryJournal(scenario.seed);
  const loop = scenarioLoop(scenario, { state: journal.state, now: journal.now() });
  const worldSize = (() => {
    const probe = new MemoryJournal(scenario.seed);
    const world = scenarioLoop({ ...scenario, steps: [] }, { state: probe.state, now: probe.now() });
    for (let next = world.next(); !next.done; ) next = world.next({ result: probe.run(next.value), state: probe.state, now: probe.now() });
    return probe.entries.length;
  })();
  const recorded: RecordedStep[] = [];
  const commands: WorldCommand[] = [];
  for (let next = loop.next(); !next.done; ) {
    const before = journal.state;
    const result = journal.run(next.value);
    if (result.ok && journal.entries.length > worldSize) {
      recorded.push(recordStep(next.value, before, journal.state, journal.now(), result.entry, result.refusal));
      commands.push(next.value);
    }
    next = loop.next({ result, state: journal.state, now: journal.now() });
  }
  return { journal, recorded, commands };
}

describe('the recorder', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s: recorded and played back headless, the same journal hash for hash', (_id, loaded) => {
    const { journal, recorded } = recordSession(loaded.scenario);
    expect(recorded.length).toBeGreaterThan(0);
    // Screens' commands are said in words: only world edits may fall back to the raw command.
    const raw = recorded.filter((r) => r.step.action === 'run command').map((r) => (r.step.command as { type: string }).type);
    expect(raw.filter((type) => type.startsWith('App') || ['Login', 'DisplayUbc', 'GenerateNewUbc', 'BlockPin', 'SetUserStatus', 'OfflineUnlock', 'AdvanceClock', 'SetPhoneOnline'].includes(type))).toEqual([]);
    const scenario = recordingScenario({ id: 'recording', title: 'A recording', seed: loaded.scenario.seed, recordedAt: 0, steps: recorded.map((r) => ({ ...r, expected: true })) });
    // The file is a valid scenario (as saved and opened again).
    expect(v.safeParse(Scenario, JSON.parse(JSON.stringify(scenario))).success).toBe(true);
    expect(comparePlayback(scenario, journal.entries)).toEqual({ same: true, entries: journal.entries.length });
  });

  it('a step moved out of order no longer plays back the same, and says where it parts', () => {
    const loaded = cases.find((c) => c.id === 'display-ubc-online-unblock');
    if (!loaded) throw new Error('missing case');
    const { journal, recorded } = recordSession(loaded.scenario);
    const swapped = [...recorded];
    const [first, second] = swapped;
    if (!first || !second) throw new Error('too short');
    swapped[0] = second;
    swapped[1] = first;
    const playback = comparePlayback(recordingScenario({ id: 'r', title: 'r', seed: loaded.scenario.seed, recordedAt: 0, steps: swapped }), journal.entries);
    expect(playback.same).toBe(false);
    if (!playback.same) expect(playback.at).toBeGreaterThan(0);
  });

  it('a person\'s commands in the words of the screens (R-UBC-2, R-MGR-3)', () => {
    const { recorded } = recordSession((cases.find((c) => c.id === 'display-ubc-online-unblock') ?? cases[0])!.scenario); // the case is in the library
    expect(recorded.map((r) => r.step.action)).toEqual(expect.arrayContaining(['enter PIN', 'display UBC', 'open unblock', 'choose organization', 'enter UBC', 'set new PIN', 'log in']));
    const display = recorded.find((r) => r.step.action === 'display UBC');
    expect(display?.step).toMatchObject({ actor: { admin: 'ulf.users', org: 'Acme Corp' }, user: 'ingrid' });
    expect(display?.suggested).toEqual([{ user: expect.objectContaining({ org: 'Acme Corp', username: 'ingrid', blocked: true, ubc: 'outstanding' }) }]);
    const login = recorded.find((r) => r.step.action === 'log in');
    expect(login?.suggested).toEqual([{ login: 'accepted' }]);
  });

  it('a command no action says in words is kept as the command itself', () => {
    const journal = new MemoryJournal('raw');
    const step = stepFor({ type: 'CreateOrg', orgId: 'org-x', name: 'X' }, journal.state);
    expect(step).toMatchObject({ actor: 'lab', action: 'run command', command: { type: 'CreateOrg', orgId: 'org-x', name: 'X' } });
  });
});
