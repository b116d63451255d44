// Manager's pure helpers (issue 9): CSV escaping, ISO time fields and quick ranges, the Unblocks and Blocks stories, user search.
import { describe, expect, it } from 'vitest';
import { csvField, csvFile, csvLine, eventCsvLines, isoSecond } from '../../src/ui/manager/csv';
import { formatMinute, quickRange, readTimeInput } from '../../src/ui/manager/time-range';
import { EMPTY_EVENT_FILTER, isBlock, isUnblock, toEventQuery } from '../../src/ui/manager/event-filter';
import { matchesUser } from '../../src/ui/manager/user-match';
import { matchesQuery, MemoryLogs } from '../../src/runtime/log-read-model';
import type { EventLogEntry, EventReason, EventLogType, Link } from '../../src/domain';

const AT = Date.UTC(2026, 0, 5, 9, 30, 15);

function entry(seq: number, type: EventLogType, reason: EventReason, at = AT): EventLogEntry {
  return { seq, at, orgId: 'acme', type, username: 'ingrid', mobile: '+4791234501', accessServerId: null, reason };
}

describe('CSV (RFC 4180)', () => {
  const table: [string, string][] = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+47 912', "'+47 912"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['=a,"b"', `"'=a,""b"""`],
    ['', ''],
  ];
  for (const [value, expected] of table) it(`csvField(${JSON.stringify(value)}) is ${JSON.stringify(expected)}`, () => expect(csvField(value)).toBe(expected));

  it('a line joins fields with commas; a file has a BOM, headings and CRLF after every line', () => {
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"');
    expect(csvFile(['Time', 'Type'], ['x,y'])).toBe('\ufeffTime,Type\r\nx,y\r\n');
  });

  it('entries become ISO UTC times to the second, type, username, access server and description', () => {
    const lines = eventCsvLines([entry(1, 'Access_Granted_Offline', { kind: 'unblock-granted' })], { describe: () => 'PIN unblocked, new PIN set', where: () => 'Acme VPN' });
    expect(lines).toEqual(['2026-01-05T09:30:15Z,Access_Granted_Offline,ingrid,Acme VPN,"PIN unblocked, new PIN set"']);
    expect(isoSecond(AT + 999)).toBe('2026-01-05T09:30:15Z');
  });
});

describe('ISO time fields', () => {
  it('read "2026-01-05 09:30" as UTC, empty as no bound, and refuse US forms and impossible dates', () => {
    expect(readTimeInput('2026-01-05 09:30')).toEqual({ ok: true, ms: Date.UTC(2026, 0, 5, 9, 30) });
    expect(readTimeInput('  ')).toEqual({ ok: true, ms: null });
    for (const bad of ['01/05/2026 9:15 AM', '2026-02-30 10:00', '2026-01-05 24:00', '2026-01-05', 'today']) expect(readTimeInput(bad)).toEqual({ ok: false });
  });

  it('format the minute back, so what is shown reads again to the same instant', () => {
    expect(formatMinute(AT)).toBe('2026-01-05 09:30');
    const read = readTimeInput(formatMinute(AT));
    expect(read.ok && read.ms).toBe(Date.UTC(2026, 0, 5, 9, 30));
  });

  it('quick ranges end at the server minute: last 15 min, last hour, today from 00:00 UTC', () => {
    const minute = Date.UTC(2026, 0, 5, 9, 30);
    expect(quickRange('last15', AT)).toEqual({ from: minute - 15 * 60_000, to: minute });
    expect(quickRange('lastHour', AT)).toEqual({ from: minute - 60 * 60_000, to: minute });
    expect(quickRange('today', AT)).toEqual({ from: Date.UTC(2026, 0, 5), to: minute });
  });
});

describe('R-MGR-4, R-VER-8 the Unblocks and Blocks stories', () => {
  const log = [
    entry(1, 'PIN_Unblocked', { kind: 'app-unblocked', newPinSet: true }),
    entry(2, 'Access_Granted_Offline', { kind: 'unblock-granted' }),
    entry(3, 'Access_Granted_Offline', { kind: 'offline-granted' }),
    entry(4, 'PIN_Blocked', { kind: 'pin-blocked', cause: 'manager' }),
    entry(5, 'Access_Denied', { kind: 'otp-failed', attemptsRemaining: 0, linkBlocked: true }),
    entry(6, 'Access_Denied', { kind: 'otp-failed', attemptsRemaining: 1, linkBlocked: false }),
    entry(7, 'Access_Denied_Offline', { kind: 'offline-wrong-pin', attemptsRemaining: 0, pinBlocked: true }),
    entry(8, 'Access_Denied_Offline', { kind: 'offline-wrong-pin', attemptsRemaining: 2, pinBlocked: false }),
  ];
  it('Unblocks: online (PIN_Unblocked) and offline (Access_Granted_Offline, unblock-granted), nothing else', () => {
    expect(log.filter(isUnblock).map((e) => e.seq)).toEqual([1, 2]);
  });
  it('Blocks: PIN_Blocked and the login attempts that blocked, each once', () => {
    expect(log.filter(isBlock).map((e) => e.seq)).toEqual([4, 5, 7]);
  });
  it('through the LogReader query, with a time range and text, one entry per login', async () => {
    const logs = new MemoryLogs();
    logs.append(log.map((e) => ({ type: 'EventLogged' as const, entry: e })));
    const query = toEventQuery({ ...EMPTY_EVENT_FILTER, type: 'unblocks', from: AT - 60_000, to: AT }, 'acme', () => 'PIN unblocked', ['ingrid']);
    expect(query.type).toBeUndefined();
    expect((await logs.events(query, 0, 50)).rows.map((e) => e.seq)).toEqual([2, 1]);
    const outside = toEventQuery({ ...EMPTY_EVENT_FILTER, type: 'blocks', to: AT - 120_000 }, 'acme', () => '', []);
    expect(log.filter((e) => matchesQuery(e, outside))).toEqual([]);
    const typed = toEventQuery({ ...EMPTY_EVENT_FILTER, type: 'PIN_Blocked' }, 'acme', () => '', []);
    expect(typed.type).toBe('PIN_Blocked');
    expect(typed.match).toBeUndefined();
  });
});

describe('R-MGR-2 users search by name or username', () => {
  const link = { orgId: 'acme', mobile: '+4791234503', username: 'kari', status: 'active', blocked: false } as Link; // only the fields matchesUser reads
  const row = { link, name: 'Kari Hansen', appId: '1234567890', orgCount: 3 };
  it('finds by the person\'s name, username, mobile and App-ID; not by unrelated text', () => {
    for (const query of ['hansen', 'KARI', '91234503', '+47 912', '4567']) expect(matchesUser(row, 'all', query)).toBe(true);
    expect(matchesUser(row, 'all', 'ola')).toBe(false);
    expect(matchesUser({ ...row, name: null }, 'all', 'hansen')).toBe(false);
  });
});
