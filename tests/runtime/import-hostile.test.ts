// Hostile export files, one case each: every one is refused with a message naming what is wrong, and no table changes.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import {
  checkImport, checkImportText, checkStructure, scanNesting, sizeProblem, FILE_SCHEMAS,
  MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH, MAX_IMPORT_STRING, MAX_IMPORT_KEY,
} from '../../src/runtime/import-check';
import type { JournalFile } from '../../src/runtime/import-check';
import { MAX_EVENT_STRING } from '../../src/runtime/event-schema';
import { exportSandbox, importSandbox } from '../../src/runtime/sandboxes';
import { canonicalJson } from '../../src/runtime/canonical-json';
import type { SandboxDb } from '../../src/storage/db';
import type { WorldEvent } from '../../src/domain';
import { rechain, expectDefined } from './support/fixture';
import { richExport, reheaded, forged, pausedIndexes, expectRefused, withOwnKey, nestingDepth, INGRID, IMPORT_WALL } from './support/export-files';

let db: SandboxDb;
let file: JournalFile;
let text: string;

beforeAll(async () => {
  ({ db, file } = await richExport());
  text = JSON.stringify(file);
});

/** A deep copy to edit. */
const copy = (): JournalFile => structuredClone(file);
/** The index of the first entry holding an event of `type`, and that event's index. */
function findEvent(type: WorldEvent['type']): { entry: number; event: number } {
  const entry = file.entries.findIndex((e) => e.events.some((event) => event.type === type));
  const event = expectDefined(file.entries[entry], type).events.findIndex((e) => e.type === type);
  return { entry, event };
}

/** How deep a valibot schema nests objects and arrays (the format's own limit), walking its definition. */
function schemaDepth(schema: unknown): number {
  const s = schema as { type: string; entries?: Record<string, unknown>; item?: unknown; options?: unknown[]; wrapped?: unknown }; // valibot's schema objects
  switch (s.type) {
    case 'object':
    case 'strict_object':
    case 'loose_object':
      return 1 + Math.max(0, ...Object.values(s.entries ?? {}).map(schemaDepth));
    case 'array':
      return 1 + schemaDepth(s.item);
    case 'variant':
    case 'union':
      return Math.max(0, ...(s.options ?? []).map(schemaDepth));
    case 'optional':
    case 'nullable':
    case 'nullish':
      return schemaDepth(s.wrapped);
    default:
      return 0;
  }
}

describe('the format and its limits', () => {
  it('the nesting limit is the depth the version-2 schema has, and real exports stay within it', () => {
    expect(schemaDepth(FILE_SCHEMAS[2])).toBe(MAX_IMPORT_DEPTH);
    expect(schemaDepth(FILE_SCHEMAS[1])).toBeLessThanOrEqual(MAX_IMPORT_DEPTH);
    expect(nestingDepth(file)).toBeLessThanOrEqual(MAX_IMPORT_DEPTH);
    expect(nestingDepth(JSON.parse(readFileSync('tests/fixtures/export-v1.json', 'utf8')))).toBeLessThanOrEqual(MAX_IMPORT_DEPTH);
    expect(MAX_IMPORT_STRING).toBeGreaterThan(MAX_EVENT_STRING);
  });

  it('a real export passes every check', () => {
    const checked = checkImportText(text);
    expect(checked.ok).toBe(true);
  });

  it("valibot's strictObject refuses an own __proto__ key from JSON.parse, a looseObject does not: hence the own-key check", () => {
    const parsed: unknown = JSON.parse('{"type":"x","__proto__":{"polluted":true}}');
    expect(Object.keys(parsed as object)).toContain('__proto__'); // JSON.parse of an object literal
    expect(v.safeParse(v.strictObject({ type: v.string() }), parsed).success).toBe(false);
    expect(v.safeParse(v.looseObject({ type: v.string() }), parsed).success).toBe(true); // the version-1 events' schema
    expect(checkStructure(parsed)).toBe('The file has a key "__proto__" at the top level: keys named __proto__, constructor or prototype are refused');
  });
});

describe('exports carry their head; a file that does not reach it is refused', () => {
  it('cut short: the brief case, a 524-entry export missing its last 6', async () => {
    const v1 = await importSandbox(db, readFileSync('tests/fixtures/export-v1.json', 'utf8'), IMPORT_WALL);
    if (!v1.ok) throw new Error(v1.message);
    const whole = await exportSandbox(db, v1.id, IMPORT_WALL);
    expect(whole.head).toMatchObject({ seq: 524, entries: 524 });
    const cut = { ...whole, entries: whole.entries.slice(0, 518) };
    expect(await expectRefused(db, JSON.stringify(cut))).toBe('The file is cut short: it ends at entry 518 but its head is entry 524 (6 entries missing)');
  });

  it('cut short to nothing', async () => {
    expect(await expectRefused(db, JSON.stringify({ ...file, entries: [] }))).toBe(`The file is cut short: it holds no entries but its head is entry ${file.head.seq} (${file.head.seq} entries missing)`);
  });

  it("a head whose hash is not the last entry's", async () => {
    const bad = { ...file, head: { ...file.head, hash: 'a'.repeat(64) } };
    const last = expectDefined(file.entries.at(-1), 'last entry');
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`The file's head does not match its last entry: entry ${last.seq} has hash ${last.hash.slice(0, 12)}… but the head says aaaaaaaaaaaa…`);
  });

  it('a head that counts other entries than the file holds', async () => {
    const bad = { ...file, head: { ...file.head, entries: file.head.entries + 1 } };
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`The file's head counts ${file.entries.length + 1} entries but the file holds ${file.entries.length}`);
  });

  it('entries past the head', async () => {
    const bad = { ...file, head: { ...file.head, seq: file.head.seq - 1 } };
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`The file goes past its head: it ends at entry ${file.head.seq} but its head is entry ${file.head.seq - 1} (1 entry too many)`);
  });
});

describe('import refuses, never strips: a key the format does not know is refused wherever it is', () => {
  it('in an event', async () => {
    const at = findEvent('PersonAdded');
    const bad = copy() as unknown as { entries: { events: Record<string, unknown>[] }[] }; // editing as plain JSON
    expectDefined(bad.entries[at.entry]?.events[at.event], 'PersonAdded')['isAdmin'] = true;
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`The file is not a valid sandbox export: entries[${at.entry}].events[${at.event}].isAdmin: Unknown key "isAdmin": the format has no such field here`);
  });

  it('deep inside an event (an event-log entry of EventLogged)', async () => {
    const at = findEvent('EventLogged');
    const bad = copy() as unknown as { entries: { events: { entry: { reason: Record<string, unknown> } }[] }[] }; // editing as plain JSON
    expectDefined(bad.entries[at.entry]?.events[at.event], 'EventLogged').entry.reason['note'] = 'x';
    await expectRefused(db, JSON.stringify(bad), `entries[${at.entry}].events[${at.event}].entry.reason.note: Unknown key "note"`);
  });

  it('in the head and in the sandbox', async () => {
    await expectRefused(db, JSON.stringify({ ...file, head: { ...file.head, verified: true } }), 'head.verified: Unknown key "verified"');
    await expectRefused(db, JSON.stringify({ ...file, sandbox: { ...file.sandbox, owner: 'me' } }), 'sandbox.owner: Unknown key "owner"');
  });

  it('an event type the world does not have', async () => {
    const bad = copy() as unknown as { entries: { events: Record<string, unknown>[] }[] }; // editing as plain JSON
    expectDefined(bad.entries[3]?.events[0], 'an event')['type'] = 'AdminPromotedToRoot';
    expect(await expectRefused(db, JSON.stringify(bad))).toBe('The file is not a valid sandbox export: entries[3].events[0].type: Unknown event type "AdminPromotedToRoot"');
  });
});

describe('__proto__, constructor and prototype keys are refused, naming the path (JSON.parse makes __proto__ an own key)', () => {
  it('__proto__ in an event', async () => {
    const at = findEvent('LinkCreated');
    const hostile = withOwnKey(file, (root) => root.entries[at.entry]?.events[at.event] ?? {}, '__proto__', { isAdmin: true });
    expect(await expectRefused(db, hostile)).toBe(`The file has a key "__proto__" at entries[${at.entry}].events[${at.event}]: keys named __proto__, constructor or prototype are refused`);
  });

  it('__proto__ at the top level and in a command', async () => {
    await expectRefused(db, withOwnKey(file, (root) => root, '__proto__'), 'The file has a key "__proto__" at the top level');
    await expectRefused(db, withOwnKey(file, (root) => root.entries[5]?.command ?? {}, '__proto__'), 'The file has a key "__proto__" at entries[5].command');
  });

  it('constructor and prototype', async () => {
    const at = findEvent('EventLogged');
    await expectRefused(db, withOwnKey(file, (root) => root.entries[at.entry]?.events[at.event] ?? {}, 'constructor', 1), `The file has a key "constructor" at entries[${at.entry}].events[${at.event}]`);
    await expectRefused(db, withOwnKey(file, (root) => root.head, 'prototype', {}), 'The file has a key "prototype" at head');
  });
});

describe('nesting deeper than the format allows is refused before anything is hashed', () => {
  /** The text of the file with an event's log entry holding a chain of `levels` nested objects (JSON.stringify would recurse). */
  function nested(levels: number): string {
    const at = findEvent('EventLogged');
    const bad = copy();
    (expectDefined(bad.entries[at.entry]?.events[at.event], 'EventLogged') as unknown as { entry: { reason: unknown } }).entry.reason = 'DEEP'; // a marker
    return JSON.stringify(bad).replace('"DEEP"', `${'{"x":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`);
  }

  it('an event nested 10,000 levels deep: a message, not RangeError from canonical JSON', async () => {
    const at = findEvent('EventLogged');
    const hostile = nested(10_000);
    expect(() => canonicalJson(JSON.parse(hostile))).toThrow(RangeError); // what hashing it would do
    const expected = `The file is nested 10006 levels deep at entries[${at.entry}].events[${at.event}].entry.reason.x.x…; the format allows at most ${MAX_IMPORT_DEPTH}`;
    expect(await expectRefused(db, hostile)).toBe(expected);
    // The same message whether the text is scanned before JSON.parse or the parsed data is walked after it.
    expect(scanNesting(hostile)).toBe(expected);
    expect(checkImport(JSON.parse(hostile))).toEqual({ ok: false, message: expected });
  });

  it('one level more than allowed', async () => {
    const at = findEvent('EventLogged');
    // entry.reason is level 7; a reason that is an object holding an array holding an object reaches 9.
    const bad = copy();
    // A hostile shape the types do not allow: a list of objects where the names of directories go.
    (expectDefined(bad.entries[at.entry]?.events[at.event], 'EventLogged') as unknown as { entry: { reason: unknown } }).entry.reason = { kind: 'user-not-found', directories: [{}] }; // a hostile shape
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`The file is nested 9 levels deep at entries[${at.entry}].events[${at.event}].entry.reason.directories[0]…; the format allows at most 8`);
  });

  it('a file nested a million levels deep is refused from its text, without parsing it', () => {
    const started = performance.now();
    const message = checkImportText(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(message).toEqual({ ok: false, message: 'The file is nested 1000000 levels deep at [0][0][0][0][0][0][0][0]…; the format allows at most 8' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('size: the file, each string, each key, each number', () => {
  it('a file over the size limit is refused before JSON.parse', async () => {
    const padded = text + ' '.repeat(MAX_IMPORT_BYTES - text.length + 1);
    expect(await expectRefused(db, padded)).toBe(`The file is too large: 64.0 MiB (${MAX_IMPORT_BYTES + 1} bytes); an import may be at most 64 MiB`);
  });

  it('the limit counts UTF-8 bytes, not characters', async () => {
    const twoByte = `"${'ø'.repeat(MAX_IMPORT_BYTES / 2)}"`; // 2 bytes each: over the limit in fewer characters
    expect(twoByte.length).toBeLessThan(MAX_IMPORT_BYTES);
    await expectRefused(db, twoByte, 'The file is too large', `(${MAX_IMPORT_BYTES + 2} bytes)`);
    expect(sizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    expect(sizeProblem(MAX_IMPORT_BYTES + 1)).toMatch(/too large/);
  });

  it('a huge string anywhere', async () => {
    const bad = copy();
    bad.sandbox.name = 'A'.repeat(10_000_000);
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`The file has a string of 10000000 characters at sandbox.name; the format allows at most ${MAX_IMPORT_STRING}`);
  });

  it('a string longer than its field allows', async () => {
    const at = findEvent('PersonAdded');
    const bad = copy();
    (expectDefined(bad.entries[at.entry]?.events[at.event], 'PersonAdded') as { name: string }).name = 'N'.repeat(MAX_EVENT_STRING + 1); // found by type above
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`The file is not a valid sandbox export: entries[${at.entry}].events[${at.event}].name: Invalid length: Expected <=${MAX_EVENT_STRING} but received ${MAX_EVENT_STRING + 1}`);
  });

  it('a huge key', async () => {
    const key = 'k'.repeat(10_000);
    const message = await expectRefused(db, withOwnKey(file, (root) => root.entries[2] ?? {}, key, 1));
    expect(message).toBe(`The file has a key of 10000 characters at entries[2] ("${'k'.repeat(40)}…"); the format's keys have at most ${MAX_IMPORT_KEY}`);
  });

  it('a number JSON.parse turns into Infinity', async () => {
    const marked = copy();
    expectDefined(marked.entries[3], 'entry 4').at = 7_777_777_777_777; // a marker
    const bad = JSON.stringify(marked).replace('7777777777777', '1e400');
    expect(await expectRefused(db, bad)).toBe('The file has a number too large to be exact at entries[3].at');
  });
});

describe('forged and edited journals', () => {
  it('R-UBC-2 a LinkUnblocked added to an old entry, every later hash and the head recomputed', async () => {
    const index = file.entries.findIndex((e) => e.command.type === 'AddPhone');
    const entry = expectDefined(file.entries[index], 'AddPhone');
    const bad = forged(file, index, (e) => e.events.push({ type: 'LinkUnblocked', orgId: 'acme', mobile: INGRID.mobile, at: e.at }));
    expect(bad.head.hash).not.toBe(file.head.hash);
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`Entry ${entry.seq} (AddPhone): its events are not what the command decides from this seed (edited, or written by another version)`);
  });

  it('R-SEC-5 an event-log entry rewritten, chain and head recomputed', async () => {
    const at = findEvent('EventLogged');
    const entry = expectDefined(file.entries[at.entry], 'EventLogged');
    const bad = forged(file, at.entry, (e) => {
      const event = e.events[at.event] as Extract<WorldEvent, { type: 'EventLogged' }>; // found by type above
      event.entry = { ...event.entry, type: 'Access_Denied', reason: { kind: 'user-inactive' } };
    });
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`Entry ${entry.seq} (${entry.command.type}): its events are not what the command decides from this seed (edited, or written by another version)`);
  });

  it('an edited entry without the chain recomputed', async () => {
    const bad = copy();
    expectDefined(bad.entries[40], 'entry 41').at += 1;
    expect(await expectRefused(db, JSON.stringify(bad))).toBe("The journal's hash chain is broken: entry 41 was changed after it was written");
  });

  it('a deleted entry', async () => {
    const bad = copy();
    bad.entries.splice(30, 1);
    expect(await expectRefused(db, JSON.stringify(bad))).toBe("The journal's hash chain is broken: entry 31 is missing (entry 32 is in its place)");
  });

  it('reordered entries, as written and renumbered with the chain recomputed (R-CLK-1)', async () => {
    const swapped = copy();
    const [a, b] = [expectDefined(swapped.entries[81], 'entry 82'), expectDefined(swapped.entries[83], 'entry 84')];
    expect(a.at).toBeLessThan(b.at);
    swapped.entries[81] = b;
    swapped.entries[83] = a;
    expect(await expectRefused(db, JSON.stringify(swapped))).toBe("The journal's hash chain is broken: entry 82 is missing (entry 84 is in its place)");
    swapped.entries.forEach((entry, i) => (entry.seq = i + 1));
    const renumbered = reheaded({ ...swapped, entries: rechain(swapped.entries, 0) });
    expect(await expectRefused(db, JSON.stringify(renumbered))).toBe('Entry 83 runs at a server time before entry 82: the clock never goes back (R-CLK-1)');
  });

  it('a changed seed', async () => {
    const bad = copy();
    bad.sandbox.seed = 'someone-elses-seed';
    await expectRefused(db, JSON.stringify(bad), /^Entry \d+ \(AppStartActivation\): its events are not what the command decides from this seed/);
  });

  it('R-CLK-1 an entry moved a few seconds later while the clock was paused, chain and head recomputed', async () => {
    const paused = pausedIndexes(file);
    const index = expectDefined(paused.at(-2), 'an entry while paused');
    const entry = expectDefined(file.entries[index], 'paused entry');
    const bad = forged(file, index, (e) => (e.at += 3_000));
    const pausedAt = new Date(entry.at).toISOString();
    const movedTo = new Date(entry.at + 3_000).toISOString();
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`Entry ${entry.seq} (${entry.command.type}) is refused by the rules: The clock is paused at ${pausedAt}: a command at ${movedTo} cannot happen (R-CLK-1)`);
  });

  it('R-SEC-1 a PIN put in the clear, chain and head recomputed', async () => {
    const index = file.entries.findIndex((e) => e.command.type === 'AppEnterPin');
    const entry = expectDefined(file.entries[index], 'AppEnterPin');
    const bad = forged(file, index, (e) => ((e.command as { pin: string }).pin = '1234')); // an AppEnterPin: it has a pin
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`Entry ${entry.seq} (AppEnterPin): a sealed PIN does not open with this sandbox's key, or a PIN is in the clear (R-SEC-1)`);
  });
});

describe('wrong types', () => {
  it('a time as text, a head position as text, events as an object', async () => {
    const at = findEvent('ClockResumed');
    const bad = copy() as unknown as { entries: { events: Record<string, unknown>[] }[] }; // editing as plain JSON
    expectDefined(bad.entries[at.entry]?.events[at.event], 'ClockResumed')['at'] = '2026-01-05T09:00:00Z';
    expect(await expectRefused(db, JSON.stringify(bad))).toBe(`The file is not a valid sandbox export: entries[${at.entry}].events[${at.event}].at: Invalid type: Expected number but received "2026-01-05T09:00:00Z"`);
    await expectRefused(db, JSON.stringify({ ...file, head: { ...file.head, seq: String(file.head.seq) } }), 'head.seq: Invalid type: Expected number');
    const events = copy() as unknown as { entries: Record<string, unknown>[] }; // editing as plain JSON
    expectDefined(events.entries[2], 'entry 3')['events'] = {};
    await expectRefused(db, JSON.stringify(events), 'entries[2].events: Invalid type: Expected Array but received Object');
  });

  it('a number that is not whole, or not safe', async () => {
    const bad = copy();
    expectDefined(bad.entries[4], 'entry 5').at += 0.5;
    await expectRefused(db, JSON.stringify(bad), 'entries[4].at: Invalid safe integer');
    await expectRefused(db, JSON.stringify({ ...file, exportedAt: 2 ** 60 }), 'exportedAt: Invalid safe integer');
  });
});
