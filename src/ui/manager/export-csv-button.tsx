// Export CSV: every event-log entry the current filter matches (not only the page), read page by page through the LogReader.
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import type { EventLogEntry } from '../../domain';
import type { EventQuery, LogReader } from '../../runtime/log-read-model';
import { csvFile, eventCsvLines } from './csv';
import { formatMinute } from './time-range';

/** Entries read per request while exporting. */
const EXPORT_PAGE = 500;

/** Every entry a query matches, newest first, read EXPORT_PAGE at a time (the count may be capped, the pages are not). */
export async function readAll(logs: LogReader, query: EventQuery): Promise<EventLogEntry[]> {
  const all: EventLogEntry[] = [];
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await logs.events(query, offset, EXPORT_PAGE);
    all.push(...page.rows);
    if (page.rows.length < EXPORT_PAGE) return all;
  }
}

/** "event-log-acme-corp-2026-01-05-0930Z.csv". */
function fileName(orgName: string, now: number): string {
  const org = orgName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'org';
  return `event-log-${org}-${formatMinute(now).replace(' ', '-').replace(':', '')}Z.csv`;
}

export function ExportCsvButton(props: {
  logs: LogReader;
  query: EventQuery;
  orgName: string;
  now: number;
  describe: (entry: EventLogEntry) => string;
  where: (entry: EventLogEntry) => string;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<number | null>(null);
  const run = async () => {
    setBusy(true);
    setDone(null);
    try {
      const entries = await readAll(props.logs, props.query);
      const text = t().manager.csv;
      const lines = eventCsvLines(entries, { describe: props.describe, where: props.where });
      const url = URL.createObjectURL(new Blob([csvFile([text.time, text.type, text.username, text.accessServer, text.description], lines)], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName(props.orgName, props.now);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone(entries.length);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="mgr-export">
      <button type="button" disabled={busy()} onClick={run}>{t().manager.exportCsv}</button>
      <Show when={done() !== null}><span class="mgr-small muted" role="status">{t().manager.exported(done() ?? 0)}</span></Show>
    </span>
  );
}
