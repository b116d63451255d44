// Checking an imported journal file before anything is written: its size, its nesting and keys, its shape, its hash
// chain and head, and that each command decides exactly its events. Import refuses, never strips or repairs.
import * as v from 'valibot';
import type { WorldState } from '../domain';
import { WorldCommandSchema, describeIssues, formatPath } from './command-schema';
import { WorldEventSchema, MAX_EVENT_STRING } from './event-schema';
import { verifyChain, GENESIS_HASH } from './hash-chain';
import type { ChainProblem } from './hash-chain';
import { serverKeyFor } from './journal';
import type { Entry, Head } from './journal';
import { canonicalJson } from './canonical-json';
import { openCommand } from './command-secrets';
import { Reverifier } from './reverify';
import type { Finding } from './reverify';
import { redecide } from './upgrade';

import { JOURNAL_FORMAT, JOURNAL_VERSION, MAX_IMPORT_BYTES } from './journal-file';
import type { JournalFile, JournalHead } from './journal-file';

export { JOURNAL_FORMAT, JOURNAL_VERSION, MAX_IMPORT_BYTES };
export type { JournalFile, JournalHead } from './journal-file';
/** Largest journal an import accepts, so a hostile file cannot exhaust memory. */
export const MAX_IMPORT_ENTRIES = 100_000;
/** Most events one entry may hold (a command writes a few per organization at most). */
export const MAX_EVENTS_PER_ENTRY = 10_000;
/**
 * The deepest nesting of objects and arrays the format has, the file itself being level 1:
 * file { entries [ entry { events [ event { entry { reason { directories [ ] } } } ] } ] }.
 * A test derives it from the schemas (tests/runtime/import-hostile.test.ts).
 */
export const MAX_IMPORT_DEPTH = 8;
/** Longest string anywhere in a file, before the schemas bound each field more tightly (also for version-1 events). */
export const MAX_IMPORT_STRING = 2 * MAX_EVENT_STRING;
/** Longest object key anywhere in a file (the format's longest is 20 characters). */
export const MAX_IMPORT_KEY = 64;
/** Keys that could reach an object's prototype if any code ever copied the data naively: refused wherever they are. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);


/** A checked file: what to store (for version 1, the entries decided again now), and what the upgrade changed. */
export type ImportCheck =
  | {
      ok: true;
      /** The version the file was written in. */
      version: 1 | 2;
      file: JournalFile;
      state: WorldState;
      /** Version 1: entries kept whose events the current core decides differently from what the file recorded. */
      upgraded: number;
      /** Version 1: commands the current core refuses with no events, left out. */
      dropped: number;
    }
  | { ok: false; message: string };

type Refusal = { ok: false; message: string };

const refuse = (message: string): Refusal => ({ ok: false, message });

const hash = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'Expected a 64-character hex hash'));
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const time = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

const SandboxSchema = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(200)),
  seed: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  createdAt: time,
});

/** Enough of the top level to pick the version's schema. */
const HeaderSchema = v.object({
  format: v.literal(JOURNAL_FORMAT, `Expected "${JOURNAL_FORMAT}": this is not a sandbox export`),
  version: v.picklist([1, 2], 'Expected version 1 or 2'),
});

const EntrySchema = v.strictObject({
  seq: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  at: time,
  command: WorldCommandSchema,
  // Checked strictly here, then decided again below: what is stored must be exactly what the file said.
  events: v.pipe(v.array(WorldEventSchema), v.maxLength(MAX_EVENTS_PER_ENTRY)),
  prevHash: hash,
  hash,
});

const FileSchema = v.strictObject({
  format: v.literal(JOURNAL_FORMAT),
  version: v.literal(2),
  exportedAt: time,
  sandbox: SandboxSchema,
  head: v.strictObject({ seq: count, hash, entries: count }),
  entries: v.pipe(v.array(EntrySchema), v.maxLength(MAX_IMPORT_ENTRIES, `Expected at most ${MAX_IMPORT_ENTRIES} entries`)),
});

/**
 * Version 1 entries. Their events have the previous release's shapes and are decided again anyway, so they are
 * checked loosely (an object with a type name); the structure check before this still refuses prototype keys,
 * deep nesting and huge strings in them.
 */
const EntrySchemaV1 = v.strictObject({
  seq: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  at: time,
  command: WorldCommandSchema,
  events: v.pipe(v.array(v.looseObject({ type: v.pipe(v.string(), v.maxLength(80)) })), v.maxLength(MAX_EVENTS_PER_ENTRY)),
  prevHash: hash,
  hash,
});

const FileSchemaV1 = v.strictObject({
  format: v.literal(JOURNAL_FORMAT),
  version: v.literal(1),
  exportedAt: time,
  sandbox: SandboxSchema,
  entries: v.pipe(v.array(EntrySchemaV1), v.maxLength(MAX_IMPORT_ENTRIES, `Expected at most ${MAX_IMPORT_ENTRIES} entries`)),
});

/** The schemas of each version, for tests that derive the format's limits from them. */
export const FILE_SCHEMAS = { 1: FileSchemaV1, 2: FileSchema } as const;

/** The UTF-8 length of `text` in bytes, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** The message for a file of `bytes` bytes, or null when that size is allowed. The screens check a file's size with it before reading it. */
export function sizeProblem(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `The file is too large: ${mib(bytes)} MiB (${bytes} bytes); an import may be at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MiB`;
}

/** Whether `text` is over the size limit: exact, but counts bytes only when the length alone cannot tell. */
function textSizeProblem(text: string): string | null {
  if (text.length * 3 <= MAX_IMPORT_BYTES) return null; // UTF-8 takes at most 3 bytes per UTF-16 unit
  if (text.length > MAX_IMPORT_BYTES) return sizeProblem(text.length); // at least 1 byte per unit: too large already
  return sizeProblem(utf8Length(text));
}

function quoted(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** One level of the iterative walk: a container, its keys (objects) and the next child to visit. */
interface Frame {
  value: object;
  keys: string[] | null;
  next: number;
  key: string | number;
}

function pathOf(stack: readonly Frame[], last?: string | number): string {
  const segments = stack.slice(1).map((frame) => frame.key);
  if (last !== undefined) segments.push(last);
  return formatPath(segments) || 'the top level';
}

/**
 * Checks what no schema can check safely, right after JSON.parse and before anything is hashed or validated:
 * nesting deeper than the format allows (canonical JSON and valibot recurse), keys that reach a prototype
 * (`__proto__` is an own property after JSON.parse), over-long keys and strings, and numbers JSON.parse made
 * infinite. Iterative: a file nested a million levels deep is measured, not recursed into.
 */
export function checkStructure(data: unknown): string | null {
  if (data === null || typeof data !== 'object') return null;
  const frameOf = (value: object, key: string | number): Frame => ({ value, keys: Array.isArray(value) ? null : Object.keys(value), next: 0, key });
  const stack: Frame[] = [frameOf(data, '')];
  let deepest = 1;
  let tooDeepAt: string | null = null;
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Frame; // the loop runs while the stack is not empty
    const size = top.keys ? top.keys.length : (top.value as unknown[]).length; // keys === null marks an array
    if (top.next >= size) {
      stack.pop();
      continue;
    }
    const index = top.next++;
    let key: string | number = index;
    let child: unknown;
    if (top.keys) {
      const name = top.keys[index] ?? '';
      key = name;
      if (tooDeepAt === null) {
        if (FORBIDDEN_KEYS.has(name)) return `The file has a key "${name}" at ${pathOf(stack)}: keys named __proto__, constructor or prototype are refused`;
        if (name.length > MAX_IMPORT_KEY) return `The file has a key of ${name.length} characters at ${pathOf(stack)} (${quoted(name)}); the format's keys have at most ${MAX_IMPORT_KEY}`;
      }
      child = (top.value as Record<string, unknown>)[name]; // an own key of a plain object from JSON.parse, checked above
    } else {
      child = (top.value as unknown[])[index]; // keys === null marks an array
    }
    if (typeof child === 'object' && child !== null) {
      const depth = stack.length + 1;
      if (depth > MAX_IMPORT_DEPTH && tooDeepAt === null) tooDeepAt = pathOf(stack, key);
      if (depth > deepest) deepest = depth;
      stack.push(frameOf(child, key));
    } else if (tooDeepAt === null) {
      if (typeof child === 'string' && child.length > MAX_IMPORT_STRING) {
        return `The file has a string of ${child.length} characters at ${pathOf(stack, key)}; the format allows at most ${MAX_IMPORT_STRING}`;
      }
      if (typeof child === 'number' && !Number.isFinite(child)) return `The file has a number too large to be exact at ${pathOf(stack, key)}`;
    }
  }
  if (tooDeepAt !== null) return tooDeep(deepest, tooDeepAt);
  return null;
}

/**
 * The nesting of `text` read from its brackets, before JSON.parse (which takes seconds on a file nested millions of
 * levels deep): null when it stays within MAX_IMPORT_DEPTH, else the message with the deepest level and where the
 * limit was first passed. A light tokenizer: strings are skipped (keys read), nothing is validated or recursed.
 */
export function scanNesting(text: string): string | null {
  const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d;
  // One level per open container while the path is still tracked: its kind, its current key or index, whether a key comes next.
  const levels: { array: boolean; key: string | number; expectKey: boolean }[] = [];
  let depth = 0;
  let deepest = 0;
  let tooDeepAt: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i++;
        else if (d === QUOTE) break;
      }
      const level = tooDeepAt === null ? levels[depth - 1] : undefined;
      if (level && !level.array && level.expectKey) {
        level.expectKey = false;
        const raw = text.slice(start, Math.min(i + 1, start + 2 + MAX_IMPORT_KEY * 6));
        try {
          level.key = String(JSON.parse(raw));
        } catch {
          level.key = raw.slice(1, MAX_IMPORT_KEY + 1); // a key too long or malformed: shown as written
        }
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (tooDeepAt !== null) continue;
      if (depth > MAX_IMPORT_DEPTH) {
        tooDeepAt = formatPath(levels.map((level) => level.key)) || 'the top level';
        continue;
      }
      levels.push({ array: c === OPEN_ARRAY, key: 0, expectKey: c === OPEN_OBJECT });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth = Math.max(0, depth - 1);
      if (tooDeepAt === null) levels.pop();
    } else if (c === COMMA && tooDeepAt === null) {
      const level = levels[depth - 1];
      if (level?.array) level.key = (level.key as number) + 1; // an array's key is its index
      else if (level) level.expectKey = true;
    }
  }
  return tooDeepAt === null ? null : tooDeep(deepest, tooDeepAt);
}

function tooDeep(depth: number, at: string): string {
  return `The file is nested ${depth} levels deep at ${at}…; the format allows at most ${MAX_IMPORT_DEPTH}`;
}

/** Checks the text of an export file: its size before JSON.parse, then everything `checkImport` checks. */
export function checkImportText(text: string): ImportCheck {
  const tooLarge = textSizeProblem(text);
  if (tooLarge) return refuse(tooLarge);
  const nesting = scanNesting(text);
  if (nesting) return refuse(nesting);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(`The file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return checkImport(data);
}

/** What is wrong with the chain; for a missing entry, also which entry the file has in its place (moved, or repeated). */
function chainMessage(problem: ChainProblem, entries: readonly { seq: number }[]): string {
  const what = { missing: 'is missing', changed: 'was changed after it was written', 'broken-link': 'does not follow the entry before it', 'head-mismatch': 'is not the last one' }[problem.kind];
  const inPlace = problem.kind === 'missing' ? entries[problem.seq - 1] : undefined; // the chain starts at 1: entry n belongs at index n - 1
  const found = inPlace ? ` (entry ${inPlace.seq} is in its place)` : '';
  return `The journal's hash chain is broken: entry ${problem.seq} ${what}${found}`;
}

/** Checks an export file (already parsed). On success, the entries to store and the state they fold to. */
export function checkImport(data: unknown): ImportCheck {
  const structure = checkStructure(data);
  if (structure) return refuse(structure);
  const header = v.safeParse(HeaderSchema, data);
  if (!header.success) return refuse(`The file is not a valid sandbox export: ${describeIssues(header.issues)}`);
  return header.output.version === 1 ? checkVersion1(data) : checkVersion2(data);
}

function invalid(issues: readonly v.BaseIssue<unknown>[]): Refusal {
  return refuse(`The file is not a valid sandbox export: ${describeIssues(issues)}`);
}

/** Version 2: shape, chain, head, then every command decided again must give exactly the recorded events. */
function checkVersion2(data: unknown): ImportCheck {
  const parsed = v.safeParse(FileSchema, data);
  if (!parsed.success) return invalid(parsed.issues);
  // What is stored is what the file said: the parsed JSON itself (not valibot's copy), checked above to have exactly
  // the schema's shape, whose output type is JournalFile's (compile-time checks in command-schema.ts and event-schema.ts).
  const file = data as JournalFile; // see above: validated by FileSchema

  const entries = file.entries;
  const chain = verifyChain(entries);
  if (chain.problem) return refuse(chainMessage(chain.problem, entries));
  const headProblem = checkHead(entries, file.head);
  if (headProblem) return refuse(headProblem);

  // Every command decided again from the seed, by the same check that verifies a stored sandbox (reverify.ts).
  const verifier = new Reverifier(file.sandbox.seed);
  let lastAt = 0;
  for (const entry of entries) {
    if (entry.at < lastAt) return refuse(`Entry ${entry.seq} runs at a server time before entry ${entry.seq - 1}: the clock never goes back (R-CLK-1)`);
    lastAt = entry.at;
    let finding: Finding | null;
    try {
      finding = verifier.step(entry);
    } catch (error) {
      // decide throws only on a bug in the core; the file is refused rather than half imported
      return refuse(`Entry ${entry.seq} (${entry.command.type}) cannot be run: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (finding) return refuse(findingMessage(finding, entry, entries));
  }
  const state = verifier.state;
  return { ok: true, version: 2, file, state, upgraded: 0, dropped: 0 };
}

/** A version-2 file's head must be where its entries end: no entry missing at the end, none added, the same hash. */
function checkHead(entries: readonly Entry[], head: JournalHead): string | null {
  const last = entries[entries.length - 1];
  const lastSeq = last?.seq ?? 0;
  const plural = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
  if (lastSeq < head.seq) {
    const ends = last ? `it ends at entry ${lastSeq}` : 'it holds no entries';
    return `The file is cut short: ${ends} but its head is entry ${head.seq} (${plural(head.seq - lastSeq)} missing)`;
  }
  if (lastSeq > head.seq) return `The file goes past its head: it ends at entry ${lastSeq} but its head is entry ${head.seq} (${plural(lastSeq - head.seq)} too many)`;
  if (head.entries !== entries.length) return `The file's head counts ${plural(head.entries)} but the file holds ${entries.length}`;
  const lastHash = last?.hash ?? GENESIS_HASH;
  if (head.hash !== lastHash) return `The file's head does not match its last entry: entry ${head.seq} has hash ${lastHash.slice(0, 12)}… but the head says ${head.hash.slice(0, 12)}…`;
  return null;
}

/** What a finding of the re-decision means for an entry of the file. */
function findingMessage(finding: Finding, entry: Entry, entries: readonly Entry[]): string {
  const what = `Entry ${entry.seq} (${entry.command.type})`;
  switch (finding.kind) {
    case 'sealed-pin':
      return `${what}: a sealed PIN does not open with this sandbox's key, or a PIN is in the clear (R-SEC-1)`;
    case 'refused':
      return `${what} is refused by the rules: ${finding.message}`;
    case 'events-differ':
      return `${what}: its events are not what the command decides from this seed (edited, or written by another version)`;
    case 'missing':
    case 'broken-link':
    case 'changed':
      return chainMessage(finding, entries); // verifyChain passed already: only a bug gets here
    default:
      return `${what}: ${finding.kind}`;
  }
}

/** The PIN fields of a command (R-SEC-1), by name. */
const PIN_FIELDS = ['pin', 'repeat', 'newPin', 'currentPin'] as const;

/**
 * Version 1 (the previous release's exports): commands are the truth. The chain must hold as written and every sealed
 * PIN must open (else the file was tampered with, or belongs to another seed: refused). Then every command is decided
 * again with the current core, as a stored schema-1 sandbox is upgraded (upgrade.ts `redecide`): the events it decides
 * now are kept, PINs sealed again, the chain rebuilt, and a command the current core refuses with no events is left out.
 */
function checkVersion1(data: unknown): ImportCheck {
  const parsed = v.safeParse(FileSchemaV1, data);
  if (!parsed.success) return invalid(parsed.issues);
  const file = parsed.output;
  // The same shape as Entry but for the events (old shapes), which are only compared, as JSON, with what is decided now.
  const entries = file.entries as unknown as Entry[]; // see above: old events typed as today's only to be compared

  const chain = verifyChain(entries);
  if (chain.problem) return refuse(chainMessage(chain.problem, entries));
  const key = serverKeyFor(file.sandbox.seed);
  for (const entry of entries) {
    const fields = entry.command as unknown as Record<string, unknown>; // PIN fields by name, whatever the command type
    if (PIN_FIELDS.some((field) => typeof fields[field] === 'string') && !openCommand(entry.command, key, entry.seq)) {
      return refuse(`Entry ${entry.seq} (${entry.command.type}): a sealed PIN does not open with this sandbox's key, or a PIN is in the clear (R-SEC-1)`);
    }
  }
  let decided: ReturnType<typeof redecide>;
  try {
    decided = redecide(file.sandbox.seed, entries);
  } catch (error) {
    // decide throws only on a bug in the core; the file is refused rather than half imported
    return refuse(`The file's commands cannot be run: ${error instanceof Error ? error.message : String(error)}`);
  }
  const droppedSeqs = new Set(decided.dropped.map((d) => d.seq));
  const survivors = entries.filter((entry) => !droppedSeqs.has(entry.seq));
  const upgraded = decided.entries.filter((entry, i) => canonicalJson(entry.events) !== canonicalJson(survivors[i]?.events)).length;
  const last = decided.entries[decided.entries.length - 1];
  return {
    ok: true,
    version: 1,
    file: {
      format: JOURNAL_FORMAT,
      version: JOURNAL_VERSION,
      exportedAt: file.exportedAt,
      sandbox: file.sandbox,
      head: { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH, entries: decided.entries.length },
      entries: decided.entries,
    },
    state: decided.state,
    upgraded,
    dropped: decided.dropped.length,
  };
}
