// The sandboxes at start: listing them, and the one to open (the default world written on the very first start).
// Loaded with the page; creating, resetting, importing and the rest are sandboxes.ts, loaded with the first of them.
import type { SandboxDb, SandboxRow } from '../storage/db';
import { writeSandbox, sandboxWriteTables } from './sandbox-store';
import type { BuiltJournal } from './default-journal';

/**
 * The default world's journal, built by the deciding core, which loads here (default-journal.ts) rather than with the
 * page: a sandbox that already exists opens without it.
 */
export async function buildDefaultJournal(seed: string, wallNow: number): Promise<BuiltJournal> {
  const { defaultJournalInSlices } = await import('./default-journal');
  return defaultJournalInSlices(seed, wallNow);
}

/** A new sandbox id. */
export function newSandboxId(): string {
  return `sbx-${crypto.randomUUID().slice(0, 8)}`;
}

/** A fresh seed for a new sandbox (the runtime may use real randomness; the domain may not). */
export function newSeed(): string {
  return crypto.randomUUID();
}

/** Lists sandboxes, newest first. */
export async function listSandboxes(db: SandboxDb): Promise<SandboxRow[]> {
  const rows = await db.sandboxes.toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}

/** A sandbox's name, trimmed; refused when empty or longer than 60 characters. */
export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 60) throw new RangeError('"name" must be 1 to 60 characters');
  return trimmed;
}

/**
 * The sandbox to open on start: `preferred` when it exists, else the newest; on the very first start a
 * new one with the default world. Safe when two tabs start at once: only one default sandbox is written.
 */
export async function ensureSandbox(db: SandboxDb, preferred: string | null, name = 'My sandbox', wallNow = Date.now()): Promise<string> {
  if (preferred && (await db.sandboxes.get(preferred))) return preferred;
  const existing = await listSandboxes(db);
  if (existing[0]) return existing[0].id;
  const seed = newSeed();
  const built = await buildDefaultJournal(seed, wallNow);
  const id = newSandboxId();
  return db.transaction('rw', sandboxWriteTables(db), async () => {
    const first = await db.sandboxes.orderBy('name').first();
    if (first) return first.id; // another tab won the race
    await writeSandbox(db, { id, name: checkName(name), seed, createdAt: wallNow, clockAnchorWall: built.clockAnchorWall }, built.entries);
    return id;
  });
}
