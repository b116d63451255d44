// SUPERUSER: the org's administrators; change a role, remove one, add one (R-MGR-1; audited with `by`).
import { createMemo, For, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { createCommand } from '../sandbox/create-command';
import { useManager } from './manager-session';
import { AdminRow } from './admin-row';
import { CommandError } from './command-error';
import { AddAdminForm } from './add-admin-form';

export function AdminsView() {
  const sandbox = useSandbox();
  const session = useManager();
  const change = createCommand();
  const admins = () => sandbox.world().server.admins;
  // Keyed by id (strings compare by value) and sorted by username only, so a row stays in place and keeps focus when its role changes.
  const ids = createMemo(() =>
    Object.values(admins())
      .filter((admin) => admin.orgId === session.org().id)
      .sort((a, b) => a.username.localeCompare(b.username))
      .map((admin) => admin.id),
  );

  return (
    <div class="mgr-setup-section">
      <ul class="mgr-rows">
        <For each={ids()}>
          {(id) => <Show when={admins()[id]}>{(admin) => <AdminRow admin={admin()} runner={change} />}</Show>}
        </For>
      </ul>
      <CommandError runner={change} />
      <AddAdminForm />
    </div>
  );
}
