// The world most rule tests start from: three orgs (one with no offline codes), people in one, two and three of them.
import { TestWorld } from './test-world';

export const MOBILE = { alice: '+4790000001', bob: '+4790000002', carol: '+4790000003', dave: '+4790000004' } as const;
export const PIN = { alice: '1111', bob: '2222', carol: '3333', dave: '4444' } as const;

/**
 * acme: corp-ldap (LDAP) then partner-http (HTTP); access servers vpn (offline allowed) and portal (not).
 * bank: bank-ldap; vpn (offline allowed). city: city-http; web (offline not allowed).
 * alice is in acme; bob in acme and bank; carol in acme, bank and city; dave is in acme's HTTP directory.
 * Every phone is activated; nobody has logged in anywhere yet (no links).
 */
export function fixtureWorld(seed = 'fixture'): TestWorld {
  const w = new TestWorld(seed);
  w.ok({ type: 'CreateOrg', orgId: 'acme', name: 'Acme Corp' });
  w.ok({ type: 'AddDirectory', orgId: 'acme', directoryId: 'corp-ldap', name: 'Corp LDAP', kind: 'LDAP', checksAppId: false });
  w.ok({ type: 'AddDirectory', orgId: 'acme', directoryId: 'partner-http', name: 'Partner HTTP', kind: 'HTTP', checksAppId: false });
  w.ok({ type: 'AddAccessServer', orgId: 'acme', accessServerId: 'vpn', name: 'Acme VPN', offlineAllowed: true });
  w.ok({ type: 'AddAccessServer', orgId: 'acme', accessServerId: 'portal', name: 'Acme portal', offlineAllowed: false });
  for (const [username, mobile] of [['alice', MOBILE.alice], ['bob', MOBILE.bob], ['carol', MOBILE.carol]] as const) {
    w.ok({ type: 'AddDirectoryEntry', orgId: 'acme', directoryId: 'corp-ldap', entry: { username, mobile } });
  }
  w.ok({ type: 'AddDirectoryEntry', orgId: 'acme', directoryId: 'corp-ldap', entry: { username: 'nomobile' } });
  w.ok({ type: 'AddDirectoryEntry', orgId: 'acme', directoryId: 'partner-http', entry: { username: 'dave', mobile: MOBILE.dave } });

  w.ok({ type: 'CreateOrg', orgId: 'bank', name: 'Northbank' });
  w.ok({ type: 'AddDirectory', orgId: 'bank', directoryId: 'bank-ldap', name: 'Bank LDAP', kind: 'LDAP', checksAppId: false });
  w.ok({ type: 'AddAccessServer', orgId: 'bank', accessServerId: 'vpn', name: 'Bank VPN', offlineAllowed: true });
  w.ok({ type: 'AddDirectoryEntry', orgId: 'bank', directoryId: 'bank-ldap', entry: { username: 'bob.b', mobile: MOBILE.bob } });
  w.ok({ type: 'AddDirectoryEntry', orgId: 'bank', directoryId: 'bank-ldap', entry: { username: 'carol.c', mobile: MOBILE.carol } });

  w.ok({ type: 'CreateOrg', orgId: 'city', name: 'City of Fjord' });
  w.ok({ type: 'AddDirectory', orgId: 'city', directoryId: 'city-http', name: 'City HTTP', kind: 'HTTP', checksAppId: false });
  w.ok({ type: 'AddAccessServer', orgId: 'city', accessServerId: 'web', name: 'City web', offlineAllowed: false });
  w.ok({ type: 'AddDirectoryEntry', orgId: 'city', directoryId: 'city-http', entry: { username: 'carol', mobile: MOBILE.carol } });

  for (const [adminId, orgId, role] of [
    ['acme-super', 'acme', 'SUPERUSER'], ['acme-useradmin', 'acme', 'USERADMIN'], ['acme-helpdesk', 'acme', 'HELPDESK'],
    ['bank-super', 'bank', 'SUPERUSER'], ['bank-useradmin', 'bank', 'USERADMIN'], ['city-useradmin', 'city', 'USERADMIN'],
  ] as const) {
    w.ok({ type: 'AddAdmin', orgId, adminId, username: adminId, name: adminId, role });
  }

  for (const name of ['alice', 'bob', 'carol', 'dave'] as const) {
    w.ok({ type: 'AddPerson', personId: name, name, mobile: MOBILE[name] });
    w.ok({ type: 'AddPhone', phoneId: `${name}-phone`, personId: name, label: `${name}'s phone` });
    w.activate(`${name}-phone`, PIN[name]);
  }
  return w;
}

/** Where each person logs in: org, access server (with offline codes), username. */
export const MEMBERSHIPS = {
  alice: [['acme', 'vpn', 'alice']],
  bob: [['acme', 'vpn', 'bob'], ['bank', 'vpn', 'bob.b']],
  carol: [['acme', 'vpn', 'carol'], ['bank', 'vpn', 'carol.c'], ['city', 'web', 'carol']],
  dave: [['acme', 'vpn', 'dave']],
} as const;

/** Logs `person` in once at each of their orgs with online codes, creating their links (doc). */
export function linkEverywhere(w: TestWorld, person: keyof typeof MEMBERSHIPS): void {
  for (const [orgId, server, username] of MEMBERSHIPS[person]) {
    const { accepted } = w.login(orgId, server, username, w.code(`${person}-phone`, PIN[person]));
    if (!accepted) throw new Error(`${person} could not log in at ${orgId}`);
  }
}
