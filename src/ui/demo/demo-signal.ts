// The demo of this tab as a signal, and where it is kept (sessionStorage): all the page loads of demos at first.
// Reading it back after a reload checks it with its schema (demo-session.ts), which loads only when one is kept.
import { createSignal } from 'solid-js';
import type { DemoSession } from './demo-session';

export const DEMO_KEY = 'code-sandbox:demo';

const [session, setSession] = createSignal<DemoSession | null>(null);

/** The demo of this tab, or null. */
export const demoSession = session;
export { setSession as setDemoSession };

/** Whether a demo is kept for this tab (a reload during a demo): then demo-session.ts reads it back. */
export function demoKept(): boolean {
  try {
    return sessionStorage.getItem(DEMO_KEY) !== null;
  } catch {
    return false; // storage unavailable: no demo
  }
}
