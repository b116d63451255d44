// Several named sandboxes: create (with the default world), rename, reset, delete, export to a file and import one.
// Listing them and the first start are sandbox-list.ts (with the page); this loads with the first of these actions.
import type { WorldState } from '../domain';
import type { SandboxDb, SandboxRow, SavePoint } from '../storage/db';
import type { Entry } from './journal';
import { readJournal } from './sandbox';
import { writeSandbox, removeSandbox, sandboxWriteTables } from './sandbox-store';
import { announce } from './tab-signal';
import { JOURNAL_FORMAT, JOURNAL_VERSION } from './journal-file';
import type { JournalFile } from './journal-file';
import type { ImportCheck } from './import-check';
import { buildDefaultJournal, checkName, newSandboxId, newSeed } from './sandbox-list';

export { JOURNAL_FORMAT, JOURNAL_VERSION };
export { ensureSandbox, listSandboxes, newSandboxId, newSeed } from './sandbox-list';

/**
 * The wall time to anchor a written journal's clock at, so simulated time goes on from its last entry as if that entry
 * ran just now (a paused clock, or no entry: now).
 */
export function clockAnchorAfter(entries: readonly Entry[], clock: WorldState['clock'], wallNow: number): number {
  const last = entries[entries.length - 1];
  return wallNow - (last && clock.running ? Math.max(0, last.at - clock.now) / clock.speed : 0);
}

/** Creates a sandbox holding the default world; returns its id. */
export async function createSandbox(db: SandboxDb, name: string, options: { seed?: string; wallNow?: number } = {}): Promise<string> {
  const seed = options.seed ?? newSeed();
  const wallNow = options.wallNow ?? Date.now();
  const built = await buildDefaultJournal(seed, wallNow);
  const id = newSandboxId();
  await writeSandbox(db, { id, name: checkName(name), seed, createdAt: wallNow, clockAnchorWall: built.clockAnchorWall }, built.entries);
  return id;
}


/** Creates a sandbox with no world at all (a scenario builds its own, step by step); returns its id. */
export async function createEmptySandbox(db: SandboxDb, name: string, seed: string, wallNow = Date.now()): Promise<string> {
  const id = newSandboxId();
  await writeSandbox(db, { id, name: checkName(name), seed, createdAt: wallNow, clockAnchorWall: wallNow }, []);
  return id;
}

/** Puts a sandbox back to the default world, keeping its name and seed. */
export async function resetSandbox(db: SandboxDb, id: string, wallNow = Date.now()): Promise<void> {
  const row = await db.sandboxes.get(id);
  if (!row) throw new RangeError(`There is no sandbox "${id}"`);
  const built = await buildDefaultJournal(row.seed, wallNow);
  await writeSandbox(db, { id, name: row.name, seed: row.seed, createdAt: row.createdAt, clockAnchorWall: built.clockAnchorWall }, built.entries);
}

export async function renameSandbox(db: SandboxDb, id: string, name: string): Promise<void> {
  const updated = await db.sandboxes.update(id, { name: checkName(name) });
  if (updated === 0) throw new RangeError(`There is no sandbox "${id}"`);
  announce({ dbName: db.name, sandboxId: id, from: null });
}

export async function deleteSandbox(db: SandboxDb, id: string): Promise<void> {
  await removeSandbox(db, id);
}

/**
 * The export file of a sandbox (version 2): its name, seed, head and whole journal. The head is the sandbox's own
 * (where its row says the journal ends) and `entries` counts what the file holds, so an import can tell a file cut
 * short, or a journal that lost rows, from a whole one.
 */
export async function exportSandbox(db: SandboxDb, id: string, wallNow = Date.now()): Promise<JournalFile> {
  const row = await db.sandboxes.get(id);
  if (!row) throw new RangeError(`There is no sandbox "${id}"`);
  const rows = await readJournal(db, id);
  return {
    format: JOURNAL_FORMAT,
    version: JOURNAL_VERSION,
    exportedAt: wallNow,
    sandbox: { name: row.name, seed: row.seed, createdAt: row.createdAt },
    head: { seq: row.headSeq, hash: row.headHash, entries: rows.length },
    entries: rows.map(({ seq, at, command, events, prevHash, hash }) => ({ seq, at, command, events, prevHash, hash })),
  };
}

export type ImportResult =
  | {
      ok: true;
      id: string;
      /** Entries stored. */
      entries: number;
      /** The version the file was written in; a version-1 file was decided again with the current core. */
      version: 1 | 2;
      /** Version 1: entries whose events the current core decides differently now (kept as decided now). */
      upgraded: number;
      /** Version 1: commands the current core refuses with no events (left out). */
      dropped: number;
    }
  | { ok: false; message: string };

function failure(what: string, error: unknown): { ok: false; message: string } {
  return { ok: false, message: `${what}: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * Imports an export file as a new sandbox. The file is checked first (import-check.ts): its size, nesting and keys,
 * its shape (valibot, strict down to every event), its hash chain and head, and that every entry's events are exactly
 * what its command decides (so no event can be smuggled in). Version-1 files are decided again with the current core.
 * A bad file is refused with a message naming what is wrong; nothing is written and no sandbox changes.
 */
export async function importSandbox(db: SandboxDb, text: string, wallNow = Date.now()): Promise<ImportResult> {
  let checked: ImportCheck;
  try {
    // The checks and their schemas load with the first import, not with the page.
    const { checkImportText } = await import('./import-check');
    checked = checkImportText(text);
  } catch (error) {
    return failure('The file could not be checked', error); // a bug in a check: refuse rather than store
  }
  if (!checked.ok) return checked;
  const id = newSandboxId();
  const file = checked.file;
  const name = file.sandbox.name.trim().slice(0, 50) || 'Imported';
  try {
    await writeSandbox(db, { id, name: `${name} (imported)`, seed: file.sandbox.seed, createdAt: wallNow, clockAnchorWall: clockAnchorAfter(file.entries, checked.state.clock, wallNow) }, file.entries);
  } catch (error) {
    return failure('The sandbox could not be stored', error); // one transaction: nothing of it was written
  }
  return { ok: true, id, entries: file.entries.length, version: checked.version, upgraded: checked.upgraded, dropped: checked.dropped };
}


/**
 * A new sandbox from the first `seq` entries of another (the last good entry of a damaged one, or any moment of
 * history): the commands are decided again from the same seed, so the copy proves itself; the original is untouched.
 */
export async function forkSandbox(db: SandboxDb, id: string, seq: number, name: string, wallNow = Date.now(), extra: { undoOf?: string } = {}): Promise<string> {
  const row = await db.sandboxes.get(id);
  if (!row) throw new RangeError(`There is no sandbox "${id}"`);
  const old = (await readJournal(db, id)).filter((entry) => entry.seq <= seq);
  const { redecide } = await import('./upgrade');
  const { entries, state } = redecide(row.seed, old);
  const forkId = newSandboxId();
  await writeSandbox(db, { id: forkId, name: checkName(name), seed: row.seed, createdAt: wallNow, clockAnchorWall: clockAnchorAfter(entries, state.clock, wallNow), ...extra }, entries);
  return forkId;
}

/** Longest name of a save point. */
export const MAX_POINT_NAME = 40;

/**
 * Saves the sandbox's present position under a name, to come back to later (`openPoint`): lighter than an export,
 * and the journal itself is not touched. A name must be new in this sandbox.
 */
export async function savePoint(db: SandboxDb, id: string, name: string): Promise<SavePoint> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_POINT_NAME) throw new RangeError(`"name" must be 1 to ${MAX_POINT_NAME} characters`);
  return db.transaction('rw', [db.sandboxes, db.journal], async () => {
    const row = await db.sandboxes.get(id);
    if (!row) throw new RangeError(`There is no sandbox "${id}"`);
    const points = row.points ?? [];
    if (points.some((point) => point.name.toLowerCase() === trimmed.toLowerCase())) throw new RangeError(`This sandbox already has a point named "${trimmed}"`);
    const last = await db.journal.get([id, row.headSeq]);
    const point: SavePoint = { name: trimmed, seq: row.headSeq, at: last?.at ?? 0 };
    await db.sandboxes.update(id, { points: [...points, point] });
    announce({ dbName: db.name, sandboxId: id, from: null });
    return point;
  });
}

/** A new sandbox from a saved point, named after it; the sandbox the point is in stays as it is. */
export async function openPoint(db: SandboxDb, id: string, pointName: string, wallNow = Date.now()): Promise<string> {
  const row = await db.sandboxes.get(id);
  const point = row?.points?.find((candidate) => candidate.name === pointName);
  if (!row || !point) throw new RangeError(`There is no point "${pointName}" in this sandbox`);
  return forkSandbox(db, id, point.seq, `${row.name.slice(0, 60 - point.name.length - 3)} @ ${point.name}`, wallNow);
}

/**
 * Undoes the last journal entry. The first Undo makes a new sandbox without it ("<name> (undo)"), so what was done
 * stays in the original; Undo again in that sandbox goes back one more entry in place. Returns the sandbox to show.
 */
export async function undoLast(db: SandboxDb, id: string, wallNow = Date.now()): Promise<string> {
  const row = await db.sandboxes.get(id);
  if (!row) throw new RangeError(`There is no sandbox "${id}"`);
  if (row.headSeq === 0) throw new RangeError('There is nothing to undo');
  if (row.undoOf === undefined) return forkSandbox(db, id, row.headSeq - 1, `${row.name.slice(0, 53)} (undo)`, wallNow, { undoOf: id });
  const old = (await readJournal(db, id)).filter((entry) => entry.seq < row.headSeq);
  const { redecide } = await import('./upgrade');
  const { entries, state } = redecide(row.seed, old);
  const { headSeq: _seq, headHash: _hash, format: _format, ...kept } = row;
  const points = (row.points ?? []).filter((point) => point.seq < row.headSeq);
  await writeSandbox(db, { ...kept, points, clockAnchorWall: clockAnchorAfter(entries, state.clock, wallNow) }, entries);
  return id;
}
