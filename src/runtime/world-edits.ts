// The commands behind each form that edits the world (the lab's world editor, Manager's setup), with the ids they make:
// one place, so a scenario step and a person filling in the form send the same commands.
import type { WorldCommand, WorldState, Role, DirectoryKind } from '../domain';
import { makeId } from './make-id';

export { makeId };

/** "Kari Hansen" -> "kari-hansen": the lab's ids from a name (30 characters), made unique against `taken`. */
export function labId(name: string, taken: (id: string) => boolean): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30) || 'item';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** Lab: an organization with an LDAP directory and one access server ("<name> login"). */
export function addOrgCommands(world: WorldState, name: string, offlineAllowed: boolean): WorldCommand[] {
  const orgId = labId(name, (id) => !!world.server.orgs[id]);
  return [
    { type: 'CreateOrg', orgId, name },
    { type: 'AddDirectory', orgId, directoryId: `${orgId}-ldap`, name: `${name.trim()} LDAP`, kind: 'LDAP', checksAppId: false },
    { type: 'AddAccessServer', orgId, accessServerId: 'login', name: `${name.trim()} login`, offlineAllowed },
  ];
}

/** Lab: a person and their phone ("<first name>'s phone"). */
export function addPersonCommands(world: WorldState, name: string, mobile: string): WorldCommand[] {
  const personId = labId(name, (id) => !!world.people[id] || !!world.phones[`${id}-phone`]);
  const first = name.trim().split(/\s+/)[0] ?? name;
  return [
    { type: 'AddPerson', personId, name, mobile },
    { type: 'AddPhone', phoneId: `${personId}-phone`, personId, label: `${first}'s phone` },
  ];
}

/** Lab: another phone for a person (a new phone, R-ACT-2), labelled "<first name>'s new phone" unless a label is given. */
export function addPhoneCommands(world: WorldState, personId: string, label: string): WorldCommand[] {
  const owner = world.people[personId];
  const phoneId = labId(`${personId}-phone`, (id) => !!world.phones[id]);
  const first = owner?.name.trim().split(/\s+/)[0] ?? personId;
  return [{ type: 'AddPhone', phoneId, personId, label: label.trim() || `${first}'s new phone` }];
}

/** Lab: an administrator of an org (no actor: a world edit). */
export function addLabAdminCommands(world: WorldState, orgId: string, username: string, name: string, role: Role): WorldCommand[] {
  const adminId = labId(`${orgId}-${username}`, (id) => !!world.server.admins[id]);
  return [{ type: 'AddAdmin', orgId, adminId, username, name, role }];
}

/** Manager (SUPERUSER, R-MGR-1): a directory at the end of the org's list. */
export function addDirectoryCommand(world: WorldState, orgId: string, by: string, name: string, kind: DirectoryKind, checksAppId: boolean): WorldCommand {
  const directories = world.server.orgs[orgId]?.directories ?? [];
  const directoryId = makeId(name, (id) => directories.some((d) => d.id === id), `${orgId}-`);
  return { type: 'AddDirectory', orgId, directoryId, name, kind, checksAppId, by };
}

/** Manager (SUPERUSER): an administrator of the signed-in admin's org. */
export function addAdminCommand(world: WorldState, orgId: string, by: string, username: string, name: string, role: Role): WorldCommand {
  const adminId = makeId(username, (id) => id in world.server.admins, `${orgId}-`);
  return { type: 'AddAdmin', orgId, adminId, username, name, role, by };
}

/** Manager (SUPERUSER): an access server ("manager" is taken by the Manager login, R-OTP-3). */
export function addAccessServerCommand(world: WorldState, orgId: string, by: string, name: string, offlineAllowed: boolean): WorldCommand {
  const servers = world.server.orgs[orgId]?.accessServers ?? [];
  const accessServerId = makeId(name, (id) => id === 'manager' || servers.some((s) => s.id === id));
  return { type: 'AddAccessServer', orgId, accessServerId, name, offlineAllowed, by };
}
