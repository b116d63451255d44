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
