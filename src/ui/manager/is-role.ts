// Narrowing what a <select> gives back to an administrator role (R-MGR-1), without a cast.
import { ROLES } from '../../domain';
import type { Role } from '../../domain';

export function isRole(value: string): value is Role {
  return ROLES.some((role) => role === value);
}
