// One page of event-log entries: time, type, username and description (R-MGR-4); usernames shown as data (R-SEC-4).
import { For } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import type { EventLogEntry } from '../../domain';
import { EventTypeChip } from './event-type-chip';
import { DateTime } from './date-time';
import { useManager } from './manager-session';

export function EventLogList(props: { entries: EventLogEntry[]; describe: (entry: EventLogEntry) => string }) {
  const { t } = useI18n();
  const session = useManager();
  /** The access server's name (or "Manager", R-OTP-3) of a login attempt. */
  const where = (id: string | null) => (id === null ? '' : (session.org().accessServers.find((server) => server.id === id)?.name ?? (id === 'manager' ? 'Manager' : id)));
  return (
    <ol class="mgr-log" aria-label={t().manager.eventEntries}>
      <For each={props.entries}>
        {(entry) => (
          <li class="mgr-log-entry">
            <div class="mgr-log-meta">
              <DateTime ms={entry.at} />
              <EventTypeChip type={entry.type} />
              <span class="mgr-log-user">{entry.username || '—'}</span>
              <span class="mgr-log-where mgr-small muted">{where(entry.accessServerId)}</span>
            </div>
            <p class="mgr-log-text">{props.describe(entry)}</p>
          </li>
        )}
      </For>
    </ol>
  );
}
