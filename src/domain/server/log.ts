// What the event log and the audit log hold: data about what happened; the words are rendered at display time.
import type { OrgId, Mobile, BlockCause, Role, UserStatus } from './state';
import type { Permission } from './permissions';

/** R-MGR-4 entry types (doc), plus the app-side unblocking events support staff need to see. */
export type EventLogType =
  | 'Access_Granted'
  | 'Access_Denied'
  | 'Access_Error'
  | 'Access_Granted_Offline'
  | 'Access_Denied_Offline'
  | 'PIN_Blocked'
  | 'PIN_Unblocked'
  | 'UBC_Denied';

export const EVENT_LOG_TYPES: readonly EventLogType[] = [
  'Access_Granted',
  'Access_Denied',
  'Access_Error',
  'Access_Granted_Offline',
  'Access_Denied_Offline',
  'PIN_Blocked',
  'PIN_Unblocked',
  'UBC_Denied',
];

/**
 * Why an entry was written. Each R-VER case has its own reason so support staff can tell them apart (R-VER-8).
 * `attemptsRemaining: null` means there was no link to count on yet.
 */
export type EventReason =
  // R-VER-1
  | { kind: 'user-not-found'; directories: string[] }
  | { kind: 'entry-missing-field'; directory: string; field: 'mobile' | 'appId' }
  // R-VER-2
  | { kind: 'user-inactive' }
  // R-VER-3, R-ACT-2
  | { kind: 'handset-not-activated'; mobile: Mobile }
  | { kind: 'handset-app-id-mismatch'; expectedAppId: string; currentAppId: string }
  | { kind: 'handset-old-device'; appId: string; currentAppId: string }
  // R-VER-4
  | { kind: 'link-blocked' }
  | { kind: 'pin-blocked-no-link' }
  // R-VER-5
  | { kind: 'offline-lockout'; until: number }
  // R-VER-6
  | { kind: 'online-granted' }
  | { kind: 'otp-used' }
  | { kind: 'otp-expired'; createdAt: number }
  | { kind: 'otp-failed'; attemptsRemaining: number | null; linkBlocked: boolean }
  // R-VER-7
  | { kind: 'offline-not-allowed' }
  | { kind: 'offline-granted' }
  | { kind: 'offline-used'; phoneTime: number }
  | { kind: 'offline-wrong-pin'; attemptsRemaining: number; pinBlocked: boolean }
  | { kind: 'offline-expired'; phoneTime: number; lockoutUntil: number | null }
  // R-UBC-4
  | { kind: 'unblock-granted' }
  | { kind: 'unblock-failed'; attemptsRemaining: number; ubcBlocked: boolean }
  | { kind: 'unblock-ambiguous' }
  // R-SEC-3, R-VER-7: a 9-digit code made from a UBC this link has already spent
  | { kind: 'unblock-used' }
  | { kind: 'ubc-blocked' }
  // R-BLK-1, R-BLK-2, R-BLK-3 (blocks that are not part of a login attempt)
  | { kind: 'pin-blocked'; cause: BlockCause }
  // R-UBC-2 in the app
  | { kind: 'app-unblocked'; newPinSet: boolean }
  | { kind: 'app-ubc-wrong'; attemptsRemaining: number; ubcBlocked: boolean }
  | { kind: 'app-ubc-not-blocked' }
  // R-SEC-3: a UBC this link has already spent, typed again
  | { kind: 'app-ubc-used' };

export interface EventLogEntry {
  /** Position in the server's event log, from 1. */
  seq: number;
  at: number;
  orgId: OrgId;
  type: EventLogType;
  /** R-SEC-4: as normalized where it entered the core (trimmed, controls escaped). Empty when the entry is not about a typed username. */
  username: string;
  /** Holder the entry is about, when known, so a user's own entries can be listed (R-MGR-3). */
  mobile: Mobile | null;
  /** Access server id, or "manager" (R-OTP-3), for login attempts. */
  accessServerId: string | null;
  reason: EventReason;
}

/** R-MGR-5: every change made in Manager and every UBC display; and every refusal (R-MGR-1). */
export type AuditAction =
  | { kind: 'ubc-displayed' }
  | { kind: 'ubc-regenerated' }
  | { kind: 'pin-blocked' }
  | { kind: 'status-set'; status: UserStatus }
  | { kind: 'offline-unlocked' }
  | { kind: 'admin-added'; username: string; role: Role }
  | { kind: 'admin-removed'; username: string }
  | { kind: 'admin-role-set'; username: string; role: Role }
  | { kind: 'directory-added'; name: string }
  | { kind: 'directory-moved'; name: string; toIndex: number }
  | { kind: 'directory-entry-added'; directory: string; username: string }
  | { kind: 'directory-entry-removed'; directory: string; username: string }
  | { kind: 'access-server-added'; name: string; offlineAllowed: boolean }
  | { kind: 'access-server-offline-set'; name: string; offlineAllowed: boolean }
  | { kind: 'refused'; permission: Permission; why: 'role' | 'other-org'; role: Role };

export interface AuditEntry {
  seq: number;
  at: number;
  orgId: OrgId;
  adminId: string;
  adminUsername: string;
  /** The user acted on, when the action is about one. */
  targetUsername: string | null;
  action: AuditAction;
}
