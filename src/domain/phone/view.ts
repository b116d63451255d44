// What the Code app's screen shows at a moment of phone time: the one code on it, read the same way by the screens and the scenario runner.
import type { AppScreen } from './state';
import { stepOf } from '../server/windows';

/**
 * The code on the screen at phone time `phoneNow` (R-OTP-2, R-UBC-4): an online code until its bar runs out, an
 * offline code or offline unblock code for the phone's current 30-s step; null when the screen shows no code
 * (or the codes the app computed ahead have run out).
 */
export function shownCode(screen: AppScreen, phoneNow: number): string | null {
  switch (screen.kind) {
    case 'online-code':
      return phoneNow < screen.shownAt + screen.validForMs ? screen.code : null;
    case 'offline-code':
    case 'unblock-offline-code':
      return screen.codes[stepOf(phoneNow) - screen.firstStep] ?? null;
    default:
      return null;
  }
}

/** Screens a person leaves with Back: Back returns to the PIN pad (or to activation before there is a device). */
const WITH_BACK: ReadonlySet<AppScreen['kind']> = new Set<AppScreen['kind']>([
  'activate-sms', 'online-code', 'offline-code', 'unblock-org', 'unblock-ubc', 'unblock-new-pin', 'unblock-offline-code', 'change-pin', 'links',
]);

/** Whether the screen has a Back control: the PIN pad, activation and the first PIN have nowhere to go back to. */
export function hasBack(screen: AppScreen): boolean {
  return WITH_BACK.has(screen.kind);
}
