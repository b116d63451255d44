// The timeline's layout: marks by time, one cell each, stacked at the same moment and spilling right when a column is full.
import { describe, it, expect } from 'vitest';
import { makeMarkLayout, fitMarkLayout, markAt, axisTicks, visibleColumns, CELL } from './mark-layout';

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

describe('drawing the columns in view', () => {
  it('the columns a view shows, at the start, scrolled, and at the end of a long history', () => {
    const layout = makeMarkLayout(new Float64Array(100_000), 100, 10);
    expect(layout.cols).toBe(10_000);
    expect(visibleColumns(layout, 0, 600, 6)).toEqual({ from: 0, to: Math.ceil(594 / CELL) + 1 });
    const scrolled = visibleColumns(layout, 50_000, 600, 6);
    expect(scrolled.from).toBe(Math.floor(49_994 / CELL));
    expect((scrolled.to - scrolled.from) * CELL).toBeGreaterThanOrEqual(600);
    expect(visibleColumns(layout, layout.cols * CELL + 12 - 600, 600, 6).to).toBe(10_000);
  });

  it('axis labels sit where they would if the whole axis were drawn: every `every` columns, a label only when it reads differently', () => {
    // One mark per column, a second apart.
    const times = Array.from({ length: 100 }, (_, i) => i * 1_000);
    const layout = makeMarkLayout(times, 100, 1);
    const bySecond = axisTicks(layout, times, 18, 12, (at) => String(at / 1_000));
    expect(bySecond.map((t) => t.col)).toEqual([18, 30, 42, 54, 66, 78, 90]);
    expect(bySecond[0]?.text).toBe('18');
    // Labels by twenty seconds: columns 18 and 19 read as the first mark did, so the first label waits for column 20.
    const ticks = axisTicks(layout, times, 18, 12, (at) => String(Math.floor(at / 20_000)));
    expect(ticks).toEqual([{ col: 20, text: '1' }, { col: 40, text: '2' }, { col: 60, text: '3' }, { col: 80, text: '4' }]);
    // Each label at least `every` columns after the one before.
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.col - ticks[i - 1]!.col).toBeGreaterThanOrEqual(12);
  });
});
