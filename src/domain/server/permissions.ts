// R-MGR-1 roles (doc): what each administrator role may do in Manager. The UI offers only what `can` allows.
import type { Role } from './state';

export type Permission =
  | 'read-event-log'
  | 'read-audit-log'
  | 'read-users'
  | 'display-ubc'
  | 'generate-ubc'
  | 'block-pin'
  | 'set-status'
  | 'offline-unlock'
  | 'manage-admins'
  | 'manage-directories'
  | 'manage-access-servers';

const GRANTS: Record<Role, readonly Permission[]> = {
  // R-MGR-1: SUPERUSER does everything, including administrators, directories and access servers.
  SUPERUSER: [
    'read-event-log', 'read-audit-log', 'read-users', 'display-ubc', 'generate-ubc', 'block-pin', 'set-status',
    'offline-unlock', 'manage-admins', 'manage-directories', 'manage-access-servers',
  ],
  // R-MGR-1: USERADMIN manages users (status, block, UBC, offline unlock) and reads both logs.
  USERADMIN: ['read-event-log', 'read-audit-log', 'read-users', 'display-ubc', 'generate-ubc', 'block-pin', 'set-status', 'offline-unlock'],
  // R-MGR-1: HELPDESK reads the event log only.
  HELPDESK: ['read-event-log'],
};

/** Whether `role` may do `permission` (R-MGR-1). */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
