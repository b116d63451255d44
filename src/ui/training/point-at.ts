// "Show me": the control a hint names, found by its accessible name in one pane, scrolled into view and marked for a while.

const MARK = 'hint-target';
const MARK_MS = 8_000;

const ROOTS: Record<string, string> = {
  phone: '#pane-phone',
  manager: '#pane-manager',
  login: '#pane-login',
  training: '.training',
};

/** The control's accessible name as a person reads it: its aria-label, or its text. */
function nameOf(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Marks the first button, link or tab named `name` in `pane`; returns whether one was found. */
export function pointAt(pane: string, name: string): boolean {
  const root = document.querySelector(ROOTS[pane] ?? 'body');
  if (!root) return false;
  const wanted = name.trim().toLowerCase();
  const target = [...root.querySelectorAll('button, a, [role="tab"], summary')].find((element) => nameOf(element).toLowerCase() === wanted);
  if (!(target instanceof HTMLElement)) return false;
  for (const old of document.querySelectorAll(`.${MARK}`)) old.classList.remove(MARK);
  target.classList.add(MARK);
  target.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  setTimeout(() => target.classList.remove(MARK), MARK_MS);
  return true;
}
