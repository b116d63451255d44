// Opening a sandbox checks the chain after its checkpoint at once and verifies everything in the background: damage is reported with its seq, and dispatch is refused.
import { describe, it, expect } from 'vitest';
import { Sandbox, SandboxError, CHECKPOINT_EVERY } from '../../src/runtime/sandbox';
import type { DispatchResult } from '../../src/runtime/sandbox';
import { foldEntries } from '../../src/runtime/journal';
import type { Entry } from '../../src/runtime/journal';
import { entryHash } from '../../src/runtime/hash-chain';
import { initialState } from '../../src/domain';
import type { SandboxDb } from '../../src/storage/db';
import { verifySandbox } from '../../src/runtime/verify';
import { defaultSandbox, accepted, journalRows, dump, fillerCommand, expectDefined, DEFAULT_WORLD_ENTRIES } from './support/fixture';

/** A default sandbox with a few more entries; returns it with its intact entries. */
async function grown(extra = 6) {
  const setup = await defaultSandbox();
  for (let i = 0; i < extra; i += 1) {
    setup.wall.advance(1_000);
    await accepted(setup.sandbox, fillerCommand(i));
  }
  const entries = await setup.sandbox.entries();
  return { ...setup, entries };
}

/** Checks what a damaged journal must do: report the problem, load the verified prefix, refuse commands and write nothing. */
async function expectDamaged(db: SandboxDb, id: string, entries: Entry[], wall: () => number, problem: { kind: string; seq: number }) {
  const opened = await Sandbox.open(db, id, wall);
  const verified = problem.seq - 1;
  expect(await opened.whenVerified()).toEqual({ ok: false, problem, verified });
  expect(opened.integrity).toEqual({ ok: false, problem, verified });
  // Damage found at open: only the entries before it are shown.
  if (opened.seq === verified) expect(opened.state).toEqual(foldEntries(initialState(), entries.slice(0, verified)));

  const before = await dump(db);
  const result: DispatchResult = await opened.dispatch({ type: 'AdvanceClock', byMs: 30_000 });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toBeInstanceOf(SandboxError);
  expect(result.error).toMatchObject({ code: 'journal-damaged' });
  expect(result.error.message).toContain(String(problem.seq));
  expect(await dump(db)).toEqual(before);
}

describe('an intact journal', () => {
  it('is reported ok and accepts commands', async () => {
    const { db, id, wall, entries } = await grown();
    const opened = await Sandbox.open(db, id, wall.read);
    expect(await opened.whenVerified()).toEqual({ ok: true, verifying: null });
    expect(opened.seq).toBe(entries.length);
    expect((await opened.dispatch({ type: 'AdvanceClock', byMs: 30_000 })).ok).toBe(true);
  });
});

describe('a verification that gives way (its pace holds it)', () => {
  it('waits at its pace every 250 entries and finds what it finds without waiting, intact and damaged', async () => {
    const { db, id, entries } = await grown(440);
    expect(entries.length).toBeGreaterThan(500);
    let waits = 0;
    const pace = async () => {
      waits += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const { ms: _held, ...held } = await verifySandbox(db, id, undefined, undefined, pace);
    const { ms: _free, ...free } = await verifySandbox(db, id);
    expect(held).toEqual(free);
    expect(held).toMatchObject({ ok: true, checked: entries.length });
    expect(waits).toBe(Math.floor(entries.length / 250));

    const target = expectDefined(entries.find((e) => e.command.type === 'AddPerson' && e.seq > 300), 'a filler AddPerson past the first wait');
    await db.journal.update([id, target.seq], { events: [{ type: 'PersonAdded', personId: 'filler-x', name: 'Mallory', mobile: '+4740000000' }] });
    const { ms: _a, ...damagedHeld } = await verifySandbox(db, id, undefined, undefined, pace);
    const { ms: _b, ...damagedFree } = await verifySandbox(db, id);
    expect(damagedHeld).toEqual(damagedFree);
    expect(damagedHeld.finding).toEqual({ kind: 'changed', seq: target.seq });
  });
});

describe('a changed entry', () => {
  it('an event edited in the journal table is reported as changed at its seq', async () => {
    const { db, id, wall, entries } = await grown();
    const target = expectDefined(entries.find((e) => e.command.type === 'AddPerson' && e.seq > DEFAULT_WORLD_ENTRIES), 'a filler AddPerson');
    await db.journal.update([id, target.seq], { events: [{ type: 'PersonAdded', personId: 'filler-0', name: 'Mallory', mobile: '+4740000000' }] });

    await expectDamaged(db, id, entries, wall.read, { kind: 'changed', seq: target.seq });
  });

  it('a command edited in the journal table is reported as changed at its seq', async () => {
    const { db, id, wall, entries } = await grown();
    const target = expectDefined(entries.find((e) => e.command.type === 'AdvanceClock' && e.seq > DEFAULT_WORLD_ENTRIES), 'a filler AdvanceClock');
    await db.journal.update([id, target.seq], { command: { type: 'AdvanceClock', byMs: 86_400_000 } });

    await expectDamaged(db, id, entries, wall.read, { kind: 'changed', seq: target.seq });
  });

  it('an entry of the default world changed early in the journal is reported at its seq', async () => {
    const { db, id, wall, entries } = await grown();
    const row = expectDefined(await db.journal.get([id, 3]), 'entry 3');
    await db.journal.put({ ...row, at: row.at + 1 });

    await expectDamaged(db, id, entries, wall.read, { kind: 'changed', seq: 3 });
  });
});

describe('a missing entry', () => {
  it('an entry deleted from the middle is reported as missing at its seq', async () => {
    const { db, id, wall, entries } = await grown();
    const seq = entries.length - 3;
    await db.journal.delete([id, seq]);

    await expectDamaged(db, id, entries, wall.read, { kind: 'missing', seq });
  });

  it('the last entry deleted: the journal no longer reaches the head, the rest is loaded and dispatch is refused', async () => {
    const { db, id, wall, entries } = await grown();
    await db.journal.delete([id, entries.length]);

    const opened = await Sandbox.open(db, id, wall.read);
    await opened.whenVerified();
    expect(opened.integrity.ok).toBe(false);
    if (opened.integrity.ok) return;
    expect(opened.integrity.verified).toBe(entries.length - 1);
    expect(opened.seq).toBe(entries.length - 1);
    expect(opened.state).toEqual(foldEntries(initialState(), entries.slice(0, -1)));
    const result = await opened.dispatch({ type: 'AdvanceClock', byMs: 30_000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'journal-damaged' });
    expect(await journalRows(db, id)).toHaveLength(entries.length - 1);
  });
});

describe('a broken link', () => {
  it('an entry whose prevHash does not name the entry before (its own hash consistent) is reported as a broken link at its seq', async () => {
    const { db, id, wall, entries } = await grown();
    const seq = entries.length - 2;
    const row = expectDefined(await db.journal.get([id, seq]), 'entry');
    const prevHash = 'a'.repeat(64);
    await db.journal.put({ ...row, prevHash, hash: entryHash(prevHash, row) });

    await expectDamaged(db, id, entries, wall.read, { kind: 'broken-link', seq });
  });
});

describe('damage and checkpoints', () => {
  it('damage before a checkpoint: the checkpoint past the damage is not used, only the verified prefix is loaded', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    let i = 0;
    while (sandbox.seq < CHECKPOINT_EVERY + 3) {
      wall.advance(100);
      await accepted(sandbox, fillerCommand(i));
      i += 1;
    }
    expect(await db.checkpoints.count()).toBe(1);
    const entries = await sandbox.entries();
    const seq = CHECKPOINT_EVERY - 10;
    await db.journal.update([id, seq], { command: { type: 'AdvanceClock', byMs: 1 } });

    await expectDamaged(db, id, entries, wall.read, { kind: 'changed', seq });
  });

  it('damage after a checkpoint: the verified prefix (checkpoint and the good entries after it) is loaded', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    let i = 0;
    while (sandbox.seq < CHECKPOINT_EVERY + 8) {
      wall.advance(100);
      await accepted(sandbox, fillerCommand(i));
      i += 1;
    }
    const entries = await sandbox.entries();
    const seq = CHECKPOINT_EVERY + 4;
    await db.journal.delete([id, seq]);

    await expectDamaged(db, id, entries, wall.read, { kind: 'missing', seq });
  });
});
