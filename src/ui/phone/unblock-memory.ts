// What the app on this screen remembers of an offline unblock code it made (R-UBC-4), until the phone is online and the server tells it.
import { createSignal } from 'solid-js';

/** An offline unblock code the app showed: for which organization, and when by the phone's clock. */
export interface MadeUnblockCode {
  orgId: string;
  orgName: string;
  /** The 30-s step the app made its codes from: the same screen is remembered once. */
  firstStep: number;
  /** Phone time the code was first shown (R-CLK-2). */
  at: number;
}

// View state only, not the world's: the core's app state keeps no such fact, and a reload forgets it (the screens then say what
// they can without it). Keyed by sandbox and phone, so another sandbox's phone of the same id never inherits it.
const [made, setMade] = createSignal<Readonly<Record<string, MadeUnblockCode>>>({});

/** The key of one phone in one sandbox. */
export function makeMemoryKey(sandboxId: string, phoneId: string): string {
  return `${sandboxId}:${phoneId}`;
}

/** The offline unblock code this phone last made, if any since it was last online. */
export function madeUnblockCode(key: string): MadeUnblockCode | undefined {
  return made()[key];
}

/** Remembers the code shown; the first showing of a screen counts, so showing it again does not move the time. */
export function rememberUnblockCode(key: string, code: MadeUnblockCode): void {
  const current = made()[key];
  if (current && current.orgId === code.orgId && current.firstStep === code.firstStep) return;
  setMade({ ...made(), [key]: code });
}

/** Forgets it: online the server's links say what is true. */
export function forgetUnblockCode(key: string): void {
  if (!(key in made())) return;
  const { [key]: _gone, ...rest } = made();
  setMade(rest);
}
