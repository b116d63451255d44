// R-SEC-1: two sandboxes from one seed (after a reset, or one imported from the other's export) that then diverge.
// Runs random command sequences on each through the runtime's `append` and collects every (nonce, AAD, plaintext)
// sealed under the seed's server key: PinSet events (the PIN vault) and PIN fields of journaled commands.
import fc from 'fast-check';
import { serverKeyFor } from '../../../src/runtime/journal';
import { append } from '../../../src/runtime/append';
import type { Entry, Head } from '../../../src/runtime/journal';
import { defaultJournal } from '../../../src/runtime/default-journal';
import { DEFAULT_PEOPLE } from '../../../src/runtime/default-world';
import { openCommand, sealedVersion, SEALED_V2_PREFIX } from '../../../src/runtime/command-secrets';
import { openPin } from '../../../src/domain/crypto/pin-vault';
import { getLink } from '../../../src/domain';
import type { WorldCommand, WorldState } from '../../../src/domain';

export const PEOPLE = ['ingrid', 'ola', 'kari', 'per', 'lars'] as const;
export type Who = (typeof PEOPLE)[number];

/** A PIN in each sandbox: `pin` in the left one, and in the right one too unless it mirrors the left with `alt`. */
export interface TwoPins {
  pin: string;
  alt: string;
}

export type Action =
  | { a: 'EnterPin'; who: Who; right: boolean; pin: TwoPins }
  | { a: 'ChangePin'; who: Who; rightCurrent: boolean; current: TwoPins; newPin: TwoPins; typo: boolean }
  /** Three wrong PINs in a row: R-BLK-1 blocks the PIN, so an unblock needs a new one (R-UBC-2). */
  | { a: 'WrongPins'; who: Who; pin: TwoPins }
  | { a: 'ManagerBlock'; who: Who; org: number }
  | { a: 'Unblock'; who: Who; org: number; rightUbc: boolean; ubc: string; newPin: TwoPins; typo: boolean }
  /** R-ACT-1..3: reset the app, activate it again and set a first PIN when the server asks for one. */
  | { a: 'Activate'; who: Who; pin: TwoPins }
  | { a: 'Wait'; ms: number };

/** The common past of both sandboxes, then what each did on its own; `mirror`: the right one did the same with other PINs. */
export interface Divergence {
  seed: string;
  common: Action[];
  left: Action[];
  right: { mirror: true } | { mirror: false; actions: Action[] };
}

const digits4 = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
/** Often the same PIN on both sides (a seal that must come out identical), often two different ones. */
const twoPins: fc.Arbitrary<TwoPins> = fc.oneof(
  { arbitrary: digits4.map((pin) => ({ pin, alt: pin })), weight: 1 },
  { arbitrary: fc.tuple(digits4, digits4).map(([pin, alt]) => ({ pin, alt })), weight: 3 },
);
const who = fc.constantFrom(...PEOPLE);

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ a: fc.constant('EnterPin' as const), who, right: fc.boolean(), pin: twoPins }), weight: 4 },
  {
    arbitrary: fc.record({ a: fc.constant('ChangePin' as const), who, rightCurrent: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }), current: twoPins, newPin: twoPins, typo: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }) }),
    weight: 8,
  },
  { arbitrary: fc.record({ a: fc.constant('WrongPins' as const), who, pin: twoPins }), weight: 2 },
  { arbitrary: fc.record({ a: fc.constant('ManagerBlock' as const), who, org: fc.nat(2) }), weight: 1 },
  {
    arbitrary: fc.record({ a: fc.constant('Unblock' as const), who, org: fc.nat(2), rightUbc: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }), ubc: fc.integer({ min: 0, max: 999_999_999 }).map((n) => String(n).padStart(9, '0')), newPin: twoPins, typo: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }) }),
    weight: 4,
  },
  { arbitrary: fc.record({ a: fc.constant('Activate' as const), who, pin: twoPins }), weight: 2 },
  { arbitrary: fc.record({ a: fc.constant('Wait' as const), ms: fc.integer({ min: 1, max: 600_000 }) }), weight: 1 },
);

export function divergenceArb(options: { seeds: readonly string[]; maxCommon: number; maxEach: number }): fc.Arbitrary<Divergence> {
  return fc.record({
    seed: fc.constantFrom(...options.seeds),
    common: fc.array(actionArb, { maxLength: options.maxCommon }),
    left: fc.array(actionArb, { minLength: 1, maxLength: options.maxEach }),
    right: fc.oneof(
      { arbitrary: fc.constant({ mirror: true as const }), weight: 2 },
      { arbitrary: fc.array(actionArb, { minLength: 1, maxLength: options.maxEach }).map((actions) => ({ mirror: false as const, actions })), weight: 1 },
    ),
  });
}

const ADMIN_OF: Readonly<Record<string, string>> = { acme: 'acme-ulf', northbank: 'northbank-berit', fjord: 'fjord-tor' };
const person = (w: Who) => {
  const found = DEFAULT_PEOPLE.find((p) => p.personId === w);
  if (!found) throw new Error(`the default world has no ${w}`);
  return found;
};
const mistype = (pin: string): string => pin.slice(0, 3) + String((Number(pin[3]) + 1) % 10);

/** The default world of a seed, built once per seed (it is the same for every run). */
const worlds = new Map<string, ReturnType<typeof defaultJournal>>();
function defaultWorld(seed: string): ReturnType<typeof defaultJournal> {
  let world = worlds.get(seed);
  if (!world) {
    world = defaultJournal(seed, 0);
    worlds.set(seed, world);
  }
  return world;
}

/** One sandbox's journal, grown through the runtime's `append` at a server time that only moves forward. */
export class JournalRun {
  readonly key: Uint8Array;
  readonly entries: Entry[];
  state: WorldState;
  head: Head;
  at: number;

  constructor(readonly seed: string, from?: JournalRun) {
    this.key = serverKeyFor(seed);
    if (from) {
      this.entries = [...from.entries];
      this.state = from.state;
      this.head = from.head;
      this.at = from.at;
    } else {
      const world = defaultWorld(seed);
      this.entries = [...world.entries];
      this.state = world.state;
      const last = world.entries.at(-1);
      this.head = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: '0'.repeat(64) };
      this.at = last?.at ?? 0;
    }
  }

  run(command: WorldCommand): void {
    this.at += 1_000;
    const result = append(this.state, this.head, command, this.at, this.seed, this.key);
    if (!result.ok) return; // refused with no events: not journaled, like the sandbox does
    this.entries.push(result.entry);
    this.state = result.state;
    this.head = { seq: result.entry.seq, hash: result.entry.hash };
  }

  /** The holder's PIN as the server holds it (opened with the seed's key), or null. */
  serverPin(w: Who): string | null {
    const { mobile } = person(w);
    const sealed = this.state.server.holders[mobile]?.sealedPin;
    return sealed ? openPin(this.key, sealed, mobile) : null;
  }

  screen(w: Who): string | undefined {
    return this.state.phones[`${w}-phone`]?.app.screen.kind;
  }
}

/** Runs one action; `side` picks the PIN of a TwoPins (the right sandbox of a mirrored divergence uses `alt`). */
export function perform(run: JournalRun, action: Action, side: 'pin' | 'alt'): void {
  if (action.a === 'Wait') {
    run.at += action.ms;
    return;
  }
  const p = person(action.who);
  const phoneId = `${action.who}-phone`;
  const orgs = Object.keys(p.usernames);
  const orgAt = (i: number): string => orgs[i % orgs.length] ?? 'acme';
  switch (action.a) {
    case 'EnterPin': {
      run.run({ type: 'AppEnterPin', phoneId, pin: action.right ? (run.serverPin(action.who) ?? action.pin[side]) : action.pin[side] });
      run.run({ type: 'AppBack', phoneId });
      return;
    }
    case 'WrongPins': {
      const right = run.serverPin(action.who);
      const wrong = action.pin[side] === right ? mistype(action.pin[side]) : action.pin[side];
      for (let i = 0; i < 3; i++) run.run({ type: 'AppEnterPin', phoneId, pin: wrong });
      run.run({ type: 'AppBack', phoneId });
      return;
    }
    case 'ChangePin': {
      const current = action.rightCurrent ? (run.serverPin(action.who) ?? action.current[side]) : action.current[side];
      const newPin = action.newPin[side];
      run.run({ type: 'AppOpenChangePin', phoneId });
      run.run({ type: 'AppChangePin', phoneId, currentPin: current, newPin, repeat: action.typo ? mistype(newPin) : newPin });
      run.run({ type: 'AppBack', phoneId });
      return;
    }
    case 'ManagerBlock': {
      const orgId = orgAt(action.org);
      run.run({ type: 'BlockPin', by: ADMIN_OF[orgId] ?? 'acme-ulf', orgId, mobile: p.mobile });
      return;
    }
    case 'Unblock': {
      run.run({ type: 'AppOpenUnblock', phoneId });
      const blocked = orgs.filter((orgId) => getLink(run.state.server, orgId, p.mobile)?.blocked);
      const orgId = blocked.length > 0 ? (blocked[action.org % blocked.length] ?? orgAt(action.org)) : orgAt(action.org);
      run.run({ type: 'AppChooseUnblockOrg', phoneId, orgId });
      const ubc = action.rightUbc ? (getLink(run.state.server, orgId, p.mobile)?.ubc ?? action.ubc) : action.ubc;
      run.run({ type: 'AppEnterUbc', phoneId, ubc });
      if (run.screen(action.who) === 'unblock-new-pin') {
        const newPin = action.newPin[side];
        run.run({ type: 'AppSetUnblockPin', phoneId, newPin, repeat: action.typo ? mistype(newPin) : newPin });
      }
      run.run({ type: 'AppBack', phoneId });
      return;
    }
    case 'Activate': {
      run.run({ type: 'AppReset', phoneId });
      run.run({ type: 'AppStartActivation', phoneId, mobile: p.mobile });
      const sms = run.state.phones[phoneId]?.inbox.at(-1)?.code ?? '000000';
      run.run({ type: 'AppConfirmSms', phoneId, smsCode: sms });
      if (run.screen(action.who) === 'first-pin') {
        const pin = action.pin[side];
        run.run({ type: 'AppSetFirstPin', phoneId, pin, repeat: pin });
      }
      return;
    }
  }
}

/** Both journals of a divergence: the common past, then each side's own commands. */
export function diverge(d: Divergence): { left: JournalRun; right: JournalRun } {
  const common = new JournalRun(d.seed);
  for (const action of d.common) perform(common, action, 'pin');
  const left = new JournalRun(d.seed, common);
  const right = new JournalRun(d.seed, common);
  for (const action of d.left) perform(left, action, 'pin');
  if (d.right.mirror) for (const action of d.left) perform(right, action, 'alt');
  else for (const action of d.right.actions) perform(right, action, 'pin');
  return { left, right };
}

/** One value sealed under the server key: where, its nonce, the AAD it was sealed with and its plaintext. */
export interface Sealing {
  where: string;
  seq: number;
  nonce: string;
  aad: string;
  plaintext: string;
}

const PIN_FIELDS = ['pin', 'repeat', 'newPin', 'currentPin'] as const;

/**
 * Every sealing in a journal: PinSet events (opened with openPin) and PIN fields of commands (opened with
 * openCommand). Throws when one does not open, or when a command sealed by this version is not v2.
 */
export function sealings(run: JournalRun, label: string, firstNewSeq: number): Sealing[] {
  const out: Sealing[] = [];
  for (const entry of run.entries) {
    for (const event of entry.events) {
      if (event.type !== 'PinSet') continue;
      const plaintext = openPin(run.key, event.sealedPin, event.mobile);
      if (plaintext === null) throw new Error(`${label} entry ${entry.seq}: a PinSet does not open`);
      out.push({ where: `${label} entry ${entry.seq} PinSet ${event.mobile}`, seq: entry.seq, nonce: event.sealedPin.nonce, aad: `vault\n${event.mobile}`, plaintext });
    }
    const fields = entry.command as Record<string, unknown>; // PIN fields by name, whatever the command type: WorldCommand has no index signature
    if (!PIN_FIELDS.some((f) => typeof fields[f] === 'string')) continue;
    const opened = openCommand(entry.command, run.key, entry.seq);
    if (!opened) throw new Error(`${label} entry ${entry.seq}: a sealed command field does not open`);
    const plain = opened as Record<string, unknown>; // the same: read the opened fields by name
    for (const f of PIN_FIELDS) {
      const value = fields[f];
      const plaintext = plain[f];
      if (typeof value !== 'string' || typeof plaintext !== 'string') continue;
      if (entry.seq >= firstNewSeq && sealedVersion(value) !== 2) throw new Error(`${label} entry ${entry.seq}: ${f} is not sealed as v2: ${value.slice(0, 12)}`);
      out.push({ where: `${label} entry ${entry.seq} ${entry.command.type}.${f}`, seq: entry.seq, nonce: value.slice(SEALED_V2_PREFIX.length, SEALED_V2_PREFIX.length + 48), aad: `journal\n${entry.command.type}\n${f}\n${entry.seq}`, plaintext });
    }
  }
  return out;
}

/**
 * R-SEC-1: the first nonce that seals two different things under the key (a different plaintext, or the same
 * plaintext with another AAD, which would reuse Poly1305's one-time key), or null.
 */
export function nonceReuse(all: readonly Sealing[]): string | null {
  const seen = new Map<string, Sealing>();
  for (const s of all) {
    const before = seen.get(s.nonce);
    if (!before) {
      seen.set(s.nonce, s);
      continue;
    }
    if (before.plaintext !== s.plaintext || before.aad !== s.aad) {
      return `nonce ${s.nonce} seals "${before.plaintext}" (${before.where}) and "${s.plaintext}" (${s.where})`;
    }
  }
  return null;
}

/** Counts across runs, to see that the property is not vacuous. */
export interface Coverage {
  runs: number;
  /** PinSet events after the default world (in either sandbox). */
  newPinSets: number;
  /** Places (entry and event or field) where both sandboxes sealed, but different PINs: PinSet events, command fields. */
  samePlaceDifferentPin: { vault: number; journal: number };
}

export function newCoverage(): Coverage {
  return { runs: 0, newPinSets: 0, samePlaceDifferentPin: { vault: 0, journal: 0 } };
}

/** Runs a divergence and checks the promise; throws with both sealings when a nonce is reused. */
export function checkDivergence(d: Divergence, coverage: Coverage): void {
  const { left, right } = diverge(d);
  const firstNewSeq = defaultWorld(d.seed).entries.length + 1;
  const a = sealings(left, 'left', firstNewSeq);
  const b = sealings(right, 'right', firstNewSeq);
  const reuse = nonceReuse([...a, ...b]);
  if (reuse) throw new Error(`R-SEC-1: ${reuse}`);
  coverage.runs += 1;
  coverage.newPinSets += [...a, ...b].filter((s) => s.where.includes(' PinSet ') && s.seq >= firstNewSeq).length;
  const place = (s: Sealing): string => s.where.replace(/^(left|right) /, '');
  const leftAt = new Map(a.map((s) => [place(s), s.plaintext]));
  for (const s of b) {
    if (!leftAt.has(place(s)) || leftAt.get(place(s)) === s.plaintext) continue;
    if (s.where.includes(' PinSet ')) coverage.samePlaceDifferentPin.vault += 1;
    else coverage.samePlaceDifferentPin.journal += 1;
  }
}
