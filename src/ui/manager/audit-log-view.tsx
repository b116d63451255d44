// The audit log (R-MGR-5): time, administrator, action and target user, newest first; refusals (R-MGR-1) stand out.
import { createMemo, For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { describeAudit } from '../../i18n/describe-event';
import { useManager } from './manager-session';
import { createQueryPages } from './create-pages';
import { Pager } from './pager';
import { DateTime } from './date-time';

export function AuditLogView() {
  const { t, lang } = useI18n();
  const sandbox = useSandbox();
  const session = useManager();
  // Read model (R-MGR-5): one page at a time, asked again when the journal grows.
  const source = createMemo(() => {
    const orgId = session.org().id;
    const logs = sandbox.logs();
    sandbox.seq();
    return (offset: number, limit: number) => logs.audit(orgId, offset, limit);
  });
  const pages = createQueryPages(source);
  return (
    <div class="mgr-log-view">
      <Pager pages={pages} label={t().manager.pages} />
      <Show when={pages.total() > 0} fallback={<p class="mgr-empty">{t().manager.noAudit}</p>}>
        <ol class="mgr-log" aria-label={t().manager.auditEntries}>
          <For each={pages.items()}>
            {(entry) => (
              <li class="mgr-log-entry" classList={{ 'mgr-log-refused': entry.action.kind === 'refused' }}>
                <div class="mgr-log-meta">
                  <DateTime ms={entry.at} />
                  <span class="mgr-log-user">{t().manager.byAdmin(entry.adminUsername)}</span>
                  <Show when={entry.targetUsername}>
                    {(target) => <span class="mgr-target">{t().manager.onUser(target())}</span>}
                  </Show>
                </div>
                <p class="mgr-log-text">{describeAudit(entry.action, lang())}</p>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </div>
  );
}
