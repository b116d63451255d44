// Hostile mutations of a real export for the import fuzz tests: each one comes with the message import must give.
// Every mutation here makes a file that must be refused: edits that could leave a valid journal (deleting the last
// entry and recomputing the head, say) are not generated.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { JournalFile } from '../../../src/runtime/import-check';
import { importSandbox } from '../../../src/runtime/sandboxes';
import type { SandboxDb } from '../../../src/storage/db';
import { MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH, MAX_IMPORT_STRING } from '../../../src/runtime/import-check';
import { formatPath } from '../../../src/runtime/command-schema';
import { GENESIS_HASH } from '../../../src/runtime/hash-chain';
import { DEFAULT_PEOPLE } from '../../../src/runtime/default-world';
import type { WorldEvent } from '../../../src/domain';
import { rechain } from './fixture';
import { reheaded, forged, pausedIndexes, dumpAll, IMPORT_WALL } from './export-files';

type Path = (string | number)[];
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One hostile file: what was done, the text, and what the refusal must say. */
export interface Hostile {
  [fc.toStringMethod]: () => string;
  kind: string;
  what: string;
  text: string;
  /** Checks the refusal's message; returns a problem, or null when it names what is wrong. */
  check: (message: string) => string | null;
}

type Plain = Omit<Hostile, typeof fc.toStringMethod>;

/** fast-check prints a counterexample with this, never the (possibly 64 MiB) text. */
function printable(hostile: Plain): Hostile {
  return Object.assign(hostile, { [fc.toStringMethod]: () => `${hostile.kind}: ${hostile.what}` });
}

const exactly = (expected: string) => (message: string) => (message === expected ? null : `expected "${expected}"`);
const matching = (pattern: RegExp) => (message: string) => (pattern.test(message) ? null : `expected to match ${pattern}`);

/** The message of a schema refusal names a path that is the mutated one, or leads to it, or lies inside it. */
function schemaAt(path: Path) {
  const wanted = formatPath(path);
  return (message: string): string | null => {
    const match = /^The file is not a valid sandbox export: ([^:]*): /.exec(message);
    if (!match) return `expected a schema refusal naming ${wanted}`;
    const named = match[1] ?? '';
    const related = wanted.startsWith(named) || named.startsWith(wanted);
    return related ? null : `the schema refusal names ${named}, not ${wanted}`;
  };
}

/** Every path in `root` whose value satisfies `keep`, in document order. */
function pathsOf(root: Json, keep: (value: Json) => boolean): Path[] {
  const out: Path[] = [];
  const walk = (value: Json, path: Path): void => {
    if (keep(value)) out.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(root, []);
  return out;
}

/** The `i`-th item of a non-empty list, wrapping around: the arbitraries pick indexes, the lists are never empty. */
function nth<T>(list: readonly T[], i: number): T {
  const item = list[i % list.length];
  if (item === undefined) throw new Error('nth: an empty list');
  return item;
}

function getAt(root: Json, path: Path): Json {
  let at: Json = root;
  for (const key of path) at = (at as Record<string | number, Json>)[key] as Json; // paths come from pathsOf on this shape
  return at;
}

function setAt(root: Json, path: Path, value: Json): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json>; // a container: paths come from pathsOf
  const last = path.at(-1);
  if (last === undefined) throw new Error('setAt: the root itself');
  parent[last] = value;
}

/** The object or array at `path`, checked. */
function containerAt(root: Json, path: Path): { [key: string]: Json } | Json[] {
  const value = getAt(root, path);
  if (value === null || typeof value !== 'object') throw new Error(`${formatPath(path)} is not an object or array`);
  return value;
}

function arrayAt(root: Json, path: Path): Json[] {
  const value = getAt(root, path);
  if (!Array.isArray(value)) throw new Error(`${formatPath(path)} is not an array`);
  return value;
}

const isLeaf = (value: Json) => value === null || typeof value !== 'object';
const isObject = (value: Json) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The same kind of value, changed: a number moved, a boolean flipped, one character of a string swapped within its class. */
function changed(value: Json, pick: number): Json {
  if (typeof value === 'number') return value + 1 + (pick % 1_000);
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string') {
    if (value.length === 0) return 'x';
    const at = pick % value.length;
    const ch = value[at] ?? 'a';
    const swap = (set: string) => set[(set.indexOf(ch) + 1 + (pick % (set.length - 1))) % set.length] ?? 'x';
    const next = /[0-9]/.test(ch) ? swap('0123456789') : /[a-f]/.test(ch) ? swap('abcdef') : /[A-Za-z]/.test(ch) ? (ch === 'q' ? 'r' : 'q') : ch === 'x' ? 'y' : 'x';
    return value.slice(0, at) + next + value.slice(at + 1);
  }
  return 'x';
}

/** A value of another type than `value` (never null for a non-null value: some fields may be null). */
function otherType(value: Json, pick: number): Json {
  const options: Json[] =
    typeof value === 'string' ? [7, true, {}, []] : typeof value === 'number' ? ['7', false, {}, []] : typeof value === 'boolean' ? ['true', 1, {}, []] : ['x', 1, true, []];
  return options[pick % options.length] ?? [];
}

/** The same JSON with an own key set: `__proto__` by assignment would set the prototype instead. */
function defineKey(target: object, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

const KEYS_NO_SCHEMA_HAS = ['note', 'isAdmin', 'extra', 'comment', 'evil', 'Type', 'SEQ'];
/** Sixty-four MiB of spaces, made once: appended to a file it takes it over the size limit. */
let padding: string | null = null;

/** Hostile files made from `base`, a real version-2 export. */
export function hostileFiles(base: JournalFile): fc.Arbitrary<Hostile> {
  const json = base as unknown as Json; // an export is plain JSON
  const n = base.entries.length;
  const clone = (): Json => structuredClone(json);
  const leaves = pathsOf(json, isLeaf);
  const objects = pathsOf(json, isObject);
  const stringLeaves = leaves.filter((p) => typeof getAt(json, p) === 'string');
  const paused = pausedIndexes(base);
  const withEvents = base.entries.map((e, i) => (e.events.length > 0 ? i : -1)).filter((i) => i >= 0);
  const entryLeaves = (i: number, under: 'any' | 'events') =>
    leaves.filter((p) => p[0] === 'entries' && p[1] === i && p.length > 3 && (under === 'any' ? p[2] === 'command' || p[2] === 'events' || p[2] === 'at' : p[2] === 'events') && getAt(json, p) !== null);
  const at = (i: number) => nth(base.entries, i); // i < n
  const mobiles = DEFAULT_PEOPLE.map((p) => p.mobile);

  const editUnchained = fc.record({ i: fc.nat(n - 1), leaf: fc.nat(), pick: fc.nat() }).map(({ i, leaf, pick }): Plain => {
    const candidates = entryLeaves(i, 'any').concat([['entries', i, 'at']]);
    const path = nth(candidates, leaf);
    const data = clone();
    setAt(data, path, changed(getAt(data, path), pick));
    const seq = i + 1;
    return {
      kind: 'edited entry', what: `${formatPath(path)} changed`, text: JSON.stringify(data),
      check: (message) => (message === `The journal's hash chain is broken: entry ${seq} was changed after it was written` ? null : schemaAt(path)(message)),
    };
  });

  const editForged = fc.record({ i: fc.constantFrom(...withEvents), leaf: fc.nat(), pick: fc.nat() }).map(({ i, leaf, pick }): Plain => {
    const candidates = entryLeaves(i, 'events');
    const path = nth(candidates, leaf);
    const file = forged(base, i, (entry) => {
      const local = entry as unknown as Json; // the entry's own JSON
      const inner = path.slice(2);
      setAt(local, inner, changed(getAt(local, inner), pick));
    });
    const prefix = `Entry ${i + 1} (${at(i).command.type}): its events are not what the command decides`;
    return {
      kind: 'forged event edit', what: `${formatPath(path)} changed, chain and head recomputed`, text: JSON.stringify(file),
      check: (message) => (message.startsWith(prefix) ? null : schemaAt(path)(message)),
    };
  });

  const forgedAdd = fc.record({ i: fc.nat(n - 1), from: fc.nat(), where: fc.nat(), org: fc.constantFrom('acme', 'northbank', 'fjord'), mobile: fc.constantFrom(...mobiles), copy: fc.boolean() }).map(
    ({ i, from, where, org, mobile, copy }): Plain => {
      const donors = base.entries.flatMap((e) => e.events);
      const event: WorldEvent = copy ? structuredClone(nth(donors, from)) : { type: 'LinkUnblocked', orgId: org, mobile, at: at(i).at };
      const file = forged(base, i, (entry) => entry.events.splice(where % (entry.events.length + 1), 0, event));
      return {
        kind: 'forged event added', what: `${event.type} added to entry ${i + 1}, chain and head recomputed`, text: JSON.stringify(file),
        check: exactly(`Entry ${i + 1} (${at(i).command.type}): its events are not what the command decides from this seed (edited, or written by another version)`),
      };
    },
  );

  const forgedDrop = fc.record({ i: fc.constantFrom(...withEvents), which: fc.nat() }).map(({ i, which }): Plain => {
    const file = forged(base, i, (entry) => entry.events.splice(which % entry.events.length, 1));
    return {
      kind: 'forged event dropped', what: `an event of entry ${i + 1} removed, chain and head recomputed`, text: JSON.stringify(file),
      check: exactly(`Entry ${i + 1} (${at(i).command.type}): its events are not what the command decides from this seed (edited, or written by another version)`),
    };
  });

  const deleted = fc.nat(n - 1).map((i): Plain => {
    const file = structuredClone(base);
    file.entries.splice(i, 1);
    const last = i === n - 1;
    return {
      kind: 'deleted entry', what: `entry ${i + 1} deleted`, text: JSON.stringify(file),
      check: exactly(last
        ? `The file is cut short: it ends at entry ${n - 1} but its head is entry ${n} (1 entry missing)`
        : `The journal's hash chain is broken: entry ${i + 1} is missing (entry ${i + 2} is in its place)`),
    };
  });

  const truncated = fc.nat(n - 1).map((keep): Plain => {
    const file = { ...base, entries: base.entries.slice(0, keep) };
    const missing = n - keep;
    const ends = keep === 0 ? 'it holds no entries' : `it ends at entry ${keep}`;
    return {
      kind: 'cut short', what: `only ${keep} of ${n} entries`, text: JSON.stringify(file),
      check: exactly(`The file is cut short: ${ends} but its head is entry ${n} (${missing} ${missing === 1 ? 'entry' : 'entries'} missing)`),
    };
  });

  const moved = fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1) }).filter(({ from, to }) => from !== to).map(({ from, to }): Plain => {
    const file = structuredClone(base);
    const [entry] = file.entries.splice(from, 1);
    if (entry) file.entries.splice(to, 0, entry);
    const first = Math.min(from, to);
    const inPlace = file.entries[first]?.seq;
    return {
      kind: 'reordered', what: `entry ${from + 1} moved to position ${to + 1}`, text: JSON.stringify(file),
      check: exactly(`The journal's hash chain is broken: entry ${first + 1} is missing (entry ${inPlace} is in its place)`),
    };
  });

  const laterPairs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (at(i).at < at(j).at) laterPairs.push([i, j]);
  const swappedRechained = fc.constantFrom(...laterPairs).map(([i, j]): Plain => {
    const entries = structuredClone(base.entries);
    [entries[i], entries[j]] = [nth(entries, j), nth(entries, i)];
    entries.forEach((entry, k) => (entry.seq = k + 1));
    (entries[0] as typeof entries[number]).prevHash = GENESIS_HASH; // rechain keeps the first entry's link as it is
    const file = reheaded({ ...base, entries: rechain(entries, 0) });
    return {
      kind: 'reordered and rechained', what: `entries ${i + 1} and ${j + 1} swapped (${at(i).at} < ${at(j).at}), renumbered, chain and head recomputed`, text: JSON.stringify(file),
      check: (message) => {
        const match = /^Entry (\d+) (runs at a server time before entry \d+: the clock never goes back \(R-CLK-1\)$|\(\w+\) is refused by the rules: .+|\(\w+\): its events are not what the command decides|\(\w+\): a sealed PIN does not open)/.exec(message);
        const named = Number(match?.[1]);
        return match && named >= i + 1 && named <= j + 1 ? null : `expected a refusal of an entry from ${i + 1} to ${j + 1}`;
      },
    };
  });

  const reseeded = fc.string({ minLength: 1, maxLength: 60 }).filter((seed) => seed !== base.sandbox.seed).map((seed): Plain => ({
    kind: 'changed seed', what: `seed ${JSON.stringify(seed)}`, text: JSON.stringify({ ...base, sandbox: { ...base.sandbox, seed } }),
    check: matching(/^Entry \d+ \(\w+\): (its events are not what the command decides from this seed|a sealed PIN does not open with this sandbox's key)/),
  }));

  const wrongType = fc.record({ leaf: fc.nat(leaves.length - 1), pick: fc.nat() }).map(({ leaf, pick }): Plain => {
    const path = nth(leaves, leaf);
    const data = clone();
    const value = otherType(getAt(data, path), pick);
    setAt(data, path, value);
    return { kind: 'wrong type', what: `${formatPath(path)} = ${JSON.stringify(value)}`, text: JSON.stringify(data), check: schemaAt(path) };
  });

  const unknownKey = fc.record({ object: fc.nat(objects.length - 1), key: fc.oneof(fc.constantFrom(...KEYS_NO_SCHEMA_HAS), fc.stringMatching(/^z[a-z0-9]{0,12}$/)) }).map(({ object, key }): Plain => {
    const path = nth(objects, object);
    const data = clone();
    defineKey(containerAt(data, path), key, 'x');
    return {
      kind: 'unknown key', what: `${key} added at ${formatPath(path) || 'the top level'}`, text: JSON.stringify(data),
      check: exactly(`The file is not a valid sandbox export: ${formatPath([...path, key])}: Unknown key "${key}": the format has no such field here`),
    };
  });

  const protoKey = fc.record({ object: fc.nat(objects.length - 1), key: fc.constantFrom('__proto__', 'constructor', 'prototype') }).map(({ object, key }): Plain => {
    const path = nth(objects, object);
    const data = clone();
    defineKey(containerAt(data, path), key, { isAdmin: true });
    return {
      kind: 'prototype key', what: `${key} at ${formatPath(path) || 'the top level'}`, text: JSON.stringify(data),
      check: exactly(`The file has a key "${key}" at ${formatPath(path) || 'the top level'}: keys named __proto__, constructor or prototype are refused`),
    };
  });

  const hugeString = fc.record({ leaf: fc.nat(leaves.length - 1), length: fc.oneof(fc.integer({ min: MAX_IMPORT_STRING + 1, max: 2_000_000 }), fc.integer({ min: 2_049, max: MAX_IMPORT_STRING })) }).map(
    ({ leaf, length }): Plain => {
      const path = stringLeaves.length > 0 && leaf % 2 === 0 ? nth(stringLeaves, leaf) : nth(leaves, leaf);
      const data = clone();
      setAt(data, path, 'A'.repeat(length));
      return {
        kind: 'huge string', what: `${formatPath(path)} = ${length} characters`, text: JSON.stringify(data),
        check: length > MAX_IMPORT_STRING
          ? exactly(`The file has a string of ${length} characters at ${formatPath(path)}; the format allows at most ${MAX_IMPORT_STRING}`)
          : schemaAt(path),
      };
    },
  );

  const containers = pathsOf(json, (value) => Array.isArray(value));
  const deep = fc.record({ place: fc.nat(), append: fc.boolean(), extra: fc.oneof(fc.nat(10), fc.nat(20_000)), arrays: fc.boolean() }).map(({ place, append, extra, arrays }): Plain => {
    // The nested value goes in place of a leaf, or at the end of an array.
    const holder = append ? nth(containers, place) : null;
    const path = holder ? [...holder, arrayAt(json, holder).length] : nth(leaves, place);
    const levels = Math.max(1, MAX_IMPORT_DEPTH + 1 - path.length) + extra; // the value sits at level path.length + 1
    const data = clone();
    if (holder) arrayAt(data, holder).push('DEEP');
    else setAt(data, path, 'DEEP');
    const chain = arrays ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;
    const text = JSON.stringify(data).replace('"DEEP"', chain);
    const depth = path.length + levels;
    const firstTooDeep = [...path, ...Array.from({ length: levels }, () => (arrays ? 0 : 'a'))].slice(0, MAX_IMPORT_DEPTH);
    return {
      kind: 'deep nesting', what: `${levels} levels of ${arrays ? 'arrays' : 'objects'} at ${formatPath(path)}`, text,
      check: exactly(`The file is nested ${depth} levels deep at ${formatPath(firstTooDeep)}…; the format allows at most ${MAX_IMPORT_DEPTH}`),
    };
  });

  const oversize = fc.constant(null).map((): Plain => {
    padding ??= ' '.repeat(MAX_IMPORT_BYTES);
    const text = JSON.stringify(base) + padding;
    return {
      kind: 'over the size limit', what: `${text.length} bytes`, text,
      check: exactly(`The file is too large: ${(text.length / 1_048_576).toFixed(1)} MiB (${text.length} bytes); an import may be at most 64 MiB`),
    };
  });

  const pausedMove = fc.record({ p: fc.constantFrom(...paused), seconds: fc.integer({ min: 1, max: 10 }) }).map(({ p, seconds }): Plain => {
    const entry = at(p);
    const file = forged(base, p, (e) => (e.at += seconds * 1_000));
    return {
      kind: 'moved while paused', what: `entry ${p + 1} (${entry.command.type}) ${seconds} s later, chain and head recomputed`, text: JSON.stringify(file),
      check: exactly(`Entry ${p + 1} (${entry.command.type}) is refused by the rules: The clock is paused at ${new Date(entry.at).toISOString()}: a command at ${new Date(entry.at + seconds * 1_000).toISOString()} cannot happen (R-CLK-1)`),
    };
  });

  const lastHash = base.head.hash;
  const headEdit = fc.oneof(
    fc.integer({ min: 1, max: 20 }).map((k): Plain => ({
      kind: 'head ahead', what: `head.seq + ${k}`, text: JSON.stringify({ ...base, head: { ...base.head, seq: n + k } }),
      check: exactly(`The file is cut short: it ends at entry ${n} but its head is entry ${n + k} (${k} ${k === 1 ? 'entry' : 'entries'} missing)`),
    })),
    fc.integer({ min: 1, max: n }).map((k): Plain => ({
      kind: 'head behind', what: `head.seq - ${k}`, text: JSON.stringify({ ...base, head: { ...base.head, seq: n - k } }),
      check: exactly(`The file goes past its head: it ends at entry ${n} but its head is entry ${n - k} (${k} ${k === 1 ? 'entry' : 'entries'} too many)`),
    })),
    fc.integer({ min: -n, max: 1_000 }).filter((d) => d !== 0).map((d): Plain => ({
      kind: 'head count', what: `head.entries + ${d}`, text: JSON.stringify({ ...base, head: { ...base.head, entries: n + d } }),
      check: exactly(`The file's head counts ${n + d} ${n + d === 1 ? 'entry' : 'entries'} but the file holds ${n}`),
    })),
    fc.stringMatching(/^[0-9a-f]{64}$/).filter((h) => h !== lastHash).map((hash): Plain => ({
      kind: 'head hash', what: `head.hash ${hash.slice(0, 8)}`, text: JSON.stringify({ ...base, head: { ...base.head, hash } }),
      check: exactly(`The file's head does not match its last entry: entry ${n} has hash ${lastHash.slice(0, 12)}… but the head says ${hash.slice(0, 12)}…`),
    })),
  );

  return fc
    .oneof(editUnchained, editForged, forgedAdd, forgedDrop, deleted, truncated, moved, swappedRechained, reseeded, wrongType, unknownKey, protoKey, hugeString, deep, oversize, pausedMove, headEdit)
    .map(printable);
}

/** Every kind of hostile file `hostileFiles` makes. */
export const HOSTILE_KINDS = [
  'edited entry', 'forged event edit', 'forged event added', 'forged event dropped', 'deleted entry', 'cut short', 'reordered',
  'reordered and rechained', 'changed seed', 'wrong type', 'unknown key', 'prototype key', 'huge string', 'deep nesting',
  'over the size limit', 'moved while paused', 'head ahead', 'head behind', 'head count', 'head hash',
] as const;

/**
 * Imports `numRuns` hostile files made from `base` into `db`: each must be refused with its message, and no table of
 * the database may change. Returns how many files of each kind were tried.
 */
export async function fuzzImports(db: SandboxDb, base: JournalFile, numRuns: number, seed?: number): Promise<Record<string, number>> {
  const before = await dumpAll(db);
  const tried: Record<string, number> = {};
  const property = fc.asyncProperty(hostileFiles(base), async (hostile) => {
    tried[hostile.kind] = (tried[hostile.kind] ?? 0) + 1;
    const result = await importSandbox(db, hostile.text, IMPORT_WALL);
    if (result.ok) throw new Error(`${hostile.kind} (${hostile.what}) was imported as ${result.id}`);
    const problem = hostile.check(result.message);
    if (problem) throw new Error(`${hostile.kind} (${hostile.what}): refused with "${result.message}": ${problem}`);
    expect(await dumpAll(db), `${hostile.kind} (${hostile.what}) changed the database`).toEqual(before);
  });
  await fc.assert(property, { numRuns, ...(seed === undefined ? {} : { seed }) });
  return tried;
}
