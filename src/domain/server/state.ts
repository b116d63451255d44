// The Code server's state: organizations, holders, devices, links and administrators. Plain JSON data, bounded by them, not by history.
import type { SealedPin } from '../crypto/pin-vault';

export type OrgId = string;
export type Mobile = string;
export type DeviceId = string;
export type AdminId = string;
export type Role = 'SUPERUSER' | 'USERADMIN' | 'HELPDESK';
export const ROLES: readonly Role[] = ['SUPERUSER', 'USERADMIN', 'HELPDESK'];

/** The starred numbers of docs/rules.md that an org may change. */
export interface OrgSettings {
  offlineWindowBackMs: number;
  offlineWindowAheadMs: number;
  offlineLockoutMs: number;
}

export interface DirectoryEntry {
  username: string;
  mobile?: string;
  appId?: string;
}

export type DirectoryKind = 'LDAP' | 'HTTP';

/** R-VER-1: an org's directories are queried in order. */
export interface Directory {
  id: string;
  name: string;
  kind: DirectoryKind;
  /** R-VER-1, R-VER-3: this directory lists App-IDs and logins must match them. */
  checksAppId: boolean;
  entries: DirectoryEntry[];
}

export interface AccessServer {
  id: string;
  name: string;
  /** R-VER-7: whether 8-digit offline codes (and 9-digit unblock codes, R-UBC-4) are accepted here. */
  offlineAllowed: boolean;
}

/** R-OTP-3: the Manager login of every org; it never accepts offline codes (doc). */
export const MANAGER_ACCESS_SERVER: AccessServer = { id: 'manager', name: 'Manager', offlineAllowed: false };

export interface Org {
  id: OrgId;
  name: string;
  directories: Directory[];
  accessServers: AccessServer[];
  settings: OrgSettings;
}

export interface IssuedCode {
  code: string;
  deviceId: DeviceId;
  issuedAt: number;
  usedAt: number | null;
}

/** The person behind a mobile number. One PIN for all orgs (doc). */
export interface Holder {
  mobile: Mobile;
  /** R-SEC-1: encrypted under the server key; null until the first PIN is set. */
  sealedPin: SealedPin | null;
  /** R-OTP-1, R-BLK-1: wrong PINs in a row. */
  pinFailures: number;
  /** R-UBC-6: the PIN was blocked while the holder had no link, so there is no UBC (R-ACT-3). */
  pinBlockedWithoutLink: boolean;
  currentDeviceId: DeviceId | null;
  /** Every device ever activated for this number, oldest first (R-ACT-2). */
  deviceIds: DeviceId[];
  /** R-VER-6, R-SEC-3: codes issued within ONLINE_CODE_MEMORY_MS, oldest first (kept by time, not by count). */
  onlineCodes: IssuedCode[];
  /** R-OFF-1: offline codes refused as out of window since the last accepted offline code. */
  offlineOutOfWindow: number;
  offlineLockedUntil: number | null;
  /** R-ACT-1: the SMS code sent for the pending activation. */
  pendingSms: { code: string; sentAt: number } | null;
}

export interface Device {
  id: DeviceId;
  mobile: Mobile;
  appId: string;
  /** Hex of the 32-byte device key shared by the app and the server. */
  deviceKey: string;
  activatedAt: number;
  /** R-SEC-3: offline time steps accepted from this device that an org's window could still accept (kept by time). */
  spentOfflineSteps: number[];
}

export type BlockCause = 'pin-attempts' | 'code-attempts' | 'manager';
export type UserStatus = 'active' | 'inactive';

/** Holder × org: created the first time a code is accepted there (doc). Manager's "user". */
export interface Link {
  orgId: OrgId;
  mobile: Mobile;
  username: string;
  status: UserStatus;
  blocked: boolean;
  blockCause: BlockCause | null;
  /** R-BLK-4: the last block, unblock or status change. */
  changedAt: number;
  createdAt: number;
  /** R-UBC-1: the link's current UBC while it is blocked; null when none is outstanding. */
  ubc: string | null;
  ubcFailures: number;
  ubcBlocked: boolean;
  /** R-BLK-3: failed code verifications in a row at this org. */
  codeFailures: number;
  /** R-SEC-3: UBCs this link has spent within SPENT_UBC_MEMORY_MS, oldest first: a code made from one is a reuse. */
  spentUbcs: SpentUbc[];
}

/** R-SEC-3: a UBC the link has spent, and when. */
export interface SpentUbc {
  ubc: string;
  spentAt: number;
}

export interface Admin {
  id: AdminId;
  orgId: OrgId;
  username: string;
  name: string;
  role: Role;
}

export interface ServerState {
  orgs: Record<OrgId, Org>;
  holders: Record<Mobile, Holder>;
  devices: Record<DeviceId, Device>;
  /** Keyed by linkId(orgId, mobile). */
  links: Record<string, Link>;
  admins: Record<AdminId, Admin>;
  /**
   * R-MGR-4, R-MGR-5, R-SEC-5: how many event-log and audit entries were written, so each new one is numbered.
   * The entries themselves are facts in the journal (EventLogged, AuditRecorded), read through a read model:
   * what `decide` needs stays bounded by people, devices, links and orgs, never by history.
   */
  eventLogCount: number;
  auditLogCount: number;
}

/** An empty server: no orgs, no holders. */
export function initialServerState(): ServerState {
  return { orgs: {}, holders: {}, devices: {}, links: {}, admins: {}, eventLogCount: 0, auditLogCount: 0 };
}

/** The key of a link (holder × org) in `ServerState.links`. */
export function linkId(orgId: OrgId, mobile: Mobile): string {
  return `${orgId}\u0000${mobile}`;
}

export function getLink(state: ServerState, orgId: OrgId, mobile: Mobile): Link | undefined {
  return state.links[linkId(orgId, mobile)];
}

/** All links of a holder, in org order of creation. */
export function linksOf(state: ServerState, mobile: Mobile): Link[] {
  return Object.values(state.links).filter((link) => link.mobile === mobile);
}

/** All links at an org: Manager's users (R-MGR-2). */
export function usersOf(state: ServerState, orgId: OrgId): Link[] {
  return Object.values(state.links).filter((link) => link.orgId === orgId);
}

/**
 * R-BLK-1: the PIN is blocked exactly when all of the holder's links are blocked (doc);
 * with no link at all, when it was blocked by wrong PINs before any link existed (R-UBC-6).
 */
export function isPinBlocked(state: ServerState, mobile: Mobile): boolean {
  const holder = state.holders[mobile];
  if (!holder) return false;
  const links = linksOf(state, mobile);
  if (links.length === 0) return holder.pinBlockedWithoutLink;
  return links.every((link) => link.blocked);
}

/** R-OFF-1: whether an offline lockout is running at server time `now`. */
export function offlineLockoutRunning(holder: Holder, now: number): boolean {
  return holder.offlineLockedUntil !== null && now < holder.offlineLockedUntil;
}

export function currentDevice(state: ServerState, mobile: Mobile): Device | undefined {
  const id = state.holders[mobile]?.currentDeviceId;
  return id ? state.devices[id] : undefined;
}

/** R-VER-1: the first directory (in order) with an entry for `username`, and that entry. */
export function lookUpUser(org: Org, username: string): { directory: Directory; entry: DirectoryEntry } | undefined {
  for (const directory of org.directories) {
    const entry = directory.entries.find((candidate) => candidate.username === username);
    if (entry) return { directory, entry };
  }
  return undefined;
}
