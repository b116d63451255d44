// What an export file is, without the code that checks one: the format's name, version, size limit and shape. Small,
// so exporting and the sandbox menu need not load the import checks (and their schemas) until a file is imported.
import type { Entry, Head } from './journal';

/** What an export file says it is. */
export const JOURNAL_FORMAT = 'code-sandbox-journal';
/** The version exports are written in: 2 carries its head. Version 1 (no head, older event shapes) is still imported. */
export const JOURNAL_VERSION = 2;

/** Largest file an import reads, in UTF-8 bytes, checked before JSON.parse. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Where an export's journal ends: the last entry's position and hash, and how many entries the file holds. */
export interface JournalHead extends Head {
  entries: number;
}

/** An export file, as written now (version 2). */
export interface JournalFile {
  format: typeof JOURNAL_FORMAT;
  version: typeof JOURNAL_VERSION;
  exportedAt: number;
  sandbox: { name: string; seed: string; createdAt: number };
  head: JournalHead;
  entries: Entry[];
}
