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
