// The users table (R-MGR-2): the person and username (opens the details), mobile and App-ID, "PIN blocked" and status, change date.
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { formatDateTime } from '../../i18n/format';
import { BlockedIcon } from './blocked-icon';
import { StatusBadge } from './status-badge';
import { DateTime } from './date-time';
import type { UserRow } from './user-match';

export function UsersTable(props: { rows: UserRow[]; onOpen: (mobile: string) => void }) {
  const { t } = useI18n();
  return (
    <table class="mgr-table mgr-users-table">
      <thead>
        <tr>
          <th scope="col">{t().manager.colUser}</th>
          <th scope="col" class="mgr-col-mobile">{t().manager.colMobile}</th>
          <th scope="col">{t().manager.colStatus}</th>
          <th scope="col" class="mgr-col-changed">{t().manager.colChanged}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr classList={{ 'mgr-row-blocked': row.link.blocked }} onClick={() => props.onOpen(row.link.mobile)}>
              <td class="mgr-col-user">
                <Show when={row.name}>{(name) => <span class="mgr-person">{name()}</span>}</Show>
                <button type="button" class="mgr-link-button mgr-username" onClick={(event) => { event.stopPropagation(); props.onOpen(row.link.mobile); }}>
                  {row.link.username}
                </button>
                <span class="mgr-sub" title={t().manager.orgCount(row.orgCount)}>{t().manager.orgCountShort(row.orgCount)}</span>
              </td>
              <td class="mgr-col-mobile">
                <span class="mgr-mono">{row.link.mobile}</span>
                <span class="mgr-mono mgr-sub">{row.appId ?? t().manager.noAppId}</span>
              </td>
              <td class="mgr-col-status">
                <Show when={row.link.blocked}><BlockedIcon /></Show>
                <StatusBadge status={row.link.status} quiet={row.link.blocked} />
              </td>
              <td class="mgr-col-changed" title={formatDateTime(row.link.changedAt)}>
                <DateTime ms={row.link.changedAt} />
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
