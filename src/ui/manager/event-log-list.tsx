// One page of event-log entries: time, type, username and description (R-MGR-4); usernames shown as data (R-SEC-4), and a way to the user's details.
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { getLink, usersOf } from '../../domain';
import type { EventLogEntry, Link } from '../../domain';
import { EventTypeChip } from './event-type-chip';
import { DateTime } from './date-time';
import { useManager } from './manager-session';

export function EventLogList(props: { entries: EventLogEntry[]; describe: (entry: EventLogEntry) => string; where: (entry: EventLogEntry) => string }) {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const session = useManager();
  /** The listed user an entry is about (by its mobile, else its username), when this role may open user details. */
  const userOf = (entry: EventLogEntry): Link | undefined => {
    if (!session.allowed('read-users')) return undefined;
    const server = sandbox.world().server;
    const orgId = session.org().id;
    if (entry.mobile !== null) return getLink(server, orgId, entry.mobile);
    const name = entry.username.toLowerCase();
    return name === '' ? undefined : usersOf(server, orgId).find((link) => link.username.toLowerCase() === name);
  };
  const open = (link: Link) => {
    session.select(link.mobile);
    session.setTab('users');
  };
  return (
    <ol class="mgr-log" aria-label={t().manager.eventEntries}>
      <For each={props.entries}>
        {(entry) => (
          <li class="mgr-log-entry">
            <div class="mgr-log-meta">
              <DateTime ms={entry.at} />
              <EventTypeChip type={entry.type} />
              <Show when={userOf(entry)} fallback={<span class="mgr-log-user">{entry.username || '—'}</span>}>
                {(link) => (
                  <button type="button" class="mgr-link-button mgr-log-user" aria-label={t().manager.openUser(entry.username || link().username)} onClick={() => open(link())}>
                    {entry.username || link().username}
                  </button>
                )}
              </Show>
              <span class="mgr-log-where mgr-small muted">{props.where(entry)}</span>
            </div>
            <p class="mgr-log-text">{props.describe(entry)}</p>
          </li>
        )}
      </For>
    </ol>
  );
}
