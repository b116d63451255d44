// Shared by the import tests: a real export with some history, forging helpers (chain and head recomputed), an
// independent measure of nesting, and a dump of every table to show that a refused import wrote nothing.
import { expect } from 'vitest';
import type { SandboxDb } from '../../../src/storage/db';
import { exportSandbox, importSandbox } from '../../../src/runtime/sandboxes';
import type { ImportResult } from '../../../src/runtime/sandboxes';
import type { JournalFile } from '../../../src/runtime/import-check';
import { GENESIS_HASH } from '../../../src/runtime/hash-chain';
import { DEFAULT_PEOPLE } from '../../../src/runtime/default-world';
import type { Entry } from '../../../src/runtime/journal';
import { defaultSandbox, accepted, rechain, expectDefined } from './fixture';

export const OLA = expectDefined(DEFAULT_PEOPLE.find((p) => p.personId === 'ola'), 'ola');
export const INGRID = expectDefined(DEFAULT_PEOPLE.find((p) => p.personId === 'ingrid'), 'ingrid');

/** Wall time the import tests import at. */
export const IMPORT_WALL = 1_800_000_000_000;

/**
 * A real export beyond the default world: an online login, a Manager refusal (audited, R-MGR-1), a wrong PIN, a
 * run of commands while the clock is paused (R-CLK-1) and a clock step. About 94 entries.
 */
export async function richExport(seed = 'import-hostile-seed') {
  const setup = await defaultSandbox({ seed });
  const { sandbox, wall, db, id } = setup;
  wall.advance(4_000);
  await accepted(sandbox, { type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '1234' });
  const screen = sandbox.state.phones['ingrid-phone']?.app.screen;
  if (screen?.kind !== 'online-code') throw new Error(`Ingrid's phone shows ${screen?.kind}, not an online code`);
  await accepted(sandbox, { type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'ingrid', code: screen.code });
  await accepted(sandbox, { type: 'AppBack', phoneId: 'ingrid-phone' });
  wall.advance(2_000);
  await accepted(sandbox, { type: 'BlockPin', by: 'acme-hanne', orgId: 'acme', mobile: OLA.mobile }); // HELPDESK: refused, audited
  await accepted(sandbox, { type: 'AppEnterPin', phoneId: 'kari-phone', pin: '0000' }); // a wrong PIN
  await accepted(sandbox, { type: 'PauseClock' });
  wall.advance(10_000); // paused: no server time passes
  await accepted(sandbox, { type: 'AddPerson', personId: 'nora', name: 'Nora Nilsen', mobile: '+4791234599' });
  await accepted(sandbox, { type: 'AppShowLinks', phoneId: 'ola-phone' });
  await accepted(sandbox, { type: 'AppBack', phoneId: 'ola-phone' });
  await accepted(sandbox, { type: 'ResumeClock' });
  wall.advance(3_000);
  await accepted(sandbox, { type: 'AdvanceClock', byMs: 60_000 });
  const file = await exportSandbox(db, id, wall.now);
  sandbox.close();
  return { ...setup, file };
}

/** The file with its head set to where its entries end (what a forger recomputes). */
export function reheaded(file: JournalFile): JournalFile {
  const last = file.entries[file.entries.length - 1];
  return { ...file, head: { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH, entries: file.entries.length } };
}

/** A copy of `file` with `edit` applied to entry `index`, every hash from there on and the head recomputed. */
export function forged(file: JournalFile, index: number, edit: (entry: Entry) => void): JournalFile {
  const entries = structuredClone(file.entries);
  edit(expectDefined(entries[index], `entry at index ${index}`));
  return reheaded({ ...file, entries: rechain(entries, index) });
}

/** Indexes of the entries decided while the clock was paused (R-CLK-1: they all ran at the paused time). */
export function pausedIndexes(file: JournalFile): number[] {
  const out: number[] = [];
  let running = false; // a new world's clock starts paused
  file.entries.forEach((entry, index) => {
    if (!running) out.push(index);
    for (const event of entry.events) {
      if (event.type === 'ClockPaused') running = false;
      if (event.type === 'ClockResumed') running = true;
    }
  });
  return out;
}

/** Every row of every table of the database, by table name: whatever the schema, a refused import must change none. */
export async function dumpAll(db: SandboxDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/**
 * The deepest nesting of objects and arrays in `value` (the value itself being level 1 when it is one), measured
 * iteratively and independently of src/runtime/import-check.ts.
 */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const todo: [unknown, number][] = [[value, 1]];
  while (todo.length > 0) {
    const [item, depth] = todo.pop() as [unknown, number]; // the loop runs while todo is not empty
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(item)) todo.push([child, depth + 1]);
  }
  return deepest;
}

/** Imports `text`, expects a refusal matching every pattern, and that no table changed; returns the message. */
export async function expectRefused(db: SandboxDb, text: string, ...patterns: (string | RegExp)[]): Promise<string> {
  const before = await dumpAll(db);
  const result: ImportResult = await importSandbox(db, text, IMPORT_WALL);
  if (result.ok) throw new Error(`The import was accepted (${result.entries} entries), expected a refusal matching ${patterns.join(', ')}`);
  for (const pattern of patterns) {
    if (typeof pattern === 'string') expect(result.message).toContain(pattern);
    else expect(result.message).toMatch(pattern);
  }
  expect(await dumpAll(db)).toEqual(before);
  return result.message;
}

/** JSON text with an own `key` (such as `__proto__`, which plain assignment would not create) on the object `at`. */
export function withOwnKey<T extends object>(file: T, at: (root: T) => object, key: string, value: unknown = { injected: true }): string {
  const copy = structuredClone(file);
  Object.defineProperty(at(copy), key, { value, enumerable: true, configurable: true, writable: true });
  const text = JSON.stringify(copy);
  expect(text).toContain(`"${key}":`);
  return text;
}
