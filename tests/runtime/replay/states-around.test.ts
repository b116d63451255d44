// Replay reads both sides of an entry at once: the same worlds as stateAt before and after it, across checkpoints.
import { describe, it, expect } from 'vitest';
import { agedJournal, BENCH_SEED } from '../../bench/aged-journal';
import { writeSandbox } from '../../../src/runtime/sandbox-store';
import { stateAt, statesAround } from '../../../src/runtime/sandbox';
import { freshDb } from '../support/fixture';

describe('statesAround', () => {
  it.each([1, 2, 499, 500, 501, 1_000, 1_234])('entry %i: before is stateAt(seq - 1), after is stateAt(seq)', async (seq) => {
    const { entries } = agedJournal(1_300);
    const db = freshDb('around');
    await writeSandbox(db, { id: 'a', name: 'A', seed: BENCH_SEED, createdAt: 0, clockAnchorWall: 0 }, entries);
    const around = await statesAround(db, 'a', seq);
    expect(around.entry?.seq).toBe(seq);
    expect(around.before).toEqual((await stateAt(db, 'a', seq - 1)).state);
    expect(around.after).toEqual((await stateAt(db, 'a', seq)).state);
    db.close();
  });
});
