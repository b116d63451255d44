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
 * order written, R-SEC-5). Event queries get the bound as part of their match (and the time as their upper bound, so
 * the indexed range stays narrow); audit pages skip the hidden newest rows, which all come first.
 */
export function logsUpTo(inner: LogReader, bounds: LogBounds): LogReader {
  const visible = (entry: EventLogEntry) => entry.seq <= bounds.lastEvent;
  return {
    events(query: EventQuery, offset: number, limit: number): Promise<LogPage<EventLogEntry>> {
      const outer = query.match;
      const match = outer ? (entry: EventLogEntry) => visible(entry) && outer(entry) : visible;
      const to = Math.min(query.to ?? Infinity, bounds.at);
      return inner.events({ ...query, to, match }, offset, limit);
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

/** How many of an org's newest audit rows were written after the bound (newest first, so they lead every page). */
async function hiddenAudits(inner: LogReader, orgId: string, lastAudit: number): Promise<number> {
  for (let offset = 0; ; offset += SKIP_PAGE) {
    const page = await inner.audit(orgId, offset, SKIP_PAGE);
    const firstVisible = page.rows.findIndex((row) => row.seq <= lastAudit);
    if (firstVisible >= 0) return offset + firstVisible;
    if (page.rows.length < SKIP_PAGE) return offset + page.rows.length;
  }
}
