// What the Code app's screen shows at a moment of phone time: the one code on it, read the same way by the screens and the scenario runner.
import type { AppScreen } from './state';
import type { AppLinkView } from '../server/commands';
import { stepOf, stepStart } from '../server/windows';
import { DEFAULT_OFFLINE_WINDOW_BACK_MS, UNBLOCK_CODE_VALIDITY_MS } from '../policy';

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

/** The app's links as a person needs them told: how many, how many blocked, and which (R-BLK-1, R-UBC-5). */
export interface LinkSummary {
  linked: number;
  blocked: number;
  /** Names of the blocked organizations, in the app's order. */
  blockedNames: string[];
  /**
   * 'none': no link; 'open': none blocked; 'all-blocked': every link blocked, so the PIN is blocked (R-BLK-1);
   * 'partly-unblocked': the PIN and one or more organizations are unblocked, others still blocked (R-UBC-5).
   */
  state: 'none' | 'open' | 'partly-unblocked' | 'all-blocked';
}

/** Summarizes the links the app last heard from the server. */
export function linkSummary(links: readonly AppLinkView[]): LinkSummary {
  const blockedNames = links.filter((link) => link.blocked).map((link) => link.orgName);
  const linked = links.length;
  const blocked = blockedNames.length;
  const state = linked === 0 ? 'none' : blocked === 0 ? 'open' : blocked === linked ? 'all-blocked' : 'partly-unblocked';
  return { linked, blocked, blockedNames, state };
}

/** How the code on a screen runs out: when it changes, and how long the server still accepts it. */
export interface CodeTiming {
  /** Until the next 30-s step shows another code (R-OTP-2, R-UBC-4); null for the online code, which never changes. */
  changesInMs: number | null;
  /** How long the server accepts the code in all, from the start of its step (or from when it was issued). */
  acceptedForMs: number;
  /** How much of that is left now, on the phone's clock (0 when it is no longer accepted). */
  acceptedLeftMs: number;
}

/**
 * The code's timing at phone time `phoneNow`, from the rule book's numbers: an online code is accepted 120 s after it
 * was issued (R-OTP-1, ONLINE_CODE_VALIDITY_MS as the screen's validForMs); an 8-digit code while its step's start lies within the default
 * offline window back (R-VER-7; an org may widen it); an offline unblock code 120 s (R-UBC-4). The server measures on
 * its own clock, so a phone clock out of step moves the real end. Null when the screen shows no code.
 */
export function codeTiming(screen: AppScreen, phoneNow: number): CodeTiming | null {
  if (shownCode(screen, phoneNow) === null) return null;
  switch (screen.kind) {
    case 'online-code':
      return { changesInMs: null, acceptedForMs: screen.validForMs, acceptedLeftMs: Math.max(0, screen.shownAt + screen.validForMs - phoneNow) };
    case 'offline-code':
    case 'unblock-offline-code': {
      const step = stepOf(phoneNow);
      const acceptedForMs = screen.kind === 'offline-code' ? DEFAULT_OFFLINE_WINDOW_BACK_MS : UNBLOCK_CODE_VALIDITY_MS;
      return {
        changesInMs: stepStart(step + 1) - phoneNow,
        acceptedForMs,
        acceptedLeftMs: Math.max(0, stepStart(step) + acceptedForMs - phoneNow),
      };
    }
    default:
      return null;
  }
}
