// Schema upgrades: a database written by the previous release (schema 1) opens in this one and is upgraded without loss.
import { describe, it, expect, beforeAll } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { SandboxDb, JOURNAL_FORMAT_VERSION } from '../../src/storage/db';
import { Sandbox } from '../../src/runtime/sandbox';
import { forkSandbox, exportSandbox } from '../../src/runtime/sandboxes';
import { isSealed, sealedVersion } from '../../src/runtime/command-secrets';
import { openPin } from '../../src/domain/crypto/pin-vault';
import { serverKeyFor } from '../../src/runtime/journal';
import { loadV1Fixture, V1_FIXTURE_SANDBOXES, readV1Fixture } from './support/load-v1-fixture';
import { WallClock, journalRows, dump } from './support/fixture';

let counter = 0;
async function fixtureDb(): Promise<SandboxDb> {
  counter += 1;
  const name = `v1-upgrade-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  await loadV1Fixture(indexedDB, name);
  return new SandboxDb(name, { indexedDB, IDBKeyRange });
}

/** The PIN the server holds for a mobile number, opened with the sandbox's key (test-only look behind R-SEC-1). */
function pinOf(sandbox: Sandbox, mobile: string): string | null {
  const sealed = sandbox.state.server.holders[mobile]?.sealedPin;
  return sealed ? openPin(serverKeyFor(sandbox.info.seed), sealed, mobile) : null;
}

describe('a schema-1 database from the previous release', () => {
  let db: SandboxDb;
  let a: Sandbox;
  const wall = new WallClock();
  beforeAll(async () => {
    db = await fixtureDb();
    a = await Sandbox.open(db, V1_FIXTURE_SANDBOXES.a, wall.read);
  });

  it('opens, is upgraded to the current format, and its history verifies', async () => {
    expect(await a.whenVerified()).toEqual({ ok: true, verifying: null });
    expect((await db.sandboxes.get(V1_FIXTURE_SANDBOXES.a))?.format).toBe(JOURNAL_FORMAT_VERSION);
    expect(await db.tables.map((t) => t.name).sort()).toEqual(['auditLog', 'checkpoints', 'eventLog', 'journal', 'sandboxes', 'settings', 'trainings']);
  });

  it('keeps every command: the journal is as long as before and every command type in the same order', async () => {
    const fixture = readV1Fixture();
    const before = fixture.tables.journal.filter((row) => row.sandboxId === V1_FIXTURE_SANDBOXES.a);
    const after = await journalRows(db, V1_FIXTURE_SANDBOXES.a);
    const typeOf = (command: unknown): unknown => (typeof command === 'object' && command !== null && 'type' in command ? command.type : undefined);
    expect(after.map((row) => row.command.type)).toEqual(before.map((row) => typeOf(row.command)));
    expect(a.seq).toBe(before.length);
  });

  it('R-SEC-1 re-seals every PIN the new way, no plaintext PIN is in any record or export,, and the PINs people chose still hold', async () => {
    const rows = await journalRows(db, V1_FIXTURE_SANDBOXES.a);
    const sealed = rows.flatMap((row) => Object.values(row.command).filter((v): v is string => typeof v === 'string' && isSealed(v)));
    expect(sealed.length).toBeGreaterThan(10);
    expect(sealed.every((value) => sealedVersion(value) === 2)).toBe(true);
    expect(pinOf(a, '+4791234501')).toBe('8264');
    expect(pinOf(a, '+4791234505')).toBe('7391');
    expect(pinOf(a, '+4791234502')).toBe('5172');
    expect(pinOf(a, '+4791234503')).toBe('4826');
    // PINs set through every path (first PIN, change, online unblock, offline unblock) are in no record and no export.
    expect(JSON.stringify(await dump(db))).not.toMatch(/"(8264|7391|5172|4826)"/);
    expect(JSON.stringify(await exportSandbox(db, V1_FIXTURE_SANDBOXES.a))).not.toMatch(/"(8264|7391|5172|4826)"/);
  });

  it('R-MGR-4 builds the read models: the event log holds the logins of the old history', async () => {
    const page = await a.logs.events({ orgId: 'acme', type: 'Access_Granted_Offline' }, 0, 10);
    expect(page.total).toBeGreaterThan(0);
    const blocked = Object.values(a.state.server.links).filter((l) => l.blocked).map((l) => `${l.orgId}:${l.mobile}`).sort();
    expect(blocked).toEqual(['fjord:+4791234503', 'fjord:+4791234504', 'northbank:+4791234502', 'northbank:+4791234503']);
  });

  it('goes on taking commands after the upgrade', async () => {
    const result = await a.dispatch({ type: 'AppShowLinks', phoneId: 'ingrid-phone' });
    expect(result.ok).toBe(true);
  });

  it('a second sandbox in the same database is upgraded on its own open', async () => {
    const b = await Sandbox.open(db, V1_FIXTURE_SANDBOXES.b, wall.read);
    expect(await b.whenVerified()).toEqual({ ok: true, verifying: null });
    expect(b.seq).toBe(86);
  });
});

describe('a new sandbox from the first entries of another', () => {
  it('decides those entries again in a new sandbox and leaves the original as it is', async () => {
    const db = await fixtureDb();
    const a = await Sandbox.open(db, V1_FIXTURE_SANDBOXES.a, new WallClock().read);
    await a.whenVerified();
    const before = await journalRows(db, V1_FIXTURE_SANDBOXES.a);
    const forkId = await forkSandbox(db, V1_FIXTURE_SANDBOXES.a, 100, 'Fork');
    const fork = await Sandbox.open(db, forkId, new WallClock().read);
    expect(await fork.whenVerified()).toEqual({ ok: true, verifying: null });
    expect(fork.seq).toBe(100);
    expect(fork.state).toEqual(await a.stateAt(100));
    expect(await journalRows(db, V1_FIXTURE_SANDBOXES.a)).toEqual(before);
  });
});
