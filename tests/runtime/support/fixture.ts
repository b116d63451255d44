// Shared set-up for the runtime tests: a fresh fake-indexeddb database per test, a wall clock the test moves, a sandbox with the default world.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { expect } from 'vitest';
import { SandboxDb } from '../../../src/storage/db';
import type { JournalRow } from '../../../src/storage/db';
import { Sandbox } from '../../../src/runtime/sandbox';
import type { DispatchResult } from '../../../src/runtime/sandbox';
import { createSandbox } from '../../../src/runtime/sandboxes';
import { defaultJournal } from '../../../src/runtime/default-journal';
import { entryHash } from '../../../src/runtime/hash-chain';
import type { Entry } from '../../../src/runtime/journal';
import type { WorldCommand } from '../../../src/domain';

/** Wall time (ms) at which test sandboxes are created: any fixed instant works, the clock is injected. */
export const WALL_START = 1_700_000_000_000;

/** How many entries the default world's journal has (the same for every seed). */
export const DEFAULT_WORLD_ENTRIES = defaultJournal('count', 0).entries.length;

let counter = 0;

/** A database of its own for one test (fake-indexeddb keeps every database for the whole run). */
export function freshDb(label = 't'): SandboxDb {
  counter += 1;
  return new SandboxDb(`${label}-${counter}-${Math.random().toString(36).slice(2, 8)}`, { indexedDB, IDBKeyRange });
}

/** A second connection to the same database: another browser tab. */
export function sameDb(db: SandboxDb): SandboxDb {
  return new SandboxDb(db.name, { indexedDB, IDBKeyRange });
}

/** A wall clock the test sets by hand (R-CLK-1: the runtime reads wall time only through this). */
export class WallClock {
  constructor(public now = WALL_START) {}
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

/** A database holding one sandbox with the default world, opened with an injected wall clock. */
export async function defaultSandbox(options: { seed?: string; wall?: WallClock; db?: SandboxDb } = {}) {
  const db = options.db ?? freshDb();
  const wall = options.wall ?? new WallClock();
  const id = await createSandbox(db, 'Test sandbox', { seed: options.seed ?? 'runtime-test-seed', wallNow: wall.now });
  const sandbox = await Sandbox.open(db, id, wall.read);
  return { db, wall, id, sandbox };
}

/** Dispatches a command that must be accepted (journaled); returns its result. */
export async function accepted(sandbox: Sandbox, command: WorldCommand): Promise<Extract<DispatchResult, { ok: true }>> {
  const result = await sandbox.dispatch(command);
  if (!result.ok) throw new Error(`${command.type} was refused: ${result.error.message}`);
  return result;
}

/** The journal rows of a sandbox, in order. */
export async function journalRows(db: SandboxDb, sandboxId: string): Promise<JournalRow[]> {
  return db.journal.where('[sandboxId+seq]').between([sandboxId, 0], [sandboxId, Number.MAX_SAFE_INTEGER], true, true).toArray();
}

/** Everything a database holds, to show that an operation wrote nothing. */
export async function dump(db: SandboxDb) {
  return {
    sandboxes: await db.sandboxes.toArray(),
    journal: await db.journal.toArray(),
    checkpoints: await db.checkpoints.toArray(),
    eventLog: await db.eventLog.toArray(),
    auditLog: await db.auditLog.toArray(),
  };
}

/** Re-hashes entries from index `from` on, so only checks other than the hash chain can catch an edit. */
export function rechain(entries: Entry[], from = 0): Entry[] {
  const out = entries.map((entry) => structuredClone(entry));
  for (let i = from; i < out.length; i += 1) {
    const entry = out[i]!;
    if (i > 0) entry.prevHash = out[i - 1]!.hash;
    entry.hash = entryHash(entry.prevHash, entry);
  }
  return out;
}

/** Commands that are always accepted, different each time: they grow the journal with varied state. */
export function fillerCommand(i: number): WorldCommand {
  switch (i % 3) {
    case 0:
      return { type: 'AddPerson', personId: `filler-${i}`, name: `Filler ${i}`, mobile: `+47400${String(i).padStart(5, '0')}` };
    case 1:
      return { type: 'AddPhone', phoneId: `filler-phone-${i}`, personId: `filler-${i - 1}`, label: `Phone ${i}` };
    default:
      return { type: 'AdvanceClock', byMs: 30_000 };
  }
}

export function expectDefined<T>(value: T | undefined | null, what: string): T {
  expect(value, what).toBeDefined();
  expect(value, what).not.toBeNull();
  return value as T;
}
