// The world a new sandbox opens with: orgs, offline policy, people in one to three orgs, every admin role, activated phones, a running clock.
import { describe, it, expect } from 'vitest';
import { DEFAULT_PEOPLE } from '../../src/runtime/default-world';
import { linksOf, ROLES, DEFAULT_CLOCK_START } from '../../src/domain';
import { defaultSandbox, accepted, expectDefined } from './support/fixture';

describe('the default world', () => {
  it('has at least three organizations, each with a directory and an access server', async () => {
    const { sandbox } = await defaultSandbox();
    const orgs = Object.values(sandbox.state.server.orgs);
    expect(orgs.length).toBeGreaterThanOrEqual(3);
    for (const org of orgs) {
      expect(org.directories.length, org.id).toBeGreaterThan(0);
      expect(org.accessServers.length, org.id).toBeGreaterThan(0);
    }
  });

  it('R-VER-7 has one organization whose access servers all refuse offline codes, and others that accept them', async () => {
    const { sandbox } = await defaultSandbox();
    const orgs = Object.values(sandbox.state.server.orgs);
    const noOffline = orgs.filter((org) => org.accessServers.every((server) => !server.offlineAllowed));
    expect(noOffline.length).toBeGreaterThanOrEqual(1);
    expect(orgs.some((org) => org.accessServers.some((server) => server.offlineAllowed))).toBe(true);
  });

  it('R-VER-7 an offline code typed at that organization is refused as not accepted there', async () => {
    const { sandbox } = await defaultSandbox();
    const org = expectDefined(Object.values(sandbox.state.server.orgs).find((o) => o.accessServers.every((s) => !s.offlineAllowed)), 'org without offline');
    const person = expectDefined(DEFAULT_PEOPLE.find((p) => p.pin !== null && p.usernames[org.id]), 'a person of that org');
    const phoneId = `${person.personId}-phone`;
    await accepted(sandbox, { type: 'SetPhoneOnline', phoneId, online: false });
    await accepted(sandbox, { type: 'AppEnterPin', phoneId, pin: expectDefined(person.pin, 'pin') });
    const screen = sandbox.state.phones[phoneId]?.app.screen;
    expect(screen?.kind).toBe('offline-code');
    const code = screen?.kind === 'offline-code' ? expectDefined(screen.codes[0], 'offline code') : '';

    const login = await accepted(sandbox, { type: 'Login', orgId: org.id, accessServerId: expectDefined(org.accessServers[0], 'server').id, username: expectDefined(person.usernames[org.id], 'username'), code });

    expect(login.reply).toEqual({ kind: 'login', accepted: false });
    expect((await sandbox.logs.events({ orgId: org.id }, 0, 1)).rows[0]).toMatchObject({ type: 'Access_Denied_Offline', reason: { kind: 'offline-not-allowed' } });
  });

  it('has people linked at one, two and three organizations (links counted per mobile)', async () => {
    const { sandbox } = await defaultSandbox();
    const server = sandbox.state.server;
    const counts = new Set(Object.keys(server.holders).map((mobile) => linksOf(server, mobile).length));
    expect(counts).toContain(1);
    expect(counts).toContain(2);
    expect(counts).toContain(3);
    for (const person of DEFAULT_PEOPLE) {
      const expected = person.pin === null ? 0 : Object.keys(person.usernames).length;
      expect(linksOf(server, person.mobile).map((l) => l.orgId).sort(), person.personId).toEqual(expected === 0 ? [] : Object.keys(person.usernames).sort());
    }
  });

  it('R-MGR-1 has an administrator of every role in every organization', async () => {
    const { sandbox } = await defaultSandbox();
    const { orgs, admins } = sandbox.state.server;
    for (const orgId of Object.keys(orgs)) {
      const roles = Object.values(admins).filter((a) => a.orgId === orgId).map((a) => a.role);
      expect(new Set(roles), orgId).toEqual(new Set(ROLES));
    }
  });

  it('R-OTP-1 has phones activated with the documented PINs: each gives an online code for its PIN, accepted at the person\'s organizations', async () => {
    const { sandbox, wall } = await defaultSandbox();
    const activated = DEFAULT_PEOPLE.filter((p) => p.pin !== null);
    expect(activated.length).toBeGreaterThanOrEqual(4);
    for (const person of activated) {
      const phoneId = `${person.personId}-phone`;
      expect(sandbox.state.phones[phoneId]?.app.device?.mobile, phoneId).toBe(person.mobile);
      for (const [orgId, username] of Object.entries(person.usernames)) {
        wall.advance(1_000);
        await accepted(sandbox, { type: 'AppEnterPin', phoneId, pin: expectDefined(person.pin, 'pin') });
        const screen = sandbox.state.phones[phoneId]?.app.screen;
        expect(screen?.kind, `${phoneId} after its PIN`).toBe('online-code');
        const code = screen?.kind === 'online-code' ? screen.code : '';
        expect(code).toMatch(/^\d{6}$/);
        const server = expectDefined(sandbox.state.server.orgs[orgId]?.accessServers[0], 'access server');
        const login = await accepted(sandbox, { type: 'Login', orgId, accessServerId: server.id, username, code });
        expect(login.reply, `${username} at ${orgId}`).toEqual({ kind: 'login', accepted: true });
        await accepted(sandbox, { type: 'AppBack', phoneId });
      }
    }
  });

  it('R-OTP-1 a wrong PIN on a default phone is not accepted (the documented PIN is the one that works)', async () => {
    const { sandbox } = await defaultSandbox();
    const person = expectDefined(DEFAULT_PEOPLE.find((p) => p.pin !== null), 'a person');
    const wrong = person.pin === '9999' ? '9998' : '9999';
    await accepted(sandbox, { type: 'AppEnterPin', phoneId: `${person.personId}-phone`, pin: wrong });
    const app = sandbox.state.phones[`${person.personId}-phone`]?.app;
    expect(app?.screen.kind).not.toBe('online-code');
    expect(app?.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });
  });

  it('has a person whose app is not activated yet (no PIN documented), with a phone to activate', async () => {
    const { sandbox } = await defaultSandbox();
    const pending = DEFAULT_PEOPLE.filter((p) => p.pin === null);
    expect(pending.length).toBeGreaterThan(0);
    for (const person of pending) {
      const phone = expectDefined(sandbox.state.phones[`${person.personId}-phone`], 'phone');
      expect(phone.app.device).toBeNull();
      expect(phone.app.screen).toEqual({ kind: 'activate' });
    }
  });

  it('R-CLK-1 has the clock running (x1 from the default start)', async () => {
    const { sandbox, wall } = await defaultSandbox();
    expect(sandbox.state.clock).toEqual({ now: DEFAULT_CLOCK_START, running: true, speed: 1, lastCommandAt: DEFAULT_CLOCK_START });
    wall.advance(90_000);
    expect(sandbox.now()).toBe(DEFAULT_CLOCK_START + 90_000);
  });

  it('keeps an event log that shows the first logins: every link was made by an accepted code', async () => {
    const { sandbox } = await defaultSandbox();
    const server = sandbox.state.server;
    const granted = (await Promise.all(Object.keys(server.orgs).map(async (orgId) => (await sandbox.logs.events({ orgId, type: 'Access_Granted' }, 0, 1_000)).rows))).flat();
    expect(granted.map((e) => `${e.orgId}/${e.mobile}`).sort()).toEqual(Object.values(server.links).map((l) => `${l.orgId}/${l.mobile}`).sort());
  });
});
