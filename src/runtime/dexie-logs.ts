// The event log and audit log read models in IndexedDB: indexed, paged queries over the tables written with each journal entry.
import type { Collection } from 'dexie';
import type { EventLogEntry, AuditEntry } from '../domain';
import type { SandboxDb, EventLogRow, AuditLogRow } from '../storage/db';
import type { Entry } from './journal';
import type { EventQuery, LogPage, LogReader } from './log-read-model';
import { COUNT_AHEAD, logEntriesOf, matchesQuery } from './log-read-model';

const LOW = -Infinity;
const HIGH = Infinity;

/** The read-model rows one journal entry adds: written in the same transaction as the entry. */
export function logRowsOf(sandboxId: string, entry: Pick<Entry, 'seq' | 'events'>): { events: EventLogRow[]; audits: AuditLogRow[] } {
  const added = logEntriesOf(entry.events);
  return {
    events: added.events.map((e) => ({ ...e, sandboxId, journalSeq: entry.seq, userKey: e.username.toLowerCase() })),
    audits: added.audits.map((a) => ({ ...a, sandboxId, journalSeq: entry.seq })),
  };
}

function stripEvent(row: EventLogRow): EventLogEntry {
  const { sandboxId: _s, journalSeq: _j, userKey: _u, ...entry } = row;
  return entry;
}

function stripAudit(row: AuditLogRow): AuditEntry {
  const { sandboxId: _s, journalSeq: _j, ...entry } = row;
  return entry;
}

/**
 * How many entries a collection holds, counting no further than `cap`: IndexedDB's own count reads every entry
 * of the range (about 7 µs each in Chromium), while the keys of the first `cap + 1` are one bounded request.
 */
async function countUpTo<T, K>(collection: Collection<T, K>, cap: number): Promise<{ total: number; more: boolean }> {
  const keys = await collection.clone().limit(cap + 1).primaryKeys();
  return keys.length > cap ? { total: cap, more: true } : { total: keys.length, more: false };
}

/** One sandbox's logs in IndexedDB. Each query walks the one index that narrows it most; the rest is checked per row. */
export class DexieLogs implements LogReader {
  constructor(
    private readonly db: SandboxDb,
    private readonly sandboxId: string,
  ) {}

  /** The narrowest indexed range for a query, newest first, and whether rows still need checking one by one. */
  private range(query: EventQuery): { collection: Collection<EventLogRow, [string, number]>; exact: boolean } {
    const { sandboxId } = this;
    const from = query.from ?? LOW;
    const to = query.to ?? HIGH;
    const table = this.db.eventLog;
    const rest = (used: 'mobile' | 'username' | 'type' | 'time'): boolean =>
      query.match === undefined &&
      (used === 'mobile' || query.mobile === undefined) &&
      (used === 'username' || query.username === undefined) &&
      (used === 'type' || query.type === undefined);
    if (query.mobile !== undefined) {
      return { collection: table.where('[sandboxId+orgId+mobile+at]').between([sandboxId, query.orgId, query.mobile, from], [sandboxId, query.orgId, query.mobile, to], true, true), exact: rest('mobile') };
    }
    if (query.username !== undefined) {
      const key = query.username.toLowerCase();
      return { collection: table.where('[sandboxId+orgId+userKey+at]').between([sandboxId, query.orgId, key, from], [sandboxId, query.orgId, key, to], true, true), exact: rest('username') };
    }
    if (query.type !== undefined) {
      return { collection: table.where('[sandboxId+orgId+type+at]').between([sandboxId, query.orgId, query.type, from], [sandboxId, query.orgId, query.type, to], true, true), exact: rest('type') };
    }
    return { collection: table.where('[sandboxId+orgId+at]').between([sandboxId, query.orgId, from], [sandboxId, query.orgId, to], true, true), exact: rest('time') };
  }

  async events(query: EventQuery, offset: number, limit: number): Promise<LogPage<EventLogEntry>> {
    const { collection, exact } = this.range(query);
    // Skipping on the index alone when no row needs checking: no row is read but the page's.
    const matching = exact ? collection : collection.clone().filter((row) => matchesQuery(row, query));
    const [counted, rows] = await Promise.all([countUpTo(matching, offset + limit + COUNT_AHEAD), matching.clone().reverse().offset(offset).limit(limit).toArray()]);
    return { ...counted, rows: rows.map(stripEvent) };
  }

  async audit(orgId: string, offset: number, limit: number): Promise<LogPage<AuditEntry>> {
    const all = this.db.auditLog.where('[sandboxId+orgId+at]').between([this.sandboxId, orgId, LOW], [this.sandboxId, orgId, HIGH], true, true);
    const [counted, rows] = await Promise.all([countUpTo(all, offset + limit + COUNT_AHEAD), all.clone().reverse().offset(offset).limit(limit).toArray()]);
    return { ...counted, rows: rows.map(stripAudit) };
  }

  async usernames(orgId: string): Promise<string[]> {
    // A unique-key walk of the username index: one step per distinct username, not per entry.
    const keys = await this.db.eventLog.where('[sandboxId+orgId+userKey]').between([this.sandboxId, orgId, ''], [this.sandboxId, orgId, '\uffff'], true, true).uniqueKeys();
    const names = new Set<string>();
    for (const key of keys) {
      const userKey = Array.isArray(key) ? key[2] : undefined;
      if (typeof userKey === 'string' && userKey !== '') names.add(userKey);
    }
    return [...names].sort();
  }
}
