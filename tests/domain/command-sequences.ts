// Random command sequences over the fixture world and the invariants they must keep: the engine of properties(.slow).test.ts.
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { TestWorld } from './support/test-world';
import { fixtureWorld, linkEverywhere, MOBILE, PIN, MEMBERSHIPS } from './support/fixture';
import {
  evolve, initialState, isPinBlocked, linksOf, getLink, linkId, lookUpUser, currentDevice, offlineLockoutRunning,
  windowSteps, policy, DEFAULT_CLOCK_START, MANAGER_ACCESS_SERVER,
} from '../../src/domain';
import type { WorldState, WorldCommand, WorldEvent, DecideResult, EventLogEntry, AuditEntry, Link } from '../../src/domain';
import { hexToBytes, utf8ToBytes } from '../../src/domain/crypto/bytes';
import { offlineCode } from '../../src/domain/crypto/offline-code';
import { openPin } from '../../src/domain/crypto/pin-vault';
import { makeOfflineUnblockCode } from '../../src/domain/crypto/offline-unblock';

// ---------------------------------------------------------------------------------------------------------------
// The start world, built once and cloned per run.

export const PERSONS = ['alice', 'bob', 'carol', 'dave'] as const;
export type Person = (typeof PERSONS)[number];

/** Administrators of the fixture and their orgs. */
const ADMINS = [
  ['acme-super', 'acme'], ['acme-useradmin', 'acme'], ['acme-helpdesk', 'acme'],
  ['bank-super', 'bank'], ['bank-useradmin', 'bank'], ['city-useradmin', 'city'],
] as const;
type AdminId = (typeof ADMINS)[number][0];
const ORGS = ['acme', 'bank', 'city'] as const;

const PERSON_OF_MOBILE: Readonly<Record<string, Person>> = Object.fromEntries(PERSONS.map((p) => [MOBILE[p], p]));

/** A TestWorld frozen in time: its state is plain immutable data, so runs can share it. */
export interface WorldSnapshot {
  readonly seed: string;
  readonly state: WorldState;
  readonly events: readonly WorldEvent[];
  readonly journal: readonly { at: number; events: WorldEvent[] }[];
  readonly now: number;
  /** TestWorld's private command counter: it seeds each command's random stream, so a clone must continue it. */
  readonly seq: number;
}

/** TestWorld keeps its command counter private; the clone reads and writes it under this shape. */
type WithSeq = { seq: number };

export function snapshot(w: TestWorld): WorldSnapshot {
  const seq = (w as unknown as WithSeq).seq;
  if (typeof seq !== 'number') throw new Error('TestWorld no longer has a numeric `seq`: update clone() in command-sequences.ts');
  return { seed: w.seed, state: w.state, events: [...w.events], journal: [...w.journal], now: w.now, seq };
}

/** A fresh TestWorld at the snapshot: same seed (so the same server key), state, journal, clock and random stream. */
export function clone(s: WorldSnapshot): TestWorld {
  const w = new TestWorld(s.seed);
  w.state = s.state;
  w.events.push(...s.events);
  w.journal.push(...s.journal);
  for (const event of s.events) {
    if (event.type === 'EventLogged') w.eventLog.push(event.entry);
    if (event.type === 'AuditRecorded') w.auditLog.push(event.entry);
  }
  w.now = s.now;
  (w as unknown as WithSeq).seq = s.seq;
  return w;
}

/** fixtureWorld() with every person linked at every org they belong to. */
export function startWorld(): WorldSnapshot {
  const w = fixtureWorld();
  for (const person of PERSONS) linkEverywhere(w, person);
  return snapshot(w);
}

// ---------------------------------------------------------------------------------------------------------------
// Actions: what a person, an administrator or the lab does, resolved against the world when it runs.

/** Which access server of the org: the membership's own, the one without offline codes (portal), or Manager's login. */
export type Via = 'own' | 'other' | 'manager';
export type CodeChoice =
  | { k: 'shown'; fallback: string } // what the phone's screen shows now; `fallback` when it shows none
  | { k: 'replay'; i: number } // a code this person typed before (any org)
  | { k: 'typed'; code: string }; // random or garbled input
export type UbcChoice =
  | { k: 'right' } // the link's current UBC, as Display UBC would show it
  | { k: 'stale'; i: number } // an earlier UBC of one of the person's links
  | { k: 'typed'; ubc: string };
export type ManagerOp = 'BlockPin' | 'SetUserStatus' | 'DisplayUbc' | 'GenerateNewUbc' | 'OfflineUnlock';

export type Action =
  | { a: 'EnterPin'; who: Person; pin: 'right' | string }
  | { a: 'ChangePin'; who: Person; current: 'right' | string; newPin: string }
  | { a: 'Login'; who: Person; org: number | 'foreign'; via: Via; code: CodeChoice; search: boolean }
  | { a: 'Online'; who: Person; on: boolean }
  | { a: 'Advance'; ms: number }
  | { a: 'Offset'; who: Person; ms: number }
  | { a: 'Manager'; by: AdminId; op: ManagerOp; target: Person; status: 'active' | 'inactive'; foreign: boolean }
  | { a: 'OpenUnblock'; who: Person }
  | { a: 'ChooseOrg'; who: Person; org: number }
  | { a: 'EnterUbc'; who: Person; ubc: UbcChoice }
  | { a: 'SetUnblockPin'; who: Person; pin: string; typo: boolean }
  // R-UBC-2/4: a blocked person (`who`, or the next one who is blocked) types UBCs until one is taken; with `admin`,
  // the org's administrator reads the UBC out (Display UBC) and replaces a blocked one (Generate new UBC).
  | { a: 'UnblockFlow'; who: Person; org: number; ubcs: UbcChoice[]; pin: string; admin: boolean }
  // R-OTP-2, R-VER-7: offline, type a PIN, log in with the code shown; `back` turns the network on again.
  | { a: 'OfflineCode'; who: Person; org: number; pin: 'right' | string; search: boolean; back: boolean }
  | { a: 'UnblockCodeLogin'; who: Person; org: number; ubc: UbcChoice; pin: string; stepsBack: number }
  // R-OFF-1: a drifted phone's right-PIN offline codes typed again and again, then maybe Offline unlock.
  // R-ACT-1..3: reset the app and activate it again (network on, SMS code from the inbox).
  | { a: 'Reactivate'; who: Person }
  | { a: 'DriftBurst'; who: Person; org: number; ms: number; n: number; unlock: boolean; search: boolean };

export interface Scenario {
  focus: Person;
  actions: Action[];
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries. Weighted so that blocks, UBC entries and unblocks happen often; shrinking goes to the first option.

const digits = (n: number): fc.Arbitrary<string> => fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, '0'));
const rarely = (weight: number): fc.Arbitrary<boolean> =>
  fc.oneof({ arbitrary: fc.constant(false), weight: 100 - weight }, { arbitrary: fc.constant(true), weight });

export interface ScenarioOptions {
  minLength: number;
  maxLength: number;
  /**
   * Percentage of Login actions allowed to make the server search the PIN space (an 8-digit code at an access
   * server with offline codes that is not the right PIN's code in the window: 10,000 PINs × 5 steps, ~100 ms).
   * Other such logins are typed at the org's Manager login instead, which refuses offline codes at once (R-VER-7).
   */
  searchPercent: number;
  /** Percentage of DriftBurst actions that run (each is ~11 PIN-space searches); the others only set the offset. */
  burstPercent: number;
}

function personArb(focus: Person): fc.Arbitrary<Person> {
  return fc.oneof({ arbitrary: fc.constant(focus), weight: 3 }, { arbitrary: fc.constantFrom(...PERSONS), weight: 2 });
}

const pinArb = (right: number): fc.Arbitrary<'right' | string> =>
  fc.oneof({ arbitrary: fc.constant('right' as const), weight: right }, { arbitrary: digits(4), weight: 100 - right });

const typedCodeArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: digits(6), weight: 6 },
  { arbitrary: digits(9), weight: 2 },
  { arbitrary: digits(8), weight: 1 },
  { arbitrary: fc.constantFrom('12345', '1234567', '12a456', ' 123456', '１２３４５６', '123456\n', '12345678901', 'abcdefgh'), weight: 1 },
);

const codeChoiceArb: fc.Arbitrary<CodeChoice> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant('shown' as const), fallback: digits(6) }), weight: 7 },
  { arbitrary: fc.record({ k: fc.constant('replay' as const), i: fc.nat(20) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('typed' as const), code: typedCodeArb }), weight: 2 },
);

const ubcChoiceArb: fc.Arbitrary<UbcChoice> = fc.oneof(
  { arbitrary: fc.constant({ k: 'right' as const }), weight: 5 },
  { arbitrary: fc.record({ k: fc.constant('stale' as const), i: fc.nat(10) }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('typed' as const), ubc: digits(9) }), weight: 4 },
);

const offsetArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: -90_000, max: 90_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: 10 * 60_000, max: 6 * 3_600_000 }).chain((ms) => fc.constantFrom(ms, -ms)), weight: 1 },
);

function actionArb(focus: Person, options: ScenarioOptions): fc.Arbitrary<Action> {
  const who = personArb(focus);
  const membership = fc.nat(2);
  return fc.oneof(
    { arbitrary: fc.record({ a: fc.constant('EnterPin' as const), who, pin: pinArb(65) }), weight: 18 },
    {
      arbitrary: fc.record({
        a: fc.constant('Login' as const),
        who,
        org: fc.oneof({ arbitrary: membership, weight: 12 }, { arbitrary: fc.constant('foreign' as const), weight: 1 }),
        via: fc.oneof({ arbitrary: fc.constant('own' as const), weight: 8 }, { arbitrary: fc.constantFrom('other' as const, 'manager' as const), weight: 1 }),
        code: codeChoiceArb,
        search: rarely(options.searchPercent),
      }),
      weight: 22,
    },
    { arbitrary: fc.record({ a: fc.constant('Online' as const), who, on: fc.boolean() }), weight: 5 },
    { arbitrary: fc.record({ a: fc.constant('Advance' as const), ms: fc.integer({ min: 1_000, max: 300_000 }) }), weight: 8 },
    { arbitrary: fc.record({ a: fc.constant('Offset' as const), who, ms: offsetArb }), weight: 3 },
    {
      arbitrary: fc.record({
        a: fc.constant('Manager' as const),
        by: fc.constantFrom(...ADMINS.map(([id]) => id)),
        op: fc.oneof(
          { arbitrary: fc.constant('BlockPin' as const), weight: 4 },
          { arbitrary: fc.constant('SetUserStatus' as const), weight: 3 },
          { arbitrary: fc.constant('GenerateNewUbc' as const), weight: 3 },
          { arbitrary: fc.constant('DisplayUbc' as const), weight: 2 },
          { arbitrary: fc.constant('OfflineUnlock' as const), weight: 1 },
        ),
        target: who,
        status: fc.oneof({ arbitrary: fc.constant('active' as const), weight: 3 }, { arbitrary: fc.constant('inactive' as const), weight: 2 }),
        foreign: rarely(10),
      }),
      weight: 10,
    },
    { arbitrary: fc.record({ a: fc.constant('OpenUnblock' as const), who }), weight: 2 },
    { arbitrary: fc.record({ a: fc.constant('ChooseOrg' as const), who, org: membership }), weight: 2 },
    { arbitrary: fc.record({ a: fc.constant('EnterUbc' as const), who, ubc: ubcChoiceArb }), weight: 3 },
    { arbitrary: fc.record({ a: fc.constant('SetUnblockPin' as const), who, pin: digits(4), typo: rarely(15) }), weight: 2 },
    {
      arbitrary: fc.record({
        a: fc.constant('UnblockFlow' as const),
        who,
        org: membership,
        ubcs: fc.array(ubcChoiceArb, { minLength: 1, maxLength: 4 }),
        pin: digits(4),
        admin: fc.boolean(),
      }),
      weight: 8,
    },
    {
      arbitrary: fc.record({
        a: fc.constant('OfflineCode' as const),
        who,
        org: membership,
        pin: pinArb(50),
        search: rarely(options.searchPercent),
        back: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({ a: fc.constant('UnblockCodeLogin' as const), who, org: membership, ubc: ubcChoiceArb, pin: digits(4), stepsBack: fc.nat(6) }),
      weight: 3,
    },
    { arbitrary: fc.record({ a: fc.constant('ChangePin' as const), who, current: pinArb(70), newPin: digits(4) }), weight: 2 },
    { arbitrary: fc.record({ a: fc.constant('Reactivate' as const), who }), weight: 1 },
    {
      arbitrary: fc.record({
        a: fc.constant('DriftBurst' as const),
        who,
        org: membership,
        ms: fc.integer({ min: 10 * 60_000, max: 2 * 3_600_000 }),
        n: fc.integer({ min: policy.MAX_OFFLINE_OUT_OF_WINDOW - 1, max: policy.MAX_OFFLINE_OUT_OF_WINDOW + 2 }),
        unlock: fc.boolean(),
        search: rarely(options.burstPercent),
      }),
      weight: 1,
    },
  );
}

export function scenarioArb(options: ScenarioOptions): fc.Arbitrary<Scenario> {
  return fc.constantFrom(...PERSONS).chain((focus) =>
    fc.record({ focus: fc.constant(focus), actions: fc.array(actionArb(focus, options), { minLength: options.minLength, maxLength: options.maxLength }) }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Running a scenario: the person's model of the world, the trackers of the invariants, and the checks.

/** One command as it ran: for the failure report. */
interface Step {
  action: string;
  command: WorldCommand;
  outcome: string;
}

/** Why a run failed: the rule, what was expected and found, and every command up to it. */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
  constructor(rule: string, detail: string, trace: readonly Step[]) {
    const lines = trace.map((s, i) => `  ${String(i + 1).padStart(2)}. ${JSON.stringify(s.command)}  -> ${s.outcome}   [${s.action}]`);
    super(`${rule}: ${detail}\nCommands after the start world (${trace.length}):\n${lines.join('\n')}`);
  }
}

/** Counts of what the runs reached, to see that the generator gets deep enough (PROPS_STATS=1). */
export const stats = new Map<string, number>();
const count = (key: string): void => {
  stats.set(key, (stats.get(key) ?? 0) + 1);
};
export function printStats(): void {
  if (!process.env.PROPS_STATS) return;
  console.log([...stats.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}: ${v}`).join('\n'));
}

class Run {
  readonly w: TestWorld;
  readonly trace: Step[] = [];
  /** The PIN each person knows: the one they last chose and the server stored (checked against the server at the end). */
  readonly pins: Record<Person, string> = { ...PIN };
  /** Codes each person typed at a login, for replays. */
  readonly typed: Record<Person, string[]> = { alice: [], bob: [], carol: [], dave: [] };
  /** The new PIN behind the 9-digit codes on each phone's unblock screen (R-UBC-4). */
  readonly unblockScreenPin: Partial<Record<Person, string>> = {};
  /** Every UBC each link has had, for stale-UBC entries. */
  readonly ubcsOf = new Map<string, string[]>();
  /** R-SEC-3: codes granted per holder (`mobile code`); an online code leaves when the server issues it anew. */
  readonly granted = new Set<string>();
  /** R-SEC-3: UBCs that unblocked a link. */
  readonly spentUbcs = new Set<string>();
  private readonly serverKey: Uint8Array;

  constructor(
    start: WorldSnapshot,
    readonly checks: boolean,
  ) {
    this.w = clone(start);
    // The same derivation as TestWorld's: lets the model read the PIN the server holds (R-SEC-1 keeps it sealed).
    this.serverKey = sha256(utf8ToBytes(`server-key:${start.seed}`));
  }

  serverPin(mobile: string): string | null {
    const holder = this.w.state.server.holders[mobile];
    if (!holder?.sealedPin) return null;
    const pin = openPin(this.serverKey, holder.sealedPin, mobile);
    if (pin === null) throw new Error(`cannot open ${mobile}'s PIN: did TestWorld's server key derivation change?`);
    return pin;
  }

  membership(who: Person, index: number): { orgId: string; server: string; username: string } {
    const list = MEMBERSHIPS[who];
    const [orgId, server, username] = list[index % list.length] as (typeof list)[number];
    return { orgId, server, username };
  }

  phoneId(who: Person): string {
    return `${who}-phone`;
  }

  /** The code the phone shows now (6 digits, 8 digits or a 9-digit unblock code), or null. */
  shownCode(who: Person): { code: string; unblockOrg: string | null } | null {
    const phoneId = this.phoneId(who);
    const screen = this.w.phone(phoneId).app.screen;
    if (screen.kind === 'online-code') return { code: screen.code, unblockOrg: null };
    if (screen.kind === 'offline-code' || screen.kind === 'unblock-offline-code') {
      // The code for the phone's time; once the screen's codes have run out, the person types the last one.
      const phoneStep = Math.floor((this.w.now + this.w.phone(phoneId).clockOffsetMs) / policy.OFFLINE_STEP_MS);
      const index = Math.min(Math.max(phoneStep - screen.firstStep, 0), screen.codes.length - 1);
      const code = screen.codes[index];
      if (code === undefined) return null;
      return { code, unblockOrg: screen.kind === 'unblock-offline-code' ? screen.orgId : null };
    }
    return null;
  }

  ubcFor(who: Person, orgId: string, choice: UbcChoice): string {
    const link = getLink(this.w.state.server, orgId, MOBILE[who]);
    switch (choice.k) {
      case 'right':
        return link?.ubc ?? '000000000';
      case 'stale': {
        const seen = MEMBERSHIPS[who].flatMap(([org]) => this.ubcsOf.get(linkId(org, MOBILE[who])) ?? []);
        return seen.length > 0 ? (seen[choice.i % seen.length] as string) : '123456789';
      }
      case 'typed':
        return choice.ubc;
    }
  }

  /**
   * `pin` when `code` is a genuine offline unblock code for the link's current UBC and `pin` in the server's window,
   * so that accepting it must set exactly that PIN. Otherwise undefined: a code that does not verify may still be
   * accepted with probability 1 in 10,000 or less (R-UBC-4), and then sets a PIN nobody chose.
   */
  genuineUnblockPin(who: Person, orgId: string, code: string, pin: string | undefined): string | undefined {
    const ubc = getLink(this.w.state.server, orgId, MOBILE[who])?.ubc;
    const device = currentDevice(this.w.state.server, MOBILE[who]);
    if (!ubc || !device || pin === undefined) return undefined;
    const steps = windowSteps(this.w.now, policy.UNBLOCK_CODE_VALIDITY_MS, policy.UNBLOCK_CODE_AHEAD_MS);
    const key = hexToBytes(device.deviceKey);
    return steps.some((step) => makeOfflineUnblockCode({ deviceKey: key, orgId, ubc, newPin: pin, step }) === code) ? pin : undefined;
  }

  /**
   * Whether the server will search the PIN space for this login (R-VER-7: an 8-digit code that is not the
   * right PIN's code in the window, at an unblocked, active link of an access server with offline codes).
   * Only used to keep the run time down; erring on "yes" costs nothing but coverage.
   */
  searchesPinSpace(orgId: string, serverId: string, username: string, code: string): boolean {
    if (!/^[0-9]{8}$/.test(code)) return false;
    const server = this.w.state.server;
    const org = server.orgs[orgId];
    if (!org || serverId === MANAGER_ACCESS_SERVER.id) return false;
    if (!org.accessServers.find((s) => s.id === serverId)?.offlineAllowed) return false;
    const mobile = lookUpUser(org, username)?.entry.mobile;
    if (!mobile) return false;
    const link = getLink(server, orgId, mobile);
    if (link?.status === 'inactive' || link?.blocked || (!link && isPinBlocked(server, mobile))) return false;
    const holder = server.holders[mobile];
    if (holder && offlineLockoutRunning(holder, this.w.now)) return false;
    const device = currentDevice(server, mobile);
    const pin = this.serverPin(mobile);
    if (!device || pin === null) return false;
    const steps = windowSteps(this.w.now, org.settings.offlineWindowBackMs, org.settings.offlineWindowAheadMs);
    return !steps.some((step) => offlineCode(hexToBytes(device.deviceKey), device.appId, pin, step) === code);
  }

  /** Runs one command, updates the model and checks every invariant. */
  exec(action: Action, command: WorldCommand, pinOnSet?: string): void {
    const pre = this.w.state;
    const before = this.w.events.length;
    const result = this.w.run(command);
    if (command.type === 'AdvanceClock' && result.ok) this.w.now += command.byMs;
    const fresh = this.w.events.slice(before);
    const post = this.w.state;
    const entry = fresh.find((e): e is Extract<WorldEvent, { type: 'EventLogged' }> => e.type === 'EventLogged')?.entry;
    const outcome = !result.ok
      ? `refused (${result.error.message})`
      : entry ? `${entry.type} ${entry.reason.kind}` : result.reply.kind === 'login' ? `login ${result.reply.accepted}` : 'ok';
    this.trace.push({ action: JSON.stringify(action), command, outcome });
    if (process.env.PROPS_STATS) {
      count(`command ${command.type} ${result.ok ? 'ok' : `refused: ${result.error.message.replace(/[0-9+]{5,}|"[^"]*"/g, '#')}`}`);
      for (const e of fresh) {
        if (e.type === 'EventLogged') count(`log ${e.entry.type} ${e.entry.reason.kind}`);
        else if (e.type === 'PinSet' || e.type === 'LinkBlocked') count(`event ${e.type} ${e.type === 'PinSet' ? e.reason : e.cause}`);
        else if (['UbcBlocked', 'UbcReplaced', 'LinkUnblocked', 'OfflineLockoutStarted', 'PinAttemptFailed'].includes(e.type)) count(`event ${e.type}`);
      }
    }

    if (command.type === 'Login') {
      const org = post.server.orgs[command.orgId];
      const who = PERSON_OF_MOBILE[(org && lookUpUser(org, command.username)?.entry.mobile) ?? ''];
      if (who) this.typed[who].push(command.code);
    }
    for (const e of fresh) {
      if (e.type === 'LinkBlocked' || e.type === 'UbcReplaced') {
        const key = linkId(e.orgId, e.mobile);
        this.ubcsOf.set(key, [...(this.ubcsOf.get(key) ?? []), e.ubc]);
      }
    }
    const screenBefore = pre.phones[command.type === 'AppSetUnblockPin' ? command.phoneId : '']?.app.screen;
    if (command.type === 'AppSetUnblockPin' && result.ok && screenBefore?.kind === 'unblock-new-pin') {
      const who = PERSON_OF_MOBILE[this.w.phone(command.phoneId).app.device?.mobile ?? ''];
      if (who) this.unblockScreenPin[who] = command.newPin;
    }

    if (this.checks) checkStep(this, pre, post, fresh, command, result, pinOnSet);

    // The person now knows the PIN the server holds (checked above against the one they chose, when known).
    for (const e of fresh) {
      if (e.type !== 'PinSet') continue;
      const who = PERSON_OF_MOBILE[e.mobile];
      const pin = this.serverPin(e.mobile);
      if (who && pin !== null) this.pins[who] = pin;
    }
  }

  fail(rule: string, detail: string): never {
    throw new InvariantError(rule, detail, this.trace);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The invariants, checked after every command.

const MAX_OUT_OF_WINDOW = policy.MAX_OFFLINE_OUT_OF_WINDOW + 1;

function checkStep(
  run: Run, pre: WorldState, post: WorldState, fresh: readonly WorldEvent[], command: WorldCommand, result: DecideResult, pinOnSet: string | undefined,
): void {
  const server = post.server;

  for (const holder of Object.values(server.holders)) {
    const links = linksOf(server, holder.mobile);
    // R-BLK-1: the PIN is blocked exactly when all of the holder's links are blocked.
    if (links.length > 0 && isPinBlocked(server, holder.mobile) !== links.every((l) => l.blocked)) {
      run.fail('R-BLK-1', `isPinBlocked(${holder.mobile}) is ${isPinBlocked(server, holder.mobile)} but links are ${describeLinks(links)}`);
    }
    // Counters stay within 0..max.
    counter(run, `${holder.mobile} pinFailures`, holder.pinFailures, policy.MAX_PIN_ATTEMPTS);
    counter(run, `${holder.mobile} offlineOutOfWindow`, holder.offlineOutOfWindow, MAX_OUT_OF_WINDOW);
    // R-BLK-1: the 3rd wrong PIN in a row blocks every link; only an unblock with a new PIN resets the count.
    if (links.length > 0 && holder.pinFailures >= policy.MAX_PIN_ATTEMPTS && !links.every((l) => l.blocked)) {
      run.fail('R-BLK-1', `${holder.mobile} has ${holder.pinFailures} wrong PINs in a row but links are ${describeLinks(links)}`);
    }
  }

  for (const link of Object.values(server.links)) {
    const name = `link ${link.orgId}/${link.mobile}`;
    counter(run, `${name} codeFailures`, link.codeFailures, policy.MAX_CODE_ATTEMPTS);
    counter(run, `${name} ubcFailures`, link.ubcFailures, policy.MAX_UBC_ATTEMPTS);
    // R-UBC-3: the 3rd wrong entry blocks the UBC, and a blocked UBC takes no 4th.
    if (link.ubcBlocked !== (link.ubcFailures === policy.MAX_UBC_ATTEMPTS)) {
      run.fail('R-UBC-3', `${name} has ubcBlocked=${link.ubcBlocked} with ubcFailures=${link.ubcFailures}; expected blocked exactly at ${policy.MAX_UBC_ATTEMPTS}`);
    }
  }

  const outstanding = new Set<string>();
  for (const link of Object.values(server.links)) {
    const name = `link ${link.orgId}/${link.mobile}`;
    // R-UBC-1: a blocked link has its own UBC, unique among outstanding ones; an unblocked link has none (R-UBC-2: spent).
    if (link.blocked !== (link.ubc !== null) || link.blocked !== (link.blockCause !== null)) {
      run.fail('R-UBC-1', `${name} has blocked=${link.blocked}, ubc=${link.ubc}, blockCause=${link.blockCause}`);
    }
    if (link.ubc !== null) {
      if (outstanding.has(link.ubc)) run.fail('R-UBC-1', `UBC ${link.ubc} is outstanding on two links`);
      outstanding.add(link.ubc);
    }
  }

  if (command.type === 'Login') {
    // R-VER-8: a login attempt writes exactly one event-log entry; R-SEC-2: the page learns only accepted or not.
    const entries = fresh.flatMap((e) => (e.type === 'EventLogged' && e.entry.accessServerId !== null ? [e.entry] : []));
    if (result.ok) {
      if (entries.length !== 1) run.fail('R-VER-8', `a login wrote ${entries.length} access entries: ${JSON.stringify(entries)}`);
      const granted = entries[0]?.type === 'Access_Granted' || entries[0]?.type === 'Access_Granted_Offline';
      if (result.reply.kind !== 'login' || result.reply.accepted !== granted) {
        run.fail('R-SEC-2', `login replied ${JSON.stringify(result.reply)} for a ${entries[0]?.type} entry`);
      }
    } else if (entries.length !== 0) {
      run.fail('R-VER-8', `a refused login (${result.error.message}) wrote ${entries.length} access entries`);
    }
  }

  checkSpentOnce(run, pre, post, fresh, command, pinOnSet);
  appendOnly(run, 'eventLog', pre.server.eventLogCount, server.eventLogCount, fresh.flatMap((e) => (e.type === 'EventLogged' ? [e.entry] : [])));
  appendOnly(run, 'auditLog', pre.server.auditLogCount, server.auditLogCount, fresh.flatMap((e) => (e.type === 'AuditRecorded' ? [e.entry] : [])));
}

function describeLinks(links: readonly Link[]): string {
  return links.map((l) => `${l.orgId}:${l.blocked ? 'blocked' : 'open'}`).join(', ');
}

function counter(run: Run, name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) run.fail('counters', `${name} is ${value}, expected a whole number in 0..${max}`);
}

/** R-SEC-3: no code is granted twice to a holder, and no UBC unblocks twice. Also checks the PIN an unblock set. */
function checkSpentOnce(run: Run, preWorld: WorldState, postWorld: WorldState, fresh: readonly WorldEvent[], command: WorldCommand, pinOnSet: string | undefined): void {
  const pre = preWorld.server;
  const post = postWorld.server;
  for (const e of fresh) {
    if (e.type === 'OnlineCodeIssued') run.granted.delete(`${e.mobile} ${e.code}`); // a new code that happens to have the digits of an old one
  }
  for (const e of fresh) {
    if (e.type !== 'EventLogged' || (e.entry.type !== 'Access_Granted' && e.entry.type !== 'Access_Granted_Offline')) continue;
    if (command.type !== 'Login') run.fail('R-VER-8', `a grant was logged for ${command.type}, not a login`);
    const key = `${e.entry.mobile} ${command.code}`;
    if (run.granted.has(key)) {
      run.fail('R-SEC-3', `code ${command.code} was granted a second time to ${e.entry.mobile} (${e.entry.type} ${e.entry.reason.kind} at ${command.orgId}/${command.accessServerId})`);
    }
    run.granted.add(key);
  }

  for (const e of fresh) {
    if (e.type !== 'LinkUnblocked') continue;
    const before = getLink(pre, e.orgId, e.mobile);
    const after = getLink(post, e.orgId, e.mobile);
    const name = `link ${e.orgId}/${e.mobile}`;
    if (!before?.blocked || before.ubc === null) run.fail('R-UBC-2', `${name} was unblocked but had no outstanding UBC (before: ${JSON.stringify(before)})`);
    if (before.ubcBlocked) run.fail('R-UBC-3', `${name} was unblocked with a blocked UBC`);
    if (run.spentUbcs.has(before.ubc)) run.fail('R-SEC-3', `UBC ${before.ubc} unblocked ${name} but had unblocked a link before`);
    run.spentUbcs.add(before.ubc);
    if (after?.ubc === before.ubc) run.fail('R-SEC-3', `UBC ${before.ubc} is still outstanding on ${name} after it unblocked it`);
    // R-UBC-2: online, only the right UBC unblocks (offline, R-UBC-4 allows a 1-in-10,000 false accept, so not checked).
    const typed = command.type === 'AppEnterUbc' ? command.ubc : command.type === 'AppSetUnblockPin' ? unblockScreenUbc(command.phoneId, preWorld) : null;
    if (typed !== null && typed !== before.ubc) run.fail('R-UBC-2', `${name} was unblocked online with UBC ${typed}, but its UBC was ${before.ubc}`);
  }

  // R-UBC-2, R-UBC-4, R-OTP-4: a PIN the server sets is the one the person chose.
  for (const e of fresh) {
    if (e.type !== 'PinSet' || pinOnSet === undefined) continue;
    const stored = run.serverPin(e.mobile);
    if (stored !== pinOnSet) run.fail(e.reason === 'offline-unblock' ? 'R-UBC-4' : e.reason === 'unblock' ? 'R-UBC-2' : 'R-OTP-4', `PinSet (${e.reason}) stored ${stored}, the person chose ${pinOnSet}`);
  }
}

/** The UBC the app sends with AppSetUnblockPin: the one kept on its unblock-new-pin screen before the command. */
function unblockScreenUbc(phoneId: string, pre: WorldState): string | null {
  const screen = pre.phones[phoneId]?.app.screen;
  return screen?.kind === 'unblock-new-pin' ? screen.ubc : null;
}

/** R-SEC-5: a log only grows by appending; entries are numbered 1, 2, 3... */
/** R-SEC-5: a log only grows, by exactly the entries this command appended, numbered on from the count before. */
function appendOnly(run: Run, name: string, before: number, after: number, added: readonly (EventLogEntry | AuditEntry)[]): void {
  if (after !== before + added.length) run.fail('R-SEC-5', `${name} went from ${before} to ${after} entries with ${added.length} appended`);
  added.forEach((entry, i) => {
    if (entry.seq !== before + i + 1) run.fail('R-SEC-5', `${name} entry numbered ${entry.seq}, expected ${before + i + 1}`);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Actions to commands.

function perform(run: Run, action: Action, options: ScenarioOptions): void {
  const w = run.w;
  switch (action.a) {
    case 'EnterPin':
      return run.exec(action, { type: 'AppEnterPin', phoneId: run.phoneId(action.who), pin: action.pin === 'right' ? run.pins[action.who] : action.pin });
    case 'ChangePin': {
      const current = action.current === 'right' ? run.pins[action.who] : action.current;
      return run.exec(action, { type: 'AppChangePin', phoneId: run.phoneId(action.who), currentPin: current, newPin: action.newPin, repeat: action.newPin }, action.newPin);
    }
    case 'Login':
      return login(run, action, options);
    case 'Online':
      return run.exec(action, { type: 'SetPhoneOnline', phoneId: run.phoneId(action.who), online: action.on });
    case 'Advance':
      return run.exec(action, { type: 'AdvanceClock', byMs: action.ms });
    case 'Offset':
      return run.exec(action, { type: 'SetPhoneClockOffset', phoneId: run.phoneId(action.who), offsetMs: action.ms });
    case 'Manager': {
      const adminOrg = ADMINS.find(([id]) => id === action.by)?.[1] ?? 'acme';
      const orgId = action.foreign ? (ORGS.find((o) => o !== adminOrg) as string) : adminOrg;
      const base = { by: action.by, orgId, mobile: MOBILE[action.target] };
      const command: WorldCommand = action.op === 'SetUserStatus' ? { type: 'SetUserStatus', ...base, status: action.status } : { type: action.op, ...base };
      return run.exec(action, command);
    }
    case 'OpenUnblock':
      return run.exec(action, { type: 'AppOpenUnblock', phoneId: run.phoneId(action.who) });
    case 'ChooseOrg':
      return run.exec(action, { type: 'AppChooseUnblockOrg', phoneId: run.phoneId(action.who), orgId: run.membership(action.who, action.org).orgId });
    case 'EnterUbc': {
      const screen = w.phone(run.phoneId(action.who)).app.screen;
      const orgId = screen.kind === 'unblock-ubc' ? screen.orgId : run.membership(action.who, 0).orgId;
      return run.exec(action, { type: 'AppEnterUbc', phoneId: run.phoneId(action.who), ubc: run.ubcFor(action.who, orgId, action.ubc) });
    }
    case 'SetUnblockPin':
      return run.exec(
        action,
        { type: 'AppSetUnblockPin', phoneId: run.phoneId(action.who), newPin: action.pin, repeat: action.typo ? mistype(action.pin) : action.pin },
        action.pin,
      );
    case 'UnblockFlow':
      return unblockFlow(run, action);
    case 'DriftBurst':
      return driftBurst(run, action);
    case 'Reactivate': {
      const phoneId = run.phoneId(action.who);
      run.exec(action, { type: 'AppReset', phoneId });
      if (!w.phone(phoneId).online) run.exec(action, { type: 'SetPhoneOnline', phoneId, online: true });
      run.exec(action, { type: 'AppStartActivation', phoneId, mobile: MOBILE[action.who] });
      run.exec(action, { type: 'AppConfirmSms', phoneId, smsCode: w.phone(phoneId).inbox.at(-1)?.code ?? '000000' });
      const pin = run.pins[action.who];
      if (w.phone(phoneId).app.screen.kind === 'first-pin') run.exec(action, { type: 'AppSetFirstPin', phoneId, pin, repeat: pin }, pin);
      return;
    }
    case 'OfflineCode': {
      // R-OTP-2: offline the app shows a code for whatever PIN was typed; the server finds a wrong one (R-VER-7).
      const phoneId = run.phoneId(action.who);
      const wasOnline = w.phone(phoneId).online;
      if (wasOnline) run.exec(action, { type: 'SetPhoneOnline', phoneId, online: false });
      run.exec(action, { type: 'AppEnterPin', phoneId, pin: action.pin === 'right' ? run.pins[action.who] : action.pin });
      login(run, { a: 'Login', who: action.who, org: action.org, via: 'own', code: { k: 'shown', fallback: '000000' }, search: action.search }, options);
      if (action.back) run.exec(action, { type: 'SetPhoneOnline', phoneId, online: true });
      return;
    }
    case 'UnblockCodeLogin': {
      const m = run.membership(action.who, action.org);
      const phoneId = run.phoneId(action.who);
      if (!w.phone(phoneId).app.device) return; // the app was reset and not activated again
      const code = run.w.unblockCodeFor(phoneId, m.orgId, run.ubcFor(action.who, m.orgId, action.ubc), action.pin, Math.max(0, w.now - action.stepsBack * policy.OFFLINE_STEP_MS));
      return run.exec(action, { type: 'Login', orgId: m.orgId, accessServerId: m.server, username: m.username, code }, run.genuineUnblockPin(action.who, m.orgId, code, action.pin));
    }
  }
}

function mistype(pin: string): string {
  return pin.slice(0, 3) + String((Number(pin[3]) + 1) % 10);
}

const FOREIGN: readonly (readonly [string, string])[] = [['bank', 'alice'], ['city', 'dave'], ['acme', 'nomobile'], ['acme', 'mallory']];

function login(run: Run, action: Extract<Action, { a: 'Login' }>, options: ScenarioOptions): void {
  const who = action.who;
  let orgId: string;
  let username: string;
  let server: string;
  if (action.org === 'foreign') {
    const [org, user] = FOREIGN[PERSONS.indexOf(who)] ?? FOREIGN[0]!;
    orgId = org;
    username = user;
    server = org === 'acme' ? 'vpn' : org === 'bank' ? 'vpn' : 'web';
  } else {
    const m = run.membership(who, action.org);
    orgId = m.orgId;
    username = m.username;
    server = m.server;
  }
  let code: string;
  let pinOnSet: string | undefined;
  switch (action.code.k) {
    case 'shown': {
      const shown = run.shownCode(who);
      code = shown?.code ?? action.code.fallback;
      if (shown?.unblockOrg) {
        // The 9-digit unblock code is typed at the org being unblocked (R-UBC-4).
        const m = MEMBERSHIPS[who].find(([org]) => org === shown.unblockOrg);
        if (m && action.org !== 'foreign') [orgId, server, username] = m;
        pinOnSet = run.genuineUnblockPin(who, orgId, code, run.unblockScreenPin[who]);
      }
      break;
    }
    case 'replay': {
      const typed = run.typed[who];
      code = typed.length > 0 ? (typed[action.code.i % typed.length] as string) : '000000';
      break;
    }
    case 'typed':
      code = action.code.code;
      break;
  }
  if (action.via === 'other') server = orgId === 'acme' ? 'portal' : MANAGER_ACCESS_SERVER.id;
  if (action.via === 'manager') server = MANAGER_ACCESS_SERVER.id;
  if (run.searchesPinSpace(orgId, server, username, code)) {
    if (process.env.PROPS_STATS) count(action.search ? 'PIN-space searches' : 'PIN-space searches avoided');
    // Keeps the run fast: Manager's login refuses offline codes without a search (R-VER-7).
    if (!action.search) server = MANAGER_ACCESS_SERVER.id;
  }
  run.exec(action, { type: 'Login', orgId, accessServerId: server, username, code }, pinOnSet);
}

/** R-UBC-2 / R-UBC-4 as a person does it: open, choose a blocked org, type the UBC, a new PIN if asked, and log in offline. */
function unblockFlow(run: Run, action: Extract<Action, { a: 'UnblockFlow' }>): void {
  const blockedOf = (p: Person) => MEMBERSHIPS[p].filter(([org]) => getLink(run.w.state.server, org, MOBILE[p])?.blocked);
  const first = PERSONS.indexOf(action.who);
  const who = PERSONS.map((_, i) => PERSONS[(first + i) % PERSONS.length] as Person).find((p) => blockedOf(p).length > 0) ?? action.who;
  const phoneId = run.phoneId(who);
  run.exec(action, { type: 'AppOpenUnblock', phoneId });
  const blocked = blockedOf(who);
  if (blocked.length === 0) return; // nobody is blocked: the person looks and goes back
  const [orgId, server, username] = blocked[action.org % blocked.length] as (typeof blocked)[number];
  const admin = orgId === 'acme' ? 'acme-useradmin' : orgId === 'bank' ? 'bank-useradmin' : 'city-useradmin';
  const base = { by: admin, orgId, mobile: MOBILE[who] };
  run.exec(action, { type: 'AppChooseUnblockOrg', phoneId, orgId });
  for (const ubc of action.ubcs) {
    if (run.w.phone(phoneId).app.screen.kind !== 'unblock-ubc') break;
    if (action.admin && getLink(run.w.state.server, orgId, MOBILE[who])?.ubcBlocked) run.exec(action, { type: 'GenerateNewUbc', ...base });
    if (action.admin && ubc.k === 'right') run.exec(action, { type: 'DisplayUbc', ...base });
    run.exec(action, { type: 'AppEnterUbc', phoneId, ubc: run.ubcFor(who, orgId, ubc) });
  }
  if (run.w.phone(phoneId).app.screen.kind !== 'unblock-new-pin') return;
  run.exec(action, { type: 'AppSetUnblockPin', phoneId, newPin: action.pin, repeat: action.pin }, action.pin);
  const shown = run.shownCode(who);
  if (!shown?.unblockOrg) return;
  run.exec(action, { type: 'Login', orgId, accessServerId: server, username, code: shown.code }, run.genuineUnblockPin(who, orgId, shown.code, action.pin));
}

/** R-OFF-1: more than 10 right-PIN offline codes from a drifted phone start a lockout; an administrator may end it. */
function driftBurst(run: Run, action: Extract<Action, { a: 'DriftBurst' }>): void {
  const who = action.who;
  const phoneId = run.phoneId(who);
  run.exec(action, { type: 'SetPhoneClockOffset', phoneId, offsetMs: action.ms });
  if (!action.search || !run.w.phone(phoneId).app.device) return;
  const offline = MEMBERSHIPS[who].filter(([orgId, server]) => run.w.state.server.orgs[orgId]?.accessServers.find((s) => s.id === server)?.offlineAllowed);
  const [orgId, server, username] = offline[action.org % offline.length] as (typeof offline)[number];
  for (let i = 0; i < action.n; i++) {
    if (process.env.PROPS_STATS) count('PIN-space searches (drift)');
    run.exec(action, { type: 'Login', orgId, accessServerId: server, username, code: run.w.offlineCodeFor(phoneId, run.pins[who]) });
  }
  const admin = orgId === 'acme' ? 'acme-useradmin' : 'bank-useradmin';
  if (action.unlock) run.exec(action, { type: 'OfflineUnlock', by: admin, orgId, mobile: MOBILE[who] });
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points for the properties.

/** Runs a scenario from the start world, checking every invariant after every command and the replay at the end. */
export function runChecked(start: WorldSnapshot, scenario: Scenario, options: ScenarioOptions): void {
  const run = new Run(start, true);
  for (const action of scenario.actions) perform(run, action, options);
  checkPinsKnown(run);
  // Replay: folding the journal again from an empty world gives the same state.
  const replayed = run.w.replay();
  const a = JSON.stringify(replayed);
  const b = JSON.stringify(run.w.state);
  if (a !== b) run.fail('replay', `the journal folded again differs from the state the commands left:\n${firstDifference(replayed, run.w.state)}`);
}

/** Runs a scenario without checks and returns the events it added and the final state, serialized. */
export function runPlain(start: WorldSnapshot, scenario: Scenario, options: ScenarioOptions): { events: string; state: string; trace: string } {
  const run = new Run(start, false);
  for (const action of scenario.actions) perform(run, action, options);
  return {
    events: JSON.stringify(run.w.events.slice(start.events.length)),
    state: JSON.stringify(run.w.state),
    trace: run.trace.map((s) => JSON.stringify(s.command)).join('\n'),
  };
}

/** The model's PINs follow the server's; a drift would be a bug in this file, not in the product. */
function checkPinsKnown(run: Run): void {
  for (const person of PERSONS) {
    const pin = run.serverPin(MOBILE[person]);
    if (pin !== null && pin !== run.pins[person]) throw new Error(`test model lost track of ${person}'s PIN (${run.pins[person]} vs ${pin})`);
  }
}

function firstDifference(a: unknown, b: unknown, path = 'state'): string {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: replayed ${JSON.stringify(a)?.slice(0, 300)} vs live ${JSON.stringify(b)?.slice(0, 300)}`;
}
