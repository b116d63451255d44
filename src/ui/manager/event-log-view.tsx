// The event log (R-MGR-4): time, type, username, description in the language on screen; filtered, newest first, paged.
import { createEffect, createMemo, createResource, on, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useManager } from './manager-session';
import { toEventQuery } from './event-filter';
import { createDescriber } from './create-describer';
import { createQueryPages } from './create-pages';
import { EventLogFilters } from './event-log-filters';
import { EventLogList } from './event-log-list';
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
  const source = createMemo(() => {
    const query = toEventQuery(session.eventFilter(), session.org().id, describe(), usernames());
    const logs = sandbox.logs();
    sandbox.seq();
    return (offset: number, limit: number) => logs.events(query, offset, limit);
  });
  const pages = createQueryPages(source);
  // A new filter starts at the newest entries.
  createEffect(on(session.eventFilter, () => pages.setPage(0), { defer: true }));

  return (
    <div class="mgr-log-view">
      <EventLogFilters usernames={usernames()} />
      <Pager pages={pages} label={t().manager.pages} />
      <Show when={pages.total() > 0} fallback={<p class="mgr-empty">{t().manager.noEvents}</p>}>
        <EventLogList entries={pages.items()} describe={describe()} />
      </Show>
      <Show when={pages.items().length > LONG_PAGE}>
        <Pager pages={pages} label={t().manager.pages} />
      </Show>
    </div>
  );
}
