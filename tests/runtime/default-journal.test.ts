// The default world built in slices (a first visit, giving the page its main thread back) is the same journal as built at once.
import { describe, expect, it } from 'vitest';
import { defaultJournal, defaultJournalInSlices } from '../../src/runtime/default-journal';

describe('default journal in slices', () => {
  it('gives the same entries, hash for hash, and the same state (R-CLK-1: the same times too)', async () => {
    const atOnce = defaultJournal('slices', 1_000);
    const sliced = await defaultJournalInSlices('slices', 1_000);
    expect(sliced.entries.length).toBe(atOnce.entries.length);
    expect(sliced.entries.map((entry) => entry.hash)).toEqual(atOnce.entries.map((entry) => entry.hash));
    expect(sliced.state).toEqual(atOnce.state);
    expect(sliced.clockAnchorWall).toBe(1_000);
  });

  it('depends on the seed: another seed gives another chain', async () => {
    const other = await defaultJournalInSlices('another seed', 1_000);
    expect(other.entries.at(-1)?.hash).not.toBe(defaultJournal('slices', 1_000).entries.at(-1)?.hash);
  });
});
