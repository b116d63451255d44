// Tamper evidence over the stored tables: every single-row edit, and every forgery that recomputes the chain, is found on open with its position.
import { describe, it, expect, beforeAll } from 'vitest';
import { Sandbox } from '../../src/runtime/sandbox';
import type { Integrity } from '../../src/runtime/sandbox';
import { CHECKPOINT_EVERY } from '../../src/runtime/sandbox-store';
import { entryHash } from '../../src/runtime/hash-chain';
import type { SandboxDb, JournalRow } from '../../src/storage/db';
import { defaultSandbox, accepted, journalRows, fillerCommand, expectDefined, WallClock, dump } from './support/fixture';
import type { WorldEvent } from '../../src/domain';

/** A sandbox past its first checkpoint, with logins, a block and audit entries in it. */
async function grown(): Promise<{ db: SandboxDb; id: string; rows: JournalRow[] }> {
  const { db, id, sandbox, wall } = await defaultSandbox({ seed: 'tamper-seed' });
  await accepted(sandbox, { type: 'BlockPin', by: 'acme-ulf', orgId: 'acme', mobile: '+4791234502' });
  await accepted(sandbox, { type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '1234' });
  const screen = sandbox.state.phones['ingrid-phone']?.app.screen;
  await accepted(sandbox, { type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'ingrid', code: screen?.kind === 'online-code' ? screen.code : '' });
  let i = 0;
  while (sandbox.seq < CHECKPOINT_EVERY + 20) {
    wall.advance(100);
    await accepted(sandbox, fillerCommand(i));
    i += 1;
  }
  await sandbox.whenVerified();
  sandbox.close();
  return { db, id, rows: await journalRows(db, id) };
}

/** Opens the sandbox again and waits for the whole check. */
async function reopen(db: SandboxDb, id: string): Promise<Integrity> {
  const sandbox = await Sandbox.open(db, id, new WallClock().read);
  const integrity = await sandbox.whenVerified();
  // Whatever was found, nothing more can be written.
  if (!integrity.ok) expect((await sandbox.dispatch({ type: 'AdvanceClock', byMs: 1_000 })).ok).toBe(false);
  sandbox.close();
  return integrity;
}

function expectFound(integrity: Integrity, kind: string, seq: number): void {
  expect(integrity.ok, JSON.stringify(integrity)).toBe(false);
  if (integrity.ok) return;
  expect(integrity.problem).toMatchObject({ kind, seq });
}

/** Rewrites rows from `from` on so the chain is consistent again: only re-deciding can find what changed. */
async function rechainFrom(db: SandboxDb, id: string, rows: JournalRow[], from: number): Promise<void> {
  let prev = rows[from - 2]?.hash ?? '0'.repeat(64);
  for (const row of rows.slice(from - 1)) {
    const next = { ...row, prevHash: prev };
    next.hash = entryHash(prev, next);
    await db.journal.put(next);
    prev = next.hash;
  }
  const row = expectDefined(await db.sandboxes.get(id), 'row');
  await db.sandboxes.put({ ...row, headHash: prev });
}

describe('every single-row edit of the stored tables is found, with its position', () => {
  let base: Awaited<ReturnType<typeof grown>>;
  beforeAll(async () => {
    base = await grown();
  });

  /** A fresh copy of the grown sandbox in its own database for each edit. */
  async function copy(): Promise<{ db: SandboxDb; id: string; rows: JournalRow[] }> {
    const { db } = await defaultSandbox({ seed: 'tamper-copy' });
    const all = await dump(base.db);
    await db.transaction('rw', [db.sandboxes, db.journal, db.checkpoints, db.eventLog, db.auditLog], async () => {
      await db.sandboxes.clear();
      await db.journal.clear();
      await db.checkpoints.clear();
      await db.eventLog.clear();
      await db.auditLog.clear();
      await db.sandboxes.bulkPut(all.sandboxes.filter((row) => row.id === base.id));
      await db.journal.bulkPut(all.journal);
      await db.checkpoints.bulkPut(all.checkpoints);
      await db.eventLog.bulkPut(all.eventLog);
      await db.auditLog.bulkPut(all.auditLog);
    });
    return { db, id: base.id, rows: base.rows };
  }

  it('an intact copy verifies', async () => {
    const { db, id } = await copy();
    expect(await reopen(db, id)).toEqual({ ok: true, verifying: null });
  });

  it("a command's input", async () => {
    const { db, id, rows } = await copy();
    const target = expectDefined(rows.find((r) => r.command.type === 'AddPerson' && r.seq > 90), 'AddPerson');
    await db.journal.put({ ...target, command: { ...target.command, name: 'Mallory' } as JournalRow['command'] });
    expectFound(await reopen(db, id), 'changed', target.seq);
  });

  it('an event', async () => {
    const { db, id, rows } = await copy();
    const target = expectDefined(rows.find((r) => r.events.some((e) => e.type === 'LinkBlocked')), 'LinkBlocked');
    await db.journal.put({ ...target, events: target.events.filter((e) => e.type !== 'LinkBlocked') });
    expectFound(await reopen(db, id), 'changed', target.seq);
  });

  it('a time', async () => {
    const { db, id, rows } = await copy();
    const target = expectDefined(rows[95], 'entry 96');
    await db.journal.put({ ...target, at: target.at + 5_000 });
    expectFound(await reopen(db, id), 'changed', 96);
  });

  it('a hash', async () => {
    const { db, id, rows } = await copy();
    const target = expectDefined(rows[99], 'entry 100');
    await db.journal.put({ ...target, hash: 'f'.repeat(64) });
    expectFound(await reopen(db, id), 'changed', 100);
  });

  it('a position (seq) of a row', async () => {
    const { db, id, rows } = await copy();
    const target = expectDefined(rows[99], 'entry 100');
    await db.journal.delete([id, 100]);
    await db.journal.put({ ...target, seq: 100_000 });
    expectFound(await reopen(db, id), 'missing', 100);
  });

  it('a deleted row', async () => {
    const { db, id } = await copy();
    await db.journal.delete([id, 120]);
    expectFound(await reopen(db, id), 'missing', 120);
  });

  it('two rows swapped', async () => {
    const { db, id, rows } = await copy();
    const a = expectDefined(rows[109], 'entry 110');
    const b = expectDefined(rows[110], 'entry 111');
    await db.journal.put({ ...b, seq: 110 });
    await db.journal.put({ ...a, seq: 111 });
    expectFound(await reopen(db, id), 'broken-link', 110);
  });

  it('a row duplicated past the end', async () => {
    const { db, id, rows } = await copy();
    const last = expectDefined(rows.at(-1), 'last');
    await db.journal.put({ ...last, seq: last.seq + 1 });
    const integrity = await reopen(db, id);
    expect(integrity.ok).toBe(false);
  });

  it.each([1, -1])('the head one %s', async (delta) => {
    const { db, id } = await copy();
    const row = expectDefined(await db.sandboxes.get(id), 'row');
    await db.sandboxes.put({ ...row, headSeq: row.headSeq + delta });
    expectFound(await reopen(db, id), 'head', Math.min(row.headSeq, row.headSeq + delta) + 1);
  });

  it('a checkpoint whose state was edited (blocked links unblocked, a person renamed)', async () => {
    const { db, id } = await copy();
    const checkpoint = expectDefined(await db.checkpoints.get([id, CHECKPOINT_EVERY]), 'checkpoint');
    const links = Object.fromEntries(Object.entries(checkpoint.state.server.links).map(([key, link]) => [key, { ...link, blocked: false, ubc: null }]));
    const people = { ...checkpoint.state.people, ola: { ...expectDefined(checkpoint.state.people['ola'], 'ola'), name: 'Someone Else' } };
    await db.checkpoints.put({ ...checkpoint, state: { ...checkpoint.state, people, server: { ...checkpoint.state.server, links } } });
    expectFound(await reopen(db, id), 'checkpoint', CHECKPOINT_EVERY);
  });

  it('an event-log row (the read model) edited', async () => {
    const { db, id } = await copy();
    const row = expectDefined((await db.eventLog.toArray()).find((r) => r.type === 'Access_Granted' && r.journalSeq > 80), 'a granted entry');
    await db.eventLog.put({ ...row, type: 'Access_Denied' });
    expectFound(await reopen(db, id), 'read-model', row.journalSeq);
  });

  it('an audit-log row deleted', async () => {
    const { db, id } = await copy();
    const row = expectDefined((await db.auditLog.toArray()).at(-1), 'the last audit entry');
    await db.auditLog.delete([id, row.seq]);
    expectFound(await reopen(db, id), 'read-model', row.journalSeq);
  });

  it('forgery: a LinkUnblocked smuggled into an old entry, every later hash and the head recomputed', async () => {
    const { db, id, rows } = await copy();
    const target = expectDefined(rows.find((r) => r.seq > 85 && r.command.type === 'AddPerson'), 'an old entry');
    const smuggled: WorldEvent = { type: 'LinkUnblocked', orgId: 'acme', mobile: '+4791234502', at: target.at };
    const edited = rows.map((r) => (r.seq === target.seq ? { ...r, events: [...r.events, smuggled] } : r));
    await rechainFrom(db, id, edited, target.seq);
    expectFound(await reopen(db, id), 'events-differ', target.seq);
  });

  it('forgery: an entry moved a few seconds later while the clock was paused, chain recomputed (R-CLK-1)', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox({ seed: 'tamper-paused' });
    await accepted(sandbox, { type: 'PauseClock' });
    for (let i = 0; i < 4; i++) {
      wall.advance(1_000);
      await accepted(sandbox, fillerCommand(i * 3));
    }
    await sandbox.whenVerified();
    sandbox.close();
    const rows = await journalRows(db, id);
    const target = expectDefined(rows.at(-2), 'an entry while paused');
    await rechainFrom(db, id, rows.map((r) => (r.seq === target.seq ? { ...r, at: r.at + 5_000 } : r)), target.seq);
    const integrity = await reopen(db, id);
    expectFound(integrity, 'refused', target.seq);
    if (!integrity.ok && integrity.problem.kind === 'refused') expect(integrity.problem.message).toMatch(/paused.*R-CLK-1/);
  });

  it('forgery: an entry moved earlier than the one before it, chain recomputed (R-CLK-1)', async () => {
    const { db, id, rows } = await copy();
    const target = expectDefined(rows.find((r) => r.seq > 100 && r.command.type === 'AddPhone'), 'an AddPhone');
    const edited = rows.map((r) => (r.seq === target.seq ? { ...r, at: r.at - 60_000 } : r));
    await rechainFrom(db, id, edited, target.seq);
    expectFound(await reopen(db, id), 'refused', target.seq);
  });
});
