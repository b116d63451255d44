// Server events: facts in the past tense. `evolve` applies them; nothing else changes server state.
import type { SealedPin } from '../crypto/pin-vault';
import type { EventLogEntry, AuditEntry } from './log';
import type {
  OrgId, Mobile, DeviceId, AdminId, Role, OrgSettings, DirectoryKind, DirectoryEntry, BlockCause, UserStatus,
} from './state';

export type ServerEvent =
  // Organizations and their setup (lab setup or a SUPERUSER in Manager)
  | { type: 'OrgCreated'; orgId: OrgId; name: string; settings: OrgSettings }
  | { type: 'DirectoryAdded'; orgId: OrgId; directoryId: string; name: string; kind: DirectoryKind; checksAppId: boolean }
  | { type: 'DirectoryMoved'; orgId: OrgId; directoryId: string; toIndex: number }
  | { type: 'DirectoryEntryAdded'; orgId: OrgId; directoryId: string; entry: DirectoryEntry }
  | { type: 'DirectoryEntryRemoved'; orgId: OrgId; directoryId: string; username: string }
  | { type: 'AccessServerAdded'; orgId: OrgId; accessServerId: string; name: string; offlineAllowed: boolean }
  | { type: 'AccessServerOfflineSet'; orgId: OrgId; accessServerId: string; offlineAllowed: boolean }
  | { type: 'AdminAdded'; adminId: AdminId; orgId: OrgId; username: string; name: string; role: Role }
  | { type: 'AdminRemoved'; adminId: AdminId }
  | { type: 'AdminRoleSet'; adminId: AdminId; role: Role }
  // R-ACT-1 activation
  | { type: 'SmsCodeSent'; mobile: Mobile; code: string; at: number }
  | { type: 'DeviceActivated'; mobile: Mobile; deviceId: DeviceId; appId: string; deviceKey: string; at: number }
  | { type: 'PinCleared'; mobile: Mobile }
  // PIN (R-SEC-1: only ever sealed)
  | { type: 'PinSet'; mobile: Mobile; sealedPin: SealedPin; reason: 'activation' | 'change' | 'unblock' | 'offline-unblock' }
  | { type: 'PinAttemptFailed'; mobile: Mobile }
  | { type: 'PinCounterReset'; mobile: Mobile }
  | { type: 'PinBlockedWithoutLink'; mobile: Mobile }
  // Codes
  | { type: 'OnlineCodeIssued'; mobile: Mobile; deviceId: DeviceId; code: string; at: number }
  | { type: 'OnlineCodeSpent'; mobile: Mobile; code: string; at: number }
  | { type: 'OfflineStepSpent'; deviceId: DeviceId; step: number; at: number }
  | { type: 'OfflineOutOfWindowCounted'; mobile: Mobile }
  | { type: 'OfflineLockoutStarted'; mobile: Mobile; until: number }
  | { type: 'OfflineLockoutEnded'; mobile: Mobile }
  | { type: 'OfflineCounterReset'; mobile: Mobile }
  // Links
  | { type: 'LinkCreated'; orgId: OrgId; mobile: Mobile; username: string; at: number }
  | { type: 'CodeAttemptFailed'; orgId: OrgId; mobile: Mobile }
  | { type: 'CodeCounterReset'; orgId: OrgId; mobile: Mobile }
  | { type: 'LinkBlocked'; orgId: OrgId; mobile: Mobile; cause: BlockCause; ubc: string; at: number }
  | { type: 'LinkUnblocked'; orgId: OrgId; mobile: Mobile; at: number }
  | { type: 'UserStatusSet'; orgId: OrgId; mobile: Mobile; status: UserStatus; at: number }
  // UBC
  | { type: 'UbcAttemptFailed'; orgId: OrgId; mobile: Mobile }
  | { type: 'UbcBlocked'; orgId: OrgId; mobile: Mobile }
  | { type: 'UbcReplaced'; orgId: OrgId; mobile: Mobile; ubc: string }
  // Logs (R-SEC-5: append-only)
  | { type: 'EventLogged'; entry: EventLogEntry }
  | { type: 'AuditRecorded'; entry: AuditEntry };

export type ServerEventType = ServerEvent['type'];
