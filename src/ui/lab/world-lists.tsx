// The world as it is now, in the Edit world dialog: what can be changed or removed is changed here (directory entries,
// offline codes per access server, administrators' roles); people and phones are listed.
import { For, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { createCommand } from '../sandbox/create-command';
import { useI18n } from '../i18n/i18n-provider';
import { ErrorAlert } from '../common/error-alert';
import { ROLES } from '../../domain';
import type { Org, Role } from '../../domain';

function OrgCard(props: { org: Org }) {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const command = createCommand();
  const admins = () => Object.values(sandbox.world().server.admins).filter((admin) => admin.orgId === props.org.id);
  return (
    <section class="world-card" aria-label={props.org.name}>
      <h4>{props.org.name} <span class="muted">({props.org.id})</span></h4>
      <h5>{t().directories}</h5>
      <For each={props.org.directories}>
        {(directory) => (
          <div class="world-directory">
            <p class="world-directory-name">{directory.name} <span class="muted">({directory.kind})</span></p>
            <Show when={directory.entries.length > 0} fallback={<p class="muted">{t().noEntries}</p>}>
              <ul>
                <For each={directory.entries}>
                  {(entry) => (
                    <li>
                      <span>{entry.username}{entry.mobile ? ` · ${entry.mobile}` : ''}{entry.appId ? ` · App-ID ${entry.appId}` : ''}</span>
                      <button type="button" class="danger" aria-label={t().removeEntry(entry.username, directory.name)}
                        onClick={() => command.run({ type: 'RemoveDirectoryEntry', orgId: props.org.id, directoryId: directory.id, username: entry.username })}>
                        {t().remove}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </For>
      <h5>{t().accessServers}</h5>
      <ul>
        <For each={props.org.accessServers}>
          {(server) => (
            <li>
              <label class="check">
                <input type="checkbox" checked={server.offlineAllowed} aria-label={t().offlineAt(server.name)}
                  onChange={(event) => command.run({ type: 'SetAccessServerOffline', orgId: props.org.id, accessServerId: server.id, offlineAllowed: event.currentTarget.checked })} />
                {server.name}
              </label>
            </li>
          )}
        </For>
      </ul>
      <h5>{t().administrators}</h5>
      <ul>
        <For each={admins()}>
          {(admin) => (
            <li>
              <span>{admin.username} <span class="muted">({admin.name})</span></span>
              <span class="world-row-actions">
                <select aria-label={t().roleOf(admin.username)} value={admin.role}
                  onChange={(event) => command.run({ type: 'SetAdminRole', orgId: props.org.id, adminId: admin.id, role: event.currentTarget.value as Role /* the options are exactly ROLES */ })}>
                  <For each={ROLES}>{(role) => <option value={role}>{role}</option>}</For>
                </select>
                <button type="button" class="danger" aria-label={t().removeAdmin(admin.username)} onClick={() => command.run({ type: 'RemoveAdmin', orgId: props.org.id, adminId: admin.id })}>
                  {t().remove}
                </button>
              </span>
            </li>
          )}
        </For>
      </ul>
      <ErrorAlert message={command.error()} />
    </section>
  );
}

export function WorldLists() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const people = () => Object.values(sandbox.world().people);
  const phonesOf = (personId: string) => Object.values(sandbox.world().phones).filter((phone) => phone.personId === personId);
  return (
    <div class="world-lists">
      <h3>{t().worldNow}</h3>
      <div class="world-cards">
        <For each={Object.values(sandbox.world().server.orgs)}>{(org) => <OrgCard org={org} />}</For>
        <section class="world-card" aria-label={t().people}>
          <h4>{t().people}</h4>
          <ul>
            <For each={people()}>
              {(person) => (
                <li>
                  <span>{person.name} <span class="muted">{person.mobile}</span></span>
                  <span class="muted">{phonesOf(person.id).map((phone) => phone.label).join(', ')}</span>
                </li>
              )}
            </For>
          </ul>
          <p class="muted small">{t().peopleStay}</p>
        </section>
      </div>
    </div>
  );
}
