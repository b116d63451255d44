// Before and after one entry: only the fields it changed, each against what it was.
import { describe, it, expect } from 'vitest';
import { diffStates } from '../../../src/runtime/replay/state-diff';
import { replayHistory } from './support';

describe('diffStates', () => {
  it('the third wrong PIN: the links blocked with a UBC, the holder\'s counter, the phone\'s screen, the log counters', () => {
    const { journal, run } = replayHistory();
    run({ type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '0000' });
    run({ type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '0000' });
    const before = journal.state;
    run({ type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '0000' });
    const changes = diffStates(before, journal.state);
    const find = (area: string, field: string) => changes.find((c) => c.area === area && c.field === field);
    expect(find('link', 'blocked')).toMatchObject({ subject: 'Acme Corp · ingrid (+4791234501)', before: false, after: true });
    expect(find('link', 'ubc')?.before).toBeNull();
    expect(find('link', 'ubc')?.after).toMatch(/^\d+$/);
    expect(find('holder', 'pinFailures')).toMatchObject({ subject: '+4791234501', before: 2 });
    expect(find('log', 'eventLogCount')?.after).toBe(before.server.eventLogCount + 1);
    // Nothing about people it did not touch.
    expect(changes.some((c) => c.subject.includes('+4791234502'))).toBe(false);
  });

  it('nothing changed, nothing shown; a moved clock shows its time', () => {
    const { journal, run } = replayHistory();
    expect(diffStates(journal.state, journal.state)).toEqual([]);
    const before = journal.state;
    run({ type: 'AdvanceClock', byMs: 30_000 });
    expect(diffStates(before, journal.state)).toContainEqual({ area: 'clock', subject: '', field: 'now', before: { time: before.clock.now }, after: { time: before.clock.now + 30_000 } });
  });
});
