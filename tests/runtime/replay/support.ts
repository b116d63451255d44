// A small history for the replay tests: the default world in memory, then Ingrid's three wrong PINs, a login, a UBC shown and the clock moved.
import { MemoryJournal } from '../../../src/runtime/memory-journal';
import { buildDefaultWorld } from '../../../src/runtime/default-world';
import type { WorldCommand } from '../../../src/domain';

export function replayHistory() {
  const journal = new MemoryJournal('replay-test');
  buildDefaultWorld((command) => void journal.run(command), () => journal.state, { resumeClock: false });
  const worldEntries = journal.entries.length;
  const run = (command: WorldCommand) => {
    const result = journal.run(command);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    return result.entry;
  };
  return { journal, worldEntries, run };
}
