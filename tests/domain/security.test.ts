// R-SEC: no plaintext PIN anywhere, constant-time compares and single use, neutralized log text, append-only logs.
import { describe, it, expect, beforeAll } from 'vitest';
import type { TestWorld } from './support/test-world';
import { fixtureWorld, linkEverywhere, MOBILE, PIN } from './support/fixture';
import { evolve, initialState, getLink, DEFAULT_CLOCK_START } from '../../src/domain';
import type { WorldState, WorldEvent } from '../../src/domain';
import { constantTimeEqual } from '../../src/domain/crypto/bytes';
import { openPin } from '../../src/domain/crypto/pin-vault';
import { describeEvent, describeAudit } from '../../src/i18n/describe-event';

/** Field names that would hold a PIN in the clear. */
const PIN_FIELDS = new Set(['pin', 'newPin', 'currentPin', 'repeat', 'oldPin', 'pinCode']);
// C0, DEL, C1 and the bidi controls of R-SEC-4.
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Every [path, key, value] in a JSON-like value. */
function* walk(value: unknown, path = '$'): Generator<[string, string, unknown]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* walk(item, `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield [`${path}.${key}`, key, item];
      yield* walk(item, `${path}.${key}`);
    }
  }
}

/** Every string inside a value, with its path (array items and object values). */
function strings(value: unknown, root = '$'): [string, string][] {
  if (typeof value === 'string') return [[root, value]];
  return [...walk(value, root)].filter(([, , v]) => typeof v === 'string').map(([path, , v]) => [path, v as string]);
}

function serverKeyOf(w: TestWorld): Uint8Array {
  const key: unknown = Reflect.get(w, 'serverKey');
  if (!(key instanceof Uint8Array) || key.length !== 32) throw new Error('the test world has no 32-byte server key');
  return key;
}

/** Types a PIN in the app and returns the notice. */
function typePin(w: TestWorld, phoneId: string, pin: string) {
  w.ok({ type: 'AppEnterPin', phoneId, pin });
  return w.phone(phoneId).app.notice;
}

function unblockOnline(w: TestWorld, phoneId: string, orgId: string, ubc: string): void {
  w.ok({ type: 'AppOpenUnblock', phoneId });
  w.ok({ type: 'AppChooseUnblockOrg', phoneId, orgId });
  w.ok({ type: 'AppEnterUbc', phoneId, ubc });
}

/**
 * A day in the sandbox touching every PIN path: activation, online and offline codes, a PIN change,
 * wrong PINs, a block, online and offline unblock with new PINs, Manager actions (some refused).
 */
function fullScenario(): { w: TestWorld; pins: string[]; finalPins: Record<string, string> } {
  const w = fixtureWorld();
  for (const person of ['alice', 'bob', 'carol'] as const) linkEverywhere(w, person);
  w.advance(30_000);
  // bob changes his PIN (R-OTP-4).
  w.ok({ type: 'AppOpenChangePin', phoneId: 'bob-phone' });
  w.ok({ type: 'AppChangePin', phoneId: 'bob-phone', currentPin: PIN.bob, newPin: '2468', repeat: '2468' });
  // alice logs in offline (R-OTP-2) and types one wrong PIN online.
  w.setOnline('alice-phone', false);
  expect(w.login('acme', 'vpn', 'alice', w.code('alice-phone', PIN.alice)).accepted).toBe(true);
  w.setOnline('alice-phone', true);
  typePin(w, 'alice-phone', '9999');
  // carol blocks her PIN and unblocks acme online with a new PIN; bank keeps it (R-UBC-2).
  for (let i = 0; i < 3; i++) typePin(w, 'carol-phone', '9999');
  unblockOnline(w, 'carol-phone', 'acme', w.displayUbc('acme-useradmin', 'acme', MOBILE.carol));
  w.ok({ type: 'AppSetUnblockPin', phoneId: 'carol-phone', newPin: '1357', repeat: '1357' });
  unblockOnline(w, 'carol-phone', 'bank', w.displayUbc('bank-super', 'bank', MOBILE.carol));
  // bob is blocked at acme in Manager and unblocks offline with a new PIN (R-UBC-4).
  w.ok({ type: 'BlockPin', by: 'acme-super', orgId: 'acme', mobile: MOBILE.bob });
  w.refused({ type: 'DisplayUbc', by: 'acme-helpdesk', orgId: 'acme', mobile: MOBILE.bob });
  const bobUbc = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
  w.ok({ type: 'AppShowLinks', phoneId: 'bob-phone' });
  w.setOnline('bob-phone', false);
  w.ok({ type: 'AppOpenUnblock', phoneId: 'bob-phone' });
  w.ok({ type: 'AppChooseUnblockOrg', phoneId: 'bob-phone', orgId: 'acme' });
  w.ok({ type: 'AppEnterUbc', phoneId: 'bob-phone', ubc: bobUbc });
  w.ok({ type: 'AppSetUnblockPin', phoneId: 'bob-phone', newPin: '8642', repeat: '8642' });
  const screen = w.phone('bob-phone').app.screen;
  if (screen.kind !== 'unblock-offline-code') throw new Error('no unblock code on screen');
  w.advance(30_000);
  expect(w.login('acme', 'vpn', 'bob', w.shownCode('bob-phone', screen.firstStep, screen.codes)).accepted).toBe(true);
  w.setOnline('bob-phone', true);
  expect(w.login('bank', 'vpn', 'bob.b', w.code('bob-phone', '8642')).accepted).toBe(true);
  w.ok({ type: 'SetUserStatus', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice, status: 'inactive' });
  return {
    w,
    pins: [PIN.alice, PIN.bob, PIN.carol, PIN.dave, '2468', '9999', '1357', '8642'],
    finalPins: { [MOBILE.alice]: PIN.alice, [MOBILE.bob]: '8642', [MOBILE.carol]: '1357', [MOBILE.dave]: PIN.dave },
  };
}

describe('R-SEC-1 no plaintext PIN is ever in storage, a log or an export', () => {
  let scenario: ReturnType<typeof fullScenario>;
  beforeAll(() => {
    scenario = fullScenario();
  });

  it('R-SEC-1 given a full scenario, then no event and no part of the final state has a PIN field or a PIN as a value', () => {
    const { w, pins } = scenario;
    for (const [label, value] of [['events', w.events], ['state', w.state]] as const) {
      for (const [path, key, item] of walk(value)) {
        expect(PIN_FIELDS.has(key), `${label} ${path}`).toBe(false);
        if (typeof item === 'string') expect(pins.includes(item), `${label} ${path} = ${item}`).toBe(false);
      }
    }
    // The export is the journal: its JSON has no PIN as a field value either.
    const json = JSON.stringify({ events: w.events, state: w.state });
    for (const pin of pins) expect(json).not.toContain(`"${pin}"`);
  });

  it('R-SEC-1 the phones keep no PIN: only the device, links and what the screen shows', () => {
    const { w } = scenario;
    for (const phone of Object.values(w.state.phones)) {
      expect(Object.keys(phone.app).sort()).toEqual(['device', 'links', 'notice', 'pinBlocked', 'screen']);
      expect(Object.keys(phone.app.device ?? {}).sort()).toEqual(['appId', 'deviceId', 'deviceKey', 'mobile']);
    }
  });

  it('R-SEC-1 each sealed PIN opens only with the server key and only for its own holder', () => {
    const { w, finalPins } = scenario;
    const key = serverKeyOf(w);
    const otherKey = new Uint8Array(32).fill(7);
    for (const [mobile, pin] of Object.entries(finalPins)) {
      const sealed = w.holder(mobile).sealedPin;
      if (!sealed) throw new Error(`${mobile} has no PIN`);
      expect(Object.keys(sealed).sort()).toEqual(['ciphertext', 'nonce']);
      expect(openPin(key, sealed, mobile)).toBe(pin);
      expect(openPin(otherKey, sealed, mobile)).toBeNull();
      expect(openPin(key, sealed, mobile === MOBILE.alice ? MOBILE.bob : MOBILE.alice)).toBeNull();
    }
    // Every PIN ever set was sealed with its own nonce.
    const nonces = w.events.filter((e): e is Extract<WorldEvent, { type: 'PinSet' }> => e.type === 'PinSet').map((e) => e.sealedPin.nonce);
    expect(nonces.length).toBeGreaterThanOrEqual(7);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe('R-SEC-3 constant-time compares; every code, UBC and unblock code is accepted at most once', () => {
  it.each([
    ['123456', '123456', true],
    ['', '', true],
    ['123456', '123457', false],
    ['023456', '123456', false],
    ['12345', '123456', false],
    ['a', 'a\u0000', false],
    ['', 'a', false],
    ['123456789', '12345678', false],
  ] as const)('R-SEC-3 constantTimeEqual(%j, %j) is %s, either way round', (a, b, equal) => {
    expect(constantTimeEqual(a, b)).toBe(equal);
    expect(constantTimeEqual(b, a)).toBe(equal);
  });

  it('R-SEC-3 given an accepted online code, when it is typed again at the same or another org, then it is refused as used and logged', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    const code = w.code('bob-phone', PIN.bob);
    expect(w.login('acme', 'vpn', 'bob', code).accepted).toBe(true);
    for (const [orgId, username] of [['acme', 'bob'], ['bank', 'bob.b']] as const) {
      const { accepted, entry, description } = w.login(orgId, 'vpn', username, code);
      expect(accepted).toBe(false);
      expect(entry.type).toBe('Access_Denied');
      expect(description).toBe('OTP already used');
    }
  });

  it('R-SEC-3 given an accepted offline code, when it is typed again, then it is refused as used and logged', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.setOnline('bob-phone', false);
    const code = w.code('bob-phone', PIN.bob);
    expect(w.login('acme', 'vpn', 'bob', code).accepted).toBe(true);
    for (const [orgId, username] of [['acme', 'bob'], ['bank', 'bob.b']] as const) {
      const { accepted, entry, description } = w.login(orgId, 'vpn', username, code);
      expect(accepted).toBe(false);
      expect(entry.type).toBe('Access_Denied_Offline');
      expect(description).toBe('Offline OTP already used (phone time 09:00:00)');
    }
  });

  it('R-SEC-3 given a UBC that unblocked a link, when it is typed again in the app, then it is refused and the reuse is logged', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
    unblockOnline(w, 'bob-phone', 'acme', ubc);
    expect(getLink(w.state.server, 'acme', MOBILE.bob)?.blocked).toBe(false);

    const logBefore = w.eventLog.length;
    w.ok({ type: 'AppOpenUnblock', phoneId: 'bob-phone' });
    w.ok({ type: 'AppChooseUnblockOrg', phoneId: 'bob-phone', orgId: 'acme' });
    const { result } = w.when({ type: 'AppEnterUbc', phoneId: 'bob-phone', ubc });
    const refused = !result.ok || w.phone('bob-phone').app.notice?.kind !== 'unblocked';
    expect(refused).toBe(true);
    expect(w.eventLog.slice(logBefore).filter((e) => e.orgId === 'acme' && e.mobile === MOBILE.bob)).toHaveLength(1);
  });

  it('R-SEC-3 given a UBC that unblocked a link, when the link is blocked again, then the old UBC is refused as a reuse, counts nothing and is logged', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
    unblockOnline(w, 'bob-phone', 'acme', ubc);
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    unblockOnline(w, 'bob-phone', 'acme', ubc);
    expect(w.phone('bob-phone').app.notice).toEqual({ kind: 'ubc-used' });
    expect(getLink(w.state.server, 'acme', MOBILE.bob)).toMatchObject({ blocked: true, ubcFailures: 0 });
    expect(w.lastLog('acme')).toMatchObject({ type: 'UBC_Denied', reason: { kind: 'app-ubc-used' } });
  });

  it('R-SEC-3, R-VER-7 given an accepted offline unblock code, when it is typed again within its 120 s, then it is refused as a reuse and counts nothing', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
    const code = w.unblockCodeFor('bob-phone', 'acme', ubc, '2468');
    expect(w.login('acme', 'vpn', 'bob', code).accepted).toBe(true);
    w.advance(30_000);
    const again = w.login('acme', 'vpn', 'bob', code);
    expect(again.accepted).toBe(false);
    expect(again.entry.type).toBe('Access_Denied');
    expect(again.description).toMatch(/^Unblock code already used/);
    expect(getLink(w.state.server, 'acme', MOBILE.bob)).toMatchObject({ blocked: false, codeFailures: 0 });
    // Blocked again with a fresh UBC: a code made from the spent one is still a reuse, and uses up no UBC attempt.
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    const third = w.login('acme', 'vpn', 'bob', code);
    expect(third.accepted).toBe(false);
    expect(third.description).toMatch(/^Unblock code already used/);
    expect(getLink(w.state.server, 'acme', MOBILE.bob)).toMatchObject({ blocked: true, ubcFailures: 0 });
  });
});

describe('R-SEC-4 typed text is stored as data with control characters neutralized in log entries', () => {
  it('R-SEC-4 when a username with a newline is typed at login, then the entry shows it escaped on one line', () => {
    const w = fixtureWorld();
    const { entry, description } = w.login('acme', 'vpn', 'mallory\n2026-01-05 09:00:00 Access_Granted alice', '123456');
    expect(entry.type).toBe('Access_Error');
    expect(entry.username).toBe('mallory\\u{000A}2026-01-05 09:00:00 Access_Granted alice');
    expect(RAW_CONTROL.test(description)).toBe(false);
  });

  it.each([
    ['a bidi override', 'admin\u202Egnp.exe', 'admin\\u{202E}gnp.exe'],
    ['bidi isolates', 'x\u2066y\u2069z', 'x\\u{2066}y\\u{2069}z'],
    ['an ANSI escape', 'eve\u001b[31mred', 'eve\\u{001B}[31mred'],
    ['NUL and DEL', 'a\u0000b\u007fc', 'a\\u{0000}b\\u{007F}c'],
    ['a C1 next-line', 'a\u0085b', 'a\\u{0085}b'],
    ['an Arabic letter mark', 'a\u061cb', 'a\\u{061C}b'],
    ['a line separator', 'a\u2028b', 'a\\u{2028}b'],
    ['a paragraph separator', 'a\u2029b', 'a\\u{2029}b'],
    ['a typed escape, kept apart from a real control', 'a\\u{000A}b', 'a\\u{005C}u{000A}b'],
    ['a Windows domain username, kept as typed', 'CORP\\user', 'CORP\\user'],
    ['HTML, kept as data', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('R-SEC-4 a username with %s is stored neutralized', (_what, typed, stored) => {
    const w = fixtureWorld();
    const { entry } = w.login('acme', 'vpn', typed, '123456');
    expect(entry.username).toBe(stored);
  });

  it('R-SEC-4 given a directory username with control characters, then no log entry about that user holds a raw control character', () => {
    const w = fixtureWorld();
    const username = 'ali\u202Ece\nPIN_Unblocked';
    w.ok({ type: 'AddDirectoryEntry', orgId: 'bank', directoryId: 'bank-ldap', entry: { username, mobile: MOBILE.alice } });
    expect(w.login('bank', 'vpn', username, w.code('alice-phone', PIN.alice)).accepted).toBe(true);
    w.ok({ type: 'BlockPin', by: 'bank-useradmin', orgId: 'bank', mobile: MOBILE.alice }); // PIN_Blocked + audit
    const ubc = w.displayUbc('bank-useradmin', 'bank', MOBILE.alice); // audit
    unblockOnline(w, 'alice-phone', 'bank', ubc === '111111111' ? '222222222' : '111111111'); // UBC_Denied
    w.ok({ type: 'AppEnterUbc', phoneId: 'alice-phone', ubc });
    w.ok({ type: 'AppSetUnblockPin', phoneId: 'alice-phone', newPin: '5678', repeat: '5678' }); // PIN_Unblocked

    const eventLog = w.eventLog.filter((e) => e.orgId === 'bank');
    expect(eventLog.map((e) => e.type)).toEqual(['Access_Granted', 'PIN_Blocked', 'UBC_Denied', 'PIN_Unblocked']);
    const rendered = [...eventLog.map((e) => describeEvent(e.reason)), ...w.auditLog.map((e) => describeAudit(e.action))];
    const raw = [...strings(w.eventLog, 'eventLog'), ...strings(w.auditLog, 'auditLog'), ...rendered.map((text): [string, string] => ['rendered', text])]
      .filter(([, text]) => RAW_CONTROL.test(text))
      .map(([path, text]) => `${path}: ${JSON.stringify(text)}`);
    expect(raw).toEqual([]);
  });
});

describe('R-SEC-5 the event log and the audit log are append-only', () => {
  it('R-SEC-5 given the journal of a full scenario, then the logs only grow, by log events, each entry numbered on from the last', () => {
    const { w } = fullScenario();
    let state: WorldState = initialState(DEFAULT_CLOCK_START);
    const log = { eventLog: [] as unknown[], auditLog: [] as unknown[] };
    for (const event of w.events) {
      const next = evolve(state, event);
      const counts = { eventLog: [state.server.eventLogCount, next.server.eventLogCount], auditLog: [state.server.auditLogCount, next.server.auditLogCount] } as const;
      for (const name of ['eventLog', 'auditLog'] as const) {
        const [before, after] = counts[name];
        const expected = (name === 'eventLog' && event.type === 'EventLogged') || (name === 'auditLog' && event.type === 'AuditRecorded') ? 1 : 0;
        expect((after ?? 0) - (before ?? 0), `${event.type} on ${name}`).toBe(expected);
      }
      if (event.type === 'EventLogged') log.eventLog.push(event.entry);
      if (event.type === 'AuditRecorded') log.auditLog.push(event.entry);
      state = next;
    }
    // The entries folded from the events are the read model, in order, numbered 1, 2, 3...
    expect(log.eventLog).toEqual(w.eventLog);
    expect(log.auditLog).toEqual(w.auditLog);
    expect(w.eventLog.map((e) => e.seq)).toEqual(w.eventLog.map((_, i) => i + 1));
    expect(w.eventLog.length + w.auditLog.length).toBeGreaterThan(20);
    expect(w.auditLog.some((e) => e.action.kind === 'refused')).toBe(true);
    expect(w.replay()).toEqual(w.state);
  });
});
