// This user's own event-log entries (R-MGR-3): the newest few here, the rest one click away in the event log.
import { createResource, For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { describeEvent } from '../../i18n/describe-event';
import type { Link } from '../../domain';
import { useManager } from './manager-session';
import { EventTypeChip } from './event-type-chip';
import { DateTime } from './date-time';

/** How many of the user's entries the details show. */
const RECENT = 8;

export function UserEvents(props: { link: Link }) {
  const { t, lang } = useI18n();
  const sandbox = useSandbox();
  const session = useManager();
  // Read model (R-MGR-3): the newest few of this user's entries, and how many there are.
  const [page] = createResource(
    () => [props.link.orgId, props.link.mobile, sandbox.seq()] as const,
    ([orgId, mobile]) => sandbox.logs().events({ orgId, mobile }, 0, RECENT),
    { initialValue: { rows: [], total: 0, more: false } },
  );
  const recent = () => page().rows;
  return (
    <section class="mgr-card mgr-user-events" aria-labelledby="mgr-user-events-title">
      <div class="mgr-card-head">
        <h4 id="mgr-user-events-title">{t().manager.userEvents}</h4>
        <Show when={session.allowed('read-event-log') && page().total > 0}>
          <button type="button" class="mgr-link-button" onClick={() => session.showEventsOf(props.link.username)}>
            {t().manager.showAllEvents} ({page().total}{page().more ? '+' : ''})
          </button>
        </Show>
      </div>
      <Show when={recent().length > 0} fallback={<p class="muted">{t().manager.noUserEvents}</p>}>
        <ol class="mgr-log mgr-log-compact">
          <For each={recent()}>
            {(entry) => (
              <li class="mgr-log-entry">
                <div class="mgr-log-meta">
                  <DateTime ms={entry.at} />
                  <EventTypeChip type={entry.type} />
                </div>
                <p class="mgr-log-text">{describeEvent(entry.reason, lang())}</p>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
