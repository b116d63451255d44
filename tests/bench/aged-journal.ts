// The journals `npm run bench` measures on, built in memory through the runtime's `append`: shared by the Node budgets (budgets.measure.ts) and the Chromium bench page (browser/bench-page.ts).
import type { WorldCommand, WorldState } from '../../src/domain';
import { defaultJournal } from '../../src/runtime/default-journal';
import { serverKeyFor } from '../../src/runtime/journal';
import { append } from '../../src/runtime/append';
import type { Entry, Head } from '../../src/runtime/journal';

/** The seed of every bench sandbox: the same seed and commands give the same journal, in Node and in Chromium. */
export const BENCH_SEED = 'budget-seed';

const PEOPLE = [['ingrid', '1234', 'acme', 'ingrid'], ['ola', '2345', 'northbank', 'ola.nordmann'], ['per', '4567', 'fjord', 'per']] as const;

/**
 * A trainer's sandbox ageing after the default world: the clock paused, then rounds of logins, wrong PINs, unblocks
 * and clock steps. Each command is chosen from the world as the one before left it (`world` is read between commands).
 */
export function* agingCommands(world: () => WorldState): Generator<WorldCommand, never> {
  yield { type: 'PauseClock' };
  for (let round = 0; ; round++) {
    const [person, pin, orgId, username] = PEOPLE[round % PEOPLE.length] ?? PEOPLE[0];
    const phoneId = `${person}-phone`;
    const server = orgId === 'acme' ? 'vpn' : orgId === 'northbank' ? 'remote' : 'intranet';
    yield { type: 'AppEnterPin', phoneId, pin };
    const screen = world().phones[phoneId]?.app.screen;
    yield { type: 'Login', orgId, accessServerId: server, username, code: screen?.kind === 'online-code' ? screen.code : '000000' };
    yield { type: 'AppBack', phoneId };
    // Every 500 rounds a wrong 8-digit offline code: the server searches the PIN space for it.
    if (round % 500 === 250) yield { type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'ingrid', code: '12345678' };
    yield { type: 'AdvanceClock', byMs: 10_000 };
  }
}

/**
 * One org's busy event log (Acme Corp): granted logins, wrong codes until links block, an unknown username and a phone
 * that was never activated, ten seconds apart; almost every command writes one event-log row of Acme.
 */
export function* oneOrgCommands(world: () => WorldState): Generator<WorldCommand, never> {
  yield { type: 'PauseClock' };
  const login = (username: string, code: string): WorldCommand => ({ type: 'Login', orgId: 'acme', accessServerId: 'vpn', username, code });
  for (let round = 0; ; round++) {
    if (round % 4 === 0) {
      yield { type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '1234' };
      const screen = world().phones['ingrid-phone']?.app.screen;
      yield login('ingrid', screen?.kind === 'online-code' ? screen.code : '000000');
      yield { type: 'AppBack', phoneId: 'ingrid-phone' };
    }
    yield login('ola', '000000');
    yield login('kari', '111111');
    yield login('lars', '222222');
    yield login('guest', '333333');
    yield { type: 'AdvanceClock', byMs: 10_000 };
  }
}

export interface BuiltJournal {
  entries: Entry[];
  state: WorldState;
  /** Commands refused with no events (not journaled). */
  refused: number;
  /** The state and head after the entries asked for in `keepAt`. */
  states: Map<number, { state: WorldState; head: Head }>;
}

/**
 * The default world (seed BENCH_SEED), then `commands` appended until `done` says so or there are `maxEntries`.
 * The same arguments give the same entries everywhere.
 */
export function buildJournal(
  commands: (world: () => WorldState) => Generator<WorldCommand, never>,
  until: { maxEntries: number; done?: (entries: readonly Entry[]) => boolean },
  keepAt: readonly number[] = [],
): BuiltJournal {
  const key = serverKeyFor(BENCH_SEED);
  const built = defaultJournal(BENCH_SEED, 0);
  const entries = [...built.entries];
  let state = built.state;
  let head: Head = { seq: entries.length, hash: entries[entries.length - 1]?.hash ?? '' };
  const states = new Map<number, { state: WorldState; head: Head }>();
  let refused = 0;
  const source = commands(() => state);
  while (entries.length < until.maxEntries && !(until.done?.(entries) ?? false)) {
    const command = source.next().value;
    const result = append(state, head, command, state.clock.now, BENCH_SEED, key);
    if (!result.ok) {
      refused += 1;
      continue;
    }
    entries.push(result.entry);
    state = result.state;
    head = { seq: result.entry.seq, hash: result.entry.hash };
    if (keepAt.includes(head.seq)) states.set(head.seq, { state, head });
  }
  return { entries, state, refused, states };
}

/** A trainer's sandbox that has aged to `size` entries (see agingCommands). */
export function agedJournal(size: number, keepAt: readonly number[] = []): BuiltJournal {
  return buildJournal(agingCommands, { maxEntries: size }, keepAt);
}

/** A sandbox whose Acme Corp event log holds at least `rows` entries (see oneOrgCommands). */
export function oneOrgJournal(rows: number): BuiltJournal {
  let counted = 0;
  let seen = 0;
  const done = (entries: readonly Entry[]): boolean => {
    for (; seen < entries.length; seen++) {
      for (const event of entries[seen]?.events ?? []) if (event.type === 'EventLogged' && event.entry.orgId === 'acme') counted += 1;
    }
    return counted >= rows;
  };
  return buildJournal(oneOrgCommands, { maxEntries: Number.MAX_SAFE_INTEGER, done }, []);
}
