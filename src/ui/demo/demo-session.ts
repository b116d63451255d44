// The demo in progress in this tab: which sandbox it plays on, the scenario file, where it is and how. Kept in
// sessionStorage, so a reload (or a crash of the tab's page) shows the player again, paused at the same step. Loaded
// when a demo starts, or after a reload when one is kept (demo-signal.ts holds the signal the page reads).
import * as v from 'valibot';
import { DEMO_KEY, demoSession as session, setDemoSession as setSession } from './demo-signal';

export const PACES = ['slow', 'normal', 'fast'] as const;
export type Pace = (typeof PACES)[number];

/** How long a step's caption shows before the step runs. */
export const PACE_MS: Record<Pace, number> = { slow: 7_000, normal: 4_000, fast: 2_000 };

const KEY = DEMO_KEY;
const PACE_KEY = 'code-sandbox:demo-pace';

const DemoSessionSchema = v.object({
  sandboxId: v.string(),
  /** The sandbox open before the demo started, to go back to on Close. */
  returnTo: v.nullable(v.string()),
  fileName: v.string(),
  text: v.string(),
  caseId: v.nullable(v.string()),
  /** Index of the next step to run. */
  next: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Whether the step before `next` is the one on screen (it ran and its result is held), rather than step `next`. */
  held: v.boolean(),
  /** Values kept by the steps so far ({name} in later steps). */
  kept: v.array(v.tuple([v.string(), v.string()])),
  pace: v.picklist(PACES),
  paused: v.boolean(),
});

export type DemoSession = v.InferOutput<typeof DemoSessionSchema>;

function read(): DemoSession | null {
  try {
    const text = sessionStorage.getItem(KEY);
    if (!text) return null;
    const parsed = v.safeParse(DemoSessionSchema, JSON.parse(text));
    return parsed.success ? parsed.output : null;
  } catch {
    return null; // storage unavailable or not JSON: no demo
  }
}

/** Reads back the demo kept for this tab (after a reload); a kept demo that does not check out is no demo. */
export function restoreDemo(): void {
  if (session() === null) setSession(read());
}

/** The demo of this tab, or null. */
export const demoSession = session;

/** The sandbox a demo started just now (it plays at once; after a reload it waits, paused). */
let startedNow: string | null = null;

/** Keeps where the demo is. */
export function saveDemo(next: DemoSession): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(next));
    localStorage.setItem(PACE_KEY, next.pace);
  } catch {
    // Storage unavailable: the demo plays on, but a reload ends it.
  }
  setSession(next);
}

/** A new demo: shown as soon as its sandbox is the open one, playing. */
export function beginDemo(next: DemoSession): void {
  startedNow = next.sandboxId;
  saveDemo(next);
}

/** Whether the demo on this sandbox was started just now (true once). */
export function takeStartedNow(sandboxId: string): boolean {
  const fresh = startedNow === sandboxId;
  if (fresh) startedNow = null;
  return fresh;
}

/** Ends the demo of this tab. */
export function endDemo(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored to remove.
  }
  setSession(null);
}

/** The pace last chosen in this browser. */
export function lastPace(): Pace {
  try {
    const stored = localStorage.getItem(PACE_KEY);
    return PACES.find((pace) => pace === stored) ?? 'normal';
  } catch {
    return 'normal';
  }
}
