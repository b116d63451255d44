// The organization's login page: choose organization and access server, type username and code. R-SEC-2: only accepted or failed.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { LoginForm } from './login-form';
import { MANAGER_ACCESS_SERVER } from '../../domain';
import './login.css';

export function LoginPane() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const orgs = createMemo(() => Object.values(sandbox.world().server.orgs).filter((org) => org.accessServers.length > 0));
  const [orgId, setOrgId] = createSignal<string | null>(null);
  const [serverId, setServerId] = createSignal<string | null>(null);
  const org = () => orgs().find((candidate) => candidate.id === orgId()) ?? orgs()[0];
  const servers = () => [...(org()?.accessServers ?? []), MANAGER_ACCESS_SERVER];
  const server = () => servers().find((candidate) => candidate.id === serverId()) ?? servers()[0];

  return (
    <section aria-label={t().paneLogin} class="login-pane">
      <Show when={org()} fallback={<p class="muted">{t().login.noOrgs}</p>}>
        {(current) => (
          <>
            <div class="login-choose">
              <label>
                <span>{t().login.organization}</span>
                <select value={current().id} onChange={(e) => { setOrgId(e.currentTarget.value); setServerId(null); }}>
                  <For each={orgs()}>{(o) => <option value={o.id}>{o.name}</option>}</For>
                </select>
              </label>
              <label>
                <span>{t().login.accessServer}</span>
                <select value={server()?.id} onChange={(e) => setServerId(e.currentTarget.value)}>
                  <For each={servers()}>
                    {(s) => (
                      <option value={s.id}>{s.id === MANAGER_ACCESS_SERVER.id ? t().login.manager : s.name}</option>
                    )}
                  </For>
                </select>
              </label>
              <p class="login-offline" classList={{ 'login-offline-no': !server()?.offlineAllowed }}>
                {server()?.offlineAllowed ? t().login.serverAllowsOffline : t().login.serverNoOffline}
              </p>
            </div>
            <Show when={server()} keyed>
              {(chosen) => <LoginForm orgId={current().id} orgName={current().name} accessServerId={chosen.id} accessServerName={chosen.id === MANAGER_ACCESS_SERVER.id ? t().login.manager : chosen.name} />}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
