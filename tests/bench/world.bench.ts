// Speed of the domain core and the runtime's pure parts (npm run bench): deciding logins, folding, verifying and importing journals.
import { bench, describe } from 'vitest';
import { initialState } from '../../src/domain';
import type { WorldCommand } from '../../src/domain';
import { defaultJournal } from '../../src/runtime/default-journal';
import { foldEntries, serverKeyFor } from '../../src/runtime/journal';
import { append } from '../../src/runtime/append';
import type { Entry } from '../../src/runtime/journal';
import { verifyChain } from '../../src/runtime/hash-chain';
import { checkImport } from '../../src/runtime/import-check';

const SEED = 'bench-seed';
const KEY = serverKeyFor(SEED);

/** The default world followed by `rounds` of: Ingrid types her PIN, logs in with the code, steps the clock 30 s. */
function journal(rounds: number): { entries: Entry[] } {
  const built = defaultJournal(SEED, 0);
  const entries = [...built.entries];
  let state = built.state;
  let head = { seq: entries.length, hash: entries[entries.length - 1]?.hash ?? '' };
  const run = (command: WorldCommand) => {
    const result = append(state, head, command, state.clock.now, SEED, KEY);
    if (!result.ok) throw new Error(result.error.message);
    entries.push(result.entry);
    state = result.state;
    head = { seq: result.entry.seq, hash: result.entry.hash };
  };
  run({ type: 'PauseClock' });
  for (let i = 0; i < rounds; i++) {
    run({ type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '1234' });
    const screen = state.phones['ingrid-phone']?.app.screen;
    run({ type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'ingrid', code: screen?.kind === 'online-code' ? screen.code : '000000' });
    run({ type: 'AdvanceClock', byMs: 30_000 });
  }
  return { entries };
}

const small = defaultJournal(SEED, 0);
const big = journal(1_000);
const last = big.entries[big.entries.length - 1];
/** An export file of version 2, with its head, as exportSandbox writes it. */
const bigFile = {
  format: 'code-sandbox-journal', version: 2, exportedAt: 0, sandbox: { name: 'bench', seed: SEED, createdAt: 0 },
  head: { seq: last?.seq ?? 0, hash: last?.hash ?? '', entries: big.entries.length }, entries: big.entries,
};

describe('the default world', () => {
  bench(`build it (${small.entries.length} commands decided and chained)`, () => {
    defaultJournal(SEED, 0);
  });
});

describe(`a journal of ${big.entries.length} entries`, () => {
  bench('fold every event from the start', () => {
    foldEntries(initialState(), big.entries);
  });
  bench('verify the hash chain', () => {
    verifyChain(big.entries);
  });
  bench('check it as an import (shape, chain, decide every command again)', () => {
    const result = checkImport(bigFile);
    if (!result.ok) throw new Error(result.message);
  }, { iterations: 3, time: 0 });
});

describe('deciding one login (R-VER)', () => {
  const state = small.state;
  const head = { seq: small.entries.length, hash: small.entries[small.entries.length - 1]?.hash ?? '' };
  bench('a random 8-digit code: PIN-space and clock-drift search, then a failed code', () => {
    append(state, head, { type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'ingrid', code: '12345678' }, state.clock.now, SEED, KEY);
  }, { iterations: 5, time: 0 });
  bench('a wrong 6-digit code', () => {
    append(state, head, { type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'ingrid', code: '123456' }, state.clock.now, SEED, KEY);
  });
});
