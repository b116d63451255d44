// SUPERUSER: add an administrator to the org with a username, a name and a role (AddAdmin with `by`, audited).
import { createSignal, For } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { createCommand } from '../sandbox/create-command';
import { ROLES } from '../../domain';
import type { Role } from '../../domain';
import { useManager } from './manager-session';
import { isRole } from './is-role';
import { addAdminCommand } from '../../runtime/world-edits';
import { CommandError } from './command-error';

export function AddAdminForm() {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const session = useManager();
  const add = createCommand();
  const [username, setUsername] = createSignal('');
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal<Role>('HELPDESK');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const orgId = session.org().id;
    const reply = await add.run(addAdminCommand(sandbox.world(), orgId, session.admin().id, username(), name(), role()));
    if (reply) {
      setUsername('');
      setName('');
    }
  };

  return (
    <form class="mgr-card mgr-add-form" aria-labelledby="mgr-add-admin-title" onSubmit={submit}>
      <h3 id="mgr-add-admin-title" class="mgr-card-title">{t().manager.addAdmin}</h3>
      <div class="mgr-form-grid">
        <label class="mgr-field">
          <span>{t().manager.adminUsername}</span>
          <input required maxLength={80} autocomplete="off" value={username()} onInput={(event) => setUsername(event.currentTarget.value)} />
        </label>
        <label class="mgr-field">
          <span>{t().manager.adminName}</span>
          <input required maxLength={80} autocomplete="off" value={name()} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <label class="mgr-field">
          <span>{t().manager.role}</span>
          <select value={role()} onChange={(event) => { const value = event.currentTarget.value; if (isRole(value)) setRole(value); }}>
            <For each={ROLES}>{(r) => <option value={r}>{r}</option>}</For>
          </select>
        </label>
        <button type="submit" class="primary" disabled={add.pending()}>{t().manager.add}</button>
      </div>
      <CommandError runner={add} />
    </form>
  );
}
