// Signing in to Manager: choose the organization, then one of its administrators (UI state of this tab, not a command).
import { createMemo, For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { ROLES } from '../../domain';
import { RoleBadge } from './role-badge';
import { focusWhenDrawn } from '../common/focus-when-drawn';

/** "Anna Lie" -> "AL". */
function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0]?.toUpperCase() ?? '').join('');
}

export function SignIn(props: { orgId: string | null; onOrgChange: (orgId: string) => void; notice: string | null; onSignIn: (adminId: string) => void }) {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const orgs = createMemo(() => Object.values(sandbox.world().server.orgs));
  const org = () => orgs().find((candidate) => candidate.id === props.orgId) ?? orgs()[0];
  // Most powerful role first, then by name: the order support staff expect.
  const admins = createMemo(() => {
    const current = org();
    if (!current) return [];
    return Object.values(sandbox.world().server.admins)
      .filter((admin) => admin.orgId === current.id)
      .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name));
  });

  /** The sign-in screen goes away: focus moves to the console's heading, so the keyboard carries on in Manager. */
  const signIn = (button: HTMLElement, adminId: string) => {
    const pane = button.closest('.mgr');
    props.onSignIn(adminId);
    // The console may still be loading (the first sign-in): its heading takes focus once drawn.
    queueMicrotask(() => { if (pane) focusWhenDrawn(pane, '.mgr-header h2'); });
  };

  return (
    <div class="mgr-signin">
      <div class="mgr-signin-head">
        <span class="mgr-logo" aria-hidden="true">M</span>
        <div>
          <h2 tabindex="-1">{t().manager.signInTitle}</h2>
          <p class="muted">{t().manager.signInIntro}</p>
        </div>
      </div>
      <Show when={props.notice}>
        <p class="mgr-notice" role="status">{props.notice}</p>
      </Show>
      <Show when={org()} fallback={<p class="muted">{t().manager.noOrgs}</p>}>
        {(current) => (
          <>
            <label class="mgr-field">
              <span>{t().manager.organization}</span>
              <select value={current().id} onChange={(event) => props.onOrgChange(event.currentTarget.value)}>
                <For each={orgs()}>{(o) => <option value={o.id}>{o.name}</option>}</For>
              </select>
            </label>
            <h3 class="mgr-subhead">{t().manager.chooseAdmin}</h3>
            <Show when={admins().length > 0} fallback={<p class="muted">{t().manager.noAdmins}</p>}>
              <ul class="mgr-admin-choices">
                <For each={admins()}>
                  {(admin) => (
                    <li>
                      <button type="button" class="mgr-admin-choice" onClick={(event) => signIn(event.currentTarget, admin.id)}>
                        <span class="mgr-avatar" aria-hidden="true">{initials(admin.name)}</span>
                        <span class="mgr-admin-who">
                          <span class="mgr-admin-name">{admin.name}</span>
                          <span class="mgr-mono muted">{admin.username}</span>
                        </span>
                        <span class="mgr-admin-role">
                          <RoleBadge role={admin.role} />
                          <span class="mgr-small muted">{t().manager.roleHint[admin.role]}</span>
                        </span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
