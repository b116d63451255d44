// Signing in to Manager from outside the pane: a demo signs in as the administrator who acts in a step, as a person at
// the screens would before doing it. Sign-in is UI state, not a command; the pane keeps it per sandbox as usual.
import { createSignal } from 'solid-js';
import { rememberAdmin } from './remembered-admin';

const [request, setRequest] = createSignal<{ sandboxId: string; adminId: string } | null>(null, { equals: false });

/** The latest sign-in asked for from outside, for the pane to follow. */
export const adminRequest = request;

/** Signs Manager in as this administrator of the open sandbox (remembered for a reload like any sign-in). */
export function showAdmin(sandboxId: string, adminId: string): void {
  rememberAdmin(sandboxId, adminId);
  setRequest({ sandboxId, adminId });
}
