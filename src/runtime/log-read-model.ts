// The event log and the audit log as read models of the journal (R-MGR-4, R-MGR-5): one query interface, kept in memory here.
import type { EventLogEntry, EventLogType, AuditEntry, WorldEvent } from '../domain';

/** What Manager's event log filters on (R-MGR-4). Every bound is optional; `match` narrows further (free text). */
export interface EventQuery {
  orgId: string;
  /** Exact username, compared without case. */
  username?: string;
  type?: EventLogType;
  /** One holder's own entries (R-MGR-3). */
  mobile?: string;
  /** Server time bounds, inclusive. */
  from?: number;
  to?: number;
  /** A further predicate, such as free text in the description on screen; it makes the count a scan of the range. */
  match?: (entry: EventLogEntry) => boolean;
}

/**
 * One page of a log, newest first, and how many entries match: exactly, or (`more`) at least `total` when counting
 * them all would read more than COUNT_AHEAD entries past the page (R-MGR-4 at 100,000 entries stays quick).
 */
export interface LogPage<T> {
  rows: T[];
  total: number;
  more: boolean;
}

/** How far past the page shown a log's matches are counted. */
export const COUNT_AHEAD = 1_000;

/** How the screens, the runner and the verifier read the logs, whatever holds them. */
export interface LogReader {
  events(query: EventQuery, offset: number, limit: number): Promise<LogPage<EventLogEntry>>;
  audit(orgId: string, offset: number, limit: number): Promise<LogPage<AuditEntry>>;
  /** The distinct usernames in an org's event log, sorted. */
  usernames(orgId: string): Promise<string[]>;
}

/** The log entries one journal entry's events append. */
export function logEntriesOf(events: readonly WorldEvent[]): { events: EventLogEntry[]; audits: AuditEntry[] } {
  const out = { events: [] as EventLogEntry[], audits: [] as AuditEntry[] };
  for (const event of events) {
    if (event.type === 'EventLogged') out.events.push(event.entry);
    else if (event.type === 'AuditRecorded') out.audits.push(event.entry);
  }
  return out;
}

/** Whether an entry passes every bound of a query. */
export function matchesQuery(entry: EventLogEntry, query: EventQuery): boolean {
  return (
    entry.orgId === query.orgId &&
    (query.username === undefined || entry.username.toLowerCase() === query.username.toLowerCase()) &&
    (query.type === undefined || entry.type === query.type) &&
    (query.mobile === undefined || entry.mobile === query.mobile) &&
    (query.from === undefined || entry.at >= query.from) &&
    (query.to === undefined || entry.at <= query.to) &&
    (query.match === undefined || query.match(entry))
  );
}

/** The read models in memory, for the headless runner and tests: the same answers as the IndexedDB tables. */
export class MemoryLogs implements LogReader {
  private readonly eventRows: EventLogEntry[] = [];
  private readonly auditRows: AuditEntry[] = [];

  /** Appends what one journal entry's events logged. */
  append(events: readonly WorldEvent[]): void {
    const added = logEntriesOf(events);
    this.eventRows.push(...added.events);
    this.auditRows.push(...added.audits);
  }

  async events(query: EventQuery, offset: number, limit: number): Promise<LogPage<EventLogEntry>> {
    const matching: EventLogEntry[] = [];
    for (let i = this.eventRows.length - 1; i >= 0; i--) {
      const entry = this.eventRows[i];
      if (entry && matchesQuery(entry, query)) matching.push(entry);
    }
    return { rows: matching.slice(offset, offset + limit), total: matching.length, more: false };
  }

  async audit(orgId: string, offset: number, limit: number): Promise<LogPage<AuditEntry>> {
    const matching = this.auditRows.filter((entry) => entry.orgId === orgId).reverse();
    return { rows: matching.slice(offset, offset + limit), total: matching.length, more: false };
  }

  async usernames(orgId: string): Promise<string[]> {
    return [...new Set(this.eventRows.filter((e) => e.orgId === orgId && e.username !== '').map((e) => e.username))].sort();
  }
}
