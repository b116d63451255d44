// The timeline's kinds and facets: each entry classified from its events first, then its command.
import { describe, it, expect } from 'vitest';
import { entryKind, entryFacets } from '../../../src/runtime/replay/entry-kind';
import { rulesOf, ruleAnchor } from '../../../src/runtime/replay/rule-of';
import type { WorldCommand, WorldEvent, EventLogEntry, EventReason } from '../../../src/domain';
import { replayHistory } from './support';

const logged = (type: EventLogEntry['type'], reason: EventReason): WorldEvent => ({
  type: 'EventLogged',
  entry: { seq: 1, at: 0, orgId: 'acme', type, username: 'ingrid', mobile: '+4791234501', accessServerId: 'vpn', reason },
});
const login: WorldCommand = { type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'ingrid', code: '123456' };

describe('entryKind', () => {
  const table: [string, WorldCommand, WorldEvent[], string][] = [
    ['a granted login', login, [logged('Access_Granted', { kind: 'online-granted' })], 'granted'],
    ['an offline grant', login, [logged('Access_Granted_Offline', { kind: 'offline-granted' })], 'granted'],
    ['a denied login', login, [logged('Access_Denied', { kind: 'otp-used' })], 'denied'],
    ['a login error', login, [logged('Access_Error', { kind: 'user-not-found', directories: ['LDAP'] })], 'error'],
    ['a login that blocked the link (R-BLK-3)', login, [logged('Access_Denied', { kind: 'otp-failed', attemptsRemaining: 0, linkBlocked: true })], 'block'],
    ['a wrong offline PIN that blocked, with PIN_Blocked elsewhere', login, [logged('Access_Denied_Offline', { kind: 'offline-wrong-pin', attemptsRemaining: 0, pinBlocked: true }), logged('PIN_Blocked', { kind: 'pin-blocked', cause: 'pin-attempts' })], 'block'],
    ['an unblock in the app', { type: 'AppSetUnblockPin', phoneId: 'p', newPin: '1111', repeat: '1111' }, [logged('PIN_Unblocked', { kind: 'app-unblocked', newPinSet: true })], 'unblock'],
    ['a wrong UBC', { type: 'AppEnterUbc', phoneId: 'p', ubc: '1' }, [logged('UBC_Denied', { kind: 'app-ubc-wrong', attemptsRemaining: 2, ubcBlocked: false })], 'denied'],
    ['a displayed UBC', { type: 'DisplayUbc', by: 'a', orgId: 'acme', mobile: 'm' }, [], 'ubc'],
    ['a generated UBC', { type: 'GenerateNewUbc', by: 'a', orgId: 'acme', mobile: 'm' }, [], 'ubc'],
    ['Block PIN in Manager', { type: 'BlockPin', by: 'a', orgId: 'acme', mobile: 'm' }, [], 'block'],
    ['the clock', { type: 'AdvanceClock', byMs: 1000 }, [], 'clock'],
    ['a phone clock', { type: 'SetPhoneClockOffset', phoneId: 'p', offsetMs: 1000 }, [], 'clock'],
    ['the network', { type: 'SetPhoneOnline', phoneId: 'p', online: false }, [], 'network'],
    ['a world edit', { type: 'CreateOrg', orgId: 'x', name: 'X' }, [], 'world'],
    ['an app action', { type: 'AppShowLinks', phoneId: 'p' }, [], 'action'],
    ['a Manager status change', { type: 'SetUserStatus', by: 'a', orgId: 'acme', mobile: 'm', status: 'inactive' }, [], 'action'],
  ];
  it.each(table)('%s', (_name, command, events, kind) => {
    expect(entryKind({ command, events })).toBe(kind);
  });
});

describe('entryFacets', () => {
  it('a phone command counts for its owner, a login for the org and holder it logged', () => {
    const { journal, run } = replayHistory();
    const pin = run({ type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '1234' });
    expect(entryFacets(pin, journal.state).mobiles).toContain('+4791234501');
    const code = journal.state.phones['ingrid-phone']?.app.screen;
    const typed = code?.kind === 'online-code' ? code.code : '000000';
    const entry = run({ type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'ingrid', code: typed });
    const facets = entryFacets(entry, journal.state);
    expect(facets.orgIds).toEqual(['acme']);
    expect(facets.mobiles).toEqual(['+4791234501']);
    expect(facets.kind).toBe('granted');
  });
});

describe('rulesOf', () => {
  it('names the rule of the reason first, then of the command, with docs/rules.md anchors', () => {
    expect(rulesOf({ command: login, events: [logged('Access_Denied', { kind: 'otp-failed', attemptsRemaining: 0, linkBlocked: true })] })).toEqual(['R-BLK-3', 'R-VER-8']);
    expect(rulesOf({ command: { type: 'AdvanceClock', byMs: 1 }, events: [] })).toEqual(['R-CLK-1']);
    expect(rulesOf({ command: { type: 'AddPerson', personId: 'x', name: 'X', mobile: '1' }, events: [] })).toEqual([]);
    expect(ruleAnchor('R-UBC-3')).toBe('r-ubc-3');
  });
});
