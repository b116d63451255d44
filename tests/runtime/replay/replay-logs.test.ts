// The logs as they were at a past position: entries written later hidden, counts and pages as if they had never been written.
import { describe, it, expect } from 'vitest';
import { MemoryLogs } from '../../../src/runtime/log-read-model';
import { DexieLogs } from '../../../src/runtime/dexie-logs';
import { writeSandbox } from '../../../src/runtime/sandbox-store';
import { logsUpTo } from '../../../src/runtime/replay/replay-logs';
import { foldEntries } from '../../../src/runtime/journal';
import { initialState } from '../../../src/domain';
import type { Entry } from '../../../src/runtime/journal';
import { freshDb } from '../support/fixture';
import { replayHistory } from './support';

/** A history with many event-log and audit entries: wrong logins, refused Manager actions. */
function history(): Entry[] {
  const { journal } = replayHistory();
  for (let i = 0; i < 12; i++) {
    journal.run({ type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: i % 2 ? 'ola' : 'kari', code: String(100000 + i) });
    // A second login at the same moment: replaying between the two hides a row of the moment shown.
    journal.run({ type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'nobody', code: String(200000 + i) });
    // A HELPDESK may not block a PIN: refused and audited (R-MGR-1).
    journal.run({ type: 'BlockPin', by: 'acme-hanne', orgId: 'acme', mobile: '+4791234502' });
    journal.run({ type: 'AdvanceClock', byMs: 1_000 });
  }
  return journal.entries;
}

function memoryUpTo(entries: readonly Entry[], seq: number): MemoryLogs {
  const logs = new MemoryLogs();
  for (const entry of entries.slice(0, seq)) logs.append(entry.events);
  return logs;
}

describe('logsUpTo: a LogReader of the past', () => {
  const entries = history();
  // Every position of the last rounds: after a login, between two logins of one moment, after a refusal, after the clock.
  const positions = Array.from({ length: 12 }, (_, i) => entries.length - 30 + i).concat([entries.length - 1]);

  it.each(positions)('at entry %i, memory and IndexedDB give exactly what a log written only that far gives', async (seq) => {
    const state = foldEntries(initialState(), entries.slice(0, seq));
    const at = entries[seq - 1]?.at ?? 0;
    const bounds = { lastEvent: state.server.eventLogCount, lastAudit: state.server.auditLogCount, at };
    const whole = new MemoryLogs();
    for (const entry of entries) whole.append(entry.events);
    const db = freshDb('replay-logs');
    await writeSandbox(db, { id: 's', name: 'S', seed: 'replay-test', createdAt: 0, clockAnchorWall: 0 }, entries);
    const expected = memoryUpTo(entries, seq);
    // Some of each log is hidden, some shown.
    const [all, shown] = [await whole.audit('acme', 0, 1), await expected.audit('acme', 0, 1)];
    expect(shown.total).toBeGreaterThan(0);
    if (seq < entries.length - 3) expect(all.total).toBeGreaterThan(shown.total);
    for (const reader of [logsUpTo(whole, bounds), logsUpTo(new DexieLogs(db, 's'), bounds)]) {
      for (const [offset, limit] of [[0, 5], [3, 4], [0, 100]] as const) {
        const query = { orgId: 'acme' };
        expect(await reader.events(query, offset, limit)).toEqual(await expected.events(query, offset, limit));
        const typed = { orgId: 'acme', type: 'Access_Error' as const, match: (e: { username: string }) => e.username === 'kari' };
        expect((await reader.events(typed, offset, limit)).total).toBe((await expected.events(typed, offset, limit)).total);
        expect(await reader.audit('acme', offset, limit)).toEqual(await expected.audit('acme', offset, limit));
      }
      expect(await reader.usernames('acme')).toEqual(await expected.usernames('acme'));
    }
    db.close();
  });

  it('hides everything after the world at its first position', async () => {
    const whole = new MemoryLogs();
    for (const entry of entries) whole.append(entry.events);
    const reader = logsUpTo(whole, { lastEvent: 0, lastAudit: 0, at: 0 });
    expect(await reader.events({ orgId: 'acme' }, 0, 10)).toEqual({ rows: [], total: 0, more: false });
    expect(await reader.audit('acme', 0, 10)).toEqual({ rows: [], total: 0, more: false });
    expect(await reader.usernames('acme')).toEqual([]);
  });
});
