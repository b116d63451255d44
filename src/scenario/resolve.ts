// Finding what a step names, the way a person finds it on screen: a phone by its label or its owner's name, an org or
// access server by its name, a user by the username in Manager's list. Ids work everywhere too.
import { MANAGER_ACCESS_SERVER, usersOf } from '../domain';
import type { WorldState, Link, Org, AccessServer, Admin, PhoneState, Person } from '../domain';

/** A step names something that is not in the world (or names it ambiguously): the step cannot run. */
export class StepError extends Error {
  override readonly name = 'StepError';
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function list(names: readonly string[]): string {
  return names.length ? names.map((name) => `"${name}"`).join(', ') : 'none';
}

/** One match by id, else by names; an error naming what there is when none or several match. */
function pick<T>(what: string, ref: string, all: readonly T[], id: (item: T) => string, names: (item: T) => readonly string[]): T {
  const byId = all.find((item) => id(item) === ref);
  if (byId) return byId;
  const matches = all.filter((item) => names(item).some((name) => same(name, ref)));
  const [first] = matches;
  if (first && matches.length === 1) return first;
  const shown = all.map((item) => names(item)[0] ?? id(item));
  if (matches.length > 1) throw new StepError(`"${ref}" names ${matches.length} ${what}s; use one of their ids: ${list(matches.map(id))}`);
  throw new StepError(`There is no ${what} "${ref}" (there is ${list(shown)})`);
}

export function findPerson(world: WorldState, ref: string): Person {
  return pick('person', ref, Object.values(world.people), (p) => p.id, (p) => [p.name, p.name.split(' ')[0] ?? p.name]);
}

/** A phone by id or label, or the one phone of a person named by name or first name. */
export function findPhone(world: WorldState, ref: string): PhoneState {
  const phones = Object.values(world.phones);
  const direct = phones.filter((phone) => phone.id === ref || same(phone.label, ref));
  const [only] = direct;
  if (only && direct.length === 1) return only;
  const people = Object.values(world.people).filter((p) => same(p.name, ref) || same(p.name.split(' ')[0] ?? '', ref));
  const owned = phones.filter((phone) => people.some((p) => p.id === phone.personId));
  const [first] = owned;
  if (first && owned.length === 1) return first;
  if (owned.length > 1) throw new StepError(`"${ref}" has ${owned.length} phones; name one by its label: ${list(owned.map((p) => p.label))}`);
  throw new StepError(`There is no phone "${ref}" (there is ${list(phones.map((p) => p.label))})`);
}

export function findOrg(world: WorldState, ref: string): Org {
  return pick('organization', ref, Object.values(world.server.orgs), (o) => o.id, (o) => [o.name]);
}

/** An access server by id or name, in `orgRef` when given, else in whichever org has it; "Manager" is every org's Manager login (R-OTP-3). */
export function findAccessServer(world: WorldState, ref: string, orgRef?: string): { org: Org; server: AccessServer } {
  const orgs = orgRef ? [findOrg(world, orgRef)] : Object.values(world.server.orgs);
  if (same(ref, 'manager') || ref === MANAGER_ACCESS_SERVER.id) {
    const [org] = orgs;
    if (org && orgs.length === 1) return { org, server: MANAGER_ACCESS_SERVER };
    throw new StepError(`The Manager login page belongs to one organization: name it ("org")`);
  }
  const all = orgs.flatMap((org) => org.accessServers.map((server) => ({ org, server })));
  return pick('access server', ref, all, (s) => s.server.id, (s) => [s.server.name]);
}

/** An administrator by id or username, in `orgRef` when given. */
export function findAdmin(world: WorldState, ref: string, orgRef?: string): Admin {
  const orgId = orgRef ? findOrg(world, orgRef).id : null;
  const admins = Object.values(world.server.admins).filter((admin) => orgId === null || admin.orgId === orgId);
  return pick('administrator', ref, admins, (a) => a.id, (a) => [a.username, a.name]);
}

/** A user in Manager's users list of an org, by username (R-MGR-3: the list shows linked holders). */
export function findUser(world: WorldState, orgId: string, username: string): Link {
  const users = usersOf(world.server, orgId);
  const user = users.find((link) => same(link.username, username));
  if (user) return user;
  const orgName = world.server.orgs[orgId]?.name ?? orgId;
  throw new StepError(`${orgName} has no user "${username}" in Manager (there is ${list(users.map((u) => u.username))})`);
}

/** A directory of an org by id or name. */
export function findDirectory(world: WorldState, orgId: string, ref: string) {
  const org = world.server.orgs[orgId];
  return pick('directory', ref, org?.directories ?? [], (d) => d.id, (d) => [d.name]);
}
