// Which phone the Code app pane shows: chosen in its picker, or from outside (a demo shows the phone that acts).
// Remembered in this browser.
import { createSignal } from 'solid-js';

const PHONE_KEY = 'code-sandbox:phone';

function stored(): string {
  try {
    return localStorage.getItem(PHONE_KEY) ?? '';
  } catch {
    return ''; // storage unavailable: the pane shows the first phone
  }
}

const [shown, setShown] = createSignal(stored());

/** The id of the phone chosen to be shown ('' for none chosen; the pane then shows the first). */
export const shownPhone = shown;

/** Shows this phone in the Code app pane. */
export function showPhone(id: string): void {
  try {
    localStorage.setItem(PHONE_KEY, id);
  } catch {
    // Not remembered where storage is unavailable; the pane still shows it.
  }
  setShown(id);
}
