// The event log (R-MGR-4): time, type, username, description in the language on screen; filtered, newest first, paged; CSV export.
import { createEffect, createMemo, createResource, on, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import type { EventLogEntry } from '../../domain';
import { useManager } from './manager-session';
import { toEventQuery } from './event-filter';
import { createDescriber } from './create-describer';
import { createQueryPages } from './create-pages';
import { EventLogFilters } from './event-log-filters';
import { EventLogList } from './event-log-list';
import { ExportCsvButton } from './export-csv-button';
import { Pager } from './pager';

/** Show a second pager under the list when a page is longer than this. */
const LONG_PAGE = 15;

export function EventLogView() {
  const { t, lang } = useI18n();
  const sandbox = useSandbox();
  const session = useManager();
  const describe = createDescriber(lang);
  // Read models (R-MGR-4): only one page is ever read; a new journal entry or filter asks again.
  const [usernames] = createResource(() => [session.org().id, sandbox.seq()] as const, ([orgId]) => sandbox.logs().usernames(orgId), { initialValue: [] });
  const query = createMemo(() => toEventQuery(session.eventFilter(), session.org().id, describe(), usernames()));
  const source = createMemo(() => {
    const current = query();
    const logs = sandbox.logs();
    sandbox.seq();
    return (offset: number, limit: number) => logs.events(current, offset, limit);
  });
  const pages = createQueryPages(source);
  // A new filter starts at the newest entries.
  createEffect(on(session.eventFilter, () => pages.setPage(0), { defer: true }));
  /** The access server's name (or "Manager", R-OTP-3) of a login attempt. */
  const where = (entry: EventLogEntry) => {
    const id = entry.accessServerId;
    if (id === null) return '';
    return session.org().accessServers.find((server) => server.id === id)?.name ?? (id === 'manager' ? 'Manager' : id);
  };

  return (
    <div class="mgr-log-view">
      <EventLogFilters usernames={usernames()} />
      <div class="mgr-log-bar">
        <Pager pages={pages} label={t().manager.pages} />
        <ExportCsvButton logs={sandbox.logs()} query={query()} orgName={session.org().name} now={sandbox.now()} describe={describe()} where={where} />
      </div>
      <Show when={pages.total() > 0} fallback={<p class="mgr-empty">{t().manager.noEvents}</p>}>
        <EventLogList entries={pages.items()} describe={describe()} where={where} />
      </Show>
      <Show when={pages.items().length > LONG_PAGE}>
        <Pager pages={pages} label={t().manager.pages} />
      </Show>
    </div>
  );
}
