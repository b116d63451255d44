// Moving focus to an element that a screen change draws: at once when it is there, else on the next frames (a screen
// whose chunk is still loading, e.g. the first time it is shown), for up to half a second.

/** Focuses the first match of `selector` in `root`, waiting up to `frames` animation frames for it to be drawn. */
export function focusWhenDrawn(root: ParentNode, selector: string, frames = 30): void {
  const target = root.querySelector<HTMLElement>(selector);
  if (target) target.focus({ preventScroll: true });
  else if (frames > 0) requestAnimationFrame(() => focusWhenDrawn(root, selector, frames - 1));
}

/** Runs `load` once the page is idle (or soon, where there is no requestIdleCallback): preloading what is likely next. */
export function whenIdle(load: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2_000 });
  else setTimeout(load, 200);
}
