// An administrator's role as a small coloured badge (R-MGR-1 roles).
import type { Role } from '../../domain';

export function RoleBadge(props: { role: Role }) {
  return <span class={`mgr-role mgr-role-${props.role.toLowerCase()}`}>{props.role}</span>;
}
