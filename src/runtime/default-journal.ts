// The default world's journal built in memory: every command decided and hash-chained as in a stored sandbox, no storage.
import type { WorldCommand, WorldState } from '../domain';
import type { Entry } from './journal';
import { MemoryJournal } from './memory-journal';
import { buildDefaultWorld, defaultWorldCommands } from './default-world';

/** A default world's journal with the state after it. */
export interface BuiltJournal {
  entries: Entry[];
  state: WorldState;
  clockAnchorWall: number;
}

/** Runs one command of the default world at the clock's time; the default world is never refused. */
function runDefault(journal: MemoryJournal, command: WorldCommand): void {
  const result = journal.run(command, journal.state.clock.now);
  if (!result.ok) throw new Error(`default world: ${command.type} refused: ${result.error.message}`);
  if (result.refusal) throw new Error(`default world: ${command.type} refused: ${result.refusal.message}`);
}

/** Builds the default world's journal in memory (one fold, no storage), from `seed`. */
export function defaultJournal(seed: string, wallNow: number, options: { resumeClock?: boolean } = {}): BuiltJournal {
  const journal = new MemoryJournal(seed);
  buildDefaultWorld((command) => runDefault(journal, command), () => journal.state, options.resumeClock === undefined ? {} : { resumeClock: options.resumeClock });
  return { entries: journal.entries, state: journal.state, clockAnchorWall: wallNow };
}

/** Commands decided between two yields to the page: each slice stays well under a 50 ms long task, even on a slow machine. */
const SLICE = 8;

/**
 * defaultJournal, giving the page back its main thread every SLICE commands (a first visit builds the world while the
 * screens are painting). The same commands in the same order: the same journal, hash for hash.
 */
export async function defaultJournalInSlices(seed: string, wallNow: number): Promise<BuiltJournal> {
  const journal = new MemoryJournal(seed);
  const commands = defaultWorldCommands();
  let count = 0;
  for (let next = commands.next(journal.state); !next.done; next = commands.next(journal.state)) {
    runDefault(journal, next.value);
    if (++count % SLICE === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { entries: journal.entries, state: journal.state, clockAnchorWall: wallNow };
}
