// A phone and the Code app on it: what the app keeps locally (never the PIN, R-SEC-1) and what its screen shows.
import type { AppLinkView } from '../server/commands';

export type PhoneId = string;
export type PersonId = string;

/** The app's local data after activation (R-ACT-1). */
export interface AppDevice {
  deviceId: string;
  appId: string;
  /** Hex of the device key, shared with the server at activation. */
  deviceKey: string;
  mobile: string;
}

/** What the app's screen shows. Offline codes are kept as codes per step, never as the PIN they came from (R-SEC-1). */
export type AppScreen =
  | { kind: 'activate' }
  | { kind: 'activate-sms'; mobile: string }
  | { kind: 'first-pin' }
  | { kind: 'pin' }
  | { kind: 'online-code'; code: string; shownAt: number; validForMs: number }
  | { kind: 'offline-code'; firstStep: number; codes: string[] }
  | { kind: 'unblock-org' }
  | { kind: 'unblock-ubc'; orgId: string }
  | { kind: 'unblock-new-pin'; orgId: string; ubc: string }
  | { kind: 'unblock-offline-code'; orgId: string; firstStep: number; codes: string[] }
  | { kind: 'change-pin' }
  | { kind: 'links' };

/** A message on the app's screen that outlives the action that caused it. */
export type AppNotice =
  | { kind: 'sms-sent'; mobile: string }
  | { kind: 'wrong-pin'; attemptsRemaining: number }
  | { kind: 'pin-blocked'; hasUbc: boolean }
  | { kind: 'wrong-ubc'; attemptsRemaining: number }
  | { kind: 'ubc-blocked' }
  | { kind: 'ubc-used' }
  | { kind: 'unblocked'; orgName: string; newPinSet: boolean }
  /** R-SEC-3, R-UBC-4: back online, the app learned that an offline unblock was accepted; it offers no more codes for that UBC. */
  | { kind: 'unblock-confirmed'; orgName: string }
  | { kind: 'pin-changed' }
  | { kind: 'pin-set' }
  | { kind: 'replaced' };

export interface AppState {
  device: AppDevice | null;
  /** Last known from the server: the icon that shows the linked orgs and which are blocked. */
  links: AppLinkView[];
  pinBlocked: boolean;
  screen: AppScreen;
  notice: AppNotice | null;
}

export interface SmsMessage {
  at: number;
  code: string;
}

export interface PhoneState {
  id: PhoneId;
  personId: PersonId;
  label: string;
  /** R-CLK-2: phone clock = server clock + this offset. */
  clockOffsetMs: number;
  /** Data traffic on or off. */
  online: boolean;
  /** SMS notifications, newest last. */
  inbox: SmsMessage[];
  app: AppState;
}

/** R-ACT-3: a freshly installed or reset app. */
export function freshApp(): AppState {
  return { device: null, links: [], pinBlocked: false, screen: { kind: 'activate' }, notice: null };
}
