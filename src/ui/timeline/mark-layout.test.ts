// The timeline's layout: marks by time, one cell each, stacked at the same moment and spilling right when a column is full.
import { describe, it, expect } from 'vitest';
import { makeMarkLayout, fitMarkLayout, markAt } from './mark-layout';

describe('makeMarkLayout', () => {
  it('places marks by time and stacks those of one moment', () => {
    const layout = makeMarkLayout([0, 0, 0, 50, 100], 11, 4);
    expect([...layout.cells]).toEqual([0, 0, 0, 1, 0, 2, 5, 0, 10, 0]);
    expect(markAt(layout, 0, 2)).toBe(2);
    expect(markAt(layout, 3, 0)).toBe(-1);
  });

  it('a full column spills right; 10,000 marks at one moment each keep a cell', () => {
    const times = new Float64Array(10_000);
    const layout = makeMarkLayout(times, 100, 10);
    expect(layout.cols).toBe(1_000);
    const seen = new Set<number>();
    for (let i = 0; i < times.length; i++) seen.add(layout.cells[2 * i]! * 10 + layout.cells[2 * i + 1]!);
    expect(seen.size).toBe(10_000);
  });

  it('a short history at one moment spreads over the width in as few rows as fit', () => {
    const layout = fitMarkLayout(new Float64Array(88), 60, 10);
    expect(layout.rows).toBe(2);
    expect(layout.cols).toBe(60);
    expect(fitMarkLayout(new Float64Array(10_000), 60, 10).rows).toBe(10);
  });
});
