// The marks of the history on one canvas: every entry the filters let through, at its simulated time, drawn by kind; a click chooses that moment.
// The canvas is as wide as the view and stays in it while the marks scroll under it: it draws only the columns in
// view, so a long history (100,000 entries make 100,000 px of marks, past any canvas's size) costs what a short one does.
import { createEffect, createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import type { TimelineModel } from './create-timeline';
import { fitMarkLayout, markAt, axisTicks, visibleColumns, CELL } from './mark-layout';
import { MARK_STYLE, drawShape, drawNoteMark, foldNoteCorner } from './mark-style';
import { useI18n } from '../i18n/i18n-provider';
import { formatDateTime, formatTime } from '../../i18n/format';

const ROWS = 10;
const AXIS = 18;
const PAD = 6;
/** Columns between time labels on the axis; the first label after the date leaves it room. */
const TICK = 12;
const TICK_FIRST = 18;

export function TimelineCanvas(props: { model: TimelineModel }) {
  const { t } = useI18n();
  let canvas: HTMLCanvasElement | undefined;
  let scroller: HTMLDivElement | undefined;
  let track: HTMLDivElement | undefined;
  const [width, setWidth] = createSignal(600);
  const [scrollLeft, setScrollLeft] = createSignal(0);
  const [hover, setHover] = createSignal('');
  onMount(() => {
    const observer = new ResizeObserver(() => setWidth(scroller?.clientWidth ?? 600));
    if (scroller) observer.observe(scroller);
    onCleanup(() => observer.disconnect());
  });
  const layout = createMemo(() => {
    const entries = props.model.entries();
    const shown = props.model.shown();
    const times = new Float64Array(shown.length);
    shown.forEach((index, i) => (times[i] = entries[index]?.at ?? 0));
    return { ...fitMarkLayout(times, Math.max(2, Math.floor((width() - 2 * PAD) / CELL)), ROWS), times };
  });
  const ticks = createMemo(() => axisTicks(layout(), layout().times, TICK_FIRST, TICK, formatTime));
  /** 1 at index seq - 1 for each entry written by a scenario step with a trainer's note. */
  const noted = createMemo(() => {
    const flags = new Uint8Array(props.model.entries().length);
    for (const step of props.model.steps()) if (step.note) flags.fill(1, Math.max(0, step.first - 1), step.last);
    return flags;
  });
  const cssWidth = () => Math.max(width(), layout().cols * CELL + 2 * PAD);
  const cssHeight = ROWS * CELL + AXIS + PAD;
  /** The top of the first row of marks: a layout of fewer rows sits in the middle. */
  const marksTop = () => PAD + ((ROWS - layout().rows) * CELL) / 2;

  /**
   * Where the position falls among the marks: the first mark after it (the future starts there; marks are laid out in
   * order, column by column) and the mark of the entry shown, if the filters let it through. Found by halving.
   */
  const cut = createMemo(() => {
    const shown = props.model.shown();
    const position = props.model.position();
    let lo = 0;
    let hi = shown.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((shown[mid] ?? 0) + 1 <= position) lo = mid + 1;
      else hi = mid;
    }
    return { future: lo, selected: lo > 0 && (shown[lo - 1] ?? 0) + 1 === position ? lo - 1 : -1 };
  });
  const cellBox = (i: number) => ({ x: PAD + (layout().cells[2 * i] ?? 0) * CELL, y: marksTop() + (layout().cells[2 * i + 1] ?? 0) * CELL });

  // The marks and the axis in view, the moment shown framed on its line, and the marks after it faint: drawn again on
  // every move, filter, resize or scroll (a view holds about a thousand marks, a millisecond's drawing), so nothing
  // but this canvas is painted when the position moves.
  createEffect(() => {
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const w = width();
    const left = Math.max(0, Math.min(scrollLeft(), cssWidth() - w));
    const pixelWidth = Math.round(w * ratio);
    const pixelHeight = Math.round(cssHeight * ratio);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    // Drawn in the coordinates of the whole track, shifted by the scroll.
    ctx.setTransform(ratio, 0, 0, ratio, -left * ratio, 0);
    ctx.clearRect(left, 0, w, cssHeight);
    const at = layout();
    const { from, to } = visibleColumns(at, left, w, PAD);
    const top = marksTop();
    const shown = props.model.shown();
    const facets = props.model.facets();
    const notes = noted();
    const { future, selected } = cut();
    for (let col = from; col < to; col++) {
      for (let row = 0; row < at.rows; row++) {
        const mark = (at.grid[col * at.rows + row] ?? 0) - 1;
        const index = shown[mark];
        const facet = index === undefined ? undefined : facets[index];
        if (index === undefined || !facet) continue;
        // The future of the replay: each mark at 30 % on the marks' background.
        ctx.globalAlpha = mark >= future ? 0.3 : 1;
        const style = MARK_STYLE[facet.kind];
        const x = PAD + col * CELL + CELL / 2;
        const y = top + row * CELL + CELL / 2;
        if (notes[index]) drawNoteMark(ctx, x, y, CELL);
        ctx.fillStyle = style.color;
        ctx.strokeStyle = style.color;
        drawShape(ctx, style.shape, x, y, CELL - 3);
        if (notes[index]) foldNoteCorner(ctx, x, y, CELL);
      }
    }
    ctx.globalAlpha = 1;
    // The moment shown: a line down its column and a frame around its mark.
    if (selected >= 0) {
      const { x, y } = cellBox(selected);
      ctx.fillStyle = 'rgba(17, 17, 17, 0.12)';
      ctx.fillRect(x + CELL / 2 - 1, PAD, 2, ROWS * CELL);
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2;
      ctx.strokeRect(x, y, CELL, CELL);
    }
    // The time axis: the first moment with its date, then the time of the first mark every TICK columns, in UTC (a
    // label starting up to TICK columns left of the view may reach into it).
    ctx.fillStyle = '#333';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    const axisY = PAD + ROWS * CELL + 4;
    const first = at.times[0];
    if (first !== undefined && from < TICK_FIRST) ctx.fillText(`${formatDateTime(first)} UTC`, PAD, axisY);
    for (const tick of ticks()) {
      if (tick.col < from - TICK) continue;
      if (tick.col >= to) break;
      const x = PAD + tick.col * CELL;
      ctx.fillRect(x, axisY - 3, 1, 3);
      ctx.fillText(tick.text, x + 2, axisY);
    }
  });

  // Keep the moment shown in view while stepping or playing: at the next frame, when the screens have taken the
  // moment in, so reading the scroll position does not lay the page out once more in between.
  let frame = 0;
  createEffect(() => {
    const i = cut().selected;
    const col = i >= 0 ? (layout().cells[2 * i] ?? 0) : -1;
    cancelAnimationFrame(frame);
    if (col < 0) return;
    const x = PAD + col * CELL;
    frame = requestAnimationFrame(() => {
      if (scroller && (x < scroller.scrollLeft || x > scroller.scrollLeft + scroller.clientWidth - CELL)) scroller.scrollLeft = Math.max(0, x - scroller.clientWidth / 2);
    });
  });
  onCleanup(() => cancelAnimationFrame(frame));

  /** The mark under the pointer, by where it is on the track (which moves with the scroll; the canvas does not). */
  const markOf = (event: MouseEvent): number => {
    if (!track) return -1;
    const rect = track.getBoundingClientRect();
    const i = markAt(layout(), Math.floor((event.clientX - rect.left - PAD) / CELL), Math.floor((event.clientY - rect.top - marksTop()) / CELL));
    return i < 0 ? -1 : (props.model.shown()[i] ?? -1);
  };
  const describe = (index: number): string => {
    const entry = props.model.entries()[index];
    const facet = props.model.facets()[index];
    if (!entry || !facet) return '';
    const label = t().timeline.markLabel(entry.seq, t().timeline.kinds[facet.kind], `${formatTime(entry.at)} ${entry.command.type}`);
    return noted()[index] ? t().links.markWithNote(label) : label;
  };
  return (
    <div class="tl-scroller" ref={scroller} onScroll={() => setScrollLeft(scroller?.scrollLeft ?? 0)}>
      <div class="tl-track" ref={track} style={{ width: `${cssWidth()}px`, height: `${cssHeight}px` }}>
        <canvas
          ref={canvas}
          class="tl-canvas"
          style={{ width: `${width()}px`, height: `${cssHeight}px` }}
          role="img"
          aria-label={t().timeline.marks}
          title={hover()}
          onClick={(event) => {
            const index = markOf(event);
            if (index >= 0) props.model.goTo(index + 1);
          }}
          onMouseMove={(event) => setHover(describe(markOf(event)))}
        />
      </div>
    </div>
  );
}
