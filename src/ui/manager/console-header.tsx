// The console's top bar: the organization, who is signed in with which role, and Sign out.
import { useI18n } from '../i18n/i18n-provider';
import { useManager } from './manager-session';
import { RoleBadge } from './role-badge';

export function ConsoleHeader() {
  const { t } = useI18n();
  const session = useManager();
  /** The console goes away: focus moves to the sign-in's heading, so the keyboard carries on in Manager. */
  const signOut = (button: HTMLElement) => {
    const pane = button.closest('.mgr');
    session.signOut();
    queueMicrotask(() => pane?.querySelector<HTMLElement>('.mgr-signin h2')?.focus({ preventScroll: true }));
  };
  return (
    <header class="mgr-header">
      <div class="mgr-header-org">
        <span class="mgr-logo" aria-hidden="true">M</span>
        <div>
          <h2 tabindex="-1">{session.org().name}</h2>
          <p class="mgr-small muted">{t().paneManager}</p>
        </div>
      </div>
      <div class="mgr-header-who">
        <p class="mgr-signed-in">
          <span class="visually-hidden">{t().manager.signedInAs} </span>
          <span class="mgr-admin-name">{session.admin().name}</span>
          <span class="mgr-mono muted">{session.admin().username}</span>
        </p>
        <RoleBadge role={session.admin().role} />
        <button type="button" class="mgr-signout" onClick={(event) => signOut(event.currentTarget)}>{t().manager.signOut}</button>
      </div>
    </header>
  );
}
