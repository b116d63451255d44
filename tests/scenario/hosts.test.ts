// One file, the same world, whoever runs it: the step loop on a stored sandbox (IndexedDB) gives the runner's journal,
// and a scenario opened in the sandbox is the runner's journal, which then proves itself like any other.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenario/run';
import { runOnSandbox } from '../../src/scenario/sandbox-host';
import { openScenarioFile } from '../../src/scenario/open-in-sandbox';
import { Sandbox } from '../../src/runtime/sandbox';
import { createEmptySandbox } from '../../src/runtime/sandboxes';
import { freshDb, journalRows, WallClock } from '../runtime/support/fixture';
import { scenario, ONLINE_UNBLOCK_STEPS, ONLINE_UNBLOCK_FEATURE } from './support/scenarios';

describe('the same scenario on every host', () => {
  it('R-UBC-2 case: the steps dispatched to a stored sandbox one by one give the runner\'s journal, hash for hash', async () => {
    const theCase = scenario(ONLINE_UNBLOCK_STEPS);
    const inMemory = runScenario(theCase);
    const db = freshDb('host');
    const wall = new WallClock();
    const id = await createEmptySandbox(db, 'Host test', theCase.seed, wall.now);
    const sandbox = await Sandbox.open(db, id, wall.read);
    wall.advance(5_000); // wall time passing changes nothing: the scenario's clock is paused
    const stored = await runOnSandbox(theCase, sandbox);
    expect(stored.status).toBe('passed');
    expect(stored.steps.map((step) => step.kept)).toEqual(inMemory.steps.map((step) => step.kept));
    const rows = await journalRows(db, id);
    expect(rows.map((row) => row.hash)).toEqual(inMemory.entries.map((entry) => entry.hash));
    expect((await sandbox.whenVerified()).ok).toBe(true);
    sandbox.close();
  });

  it('a scenario file opened in the sandbox becomes a new sandbox holding the runner\'s journal, and it verifies', async () => {
    const db = freshDb('open');
    const opened = await openScenarioFile(db, 'case.feature', ONLINE_UNBLOCK_FEATURE, { lang: 'nb', wallNow: 1_000 });
    if (!opened.ok) throw new Error(opened.errors.join('\n'));
    expect(opened.run.status).toBe('passed');
    const rows = await journalRows(db, opened.sandboxId);
    expect(rows.map((row) => row.hash)).toEqual(runScenario(scenario(ONLINE_UNBLOCK_STEPS)).entries.map((entry) => entry.hash));
    const sandbox = await Sandbox.open(db, opened.sandboxId, () => 1_000);
    expect(sandbox.info.name).toBe('Test case');
    expect(sandbox.state).toEqual(opened.run.state);
    expect((await sandbox.whenVerified()).ok).toBe(true);
    sandbox.close();
  });

  it('a bad file stores nothing and says what is wrong', async () => {
    const db = freshDb('bad');
    const opened = await openScenarioFile(db, 'bad.scenario.json', '{"format":"code-sandbox-scenario"}', { lang: 'en' });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.errors[0]).toMatch(/^bad\.scenario\.json: /);
    expect(await db.sandboxes.count()).toBe(0);
  });
});
