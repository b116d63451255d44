// The Manager pane: sign in as an administrator of one organization, then the console that role allows (R-MGR-1).
import { createEffect, createMemo, createSignal, lazy, on, onMount, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { SignIn } from './sign-in';
import { ManagerSessionProvider } from './manager-session';
import { recallAdmin, rememberAdmin } from './remembered-admin';
import { adminRequest } from './shown-admin';
import { whenIdle } from '../common/focus-when-drawn';
import './manager.css';

/** The signed-in console (users, logs, setup) loads with the first sign-in, not with the page: the page opens on the sign-in. */
const ManagerConsole = lazy(async () => ({ default: (await import('./manager-console')).ManagerConsole }));

export function ManagerPane() {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const sandboxId = createMemo(() => sandbox.info().id);
  // The console loads once the page is idle, so a sign-in shows it at once.
  onMount(() => whenIdle(() => void ManagerConsole.preload()));
  // The sign-in survives a reload: remembered per sandbox in this tab (sessionStorage), as the sandbox itself is kept.
  const [adminId, setAdminSignal] = createSignal<string | null>(recallAdmin(sandboxId()));
  const setAdminId = (id: string | null) => {
    rememberAdmin(sandboxId(), id);
    setAdminSignal(id);
  };
  const [gone, setGone] = createSignal(false);
  // Another sandbox: whoever was signed in to that one, if anyone.
  createEffect(on(sandboxId, (id) => { setGone(false); setAdminSignal(recallAdmin(id)); }, { defer: true }));
  // Signed in from outside (a demo's step by an administrator).
  createEffect(on(adminRequest, (asked) => { if (asked && asked.sandboxId === sandboxId()) { setGone(false); setAdminSignal(asked.adminId); } }, { defer: true }));
  // The organization chosen on the sign-in screen, remembered across sign-outs in this tab.
  const [orgChoice, setOrgChoice] = createSignal<string | null>(null);
  // The administrator as the world has them now: a role change shows at once; a removal signs out.
  const admin = createMemo(() => {
    const id = adminId();
    return id === null ? undefined : sandbox.world().server.admins[id];
  });
  const org = createMemo(() => {
    const current = admin();
    return current ? sandbox.world().server.orgs[current.orgId] : undefined;
  });
  const signedIn = createMemo(() => {
    const a = admin();
    const o = org();
    return a && o ? { admin: a, org: o } : undefined;
  });
  createEffect(() => {
    // Replaying a moment before the administrator existed shows the sign-in, but forgets no one: the present still has them.
    if (adminId() !== null && !signedIn() && !sandbox.replay()) {
      setAdminId(null);
      setGone(true);
    }
  });
  // Keyed on the administrator's id only, so the console keeps its state while the world changes around it.
  const sessionKey = createMemo(() => (signedIn() ? adminId() : null));

  return (
    <section aria-label={t().paneManager} class="mgr">
      <Show
        when={sessionKey()}
        keyed
        fallback={<SignIn
            orgId={orgChoice()}
            onOrgChange={setOrgChoice}
            notice={gone() ? t().manager.adminGone : null}
            onSignIn={(id) => { setGone(false); setAdminId(id); }}
          />}
      >
        {(key) => (
          <Show when={key === adminId() && signedIn()}>
            {(current) => (
              <ManagerSessionProvider org={current().org} admin={current().admin} onSignOut={() => setAdminId(null)}>
                <ManagerConsole />
              </ManagerSessionProvider>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}
