// SUPERUSER: the org's access servers with "offline codes allowed" as a switch (R-VER-7), and adding one (audited).
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useManager } from './manager-session';
import { addAccessServerCommand } from '../../runtime/world-edits';
import { CommandError } from './command-error';

export function AccessServersView() {
  const { t } = useI18n();
  const session = useManager();
  const sandbox = useSandbox();
  const toggle = createCommand();
  const add = createCommand();
  const [name, setName] = createSignal('');
  const [offline, setOffline] = createSignal(true);
  const base = () => ({ orgId: session.org().id, by: session.admin().id });
  // Keyed by id (strings compare by value), so a switch keeps focus when it is flipped.
  const ids = createMemo(() => session.org().accessServers.map((server) => server.id));
  const serverOf = (id: string) => session.org().accessServers.find((server) => server.id === id);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (await add.run(addAccessServerCommand(sandbox.world(), session.org().id, session.admin().id, name(), offline()))) setName('');
  };

  return (
    <div class="mgr-setup-section">
      <p class="mgr-small muted">{t().manager.accessServerHint}</p>
      <ul class="mgr-rows">
        <For each={ids()}>
          {(id) => (
            <Show when={serverOf(id)}>
              {(server) => (
                <li class="mgr-row">
                  <div class="mgr-row-main">
                    <span class="mgr-admin-name">{server().name}</span>
                    <span class="mgr-mono mgr-small muted">{server().id}</span>
                  </div>
                  <label class="mgr-switch">
                    <input
                      type="checkbox"
                      role="switch"
                      aria-label={t().manager.offlineAllowedAt(server().name)}
                      checked={server().offlineAllowed}
                      onChange={async (event) => {
                        const input = event.currentTarget;
                        // A refused change leaves the switch as the server has it.
                        if (!(await toggle.run({ type: 'SetAccessServerOffline', ...base(), accessServerId: server().id, offlineAllowed: input.checked }))) input.checked = server().offlineAllowed;
                      }}
                    />
                    <span aria-hidden="true">{t().manager.offlineAllowed}</span>
                  </label>
                </li>
              )}
            </Show>
          )}
        </For>
      </ul>
      <CommandError runner={toggle} />
      <form class="mgr-card mgr-add-form" aria-labelledby="mgr-add-server-title" onSubmit={submit}>
        <h3 id="mgr-add-server-title" class="mgr-card-title">{t().manager.addAccessServer}</h3>
        <div class="mgr-form-grid">
          <label class="mgr-field">
            <span>{t().manager.serverName}</span>
            <input required maxLength={80} autocomplete="off" value={name()} onInput={(event) => setName(event.currentTarget.value)} />
          </label>
          <label class="mgr-check">
            <input type="checkbox" checked={offline()} onChange={(event) => setOffline(event.currentTarget.checked)} />
            {t().manager.offlineAllowed}
          </label>
          <button type="submit" class="primary" disabled={add.pending()}>{t().manager.add}</button>
        </div>
        <CommandError runner={add} />
      </form>
    </div>
  );
}
