// Version-1 exports (the previous release): commands are the truth. They import by being decided again with the
// current core; the events decided now are kept (PINs sealed again, chain rebuilt) and the people keep their PINs.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { SandboxDb } from '../../src/storage/db';
import { Sandbox } from '../../src/runtime/sandbox';
import { exportSandbox, importSandbox } from '../../src/runtime/sandboxes';
import { verifyChain } from '../../src/runtime/hash-chain';
import { sealedVersion } from '../../src/runtime/command-secrets';
import type { Entry } from '../../src/runtime/journal';
import type { WorldCommand } from '../../src/domain';
import { freshDb, journalRows, rechain, expectDefined, WallClock } from './support/fixture';
import { expectRefused, dumpAll, IMPORT_WALL } from './support/export-files';
import { V1_FIXTURE_PINS, V1_FIXTURE_SANDBOXES, loadV1Fixture } from './support/load-v1-fixture';

/** tests/fixtures/export-v1.json as JSON text and parsed, with its entries typed loosely (old event shapes). */
const V1_TEXT = readFileSync('tests/fixtures/export-v1.json', 'utf8');
interface V1File {
  format: string;
  version: 1;
  exportedAt: number;
  sandbox: { name: string; seed: string; createdAt: number };
  entries: Entry[];
}
const v1 = (): V1File => JSON.parse(V1_TEXT) as V1File; // the fixture's shape, checked by import itself

/** Inserts `commands` (with the events the old file claims) after entry `index` and rebuilds the v1 chain from there. */
function withInserted(file: V1File, index: number, inserted: { command: WorldCommand; at: number; events?: unknown[] }[]): V1File {
  const entries = file.entries.slice();
  entries.splice(index + 1, 0, ...inserted.map((x) => ({ seq: 0, at: x.at, command: x.command, events: (x.events ?? []) as Entry['events'], prevHash: '', hash: '' }))); // old events: typed as today's only to be hashed
  entries.forEach((entry, i) => (entry.seq = i + 1));
  return { ...file, entries: rechain(entries, index + 1) };
}

let db: SandboxDb;
beforeAll(() => {
  db = freshDb('import-v1');
});

describe('a version-1 export imports by deciding every command again', () => {
  it('the fixture: 524 entries, 12 decided differently now, none dropped; chain rebuilt, PINs sealed as v2', async () => {
    const result = await importSandbox(db, V1_TEXT, IMPORT_WALL);
    if (!result.ok) throw new Error(result.message);
    // The 12: seven PinSet events sealed with the vault's synthetic nonces (R-SEC-1), an OfflineStepSpent that now
    // carries its time (R-SEC-3, single use by time), and three phones back online that now refresh their links.
    expect(result).toMatchObject({ version: 1, entries: 524, upgraded: 12, dropped: 0 });
    const rows = await journalRows(db, result.id);
    expect(rows).toHaveLength(524);
    expect(verifyChain(rows).problem).toBeNull();
    // R-SEC-1: every PIN field is sealed, and sealed the way this version seals.
    const pinFields = rows.flatMap((row) => ['pin', 'repeat', 'newPin', 'currentPin'].map((f) => (row.command as Record<string, unknown>)[f])).filter((x): x is string => typeof x === 'string'); // PIN fields by name
    expect(pinFields.length).toBeGreaterThan(0);
    for (const field of pinFields) expect(sealedVersion(field)).toBe(2);
    expect(rows.some((row) => row.events.some((e) => e.type === 'OfflineStepSpent' && typeof e.at === 'number'))).toBe(true);

    const sandbox = await Sandbox.open(db, result.id, () => IMPORT_WALL);
    expect(await sandbox.whenVerified()).toEqual({ ok: true, verifying: null });
    expect(sandbox.info.name).toBe('Fixture A (imported)');
    sandbox.close();
  });

  it('the imported sandbox exports as version 2 and imports again unchanged (no upgrade the second time)', async () => {
    const first = await importSandbox(db, V1_TEXT, IMPORT_WALL);
    if (!first.ok) throw new Error(first.message);
    const exported = await exportSandbox(db, first.id, IMPORT_WALL);
    expect(exported).toMatchObject({ version: 2, head: { seq: 524, entries: 524 } });
    const again = await importSandbox(db, JSON.stringify(exported), IMPORT_WALL);
    if (!again.ok) throw new Error(again.message);
    expect(again).toMatchObject({ version: 2, entries: 524, upgraded: 0, dropped: 0 });
    expect((await exportSandbox(db, again.id, IMPORT_WALL)).entries).toEqual(exported.entries);
  });

  it('gives the same journal, byte for byte, as the same sandbox upgraded from a schema-1 database on open', async () => {
    const result = await importSandbox(db, V1_TEXT, IMPORT_WALL);
    if (!result.ok) throw new Error(result.message);
    const name = `import-v1-vs-upgrade-${Math.random().toString(36).slice(2, 8)}`;
    await loadV1Fixture(indexedDB, name);
    const upgradedDb = new SandboxDb(name, { indexedDB, IDBKeyRange });
    const upgraded = await Sandbox.open(upgradedDb, V1_FIXTURE_SANDBOXES.a, () => IMPORT_WALL);
    const strip = (rows: { sandboxId: string }[]) => rows.map(({ sandboxId: _id, ...entry }) => entry);
    expect(strip(await journalRows(db, result.id))).toEqual(strip(await journalRows(upgradedDb, V1_FIXTURE_SANDBOXES.a)));
    upgraded.close();
    upgradedDb.close();
  });

  it('after import the people still get codes with their PINs and log in with them (Ingrid 8264, Lars 7391, Ola 5172, Kari 4826)', async () => {
    const result = await importSandbox(db, V1_TEXT, IMPORT_WALL);
    if (!result.ok) throw new Error(result.message);
    const wall = new WallClock(IMPORT_WALL);
    const sandbox = await Sandbox.open(db, result.id, wall.read);
    const pins = V1_FIXTURE_PINS.a;
    expect(pins).toMatchObject({ ingrid: '8264', lars: '7391', ola: '5172', kari: '4826' });
    for (const person of ['ingrid', 'lars', 'ola', 'kari'] as const) {
      const phoneId = `${person}-phone`;
      const entered = await sandbox.dispatch({ type: 'AppEnterPin', phoneId, pin: pins[person] });
      expect(entered.ok, `${person} enters ${pins[person]}`).toBe(true);
      const screen = sandbox.state.phones[phoneId]?.app.screen;
      expect(screen?.kind, `${person}'s screen`).toBe('online-code');
      if (screen?.kind !== 'online-code') continue;
      const login = await sandbox.dispatch({ type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: person, code: screen.code });
      expect(login.ok && login.reply, `${person} logs in at acme`).toEqual({ kind: 'login', accepted: true });
      await sandbox.dispatch({ type: 'AppBack', phoneId });
      wall.advance(1_000);
    }
    // Per's PIN stays blocked at fjord, his only link: the import changed no state the commands did not decide.
    const per = await sandbox.dispatch({ type: 'AppEnterPin', phoneId: 'per-phone', pin: V1_FIXTURE_PINS.a.per });
    expect(per.ok).toBe(true);
    expect(sandbox.state.phones['per-phone']?.app.screen.kind).not.toBe('online-code');
    sandbox.close();
  });

  it('R-CLK-1 commands the current core refuses with no events are dropped and counted; the chain is renumbered', async () => {
    const file = v1();
    const last = expectDefined(file.entries.at(-1), 'last entry');
    const upgraded = withInserted(file, file.entries.length - 3, [
      // A person id already taken: refused with no events.
      { command: { type: 'AddPerson', personId: 'ingrid', name: 'Ingrid Again', mobile: '+4791234598' }, at: last.at, events: [{ type: 'PersonAdded', personId: 'ingrid', name: 'Ingrid Again', mobile: '+4791234598' }] },
      // The previous release let a paused clock's time move; the current one refuses any other time while paused.
      { command: { type: 'PauseClock' }, at: last.at, events: [{ type: 'ClockPaused', at: last.at }] },
      { command: { type: 'AppShowLinks', phoneId: 'ola-phone' }, at: last.at + 5_000, events: [] },
      { command: { type: 'ResumeClock' }, at: last.at + 5_000, events: [{ type: 'ClockResumed', at: last.at + 5_000 }] },
    ]);
    expect(upgraded.entries).toHaveLength(528);
    const result = await importSandbox(db, JSON.stringify(upgraded), IMPORT_WALL);
    if (!result.ok) throw new Error(result.message);
    // Dropped: the duplicate person, Ola's links at a moved time, and ResumeClock at a moved time.
    expect(result).toMatchObject({ version: 1, dropped: 3, entries: 525 });
    const rows = await journalRows(db, result.id);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 525 }, (_, i) => i + 1));
    expect(verifyChain(rows).problem).toBeNull();
    expect(rows.filter((r) => r.command.type === 'PauseClock')).toHaveLength(1);
  });

  it("what is stored is what the current core decides, not the file's events (an old event's extra key is not kept)", async () => {
    const file = v1();
    const index = file.entries.findIndex((e) => e.command.type === 'AddPerson');
    const entry = expectDefined(file.entries[index], 'AddPerson');
    (entry.events[0] as unknown as Record<string, unknown>)['legacyNote'] = 'written by 0.0.9'; // an old event as plain JSON, with a key today's have not
    const result = await importSandbox(db, JSON.stringify({ ...file, entries: rechain(file.entries, index) }), IMPORT_WALL);
    if (!result.ok) throw new Error(result.message);
    const rows = await journalRows(db, result.id);
    expect(JSON.stringify(rows)).not.toContain('legacyNote');
  });
});

describe('a hostile version-1 file is refused, and nothing is written', () => {
  it('__proto__ in an old event, even though old events are checked loosely', async () => {
    const file = v1();
    const target: object = expectDefined(file.entries[10]?.events[0], 'an event');
    Object.defineProperty(target, '__proto__', { value: { isAdmin: true }, enumerable: true, configurable: true, writable: true });
    expect(await expectRefused(db, JSON.stringify(file))).toBe('The file has a key "__proto__" at entries[10].events[0]: keys named __proto__, constructor or prototype are refused');
  });

  it('constructor in an old event', async () => {
    const file = v1();
    (expectDefined(file.entries[10]?.events[0], 'an event') as unknown as Record<string, unknown>)['constructor'] = 'x'; // an old event as plain JSON
    await expectRefused(db, JSON.stringify(file), 'The file has a key "constructor" at entries[10].events[0]');
  });

  it('an old event nested deeper than the format allows', async () => {
    const file = v1();
    (expectDefined(file.entries[10]?.events[0], 'an event') as unknown as Record<string, unknown>)['more'] = [[[[{}]]]]; // an old event as plain JSON
    expect(await expectRefused(db, JSON.stringify(file))).toBe('The file is nested 10 levels deep at entries[10].events[0].more[0][0][0]…; the format allows at most 8');
  });

  it('an old event without a type', async () => {
    const file = v1();
    delete (expectDefined(file.entries[10]?.events[0], 'an event') as unknown as Record<string, unknown>)['type']; // an old event as plain JSON
    await expectRefused(db, JSON.stringify(file), 'entries[10].events[0].type: Missing field "type"');
  });

  it('a head in a version-1 file (v1 had none: the version was changed, not the file written by v2)', async () => {
    const file = v1();
    await expectRefused(db, JSON.stringify({ ...file, head: { seq: 524, hash: 'a'.repeat(64), entries: 524 } }), 'head: Unknown key "head"');
  });

  it('a broken chain', async () => {
    const file = v1();
    expectDefined(file.entries[100], 'entry 101').at += 1;
    expect(await expectRefused(db, JSON.stringify(file))).toBe("The journal's hash chain is broken: entry 101 was changed after it was written");
  });

  it('R-SEC-1 another seed: a sealed PIN that does not open is refused, not dropped', async () => {
    const file = v1();
    await expectRefused(db, JSON.stringify({ ...file, sandbox: { ...file.sandbox, seed: 'not-fixture-v1-a' } }), /^Entry 41 \(AppSetFirstPin\): a sealed PIN does not open with this sandbox's key/);
  });

  it('a refused file leaves every table as it was', async () => {
    const before = await dumpAll(db);
    const file = v1();
    file.entries.splice(3, 1);
    const result = await importSandbox(db, JSON.stringify(file), IMPORT_WALL);
    expect(result).toEqual({ ok: false, message: "The journal's hash chain is broken: entry 4 is missing (entry 5 is in its place)" });
    expect(await dumpAll(db)).toEqual(before);
  });
});
