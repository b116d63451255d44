// The logs as they were after a journal position: a LogReader that hides every entry written later, with counts and pages to match.
import type { AuditEntry, EventLogEntry } from '../../domain';
import type { EventQuery, LogPage, LogReader } from '../log-read-model';

/** The last visible entry of each log: the server's eventLogCount and auditLogCount at the position replayed. */
export interface LogBounds {
  lastEvent: number;
  lastAudit: number;
  /** Server time of the position: no entry after it can be visible, so the indexed time range stops there. */
  at: number;
}

/** How many audit rows are read at a time while looking past the hidden newest ones. */
const SKIP_PAGE = 200;

/**
 * Wraps `inner` so that only entries numbered up to the bounds are seen (log entries are numbered per server, in the
 * order written, R-SEC-5). Event queries end at the moment's time and skip the rows of that moment written later;
 * audit pages skip the hidden newest rows. Either way the hidden rows all come first, newest first.
 */
export function logsUpTo(inner: LogReader, bounds: LogBounds): LogReader {
  const visible = (entry: EventLogEntry) => entry.seq <= bounds.lastEvent;
  return {
    async events(query: EventQuery, offset: number, limit: number): Promise<LogPage<EventLogEntry>> {
      const to = Math.min(query.to ?? Infinity, bounds.at);
      // Entries are written in time order (R-CLK-1): the time bound hides all but those written later at the very moment
      // replayed, and those come first, newest first. So the page is the bounded query's, past them; the index path stays.
      const hidden = (query.from ?? -Infinity) <= bounds.at ? await hiddenEvents(inner, { ...query, from: bounds.at, to: bounds.at }, bounds.lastEvent) : 0;
      const page = await inner.events({ ...query, to }, offset + hidden, limit);
      return hidden === 0 ? page : { rows: page.rows, total: Math.max(0, page.total - hidden), more: page.more };
    },
    async audit(orgId: string, offset: number, limit: number): Promise<LogPage<AuditEntry>> {
      const hidden = await hiddenAudits(inner, orgId, bounds.lastAudit);
      const page = await inner.audit(orgId, hidden + offset, limit);
      return { rows: page.rows, total: Math.max(0, page.total - hidden), more: page.more };
    },
    async usernames(orgId: string): Promise<string[]> {
      const names = await inner.usernames(orgId);
      const seen = await Promise.all(names.map(async (username) => (await inner.events({ orgId, username, to: bounds.at, match: visible }, 0, 1)).rows.length > 0));
      return names.filter((_name, i) => seen[i]);
    },
  };
}

/** How many of the rows of one moment were written after the bound (newest first, so they lead). */
async function hiddenEvents(inner: LogReader, moment: EventQuery, lastEvent: number): Promise<number> {
  for (let offset = 0; ; offset += SKIP_PAGE) {
    const page = await inner.events(moment, offset, SKIP_PAGE);
    const firstVisible = page.rows.findIndex((row) => row.seq <= lastEvent);
    if (firstVisible >= 0) return offset + firstVisible;
    if (page.rows.length < SKIP_PAGE) return offset + page.rows.length;
  }
}

/** How many of an org's newest audit rows were written after the bound (newest first, so they lead every page). */
async function hiddenAudits(inner: LogReader, orgId: string, lastAudit: number): Promise<number> {
  for (let offset = 0; ; offset += SKIP_PAGE) {
    const page = await inner.audit(orgId, offset, SKIP_PAGE);
    const firstVisible = page.rows.findIndex((row) => row.seq <= lastAudit);
    if (firstVisible >= 0) return offset + firstVisible;
    if (page.rows.length < SKIP_PAGE) return offset + page.rows.length;
  }
}
