// What an administrator does to a user in Manager: UBC, block, status, offline unlock (R-MGR-1, R-MGR-3, R-UBC-1, R-UBC-3).
import type { ManagerCommand } from './commands';
import type { ServerResult, Transaction } from './transaction';
import type { Link } from './state';
import type { AuditAction } from './log';
import type { Permission } from './permissions';
import { getLink, offlineLockoutRunning } from './state';
import { unknown, notNow, invalidField } from '../errors';
import { refusal } from '../refusals';
import { normalizeMobile } from '../text';
import { authorize } from './admin-check';
import { blockLink, freshUbc } from './blocking';

const PERMISSION: Record<ManagerCommand['type'], Permission> = {
  DisplayUbc: 'display-ubc',
  GenerateNewUbc: 'generate-ubc',
  BlockPin: 'block-pin',
  SetUserStatus: 'set-status',
  OfflineUnlock: 'offline-unlock',
};

/** Decides one Manager action on a user. */
export function decideManager(command: ManagerCommand, tx: Transaction): ServerResult {
  const org = tx.state.orgs[command.orgId];
  if (!org) return tx.fail(unknown('orgId', 'unknownOrg', command.orgId, {}));
  const mobile = normalizeMobile(command.mobile);
  if (!mobile) return tx.fail(invalidField('mobile', 'mobileRequired', {}, 'R-MGR-3'));
  const link = getLink(tx.state, org.id, mobile);
  // R-MGR-1: the role is checked before anything about the user is revealed.
  const auth = authorize(tx, command.by, org.id, PERMISSION[command.type], link?.username ?? null);
  if (!auth.ok) return tx.fail(auth.error);
  if (!link) return tx.fail(unknown('mobile', 'unknownUser', command.mobile, { org: org.name }));
  const audit = (action: AuditAction) =>
    tx.audit({ orgId: org.id, adminId: auth.admin.id, adminUsername: auth.admin.username, targetUsername: link.username, action });
  return act(command, tx, link, audit);
}

function act(command: ManagerCommand, tx: Transaction, link: Link, audit: (action: AuditAction) => void): ServerResult {
  switch (command.type) {
    case 'DisplayUbc':
      // R-UBC-1: shows the link's UBC; every display goes to the audit log.
      if (!link.blocked || link.ubc === null) return tx.fail(notNow(refusal('noUbcNotBlocked', { username: link.username }), 'R-UBC-1'));
      if (link.ubcBlocked) return tx.fail(notNow(refusal('ubcBlocked', {}), 'R-UBC-3'));
      audit({ kind: 'ubc-displayed' });
      return tx.ok({ kind: 'ubc', ubc: link.ubc });
    case 'GenerateNewUbc':
      // R-UBC-3: only a blocked UBC is replaced, with a fresh one and a fresh counter.
      if (!link.blocked || !link.ubcBlocked) return tx.fail(notNow(refusal('onlyBlockedUbc', {}), 'R-UBC-3'));
      tx.emit({ type: 'UbcReplaced', orgId: link.orgId, mobile: link.mobile, ubc: freshUbc(tx) });
      audit({ kind: 'ubc-regenerated' });
      return tx.ok();
    case 'BlockPin':
      // R-BLK-2: blocks this org's link only.
      if (link.blocked) return tx.fail(notNow(refusal('pinAlreadyBlocked', { username: link.username }), 'R-BLK-2'));
      blockLink(tx, link.orgId, link.mobile, 'manager', true);
      audit({ kind: 'pin-blocked' });
      return tx.ok();
    case 'SetUserStatus':
      // R-BLK-4: status is independent of blocking; the change date records it.
      if (command.status !== 'active' && command.status !== 'inactive') return tx.fail(invalidField('status', 'statusValue', {}, 'R-MGR-3'));
      if (link.status === command.status) return tx.fail(notNow(refusal('statusAlready', { username: link.username, status: command.status }), 'R-MGR-3', 'status'));
      tx.emit({ type: 'UserStatusSet', orgId: link.orgId, mobile: link.mobile, status: command.status, at: tx.ctx.now });
      audit({ kind: 'status-set', status: command.status });
      return tx.ok();
    case 'OfflineUnlock': {
      // R-OFF-1: ends a running offline lockout at once.
      const holder = tx.state.holders[link.mobile];
      if (!holder || !offlineLockoutRunning(holder, tx.ctx.now)) return tx.fail(notNow(refusal('noOfflineLockout', { username: link.username }), 'R-OFF-1'));
      tx.emit({ type: 'OfflineLockoutEnded', mobile: link.mobile });
      audit({ kind: 'offline-unlocked' });
      return tx.ok();
    }
    default:
      return assertNever(command);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled Manager command ${JSON.stringify(value)}`);
}
