// One administrator in Setup: name and username; their role (changeable) and Remove, except for oneself (R-MGR-1).
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import type { CommandRunner } from '../sandbox/create-command';
import { ROLES } from '../../domain';
import type { Admin, Role } from '../../domain';
import { useManager } from './manager-session';
import { isRole } from './is-role';
import { RoleBadge } from './role-badge';
import { RemoveButton } from './remove-button';


export function AdminRow(props: { admin: Admin; runner: CommandRunner }) {
  const { t } = useI18n();
  const session = useManager();
  const base = () => ({ orgId: session.org().id, by: session.admin().id, adminId: props.admin.id });
  return (
    <li class="mgr-row">
      <div class="mgr-row-main">
        <span class="mgr-admin-name">{props.admin.name}</span>
        <span class="mgr-mono muted">{props.admin.username}</span>
      </div>
      <Show
        when={props.admin.id !== session.admin().id}
        fallback={<span class="mgr-row-tools"><RoleBadge role={props.admin.role} /><span class="mgr-small muted">({t().manager.you})</span></span>}
      >
        <span class="mgr-row-tools">
          <select
            aria-label={t().manager.roleOf(props.admin.username)}
            value={props.admin.role}
            onChange={async (event) => {
              const select = event.currentTarget;
              const role = select.value;
              // A refused change leaves the role as it was: show that again.
              if (!isRole(role) || !(await props.runner.run({ type: 'SetAdminRole', ...base(), role }))) select.value = props.admin.role;
            }}
          >
            <For each={ROLES}>{(role) => <option value={role}>{role}</option>}</For>
          </select>
          <RemoveButton name={props.admin.username} onConfirm={() => props.runner.run({ type: 'RemoveAdmin', ...base() })} />
        </span>
      </Show>
    </li>
  );
}
