// The marks of the history on one canvas: every entry the filters let through, at its simulated time, drawn by kind; a click chooses that moment.
import { createEffect, createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import type { TimelineModel } from './create-timeline';
import { fitMarkLayout, markAt, CELL } from './mark-layout';
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
  const [width, setWidth] = createSignal(600);
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
    return fitMarkLayout(times, Math.max(2, Math.floor((width() - 2 * PAD) / CELL)), ROWS);
  });
  /** 1 at index seq - 1 for each entry written by a scenario step with a trainer's note. */
  const noted = createMemo(() => {
    const flags = new Uint8Array(props.model.entries().length);
    for (const step of props.model.steps()) if (step.note) flags.fill(1, Math.max(0, step.first - 1), step.last);
    return flags;
  });
  const cssWidth = () => Math.max(width(), layout().cols * CELL + 2 * PAD);
  const cssHeight = ROWS * CELL + AXIS + PAD;

  createEffect(() => {
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const w = cssWidth();
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(cssHeight * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, cssHeight);
    const { cells, rows } = layout();
    const top = PAD + ((ROWS - rows) * CELL) / 2;
    const shown = props.model.shown();
    const facets = props.model.facets();
    const entries = props.model.entries();
    const position = props.model.position();
    const notes = noted();
    const selected = { x: -1, y: -1 };
    shown.forEach((index, i) => {
      const facet = facets[index];
      if (!facet) return;
      const style = MARK_STYLE[facet.kind];
      const x = PAD + (cells[2 * i] ?? 0) * CELL + CELL / 2;
      const y = top + (cells[2 * i + 1] ?? 0) * CELL + CELL / 2;
      // What lies after the moment shown is the future of the replay: drawn faint.
      ctx.globalAlpha = index + 1 > position ? 0.3 : 1;
      if (notes[index]) drawNoteMark(ctx, x, y, CELL);
      ctx.fillStyle = style.color;
      ctx.strokeStyle = style.color;
      drawShape(ctx, style.shape, x, y, CELL - 3);
      if (notes[index]) foldNoteCorner(ctx, x, y, CELL);
      if (index + 1 === position) Object.assign(selected, { x, y });
    });
    ctx.globalAlpha = 1;
    if (selected.x >= 0) {
      const { x, y } = selected;
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2;
      ctx.strokeRect(x - CELL / 2, y - CELL / 2, CELL, CELL);
      ctx.fillStyle = 'rgba(17,17,17,0.12)';
      ctx.fillRect(x - 1, PAD, 2, ROWS * CELL);
    }
    // The time axis: the first moment with its date, then the time of the first mark every TICK columns, in UTC.
    ctx.fillStyle = '#333';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    const axisY = PAD + ROWS * CELL + 4;
    const first = entries[shown[0] ?? -1]?.at;
    if (first !== undefined) ctx.fillText(`${formatDateTime(first)} UTC`, PAD, axisY);
    let nextTick = TICK_FIRST;
    let lastLabel = first === undefined ? '' : formatTime(first);
    shown.forEach((index, i) => {
      const col = cells[2 * i] ?? 0;
      if (col < nextTick) return;
      const at = entries[index]?.at;
      if (at === undefined || formatTime(at) === lastLabel) return;
      lastLabel = formatTime(at);
      const x = PAD + col * CELL;
      ctx.fillRect(x, axisY - 3, 1, 3);
      ctx.fillText(lastLabel, x + 2, axisY);
      nextTick = col + TICK;
    });
  });

  // Keep the moment shown in view while stepping or playing.
  createEffect(() => {
    const i = props.model.shown().indexOf(props.model.position() - 1);
    const col = i >= 0 ? (layout().cells[2 * i] ?? 0) : -1;
    if (!scroller || col < 0) return;
    const x = PAD + col * CELL;
    if (x < scroller.scrollLeft || x > scroller.scrollLeft + scroller.clientWidth - CELL) scroller.scrollLeft = Math.max(0, x - scroller.clientWidth / 2);
  });

  const markOf = (event: MouseEvent): number => {
    const rect = (event.currentTarget as HTMLCanvasElement).getBoundingClientRect(); // the handler sits on the canvas
    const top = PAD + ((ROWS - layout().rows) * CELL) / 2;
    const i = markAt(layout(), Math.floor((event.clientX - rect.left - PAD) / CELL), Math.floor((event.clientY - rect.top - top) / CELL));
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
    <div class="tl-scroller" ref={scroller}>
      <canvas
        ref={canvas}
        class="tl-canvas"
        style={{ width: `${cssWidth()}px`, height: `${cssHeight}px` }}
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
  );
}
