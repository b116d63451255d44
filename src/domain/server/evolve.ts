// evolve(state, event) for the server: applies one fact. No decisions are made here, only bookkeeping.
import type { ServerEvent } from './events';
import type { ServerState, Holder, Link, Org, Device } from './state';
import { linkId } from './state';
import { ONLINE_CODE_MEMORY_MS, MAX_OFFLINE_WINDOW_BACK_MS, SPENT_UBC_MEMORY_MS, OFFLINE_STEP_MS } from '../policy';

function newHolder(mobile: string): Holder {
  return {
    mobile,
    sealedPin: null,
    pinFailures: 0,
    pinBlockedWithoutLink: false,
    currentDeviceId: null,
    deviceIds: [],
    onlineCodes: [],
    offlineOutOfWindow: 0,
    offlineLockedUntil: null,
    pendingSms: null,
  };
}

function withHolder(state: ServerState, mobile: string, change: (holder: Holder) => Holder): ServerState {
  const holder = state.holders[mobile] ?? newHolder(mobile);
  return { ...state, holders: { ...state.holders, [mobile]: change(holder) } };
}

function withLink(state: ServerState, orgId: string, mobile: string, change: (link: Link) => Link): ServerState {
  const key = linkId(orgId, mobile);
  const link = state.links[key];
  if (!link) return state; // decide never emits link events for a missing link; replay of a foreign journal stays total
  return { ...state, links: { ...state.links, [key]: change(link) } };
}

function withOrg(state: ServerState, orgId: string, change: (org: Org) => Org): ServerState {
  const org = state.orgs[orgId];
  if (!org) return state;
  return { ...state, orgs: { ...state.orgs, [orgId]: change(org) } };
}

function withDevice(state: ServerState, deviceId: string, change: (device: Device) => Device): ServerState {
  const device = state.devices[deviceId];
  if (!device) return state;
  return { ...state, devices: { ...state.devices, [deviceId]: change(device) } };
}

function mapDirectory(org: Org, directoryId: string, change: (d: Org['directories'][number]) => Org['directories'][number]): Org {
  return { ...org, directories: org.directories.map((d) => (d.id === directoryId ? change(d) : d)) };
}

/** Applies one server event. Pure: returns a new state and never changes its arguments. */
export function evolveServer(state: ServerState, event: ServerEvent): ServerState {
  switch (event.type) {
    case 'OrgCreated':
      return {
        ...state,
        orgs: { ...state.orgs, [event.orgId]: { id: event.orgId, name: event.name, directories: [], accessServers: [], settings: event.settings } },
      };
    case 'DirectoryAdded':
      return withOrg(state, event.orgId, (org) => ({
        ...org,
        directories: [...org.directories, { id: event.directoryId, name: event.name, kind: event.kind, checksAppId: event.checksAppId, entries: [] }],
      }));
    case 'DirectoryMoved':
      return withOrg(state, event.orgId, (org) => {
        const moving = org.directories.find((d) => d.id === event.directoryId);
        if (!moving) return org;
        const rest = org.directories.filter((d) => d.id !== event.directoryId);
        rest.splice(event.toIndex, 0, moving);
        return { ...org, directories: rest };
      });
    case 'DirectoryEntryAdded':
      return withOrg(state, event.orgId, (org) => mapDirectory(org, event.directoryId, (d) => ({ ...d, entries: [...d.entries, event.entry] })));
    case 'DirectoryEntryRemoved':
      return withOrg(state, event.orgId, (org) =>
        mapDirectory(org, event.directoryId, (d) => ({ ...d, entries: d.entries.filter((e) => e.username !== event.username) })),
      );
    case 'AccessServerAdded':
      return withOrg(state, event.orgId, (org) => ({
        ...org,
        accessServers: [...org.accessServers, { id: event.accessServerId, name: event.name, offlineAllowed: event.offlineAllowed }],
      }));
    case 'AccessServerOfflineSet':
      return withOrg(state, event.orgId, (org) => ({
        ...org,
        accessServers: org.accessServers.map((s) => (s.id === event.accessServerId ? { ...s, offlineAllowed: event.offlineAllowed } : s)),
      }));
    case 'AdminAdded':
      return {
        ...state,
        admins: { ...state.admins, [event.adminId]: { id: event.adminId, orgId: event.orgId, username: event.username, name: event.name, role: event.role } },
      };
    case 'AdminRemoved': {
      const { [event.adminId]: _removed, ...rest } = state.admins;
      return { ...state, admins: rest };
    }
    case 'AdminRoleSet': {
      const admin = state.admins[event.adminId];
      return admin ? { ...state, admins: { ...state.admins, [event.adminId]: { ...admin, role: event.role } } } : state;
    }
    case 'SmsCodeSent':
      return withHolder(state, event.mobile, (h) => ({ ...h, pendingSms: { code: event.code, sentAt: event.at } }));
    case 'DeviceActivated': {
      const next = withHolder(state, event.mobile, (h) => ({
        ...h,
        currentDeviceId: event.deviceId,
        deviceIds: [...h.deviceIds, event.deviceId],
        pendingSms: null,
      }));
      const device: Device = {
        id: event.deviceId,
        mobile: event.mobile,
        appId: event.appId,
        deviceKey: event.deviceKey,
        activatedAt: event.at,
        spentOfflineSteps: [],
      };
      return { ...next, devices: { ...next.devices, [event.deviceId]: device } };
    }
    case 'PinCleared':
      return withHolder(state, event.mobile, (h) => ({ ...h, sealedPin: null, pinFailures: 0, pinBlockedWithoutLink: false }));
    case 'PinSet':
      return withHolder(state, event.mobile, (h) => ({ ...h, sealedPin: event.sealedPin, pinBlockedWithoutLink: false }));
    case 'PinAttemptFailed':
      return withHolder(state, event.mobile, (h) => ({ ...h, pinFailures: h.pinFailures + 1 }));
    case 'PinCounterReset':
      return withHolder(state, event.mobile, (h) => ({ ...h, pinFailures: 0 }));
    case 'PinBlockedWithoutLink':
      return withHolder(state, event.mobile, (h) => ({ ...h, pinBlockedWithoutLink: true }));
    case 'OnlineCodeIssued':
      return withHolder(state, event.mobile, (h) => ({
        ...h,
        // R-SEC-3: forgotten by time only, long after they could be accepted (ONLINE_CODE_MEMORY_MS).
        onlineCodes: [
          ...h.onlineCodes.filter((c) => event.at - c.issuedAt < ONLINE_CODE_MEMORY_MS),
          { code: event.code, deviceId: event.deviceId, issuedAt: event.at, usedAt: null },
        ],
      }));
    case 'OnlineCodeSpent':
      return withHolder(state, event.mobile, (h) => ({
        ...h,
        onlineCodes: h.onlineCodes.map((c) => (c.code === event.code && c.usedAt === null ? { ...c, usedAt: event.at } : c)),
      }));
    case 'OfflineStepSpent':
      return withDevice(state, event.deviceId, (d) => ({
        ...d,
        // R-SEC-3: a spent step is forgotten once no org's window (at most MAX_OFFLINE_WINDOW_BACK_MS) could accept it.
        spentOfflineSteps: [...d.spentOfflineSteps.filter((step) => step * OFFLINE_STEP_MS > event.at - MAX_OFFLINE_WINDOW_BACK_MS), event.step],
      }));
    case 'OfflineOutOfWindowCounted':
      return withHolder(state, event.mobile, (h) => ({ ...h, offlineOutOfWindow: h.offlineOutOfWindow + 1 }));
    case 'OfflineLockoutStarted':
      return withHolder(state, event.mobile, (h) => ({ ...h, offlineLockedUntil: event.until, offlineOutOfWindow: 0 }));
    case 'OfflineLockoutEnded':
      return withHolder(state, event.mobile, (h) => ({ ...h, offlineLockedUntil: null, offlineOutOfWindow: 0 }));
    case 'OfflineCounterReset':
      return withHolder(state, event.mobile, (h) => ({ ...h, offlineOutOfWindow: 0 }));
    case 'LinkCreated': {
      const link: Link = {
        orgId: event.orgId,
        mobile: event.mobile,
        username: event.username,
        status: 'active',
        blocked: false,
        blockCause: null,
        changedAt: event.at,
        createdAt: event.at,
        ubc: null,
        ubcFailures: 0,
        ubcBlocked: false,
        codeFailures: 0,
        spentUbcs: [],
      };
      return { ...state, links: { ...state.links, [linkId(event.orgId, event.mobile)]: link } };
    }
    case 'CodeAttemptFailed':
      return withLink(state, event.orgId, event.mobile, (l) => ({ ...l, codeFailures: l.codeFailures + 1 }));
    case 'CodeCounterReset':
      return withLink(state, event.orgId, event.mobile, (l) => ({ ...l, codeFailures: 0 }));
    case 'LinkBlocked':
      return withLink(state, event.orgId, event.mobile, (l) => ({
        ...l,
        blocked: true,
        blockCause: event.cause,
        changedAt: event.at,
        ubc: event.ubc,
        ubcFailures: 0,
        ubcBlocked: false,
      }));
    case 'LinkUnblocked':
      // R-UBC-2: the UBC is spent with the unblock. R-SEC-3: it is remembered for SPENT_UBC_MEMORY_MS, so codes made from it are reuses.
      return withLink(state, event.orgId, event.mobile, (l) => ({
        ...l,
        spentUbcs: [
          ...l.spentUbcs.filter((spent) => event.at - spent.spentAt < SPENT_UBC_MEMORY_MS),
          ...(l.ubc === null ? [] : [{ ubc: l.ubc, spentAt: event.at }]),
        ],
        blocked: false,
        blockCause: null,
        changedAt: event.at,
        ubc: null,
        ubcFailures: 0,
        ubcBlocked: false,
        codeFailures: 0,
      }));
    case 'UserStatusSet':
      return withLink(state, event.orgId, event.mobile, (l) => ({ ...l, status: event.status, changedAt: event.at }));
    case 'UbcAttemptFailed':
      return withLink(state, event.orgId, event.mobile, (l) => ({ ...l, ubcFailures: l.ubcFailures + 1 }));
    case 'UbcBlocked':
      return withLink(state, event.orgId, event.mobile, (l) => ({ ...l, ubcBlocked: true }));
    case 'UbcReplaced':
      return withLink(state, event.orgId, event.mobile, (l) => ({ ...l, ubc: event.ubc, ubcFailures: 0, ubcBlocked: false }));
    case 'EventLogged':
      // R-SEC-5: the entry itself lives in the journal and its read model; the state only counts it.
      return { ...state, eventLogCount: event.entry.seq };
    case 'AuditRecorded':
      return { ...state, auditLogCount: event.entry.seq };
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled server event ${JSON.stringify(value)}`);
}
