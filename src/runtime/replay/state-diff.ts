// Before and after one journal entry: the fields of links, holders, devices, phones, the clock and the log counters that it changed, side by side.
import type { WorldState, Link, Holder, Device, PhoneState, Org, Admin } from '../../domain';

export type DiffArea = 'link' | 'holder' | 'device' | 'phone' | 'org' | 'admin' | 'clock' | 'log';

/** A field's value as shown: times are marked so the screen formats them in UTC. */
export type DiffValue = string | number | boolean | { time: number } | null;

export interface Change {
  area: DiffArea;
  /** Whose field: "Acme Corp · ingrid (+4791234501)", a mobile, a phone's label; empty for the clock and the logs. */
  subject: string;
  field: string;
  before: DiffValue;
  after: DiffValue;
}

type Fields = Record<string, DiffValue>;

const time = (ms: number | null): DiffValue => (ms === null ? null : { time: ms });

function linkFields(link: Link): Fields {
  return {
    status: link.status, blocked: link.blocked, blockCause: link.blockCause, ubc: link.ubc, ubcFailures: link.ubcFailures,
    ubcBlocked: link.ubcBlocked, codeFailures: link.codeFailures, spentUbcs: link.spentUbcs.length, changedAt: time(link.changedAt),
  };
}

function holderFields(holder: Holder, state: WorldState): Fields {
  const device = holder.currentDeviceId ? state.server.devices[holder.currentDeviceId] : undefined;
  return {
    // R-SEC-1: the PIN itself is sealed; a changed seal says the PIN was set again.
    pin: holder.sealedPin === null ? null : `…${JSON.stringify(holder.sealedPin).replace(/\W/g, '').slice(-6)}`,
    pinFailures: holder.pinFailures, pinBlockedWithoutLink: holder.pinBlockedWithoutLink, currentDevice: device?.appId ?? null,
    devices: holder.deviceIds.length, onlineCodes: holder.onlineCodes.length, offlineOutOfWindow: holder.offlineOutOfWindow,
    offlineLockedUntil: time(holder.offlineLockedUntil), pendingSms: holder.pendingSms?.code ?? null,
  };
}

function deviceFields(device: Device): Fields {
  return { appId: device.appId, activatedAt: time(device.activatedAt), spentOfflineSteps: device.spentOfflineSteps.length };
}

function phoneFields(phone: PhoneState): Fields {
  return {
    online: phone.online, clockOffsetMs: phone.clockOffsetMs, sms: phone.inbox.length, screen: phone.app.screen.kind,
    notice: phone.app.notice?.kind ?? null, appId: phone.app.device?.appId ?? null, pinBlocked: phone.app.pinBlocked,
  };
}

function orgFields(org: Org): Fields {
  return {
    name: org.name, directories: org.directories.length, directoryEntries: org.directories.reduce((n, d) => n + d.entries.length, 0),
    accessServers: org.accessServers.map((s) => `${s.name}${s.offlineAllowed ? '' : ' (online only)'}`).join(', '),
  };
}

function adminFields(admin: Admin): Fields {
  return { username: admin.username, role: admin.role };
}

/** Compares two records' fields by key; a record that is new (or gone) shows every field against null. */
function compareRecords<T>(area: DiffArea, before: Record<string, T>, after: Record<string, T>, fields: (record: T) => Fields, subject: (record: T) => string, out: Change[]): void {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (a === b) continue; // structural sharing: an untouched record is the same object
    const fa = a === undefined ? {} : fields(a);
    const fb = b === undefined ? {} : fields(b);
    const name = subject((b ?? a) as T); // one of the two exists: the key came from one of them
    for (const field of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
      const va = fa[field] ?? null;
      const vb = fb[field] ?? null;
      if (!same(va, vb)) out.push({ area, subject: name, field, before: va, after: vb });
    }
  }
}

function same(a: DiffValue, b: DiffValue): boolean {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return a.time === b.time;
  return a === b;
}

/** What changed from `before` to `after`, area by area; nothing for fields that stayed as they were. */
export function diffStates(before: WorldState, after: WorldState): Change[] {
  const out: Change[] = [];
  const orgName = (id: string) => after.server.orgs[id]?.name ?? before.server.orgs[id]?.name ?? id;
  compareRecords('link', before.server.links, after.server.links, linkFields, (l) => `${orgName(l.orgId)} · ${l.username} (${l.mobile})`, out);
  compareRecords('holder', before.server.holders, after.server.holders, (h) => holderFields(h, h === before.server.holders[h.mobile] ? before : after), (h) => h.mobile, out);
  compareRecords('device', before.server.devices, after.server.devices, deviceFields, (d) => `${d.mobile} · ${d.appId}`, out);
  compareRecords('phone', before.phones, after.phones, phoneFields, (p) => p.label, out);
  compareRecords('org', before.server.orgs, after.server.orgs, orgFields, (o) => o.name, out);
  compareRecords('admin', before.server.admins, after.server.admins, adminFields, (a) => `${orgName(a.orgId)} · ${a.username}`, out);
  const clock = (s: WorldState): Fields => ({ now: time(s.clock.now), running: s.clock.running, speed: s.clock.speed });
  compareRecords('clock', { clock: before }, { clock: after }, clock, () => '', out);
  const logs = (s: WorldState): Fields => ({ eventLogCount: s.server.eventLogCount, auditLogCount: s.server.auditLogCount });
  compareRecords('log', { log: before }, { log: after }, logs, () => '', out);
  return out;
}
