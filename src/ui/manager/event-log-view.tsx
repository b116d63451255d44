// The event log (R-MGR-4): time, type, username, description in the language on screen; filtered, newest first, paged.
import { createEffect, createMemo, on, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import type { EventLogEntry } from '../../domain';
import { useManager } from './manager-session';
import { makeEventMatcher } from './event-filter';
import { createDescriber } from './create-describer';
import { createPages } from './create-pages';
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
  const orgLog = createMemo(() => sandbox.world().server.eventLog.filter((entry) => entry.orgId === session.org().id));
  const matching = createMemo(() => {
    const matches = makeEventMatcher(session.eventFilter(), describe());
    const log = orgLog();
    const out: EventLogEntry[] = [];
    for (let i = log.length - 1; i >= 0; i--) {
      const entry = log[i];
      if (entry && matches(entry)) out.push(entry);
    }
    return out;
  });
  const usernames = createMemo(() => [...new Set(orgLog().map((entry) => entry.username).filter(Boolean))].sort());
  const pages = createPages(matching);
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
