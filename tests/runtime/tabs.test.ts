// Several tabs on one database: entries from both interleave without loss, the chain stays whole, and a reset in one reloads the other.
import { describe, it, expect } from 'vitest';
import { Sandbox } from '../../src/runtime/sandbox';
import { resetSandbox, renameSandbox } from '../../src/runtime/sandboxes';
import { foldEntries } from '../../src/runtime/journal';
import { verifyChain } from '../../src/runtime/hash-chain';
import { initialState } from '../../src/domain';
import type { WorldCommand } from '../../src/domain';
import type { SandboxDb } from '../../src/storage/db';
import { defaultSandbox, sameDb, journalRows, accepted, DEFAULT_WORLD_ENTRIES } from './support/fixture';

/** Two tabs: two connections to one database, each with a Sandbox on the same sandbox and the same wall clock. */
async function twoTabs() {
  const first = await defaultSandbox();
  const otherDb = sameDb(first.db);
  const other = await Sandbox.open(otherDb, first.id, first.wall.read);
  return { ...first, tabA: first.sandbox, tabB: other, otherDb };
}

/** The journal is whole: seqs 1..n, no gaps or duplicates, each linked and hashed, ending at the sandbox's head. */
async function expectWholeJournal(db: SandboxDb, id: string, expectedLength: number) {
  const rows = await journalRows(db, id);
  expect(rows).toHaveLength(expectedLength);
  expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: expectedLength }, (_, i) => i + 1));
  const checked = verifyChain(rows);
  expect(checked.problem).toBeNull();
  expect(checked.good).toBe(expectedLength);
  const row = await db.sandboxes.get(id);
  expect({ headSeq: row?.headSeq, headHash: row?.headHash }).toEqual({ headSeq: expectedLength, headHash: checked.lastHash });
  return rows;
}

function person(i: number): WorldCommand {
  return { type: 'AddPerson', personId: `tab-person-${i}`, name: `Tab Person ${i}`, mobile: `+4750000${String(i).padStart(3, '0')}` };
}

describe('two tabs dispatching', () => {
  it('alternately: each tab sees what the other appended before deciding (a phone for the other tab\'s new person)', async () => {
    const { db, id, tabA, tabB, wall } = await twoTabs();
    for (let i = 0; i < 4; i += 1) {
      wall.advance(1_000);
      await accepted(tabA, person(i));
      wall.advance(1_000);
      // Tab B has not caught up, yet the person tab A added must exist when B decides.
      await accepted(tabB, { type: 'AddPhone', phoneId: `tab-phone-${i}`, personId: `tab-person-${i}`, label: `Phone ${i}` });
    }

    const rows = await expectWholeJournal(db, id, DEFAULT_WORLD_ENTRIES + 8);
    expect(rows.slice(-8).map((r) => r.command.type)).toEqual(Array.from({ length: 4 }, () => ['AddPerson', 'AddPhone']).flat());
    await tabA.catchUp();
    await tabB.catchUp();
    expect(tabA.seq).toBe(rows.length);
    expect(tabB.seq).toBe(rows.length);
    expect(tabA.state).toEqual(tabB.state);
    expect(tabA.state).toEqual(foldEntries(initialState(), rows));
  });

  it('concurrently (Promise.all on both tabs): exactly one entry per accepted command, seqs without gaps or duplicates, equal states after catchUp', async () => {
    const { db, id, tabA, tabB, wall } = await twoTabs();
    wall.advance(2_000);
    const commands = Array.from({ length: 20 }, (_, i) => person(i));

    const results = await Promise.all(commands.map((command, i) => (i % 2 === 0 ? tabA : tabB).dispatch(command)));

    expect(results.every((r) => r.ok)).toBe(true);
    const seqs = results.map((r) => (r.ok ? r.seq : -1)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => DEFAULT_WORLD_ENTRIES + 1 + i));
    const rows = await expectWholeJournal(db, id, DEFAULT_WORLD_ENTRIES + 20);
    const added = rows.slice(-20).map((r) => (r.command.type === 'AddPerson' ? r.command.personId : ''));
    expect(added.sort()).toEqual(commands.map((c) => (c.type === 'AddPerson' ? c.personId : '')).sort());
    await tabA.catchUp();
    await tabB.catchUp();
    expect(tabA.seq).toBe(rows.length);
    expect(tabB.seq).toBe(rows.length);
    expect(tabA.state).toEqual(tabB.state);
    expect(tabA.state).toEqual(foldEntries(initialState(), rows));
  });

  it('two tabs each sending 200 commands as fast as they can: exactly 400 new entries, none lost or doubled, the history verifies', async () => {
    const { db, id, tabA, tabB, wall } = await twoTabs();
    wall.advance(2_000);
    const burst = (tab: Sandbox, from: number) => Array.from({ length: 200 }, (_, i) => tab.dispatch(person(from + i)));
    const results = await Promise.all([...burst(tabA, 0), ...burst(tabB, 200)]);
    expect(results.filter((r) => r.ok)).toHaveLength(400);
    const rows = await expectWholeJournal(db, id, DEFAULT_WORLD_ENTRIES + 400);
    const added = rows.slice(-400).map((r) => (r.command.type === 'AddPerson' ? r.command.personId : ''));
    expect(new Set(added).size).toBe(400);
    await tabA.catchUp();
    await tabB.catchUp();
    expect(tabA.state).toEqual(tabB.state);
    const reopened = await Sandbox.open(db, id, wall.read);
    expect(await reopened.whenVerified()).toEqual({ ok: true, verifying: null });
  });

  it('concurrently with conflicting commands: only the first of two identical additions is accepted, the other refused and not journaled', async () => {
    const { db, id, tabA, tabB } = await twoTabs();

    const [a, b] = await Promise.all([tabA.dispatch(person(1)), tabB.dispatch(person(1))]);

    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'already-exists' });
    await expectWholeJournal(db, id, DEFAULT_WORLD_ENTRIES + 1);
    await tabA.catchUp();
    await tabB.catchUp();
    expect(tabA.state).toEqual(tabB.state);
  });

  it('R-CLK-1 a clock change in one tab moves the other tab\'s clock after catchUp', async () => {
    const { tabA, tabB, wall } = await twoTabs();
    wall.advance(1_000);
    await accepted(tabA, { type: 'SetClockSpeed', speed: 60 });
    await tabB.catchUp();
    wall.advance(1_000);
    expect(tabB.now()).toBe(tabA.now());
    expect(tabB.state.clock.speed).toBe(60);
  });
});

describe('a reset in one tab', () => {
  it('makes the other tab reload the default world on catchUp', async () => {
    const { db, otherDb, id, tabA, tabB, wall } = await twoTabs();
    for (let i = 0; i < 3; i += 1) await accepted(tabB, person(i));
    await tabA.catchUp();
    expect(tabA.seq).toBe(DEFAULT_WORLD_ENTRIES + 3);

    wall.advance(60_000);
    await resetSandbox(otherDb, id, wall.now);
    await tabA.catchUp();

    const fresh = await Sandbox.open(db, id, wall.read);
    expect(tabA.seq).toBe(DEFAULT_WORLD_ENTRIES);
    expect(tabA.state).toEqual(fresh.state);
    expect(tabA.state.people['tab-person-0']).toBeUndefined();
    expect(await tabA.whenVerified()).toEqual({ ok: true, verifying: null });
    expect(tabA.now()).toBe(fresh.now());
  });

  it('followed by more commands there than the other tab had: the other tab reloads on catchUp, not folding onto its old head', async () => {
    const { db, id, tabA, tabB, otherDb, wall } = await twoTabs();
    for (let i = 0; i < 2; i += 1) await accepted(tabA, person(i));
    await tabB.catchUp();

    await resetSandbox(otherDb, id, wall.now);
    const tabB2 = await Sandbox.open(otherDb, id, wall.read);
    for (let i = 10; i < 15; i += 1) await accepted(tabB2, person(i));
    await tabA.catchUp();

    const rows = await expectWholeJournal(db, id, DEFAULT_WORLD_ENTRIES + 5);
    expect(tabA.seq).toBe(rows.length);
    expect(tabA.state).toEqual(foldEntries(initialState(), rows));
    expect(tabA.state.people['tab-person-0']).toBeUndefined();
    expect(await tabA.whenVerified()).toEqual({ ok: true, verifying: null });
  });

  it('followed by exactly as many (other) commands as the other tab had: the other tab still reloads on catchUp', async () => {
    const { db, id, tabA, otherDb, wall } = await twoTabs();
    for (let i = 0; i < 3; i += 1) await accepted(tabA, person(i));

    await resetSandbox(otherDb, id, wall.now);
    const tabB2 = await Sandbox.open(otherDb, id, wall.read);
    for (let i = 10; i < 13; i += 1) await accepted(tabB2, person(i));
    await tabA.catchUp();

    // Same head seq as tab A's, different head hash: tab A's state is stale and must be replaced.
    const rows = await expectWholeJournal(db, id, DEFAULT_WORLD_ENTRIES + 3);
    expect(tabA.seq).toBe(rows.length);
    expect(tabA.state.people['tab-person-0']).toBeUndefined();
    expect(tabA.state.people['tab-person-10']).toBeDefined();
    expect(tabA.state).toEqual(foldEntries(initialState(), rows));
    expect((await tabA.dispatch(person(30))).ok).toBe(true);
  });

  it('a dispatch in the other tab right after the reset never writes an entry out of chain', async () => {
    const { db, id, tabA, otherDb, wall } = await twoTabs();
    for (let i = 0; i < 3; i += 1) await accepted(tabA, person(i));
    await resetSandbox(otherDb, id, wall.now);

    const result = await tabA.dispatch(person(20));

    const rows = await journalRows(db, id);
    await expectWholeJournal(db, id, rows.length);
    expect(rows.length).toBe(DEFAULT_WORLD_ENTRIES + (result.ok ? 1 : 0));
    await tabA.catchUp();
    expect(tabA.state).toEqual(foldEntries(initialState(), rows));
    expect((await tabA.dispatch(person(21))).ok).toBe(true);
  });
});

describe('watchOtherTabs', () => {
  it('follows entries appended in another tab and notifies subscribers', async () => {
    const { tabA, tabB } = await twoTabs();
    let notified = 0;
    tabB.subscribe(() => {
      notified += 1;
    });
    tabB.watchOtherTabs();

    await accepted(tabA, person(1));
    for (let i = 0; i < 100 && tabB.seq !== tabA.seq; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));

    expect(tabB.seq).toBe(tabA.seq);
    expect(tabB.state).toEqual(tabA.state);
    expect(notified).toBeGreaterThan(0);
    tabB.close();
  });

  it('follows a reset and a rename in another tab, and is not woken by its own commands', async () => {
    const { db, id, tabA, tabB, wall } = await twoTabs();
    let caughtUp = 0;
    const catchUp = tabB.catchUp.bind(tabB);
    tabB.catchUp = async () => {
      caughtUp += 1;
      return catchUp();
    };
    tabB.watchOtherTabs();
    await accepted(tabB, person(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(caughtUp).toBe(0); // its own command sends no signal back to it: nothing is read again

    await resetSandbox(db, id, wall.now);
    for (let i = 0; i < 100 && tabB.seq !== DEFAULT_WORLD_ENTRIES; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tabB.seq).toBe(DEFAULT_WORLD_ENTRIES);
    await renameSandbox(db, id, 'Renamed elsewhere');
    for (let i = 0; i < 100 && tabB.info.name !== 'Renamed elsewhere'; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tabB.info.name).toBe('Renamed elsewhere');
    tabA.close();
    tabB.close();
  });
});
