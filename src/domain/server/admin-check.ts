// R-MGR-1: who is acting in Manager, and whether their role allows it. A refusal is written to the audit log.
import type { Transaction } from './transaction';
import type { Admin } from './state';
import type { Permission } from './permissions';
import { can } from './permissions';
import { unknown, forbidden } from '../errors';
import type { DomainError } from '../errors';
import { refusal } from '../refusals';

/**
 * The acting administrator when they may do `permission` at `orgId`. Otherwise an error; a known
 * administrator's refused attempt is recorded in their org's audit log (R-MGR-1) before it is returned.
 */
export function authorize(
  tx: Transaction,
  adminId: string,
  orgId: string,
  permission: Permission,
  targetUsername: string | null,
): { ok: true; admin: Admin } | { ok: false; error: DomainError } {
  const admin = tx.state.admins[adminId];
  if (!admin) return { ok: false, error: unknown('by', 'unknownAdmin', adminId, {}) };
  const why = admin.orgId !== orgId ? 'other-org' : can(admin.role, permission) ? null : 'role';
  if (why === null) return { ok: true, admin };
  // R-MGR-1: the refusal goes to the admin's own org and names nothing of an org the admin cannot see.
  const target = why === 'other-org' ? null : targetUsername;
  tx.audit({ orgId: admin.orgId, adminId: admin.id, adminUsername: admin.username, targetUsername: target, action: { kind: 'refused', permission, why, role: admin.role } });
  const text = why === 'other-org'
    ? refusal('otherOrgAdmin', { admin: admin.username })
    : refusal('roleMayNot', { role: admin.role, permission });
  return { ok: false, error: forbidden(text) };
}
