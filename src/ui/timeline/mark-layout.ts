// Where each timeline mark goes: a column by its simulated time, marks of one moment stacked, a full column spilling right, so every mark keeps its own cell.
/** One cell per mark, in CSS pixels. */
export const CELL = 11;

export interface MarkLayout {
  /** Column and row of mark i, at 2i and 2i+1. */
  cells: Int32Array;
  cols: number;
  rows: number;
  /** Mark index + 1 at col * rows + row; 0 for an empty cell. */
  grid: Int32Array;
}

/**
 * Lays out marks whose times never go back (R-CLK-1): mark i's column is its time scaled to `minCols`; a mark whose
 * column is taken stacks under the one before, and a full column spills into the next. The layout may grow wider
 * than `minCols` (the canvas then scrolls), never overlaps two marks.
 */
export function makeMarkLayout(times: ArrayLike<number>, minCols: number, rows: number): MarkLayout {
  const n = times.length;
  const cells = new Int32Array(n * 2);
  const first = n > 0 ? (times[0] as number) : 0; // n > 0
  const span = n > 0 ? (times[n - 1] as number) - first : 0;
  let col = -1;
  let row = 0;
  for (let i = 0; i < n; i++) {
    const target = span > 0 ? Math.floor((((times[i] as number) - first) / span) * Math.max(0, minCols - 1)) : 0;
    if (target > col) {
      col = target;
      row = 0;
    } else if (++row >= rows) {
      col++;
      row = 0;
    }
    cells[2 * i] = col;
    cells[2 * i + 1] = row;
  }
  const cols = Math.max(minCols, col + 1);
  const grid = new Int32Array(cols * rows);
  for (let i = 0; i < n; i++) grid[(cells[2 * i] as number) * rows + (cells[2 * i + 1] as number)] = i + 1;
  return { cells, cols, rows, grid };
}

/**
 * The layout with the fewest rows (up to `maxRows`) whose marks fit in `minCols` columns, so a short history spreads
 * across the width; a long one takes every row and scrolls.
 */
export function fitMarkLayout(times: ArrayLike<number>, minCols: number, maxRows: number): MarkLayout {
  let rows = Math.max(1, Math.min(maxRows, Math.ceil(times.length / Math.max(1, minCols))));
  for (; rows < maxRows; rows++) {
    const layout = makeMarkLayout(times, minCols, rows);
    if (layout.cols <= minCols) return layout;
  }
  return makeMarkLayout(times, minCols, maxRows);
}

/** The mark at a cell, or -1. */
export function markAt(layout: MarkLayout, col: number, row: number): number {
  if (col < 0 || row < 0 || col >= layout.cols || row >= layout.rows) return -1;
  return (layout.grid[col * layout.rows + row] ?? 0) - 1;
}

/**
 * The axis's time labels: one at the first mark of column `first` or later, then at the first mark at least `every`
 * columns after the last label, skipping a mark whose label reads as the last one did. Computed once per layout, so
 * drawing a part of the axis puts each label where drawing all of it would.
 */
export function axisTicks(layout: MarkLayout, times: ArrayLike<number>, first: number, every: number, label: (at: number) => string): { col: number; text: string }[] {
  const ticks: { col: number; text: string }[] = [];
  let next = first;
  let last = times.length > 0 ? label(times[0] as number) : '';
  for (let i = 0; i < times.length; i++) {
    const col = layout.cells[2 * i] as number; // i < times.length = marks in the layout
    if (col < next) continue;
    const text = label(times[i] as number);
    if (text === last) continue;
    last = text;
    ticks.push({ col, text });
    next = col + every;
  }
  return ticks;
}

/** The columns a viewport `width` wide, scrolled `scrollLeft` into marks that start `pad` from the left, shows (in part). */
export function visibleColumns(layout: MarkLayout, scrollLeft: number, width: number, pad: number): { from: number; to: number } {
  return {
    from: Math.max(0, Math.floor((scrollLeft - pad) / CELL)),
    to: Math.min(layout.cols, Math.ceil((scrollLeft + width - pad) / CELL) + 1),
  };
}
