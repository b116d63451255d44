// Setting up organizations: directories, access servers and administrators. From the lab, or by a SUPERUSER in Manager (audited).
import type { SetupCommand } from './commands';
import type { ServerResult, Transaction } from './transaction';
import type { Org, OrgSettings } from './state';
import type { AuditAction } from './log';
import type { Permission } from './permissions';
import { ROLES } from './state';
import { invalidField, unknown, DomainError, notNow } from '../errors';
import { refusal } from '../refusals';
import { normalizeMobile, normalizeUsername, normalizeName } from '../text';
import { isDigits } from '../crypto/bytes';
import {
  APP_ID_DIGITS, DEFAULT_OFFLINE_LOCKOUT_MS, DEFAULT_OFFLINE_WINDOW_AHEAD_MS, DEFAULT_OFFLINE_WINDOW_BACK_MS, MAX_OFFLINE_WINDOW_BACK_MS,
  MAX_OFFLINE_WINDOW_AHEAD_MS, OFFLINE_STEP_MS,
} from '../policy';
import { authorize } from './admin-check';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

function checkId(field: string, value: string): DomainError | null {
  return ID_PATTERN.test(value) ? null : invalidField(field, 'idFormat', {});
}

function checkName(field: string, value: string): DomainError | null {
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= 80 ? null : invalidField(field, 'textLength', { min: 1, max: 80 }, 'R-SEC-4');
}

/** R-VER-7: an org may widen the offline window only so far, so the PIN search stays small (docs/rules.md, Numbers). */
const SETTINGS_RANGE: Record<keyof OrgSettings, [number, number]> = {
  offlineWindowBackMs: [OFFLINE_STEP_MS, MAX_OFFLINE_WINDOW_BACK_MS],
  offlineWindowAheadMs: [0, MAX_OFFLINE_WINDOW_AHEAD_MS],
  offlineLockoutMs: [60_000, 86_400_000],
};

function settingsFrom(partial: Partial<OrgSettings> | undefined): OrgSettings | DomainError {
  const settings: OrgSettings = {
    offlineWindowBackMs: DEFAULT_OFFLINE_WINDOW_BACK_MS,
    offlineWindowAheadMs: DEFAULT_OFFLINE_WINDOW_AHEAD_MS,
    offlineLockoutMs: DEFAULT_OFFLINE_LOCKOUT_MS,
    ...partial,
  };
  for (const [field, [min, max]] of Object.entries(SETTINGS_RANGE) as [keyof OrgSettings, [number, number]][]) {
    const value = settings[field];
    if (!Number.isInteger(value) || value < min || value > max) return invalidField(`settings.${field}`, 'msRange', { min, max }, 'R-VER-7');
  }
  return settings;
}

const PERMISSION: Record<Exclude<SetupCommand['type'], 'CreateOrg'>, Permission> = {
  AddDirectory: 'manage-directories',
  MoveDirectory: 'manage-directories',
  AddDirectoryEntry: 'manage-directories',
  RemoveDirectoryEntry: 'manage-directories',
  AddAccessServer: 'manage-access-servers',
  SetAccessServerOffline: 'manage-access-servers',
  AddAdmin: 'manage-admins',
  RemoveAdmin: 'manage-admins',
  SetAdminRole: 'manage-admins',
};

/** Decides one setup command. */
export function decideSetup(command: SetupCommand, tx: Transaction): ServerResult {
  if (command.type === 'CreateOrg') {
    const bad = checkId('orgId', command.orgId) ?? checkName('name', command.name);
    if (bad) return tx.fail(bad);
    if (tx.state.orgs[command.orgId]) return tx.fail(new DomainError('already-exists', refusal('orgExists', { orgId: command.orgId }), { field: 'orgId' }));
    const settings = settingsFrom(command.settings);
    if (settings instanceof DomainError) return tx.fail(settings);
    tx.emit({ type: 'OrgCreated', orgId: command.orgId, name: normalizeName(command.name), settings });
    return tx.ok();
  }
  const org = tx.state.orgs[command.orgId];
  if (!org) return tx.fail(unknown('orgId', 'unknownOrg', command.orgId, {}));
  // R-MGR-1: the role is checked first, so a forbidden attempt is audited whatever its input.
  let audit: (action: AuditAction) => void = () => {};
  if (command.by !== undefined) {
    const auth = authorize(tx, command.by, org.id, PERMISSION[command.type], null);
    if (!auth.ok) return tx.fail(auth.error);
    audit = (action) => tx.audit({ orgId: org.id, adminId: auth.admin.id, adminUsername: auth.admin.username, targetUsername: null, action });
  }
  const invalid = validate(command, org, tx);
  if (invalid) return tx.fail(invalid);
  apply(command, org, tx, audit);
  return tx.ok();
}

function validate(command: Exclude<SetupCommand, { type: 'CreateOrg' }>, org: Org, tx: Transaction): DomainError | null {
  const directory = 'directoryId' in command ? org.directories.find((d) => d.id === command.directoryId) : undefined;
  switch (command.type) {
    case 'AddDirectory':
      if (command.kind !== 'LDAP' && command.kind !== 'HTTP') return invalidField('kind', 'directoryKind', {}, 'R-VER-1');
      if (directory) return new DomainError('already-exists', refusal('directoryExists', { org: org.name, directoryId: command.directoryId }), { field: 'directoryId' });
      return checkId('directoryId', command.directoryId) ?? checkName('name', command.name);
    case 'MoveDirectory':
      if (!directory) return unknown('directoryId', 'unknownDirectory', command.directoryId, { org: org.name });
      if (!Number.isInteger(command.toIndex) || command.toIndex < 0 || command.toIndex >= org.directories.length) {
        return invalidField('toIndex', 'positionRange', { max: org.directories.length - 1 }, 'R-VER-1');
      }
      return null;
    case 'AddDirectoryEntry': {
      if (!directory) return unknown('directoryId', 'unknownDirectory', command.directoryId, { org: org.name });
      const username = normalizeUsername(command.entry.username);
      if (username.length === 0 || command.entry.username.trim().length > 64) return invalidField('entry.username', 'textLength', { min: 1, max: 64 }, 'R-SEC-4');
      if (directory.entries.some((e) => e.username === username)) {
        return new DomainError('already-exists', refusal('entryExists', { directory: directory.name, username }), { field: 'entry.username' });
      }
      if (command.entry.mobile !== undefined && normalizeMobile(command.entry.mobile) === null) {
        return invalidField('entry.mobile', 'mobileFormat', {});
      }
      if (command.entry.appId !== undefined && !isDigits(command.entry.appId, APP_ID_DIGITS)) {
        return invalidField('entry.appId', 'digits', { count: APP_ID_DIGITS });
      }
      return null;
    }
    case 'RemoveDirectoryEntry':
      if (!directory) return unknown('directoryId', 'unknownDirectory', command.directoryId, { org: org.name });
      return directory.entries.some((e) => e.username === normalizeUsername(command.username)) ? null : unknown('username', 'unknownEntry', normalizeUsername(command.username), { directory: directory.name });
    case 'AddAccessServer':
      if (org.accessServers.some((s) => s.id === command.accessServerId) || command.accessServerId === 'manager') {
        return new DomainError('already-exists', refusal('accessServerExists', { org: org.name, accessServerId: command.accessServerId }), { field: 'accessServerId' });
      }
      return checkId('accessServerId', command.accessServerId) ?? checkName('name', command.name);
    case 'SetAccessServerOffline':
      return org.accessServers.some((s) => s.id === command.accessServerId) ? null : unknown('accessServerId', 'unknownAccessServer', command.accessServerId, { org: org.name });
    case 'AddAdmin':
      if (tx.state.admins[command.adminId]) return new DomainError('already-exists', refusal('adminExists', { adminId: command.adminId }), { field: 'adminId' });
      if (!ROLES.includes(command.role)) return invalidField('role', 'roleName', {}, 'R-MGR-1');
      return checkId('adminId', command.adminId) ?? checkName('username', command.username) ?? checkName('name', command.name);
    case 'RemoveAdmin':
    case 'SetAdminRole': {
      const admin = tx.state.admins[command.adminId];
      if (!admin || admin.orgId !== org.id) return unknown('adminId', 'unknownOrgAdmin', command.adminId, { org: org.name });
      if (command.type === 'SetAdminRole' && !ROLES.includes(command.role)) return invalidField('role', 'roleName', {}, 'R-MGR-1');
      if (command.by === command.adminId) return notNow(refusal('ownAdmin', {}), 'R-MGR-1', 'adminId');
      return null;
    }
    default:
      return assertNever(command);
  }
}

function apply(command: Exclude<SetupCommand, { type: 'CreateOrg' }>, org: Org, tx: Transaction, audit: (action: AuditAction) => void): void {
  const directoryName = 'directoryId' in command ? (org.directories.find((d) => d.id === command.directoryId)?.name ?? command.directoryId) : '';
  const serverName = 'accessServerId' in command ? (org.accessServers.find((s) => s.id === command.accessServerId)?.name ?? command.accessServerId) : '';
  switch (command.type) {
    case 'AddDirectory':
      tx.emit({ type: 'DirectoryAdded', orgId: org.id, directoryId: command.directoryId, name: normalizeName(command.name), kind: command.kind, checksAppId: command.checksAppId });
      return audit({ kind: 'directory-added', name: normalizeName(command.name) });
    case 'MoveDirectory':
      tx.emit({ type: 'DirectoryMoved', orgId: org.id, directoryId: command.directoryId, toIndex: command.toIndex });
      return audit({ kind: 'directory-moved', name: directoryName, toIndex: command.toIndex });
    case 'AddDirectoryEntry': {
      const username = normalizeUsername(command.entry.username);
      const entry: { username: string; mobile?: string; appId?: string } = { username };
      if (command.entry.mobile !== undefined) entry.mobile = normalizeMobile(command.entry.mobile) ?? command.entry.mobile;
      if (command.entry.appId !== undefined) entry.appId = command.entry.appId;
      tx.emit({ type: 'DirectoryEntryAdded', orgId: org.id, directoryId: command.directoryId, entry });
      return audit({ kind: 'directory-entry-added', directory: directoryName, username });
    }
    case 'RemoveDirectoryEntry': {
      const username = normalizeUsername(command.username);
      tx.emit({ type: 'DirectoryEntryRemoved', orgId: org.id, directoryId: command.directoryId, username });
      return audit({ kind: 'directory-entry-removed', directory: directoryName, username });
    }
    case 'AddAccessServer':
      tx.emit({ type: 'AccessServerAdded', orgId: org.id, accessServerId: command.accessServerId, name: normalizeName(command.name), offlineAllowed: command.offlineAllowed });
      return audit({ kind: 'access-server-added', name: normalizeName(command.name), offlineAllowed: command.offlineAllowed });
    case 'SetAccessServerOffline':
      tx.emit({ type: 'AccessServerOfflineSet', orgId: org.id, accessServerId: command.accessServerId, offlineAllowed: command.offlineAllowed });
      return audit({ kind: 'access-server-offline-set', name: serverName, offlineAllowed: command.offlineAllowed });
    case 'AddAdmin':
      tx.emit({ type: 'AdminAdded', adminId: command.adminId, orgId: org.id, username: normalizeUsername(command.username), name: normalizeName(command.name), role: command.role });
      return audit({ kind: 'admin-added', username: normalizeUsername(command.username), role: command.role });
    case 'RemoveAdmin': {
      const username = tx.state.admins[command.adminId]?.username ?? command.adminId;
      tx.emit({ type: 'AdminRemoved', adminId: command.adminId });
      return audit({ kind: 'admin-removed', username });
    }
    case 'SetAdminRole': {
      const username = tx.state.admins[command.adminId]?.username ?? command.adminId;
      tx.emit({ type: 'AdminRoleSet', adminId: command.adminId, role: command.role });
      return audit({ kind: 'admin-role-set', username, role: command.role });
    }
    default:
      return assertNever(command);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled setup command ${JSON.stringify(value)}`);
}
