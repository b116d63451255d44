// The replay's worlds folded in memory: the same worlds as a fold from the start, sharing what did not change.
import { describe, it, expect } from 'vitest';
import { ReplayStates } from '../../../src/runtime/replay/replay-states';
import { shareUnchanged } from '../../../src/runtime/replay/share-state';
import { foldEntries } from '../../../src/runtime/journal';
import { initialState } from '../../../src/domain';
import { replayHistory } from './support';

/** The replay history, then enough clock moves and wrong PINs for a few kept worlds. */
function longHistory() {
  const { journal, run } = replayHistory();
  for (let i = 0; i < 600; i++) {
    run({ type: 'AdvanceClock', byMs: 1_000 });
    if (i % 100 === 0) run({ type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '0000' });
  }
  return journal.entries;
}

describe('ReplayStates', () => {
  it('before and after any entry are the worlds a fold from the start gives, once folded that far', () => {
    const entries = longHistory();
    const states = new ReplayStates(entries);
    expect(states.around(entries.length - 1, 0)).toBeNull();
    // A moment a little beyond the fold: folded on to it at once.
    expect(states.around(300, 300)?.after).toEqual(foldEntries(initialState(), entries.slice(0, 300)));
    expect(states.complete).toBe(false);
    let calls = 0;
    while (states.extend(() => true)) calls++;
    expect(calls).toBeGreaterThan(1);
    for (const seq of [1, 2, 249, 250, 251, 500, 501, entries.length - 1, entries.length]) {
      const around = states.around(seq);
      expect(around?.entry).toBe(entries[seq - 1]);
      expect(around?.before).toEqual(foldEntries(initialState(), entries.slice(0, seq - 1)));
      expect(around?.after).toEqual(foldEntries(initialState(), entries.slice(0, seq)));
    }
    expect(states.around(entries.length + 1)).toBeNull();
  });

  it('before the fold gets there, a moment folds from the nearest checkpoint, and gives the same worlds', () => {
    const entries = longHistory();
    const at = (seq: number) => foldEntries(initialState(), entries.slice(0, seq));
    const checkpoints = Array.from({ length: Math.floor(entries.length / 200) }, (_, i) => (i + 1) * 200).map((seq) => ({ seq, hash: entries[seq - 1]!.hash, state: at(seq) }));
    const states = new ReplayStates(entries, checkpoints);
    // Nothing folded, and no reach to fold on: the checkpoints alone give the moments after them.
    for (const seq of [201, 250, 401, entries.length]) {
      expect(states.around(seq, 0)?.before).toEqual(at(seq - 1));
      expect(states.around(seq, 0)?.after).toEqual(at(seq));
    }
    expect(states.complete).toBe(false);
    // Before the first checkpoint, from the empty world.
    expect(states.around(150, 0)?.after).toEqual(at(150));
    // Once the fold is complete, the kept worlds serve every moment, and the checkpoints are let go.
    while (states.extend(() => false));
    expect(states.around(401, 0)?.after).toEqual(at(401));
  });

  it('a checkpoint that is not on this journal (another hash) is not used', () => {
    const entries = longHistory();
    const wrong = { seq: 400, hash: entries[398]!.hash, state: initialState() };
    const states = new ReplayStates(entries, [wrong]);
    expect(states.around(401, 0)).toBeNull();
    expect(states.around(401)?.after).toEqual(foldEntries(initialState(), entries.slice(0, 401)));
  });

  it('holds only the journal whose head it was read at', () => {
    const entries = longHistory();
    const states = new ReplayStates(entries);
    const last = entries[entries.length - 1]!;
    expect(states.holds({ headSeq: last.seq, headHash: last.hash })).toBe(true);
    expect(states.holds({ headSeq: last.seq + 1, headHash: last.hash })).toBe(false);
    expect(states.holds({ headSeq: last.seq, headHash: entries[0]!.hash })).toBe(false);
  });
});

describe('shareUnchanged', () => {
  it('gives the old object for an equal one, and shares the equal parts of a changed one', () => {
    const prev = { a: { x: 1, list: [1, 2] }, b: { y: 'b' }, c: [{ z: 1 }, { z: 2 }] };
    expect(shareUnchanged(structuredClone(prev), prev)).toBe(prev);
    const next = { a: { x: 2, list: [1, 2] }, b: { y: 'b' }, c: [{ z: 1 }, { z: 3 }] };
    const shared = shareUnchanged(next, prev);
    expect(shared).toEqual(next);
    expect(shared).not.toBe(prev);
    expect(shared.b).toBe(prev.b);
    expect(shared.a.list).toBe(prev.a.list);
    expect(shared.c[0]).toBe(prev.c[0]);
    expect(shared.c[1]).not.toBe(prev.c[1]);
    // Neither side is changed.
    expect(next.b).not.toBe(prev.b);
    expect(prev.a.x).toBe(1);
  });

  it('keys in another order, one more key or a different type are a change', () => {
    const prev = { m: { one: 1, two: 2 } };
    expect(shareUnchanged({ m: { two: 2, one: 1 } }, prev).m).not.toBe(prev.m);
    expect(shareUnchanged({ m: { one: 1, two: 2, three: undefined } }, prev as { m: Record<string, number | undefined> }).m).not.toBe(prev.m);
    const list = { v: [1] as unknown };
    expect(shareUnchanged({ v: { 0: 1 } as unknown }, list).v).toEqual({ 0: 1 });
  });

  it('shares the worlds of a replay: an entry changes what it touches only', () => {
    const entries = longHistory();
    const world = foldEntries(initialState(), entries.slice(0, 300));
    const again = shareUnchanged(foldEntries(initialState(), entries.slice(0, 300)), world);
    expect(again).toBe(world);
    const later = shareUnchanged(foldEntries(initialState(), entries.slice(0, 301)), world);
    expect(later.server.orgs).toBe(world.server.orgs);
    expect(later.people).toBe(world.people);
  });
});
