// Each kind's colour and shape, drawn on the timeline's canvas and in its legend, so kinds differ by more than colour.
import type { EntryKind } from '../../runtime/replay/entry-kind';

export type Shape = 'circle' | 'triangle-down' | 'cross' | 'square' | 'diamond' | 'triangle-up' | 'ring' | 'bar' | 'plus' | 'dot';

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11, graphics). */
export const MARK_STYLE: Record<EntryKind, { color: string; shape: Shape }> = {
  granted: { color: '#1b7f3b', shape: 'circle' },
  denied: { color: '#b35c00', shape: 'triangle-down' },
  error: { color: '#c0182b', shape: 'cross' },
  block: { color: '#7a1020', shape: 'square' },
  unblock: { color: '#1d5fbf', shape: 'diamond' },
  ubc: { color: '#7b3fa6', shape: 'triangle-up' },
  clock: { color: '#5a6472', shape: 'ring' },
  network: { color: '#0b7285', shape: 'bar' },
  world: { color: '#8a5a1c', shape: 'plus' },
  action: { color: '#44505e', shape: 'dot' },
};

/** Traces a shape of size `s` centred at (x, y) and fills or strokes it. */
export function drawShape(ctx: CanvasRenderingContext2D, shape: Shape, x: number, y: number, s: number): void {
  const h = s / 2;
  ctx.beginPath();
  switch (shape) {
    case 'circle':
      ctx.arc(x, y, h, 0, Math.PI * 2);
      return void ctx.fill();
    case 'dot':
      ctx.arc(x, y, h * 0.55, 0, Math.PI * 2);
      return void ctx.fill();
    case 'ring':
      ctx.lineWidth = 1.6;
      ctx.arc(x, y, h - 0.8, 0, Math.PI * 2);
      return void ctx.stroke();
    case 'square':
      ctx.rect(x - h, y - h, s, s);
      return void ctx.fill();
    case 'bar':
      ctx.rect(x - h * 0.4, y - h, s * 0.4, s);
      return void ctx.fill();
    case 'diamond':
      ctx.moveTo(x, y - h); ctx.lineTo(x + h, y); ctx.lineTo(x, y + h); ctx.lineTo(x - h, y); ctx.closePath();
      return void ctx.fill();
    case 'triangle-up':
      ctx.moveTo(x, y - h); ctx.lineTo(x + h, y + h); ctx.lineTo(x - h, y + h); ctx.closePath();
      return void ctx.fill();
    case 'triangle-down':
      ctx.moveTo(x - h, y - h); ctx.lineTo(x + h, y - h); ctx.lineTo(x, y + h); ctx.closePath();
      return void ctx.fill();
    case 'cross':
      ctx.lineWidth = 2.2;
      ctx.moveTo(x - h, y - h); ctx.lineTo(x + h, y + h); ctx.moveTo(x + h, y - h); ctx.lineTo(x - h, y + h);
      return void ctx.stroke();
    case 'plus':
      ctx.lineWidth = 2.2;
      ctx.moveTo(x, y - h); ctx.lineTo(x, y + h); ctx.moveTo(x - h, y); ctx.lineTo(x + h, y);
      return void ctx.stroke();
  }
}

/**
 * A step with a trainer's note: its cell is shaded like a sticky note, behind the kind's mark, and its top-right corner
 * is folded over the mark, so it reads as a property of the step and not as another kind. The fold has at least 3:1
 * contrast on white and on the shade.
 */
export const NOTE_STYLE = { shade: '#ffe59a', corner: '#7a5200' } as const;

/** Shades the cell of size `cell` centred at (x, y). Draw before the mark, then foldNoteCorner after it. */
export function drawNoteMark(ctx: CanvasRenderingContext2D, x: number, y: number, cell: number): void {
  const h = cell / 2;
  ctx.fillStyle = NOTE_STYLE.shade;
  ctx.fillRect(x - h, y - h, cell, cell);
}

/** Folds the top-right corner of the cell over the mark, with a light edge along the fold. */
export function foldNoteCorner(ctx: CanvasRenderingContext2D, x: number, y: number, cell: number): void {
  const h = cell / 2;
  const fold = Math.max(3, Math.round(cell * 0.45));
  ctx.beginPath();
  ctx.moveTo(x + h - fold, y - h); ctx.lineTo(x + h, y - h); ctx.lineTo(x + h, y - h + fold); ctx.closePath();
  ctx.fillStyle = NOTE_STYLE.corner;
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(x + h - fold - 0.5, y - h); ctx.lineTo(x + h, y - h + fold + 0.5);
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
}
