// Determinism: the same seed, wall clock and commands give the same journal and hash chain; another seed gives other random values.
import { describe, it, expect } from 'vitest';
import { exportSandbox } from '../../src/runtime/sandboxes';
import type { WorldCommand, WorldEvent, WorldState } from '../../src/domain';
import { DEFAULT_PEOPLE } from '../../src/runtime/default-world';
import { defaultSandbox, freshDb, WallClock, expectDefined, DEFAULT_WORLD_ENTRIES } from './support/fixture';

const INGRID = expectDefined(DEFAULT_PEOPLE.find((p) => p.personId === 'ingrid'), 'ingrid');
const OLA = expectDefined(DEFAULT_PEOPLE.find((p) => p.personId === 'ola'), 'ola');

/** A session that uses randomness: an online code, a Manager block (a UBC), a new person's activation (SMS code, device key, App-ID). */
const SESSION: readonly { afterMs: number; command: WorldCommand | ((state: WorldState) => WorldCommand) }[] = [
  { afterMs: 1_000, command: { type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: expectDefined(INGRID.pin, 'pin') } },
  { afterMs: 2_500, command: { type: 'AppBack', phoneId: 'ingrid-phone' } },
  { afterMs: 0, command: { type: 'BlockPin', by: 'acme-ulf', orgId: 'acme', mobile: INGRID.mobile } },
  { afterMs: 700, command: { type: 'BlockPin', by: 'northbank-berit', orgId: 'northbank', mobile: OLA.mobile } },
  { afterMs: 100, command: { type: 'SetClockSpeed', speed: 60 } },
  { afterMs: 1_000, command: { type: 'AppStartActivation', phoneId: 'lars-phone', mobile: '+4791234505' } },
  // Lars confirms with the SMS code that reached his phone.
  { afterMs: 4_000, command: (state) => ({ type: 'AppConfirmSms', phoneId: 'lars-phone', smsCode: expectDefined(state.phones['lars-phone']?.inbox.at(-1), 'SMS to lars').code }) },
  { afterMs: 3_000, command: { type: 'AppEnterPin', phoneId: 'ola-phone', pin: '0000' } },
  { afterMs: 250, command: { type: 'AdvanceClock', byMs: 900_000 } },
];

/** Creates a sandbox from `seed` in a database of its own and runs the session against it with its own (identical) wall clock. */
async function run(seed: string) {
  const { db, id, sandbox, wall } = await defaultSandbox({ seed, db: freshDb('det'), wall: new WallClock() });
  for (const step of SESSION) {
    wall.advance(step.afterMs);
    const command = typeof step.command === 'function' ? step.command(sandbox.state) : step.command;
    const result = await sandbox.dispatch(command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
  }
  return { entries: (await exportSandbox(db, id, wall.now)).entries, state: sandbox.state };
}

function eventsOf<T extends WorldEvent['type']>(events: readonly WorldEvent[], type: T): Extract<WorldEvent, { type: T }>[] {
  return events.filter((e): e is Extract<WorldEvent, { type: T }> => e.type === type);
}

describe('two sandboxes from the same seed', () => {
  it('given the same commands at the same wall times, have identical journals and hash chains', async () => {
    const [a, b] = await Promise.all([run('same-seed'), run('same-seed')]);
    expect(a.entries.length).toBe(DEFAULT_WORLD_ENTRIES + SESSION.length);
    expect(b.entries).toEqual(a.entries);
    expect(b.entries.map((e) => [e.seq, e.prevHash, e.hash])).toEqual(a.entries.map((e) => [e.seq, e.prevHash, e.hash]));
    expect(b.state).toEqual(a.state);
  });
});

describe('a different seed', () => {
  it('gives different device keys, App-IDs, UBCs, SMS and online codes', async () => {
    const [a, b] = await Promise.all([run('seed-one'), run('seed-two')]);
    const all = (entries: typeof a.entries) => entries.flatMap((e) => e.events);

    const keys = (entries: typeof a.entries) => eventsOf(all(entries), 'DeviceActivated').map((e) => e.deviceKey);
    const appIds = (entries: typeof a.entries) => eventsOf(all(entries), 'DeviceActivated').map((e) => e.appId);
    const ubcs = (entries: typeof a.entries) => eventsOf(all(entries), 'LinkBlocked').map((e) => e.ubc);
    const sms = (entries: typeof a.entries) => eventsOf(all(entries), 'SmsCodeSent').map((e) => e.code);
    const codes = (entries: typeof a.entries) => eventsOf(all(entries), 'OnlineCodeIssued').map((e) => e.code);

    expect(keys(a.entries).length).toBe(DEFAULT_PEOPLE.filter((p) => p.pin !== null).length + 1);
    expect(ubcs(a.entries)).toHaveLength(2);
    for (const pick of [keys, appIds, ubcs, sms, codes]) {
      const left = pick(a.entries);
      const right = pick(b.entries);
      expect(left.length).toBe(right.length);
      expect(left.length).toBeGreaterThan(0);
      left.forEach((value, i) => expect(value, `value ${i}`).not.toBe(right[i]));
    }
    expect(a.entries.at(-1)?.hash).not.toBe(b.entries.at(-1)?.hash);
  });
});
