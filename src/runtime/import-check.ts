// Checking an imported journal file before anything is written: shape, hash chain, and that each command decides exactly its events.
import * as v from 'valibot';
import { initialState } from '../domain';
import type { WorldCommand, WorldEvent, WorldState } from '../domain';
import { WorldCommandSchema, describeIssues } from './command-schema';
import { verifyChain } from './hash-chain';
import { append, serverKeyFor } from './journal';
import type { Entry } from './journal';
import { canonicalJson } from './canonical-json';
import { openCommand } from './command-secrets';

/** Largest journal an import accepts, so a hostile file cannot exhaust memory. */
export const MAX_IMPORT_ENTRIES = 100_000;

const hash = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'Expected a 64-character hex hash'));

const EntrySchema = v.strictObject({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  command: WorldCommandSchema,
  // Events are not trusted from the file: they are decided again below and must come out the same.
  events: v.array(v.looseObject({ type: v.string() })),
  prevHash: hash,
  hash,
});

const FileSchema = v.strictObject({
  format: v.literal('code-sandbox-journal', 'Expected "code-sandbox-journal": this is not a sandbox export'),
  version: v.literal(1, 'Expected version 1'),
  exportedAt: v.number(),
  sandbox: v.strictObject({
    name: v.pipe(v.string(), v.maxLength(200)),
    seed: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    createdAt: v.number(),
  }),
  entries: v.pipe(v.array(EntrySchema), v.maxLength(MAX_IMPORT_ENTRIES, `Expected at most ${MAX_IMPORT_ENTRIES} entries`)),
});

export interface JournalFile {
  format: 'code-sandbox-journal';
  version: 1;
  exportedAt: number;
  sandbox: { name: string; seed: string; createdAt: number };
  entries: Entry[];
}

/** Checks an export file. On success the entries are the ones decided again here, equal to the file's. */
export function checkImport(data: unknown): { ok: true; file: JournalFile; state: WorldState } | { ok: false; message: string } {
  const parsed = v.safeParse(FileSchema, data);
  if (!parsed.success) return { ok: false, message: `The file is not a valid sandbox export: ${describeIssues(parsed.issues)}` };
  const file = parsed.output;
  const entries = file.entries as unknown as Entry[]; // shape checked above; events are verified by deciding again below
  const chain = verifyChain(entries);
  if (chain.problem) {
    const what = { missing: 'is missing', changed: 'was changed after it was written', 'broken-link': 'does not follow the entry before it', 'head-mismatch': 'is not the last one' }[chain.problem.kind];
    return { ok: false, message: `The journal's hash chain is broken: entry ${chain.problem.seq} ${what}` };
  }
  // Decide every command again from the seed: the events must be exactly the recorded ones.
  let state = initialState();
  let head = { seq: 0, hash: '0'.repeat(64) };
  const key = serverKeyFor(file.sandbox.seed);
  let lastAt = 0;
  for (const entry of entries) {
    if (entry.at < lastAt) return { ok: false, message: `Entry ${entry.seq} runs at a server time before entry ${entry.seq - 1}: the clock never goes back (R-CLK-1)` };
    lastAt = entry.at;
    const command = openCommand(entry.command as WorldCommand, key, entry.seq); // checked by WorldCommandSchema above
    if (!command) return { ok: false, message: `Entry ${entry.seq} (${entry.command.type}): a sealed PIN does not open with this sandbox's key, or a PIN is in the clear (R-SEC-1)` };
    let result;
    try {
      result = append(state, head, command, entry.at, file.sandbox.seed, key);
    } catch (error) {
      return { ok: false, message: `Entry ${entry.seq} (${entry.command.type}) cannot be run: ${(error as Error).message}` }; // decide throws only on a domain bug
    }
    if (!result.ok) return { ok: false, message: `Entry ${entry.seq} (${entry.command.type}) is refused by the rules: ${result.error.message}` };
    if (canonicalJson(result.entry.events) !== canonicalJson(entry.events as WorldEvent[]) || result.entry.hash !== entry.hash) {
      return { ok: false, message: `Entry ${entry.seq} (${entry.command.type}): its events are not what the command decides (edited, or from another version)` };
    }
    state = result.state;
    head = { seq: result.entry.seq, hash: result.entry.hash };
  }
  return { ok: true, file: { ...file, entries }, state };
}
