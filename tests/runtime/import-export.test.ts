// Export and import: a round trip gives an identical journal; a bad file is refused with a message naming the fault, and nothing is written.
import { describe, it, expect } from 'vitest';
import { Sandbox } from '../../src/runtime/sandbox';
import { exportSandbox, importSandbox, listSandboxes, JOURNAL_FORMAT, JOURNAL_VERSION } from '../../src/runtime/sandboxes';
import type { JournalFile } from '../../src/runtime/import-check';
import type { SandboxDb } from '../../src/storage/db';
import { DEFAULT_PEOPLE } from '../../src/runtime/default-world';
import { defaultSandbox, accepted, journalRows, dump, rechain, expectDefined } from './support/fixture';
import { reheaded } from './support/export-files';

const INGRID = expectDefined(DEFAULT_PEOPLE.find((p) => p.personId === 'ingrid'), 'ingrid');

/** A sandbox with a history beyond the default world (clock moves, a Manager refusal, a block) and its export. */
async function exported() {
  const setup = await defaultSandbox();
  const { sandbox, wall, db, id } = setup;
  wall.advance(5_000);
  await accepted(sandbox, { type: 'AddPerson', personId: 'nora', name: 'Nora Nilsen', mobile: '+4791234599' });
  await accepted(sandbox, { type: 'SetClockSpeed', speed: 10 });
  wall.advance(3_000);
  await accepted(sandbox, { type: 'BlockPin', by: 'acme-hanne', orgId: 'acme', mobile: INGRID.mobile }); // refused, journaled
  wall.advance(2_000);
  await accepted(sandbox, { type: 'BlockPin', by: 'acme-ulf', orgId: 'acme', mobile: INGRID.mobile });
  await accepted(sandbox, { type: 'AdvanceClock', byMs: 120_000 });
  const file = await exportSandbox(db, id, wall.now);
  return { ...setup, file };
}

/** A deep copy of an export, for editing. */
function copy(file: JournalFile): JournalFile {
  return structuredClone(file);
}

/** Imports `text` and expects a refusal whose message matches every pattern, with nothing written anywhere. */
async function expectRefused(db: SandboxDb, text: string, ...patterns: (string | RegExp)[]): Promise<string> {
  const before = await dump(db);
  const counts = { sandboxes: await db.sandboxes.count(), journal: await db.journal.count() };
  const result = await importSandbox(db, text, 1_800_000_000_000);
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  for (const pattern of patterns) {
    if (typeof pattern === 'string') expect(result.message).toContain(pattern);
    else expect(result.message).toMatch(pattern);
  }
  expect({ sandboxes: await db.sandboxes.count(), journal: await db.journal.count() }).toEqual(counts);
  expect(await dump(db)).toEqual(before);
  return result.message;
}

describe('export then import', () => {
  it('gives a new sandbox with an identical journal (same hashes) and the same state', async () => {
    const { db, id, sandbox, wall, file } = await exported();
    expect(file).toMatchObject({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION, sandbox: { seed: sandbox.info.seed } });
    expect(JOURNAL_VERSION).toBe(2);
    const last = expectDefined(file.entries.at(-1), 'last entry');
    expect(file.head).toEqual({ seq: last.seq, hash: last.hash, entries: file.entries.length });
    expect(file.head).toEqual({ seq: sandbox.info.headSeq, hash: sandbox.info.headHash, entries: sandbox.seq });

    const result = await importSandbox(db, JSON.stringify(file), wall.now);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.id).not.toBe(id);
    expect(result.entries).toBe(file.entries.length);
    expect(result).toMatchObject({ version: 2, upgraded: 0, dropped: 0 });
    // Stored exactly as the file said: every row, field for field (no key added, none stripped).
    const stored = (await journalRows(db, result.id)).map(({ sandboxId: _id, ...entry }) => entry);
    expect(stored).toStrictEqual(JSON.parse(JSON.stringify(file.entries)));
    expect((await listSandboxes(db)).map((s) => s.id).sort()).toEqual([id, result.id].sort());
    const again = await exportSandbox(db, result.id, wall.now);
    expect(again.entries).toEqual(file.entries);
    expect(again.entries.map((e) => e.hash)).toEqual((await journalRows(db, id)).map((r) => r.hash));
    expect(again.sandbox.seed).toBe(file.sandbox.seed);
    const opened = await Sandbox.open(db, result.id, wall.read);
    expect(await opened.whenVerified()).toEqual({ ok: true, verifying: null });
    expect(opened.seq).toBe(sandbox.seq);
    expect(opened.state).toEqual(sandbox.state);
  });

  it('the imported sandbox goes on deciding like the original (same seed, same next entry)', async () => {
    const { db, id, wall, file } = await exported();
    const result = await importSandbox(db, JSON.stringify(file), wall.now);
    if (!result.ok) throw new Error(result.message);
    const original = await Sandbox.open(db, id, () => 0);
    const copyOf = await Sandbox.open(db, result.id, () => 0);

    // Same server time for both (a paused clock), so the same command must give the same entry.
    await accepted(original, { type: 'PauseClock' });
    await accepted(copyOf, { type: 'PauseClock' });
    await accepted(original, { type: 'AppEnterPin', phoneId: 'ola-phone', pin: '2345' });
    await accepted(copyOf, { type: 'AppEnterPin', phoneId: 'ola-phone', pin: '2345' });

    expect((await copyOf.entries()).slice(-2)).toEqual((await original.entries()).slice(-2));
  });

  it('an import leaves the current sandbox untouched', async () => {
    const { db, id, wall, file } = await exported();
    const rowBefore = await db.sandboxes.get(id);
    const journalBefore = await journalRows(db, id);

    const good = await importSandbox(db, JSON.stringify(file), wall.now);
    const edited = copy(file);
    edited.sandbox.name = 'Edited';
    const bad = await importSandbox(db, JSON.stringify({ ...edited, entries: edited.entries.slice(1) }), wall.now);

    expect(good.ok).toBe(true);
    expect(bad.ok).toBe(false);
    expect(await db.sandboxes.get(id)).toEqual(rowBefore);
    expect(await journalRows(db, id)).toEqual(journalBefore);
  });
});

describe('R-SEC-1 an export holds no plaintext PIN', () => {
  it('R-SEC-1 the exported file contains none of the PINs typed in the sandbox', async () => {
    const { file } = await exported();
    const text = JSON.stringify(file);
    for (const person of DEFAULT_PEOPLE) {
      if (person.pin) expect(text.includes(`"${person.pin}"`), `PIN of ${person.personId} in the export`).toBe(false);
    }
  });
});

describe('a bad file is refused with a message naming what is wrong, and nothing is written', () => {
  it('text that is not JSON', async () => {
    const { db } = await exported();
    await expectRefused(db, '{"format": "code-sandbox-journal", ', /not JSON/);
  });

  it('JSON that is not an object', async () => {
    const { db } = await exported();
    await expectRefused(db, '[1, 2, 3]', /not a valid sandbox export/);
  });

  it('a wrong format', async () => {
    const { db, file } = await exported();
    await expectRefused(db, JSON.stringify({ ...file, format: 'some-other-tool' }), 'format', JOURNAL_FORMAT);
  });

  it('a wrong version', async () => {
    const { db, file } = await exported();
    await expectRefused(db, JSON.stringify({ ...file, version: 3 }), 'version', /version 1 or 2/);
  });

  it('a version-2 file without its head', async () => {
    const { db, file } = await exported();
    const { head: _head, ...headless } = file;
    await expectRefused(db, JSON.stringify(headless), 'head: Missing field "head"');
  });

  it('an entry whose command has a field of the wrong type names its path (entries[3].command...)', async () => {
    const { db, file } = await exported();
    const bad = copy(file);
    const command = expectDefined(bad.entries[3], 'entry 4').command as unknown as Record<string, unknown>;
    expect(command['type']).toBe('AddAccessServer');
    command['offlineAllowed'] = 'yes';
    await expectRefused(db, JSON.stringify(bad), 'entries[3].command.offlineAllowed', /boolean/);
  });

  it('an entry with a field of the wrong type outside the command names its path', async () => {
    const { db, file } = await exported();
    const bad = copy(file) as unknown as { entries: Record<string, unknown>[] };
    expectDefined(bad.entries[7], 'entry 8')['at'] = '2026-01-05';
    await expectRefused(db, JSON.stringify(bad), 'entries[7].at', /number/);
  });

  it('an unknown command type', async () => {
    const { db, file } = await exported();
    const bad = copy(file);
    (expectDefined(bad.entries[5], 'entry 6').command as unknown as Record<string, unknown>)['type'] = 'FormatDisk';
    await expectRefused(db, JSON.stringify(bad), 'entries[5].command.type', 'Unknown command type "FormatDisk"');
  });

  it('a changed hash', async () => {
    const { db, file } = await exported();
    const bad = copy(file);
    expectDefined(bad.entries[10], 'entry 11').hash = 'f'.repeat(64);
    await expectRefused(db, JSON.stringify(bad), /hash chain/, /entry 11\b/);
  });

  it('a missing entry', async () => {
    const { db, file } = await exported();
    const bad = copy(file);
    bad.entries.splice(20, 1);
    await expectRefused(db, JSON.stringify(bad), /hash chain/, /entry 21\b/, /missing/);
  });

  it('an edited event with the hash chain recomputed is caught by deciding the command again', async () => {
    const { db, file } = await exported();
    const index = file.entries.findIndex((e) => e.command.type === 'AddPerson' && e.command.personId === 'nora');
    const edited = copy(file);
    const entry = expectDefined(edited.entries[index], 'AddPerson nora');
    entry.events = [{ type: 'PersonAdded', personId: 'nora', name: 'Mallory', mobile: '+4791234599' }];
    const bad = reheaded({ ...edited, entries: rechain(edited.entries, index) });
    expect(bad.entries.at(-1)?.hash).not.toBe(file.entries.at(-1)?.hash);

    await expectRefused(db, JSON.stringify(bad), `Entry ${entry.seq}`, 'AddPerson', /events/);
  });

  it('an event smuggled into an entry (a UBC-free unblock) with the chain recomputed is refused', async () => {
    const { db, file } = await exported();
    const index = file.entries.findIndex((e) => e.command.type === 'AdvanceClock');
    const edited = copy(file);
    const entry = expectDefined(edited.entries[index], 'AdvanceClock');
    entry.events.push({ type: 'LinkUnblocked', orgId: 'acme', mobile: INGRID.mobile, at: entry.at });
    const bad = reheaded({ ...edited, entries: rechain(edited.entries, index) });

    await expectRefused(db, JSON.stringify(bad), `Entry ${entry.seq}`, /events/);
  });

  it("R-CLK-1 entries whose `at` goes backwards (hash chain recomputed)", async () => {
    const { db, file } = await exported();
    const edited = copy(file);
    const last = expectDefined(edited.entries.at(-1), 'last entry');
    const previous = expectDefined(edited.entries.at(-2), 'entry before');
    expect(previous.at).toBeGreaterThan(edited.entries[0]?.at ?? 0);
    last.at = previous.at - 1_000;
    const bad = reheaded({ ...edited, entries: rechain(edited.entries, edited.entries.length - 1) });

    await expectRefused(db, JSON.stringify(bad), `Entry ${last.seq}`, `before entry ${previous.seq}`, /R-CLK-1/);
  });

  it('more fields than allowed: at the top, in the sandbox, in an entry, in a command', async () => {
    const { db, file } = await exported();
    await expectRefused(db, JSON.stringify({ ...file, comment: 'hi' }), 'comment');
    await expectRefused(db, JSON.stringify({ ...file, sandbox: { ...file.sandbox, owner: 'me' } }), 'sandbox.owner');
    const inEntry = copy(file) as unknown as { entries: Record<string, unknown>[] };
    expectDefined(inEntry.entries[2], 'entry 3')['note'] = 'x';
    await expectRefused(db, JSON.stringify(inEntry), 'entries[2].note', 'Unknown key "note"');
    const inCommand = copy(file);
    (expectDefined(inCommand.entries[2], 'entry 3').command as unknown as Record<string, unknown>)['isAdmin'] = true;
    await expectRefused(db, JSON.stringify(inCommand), 'entries[2].command.isAdmin');
  });

  it('a command the rules refuse, with its chain recomputed, is refused naming the entry', async () => {
    const { db, file } = await exported();
    const index = file.entries.findIndex((e) => e.command.type === 'AddPerson' && e.command.personId === 'nora');
    const edited = copy(file);
    const entry = expectDefined(edited.entries[index], 'AddPerson nora');
    entry.command = { type: 'AddPerson', personId: 'ingrid', name: 'Nora Nilsen', mobile: '+4791234599' };
    const bad = reheaded({ ...edited, entries: rechain(edited.entries, index) });

    await expectRefused(db, JSON.stringify(bad), `Entry ${entry.seq}`, /refused/);
  });
});
