// Server commands: everything the phone (through the Network), the login page, Manager and the lab setup can ask of the server.
import type { OrgId, Mobile, DeviceId, AdminId, Role, OrgSettings, DirectoryKind, DirectoryEntry, UserStatus } from './state';

/** Setup commands run from the lab's world editor when `by` is absent, or by a SUPERUSER in Manager when present (audited, R-MGR-1). */
export type SetupCommand =
  | { type: 'CreateOrg'; orgId: OrgId; name: string; settings?: Partial<OrgSettings> }
  | { type: 'AddDirectory'; orgId: OrgId; directoryId: string; name: string; kind: DirectoryKind; checksAppId: boolean; by?: AdminId }
  | { type: 'MoveDirectory'; orgId: OrgId; directoryId: string; toIndex: number; by?: AdminId }
  | { type: 'AddDirectoryEntry'; orgId: OrgId; directoryId: string; entry: DirectoryEntry; by?: AdminId }
  | { type: 'RemoveDirectoryEntry'; orgId: OrgId; directoryId: string; username: string; by?: AdminId }
  | { type: 'AddAccessServer'; orgId: OrgId; accessServerId: string; name: string; offlineAllowed: boolean; by?: AdminId }
  | { type: 'SetAccessServerOffline'; orgId: OrgId; accessServerId: string; offlineAllowed: boolean; by?: AdminId }
  | { type: 'AddAdmin'; orgId: OrgId; adminId: AdminId; username: string; name: string; role: Role; by?: AdminId }
  | { type: 'RemoveAdmin'; orgId: OrgId; adminId: AdminId; by?: AdminId }
  | { type: 'SetAdminRole'; orgId: OrgId; adminId: AdminId; role: Role; by?: AdminId };

/** What the Code app asks the server, always through the Network boundary. */
export type AppRequest =
  | { type: 'RequestSmsCode'; mobile: Mobile }
  | { type: 'ActivateDevice'; mobile: Mobile; smsCode: string }
  | { type: 'SetFirstPin'; deviceId: DeviceId; pin: string }
  | { type: 'RequestOnlineCode'; deviceId: DeviceId; pin: string }
  | { type: 'ChangePin'; deviceId: DeviceId; currentPin: string; newPin: string }
  | { type: 'ListLinks'; deviceId: DeviceId }
  | { type: 'EnterUbc'; deviceId: DeviceId; orgId: OrgId; ubc: string }
  | { type: 'UnblockWithNewPin'; deviceId: DeviceId; orgId: OrgId; ubc: string; newPin: string };

/** R-VER: username + code typed at an access server, or at the org's Manager login (accessServerId "manager", R-OTP-3). */
export type LoginCommand = { type: 'Login'; orgId: OrgId; accessServerId: string; username: string; code: string };

/** What an administrator does to a user in Manager (R-MGR-1, R-MGR-3). */
export type ManagerCommand =
  | { type: 'DisplayUbc'; by: AdminId; orgId: OrgId; mobile: Mobile }
  | { type: 'GenerateNewUbc'; by: AdminId; orgId: OrgId; mobile: Mobile }
  | { type: 'BlockPin'; by: AdminId; orgId: OrgId; mobile: Mobile }
  | { type: 'SetUserStatus'; by: AdminId; orgId: OrgId; mobile: Mobile; status: UserStatus }
  | { type: 'OfflineUnlock'; by: AdminId; orgId: OrgId; mobile: Mobile };

export type ServerCommand = SetupCommand | AppRequest | LoginCommand | ManagerCommand;

/** A link as the app sees it: enough for the icon that shows the linked orgs and which are blocked. */
export interface AppLinkView {
  orgId: OrgId;
  orgName: string;
  blocked: boolean;
}

/** What the server answers. The app turns these into what its screen shows. */
export type ServerReply =
  | { kind: 'done' }
  | { kind: 'sms-sent'; mobile: Mobile }
  | { kind: 'activated'; deviceId: DeviceId; appId: string; deviceKey: string; needsPin: boolean }
  | { kind: 'code'; code: string; issuedAt: number; expiresAt: number }
  | { kind: 'pin-wrong'; attemptsRemaining: number; pinBlocked: boolean; hasUbc: boolean }
  | { kind: 'device-replaced' }
  | { kind: 'pin-blocked'; hasUbc: boolean }
  | { kind: 'links'; links: AppLinkView[]; pinBlocked: boolean }
  | { kind: 'ubc-wrong'; attemptsRemaining: number; ubcBlocked: boolean }
  | { kind: 'ubc-blocked' }
  | { kind: 'ubc-used' }
  | { kind: 'ubc-ok-new-pin-needed' }
  | { kind: 'unblocked'; newPinSet: boolean }
  | { kind: 'login'; accepted: boolean }
  | { kind: 'ubc'; ubc: string };
