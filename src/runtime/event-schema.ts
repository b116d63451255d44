// Valibot schemas of every world event: what a version-2 export may hold in `entries[].events`, checked field by field.
//
// Import refuses, never strips: every object is strict (a key the format does not know is refused wherever it is),
// every string is bounded and every number is a safe integer. Events are still decided again from the commands
// after this check (src/runtime/import-check.ts), so this schema is about shape, not about trust.
import * as v from 'valibot';
import { EVENT_LOG_TYPES, ROLES } from '../domain';
import type { WorldEvent } from '../domain';

/**
 * Longest string an event may hold. Event strings come from typed command fields (at most 200 characters,
 * command-schema.ts) after R-SEC-4 escaping, which turns one character into at most 8 (`\u{000A}`), plus slack.
 */
export const MAX_EVENT_STRING = 2_048;
/** Longest list inside an event (directories searched, links of a holder, offline codes on a screen). */
export const MAX_EVENT_LIST = 1_000;

const str = v.pipe(v.string(), v.maxLength(MAX_EVENT_STRING));
/** Lowercase hex (device keys, sealed PINs): bounded and hex only. */
const hex = v.pipe(v.string(), v.maxLength(256), v.regex(/^[0-9a-f]*$/, 'Expected lowercase hex'));
const int = v.pipe(v.number(), v.safeInteger());
/** The message of an unknown discriminator: what was received, not the long list of every known name. */
export const unknownName = (what: string) => (issue: v.BaseIssue<unknown>) =>
  issue.received === 'undefined' ? `Missing ${what}` : `Unknown ${what} ${issue.received}`;
const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_EVENT_LIST));
const role = v.picklist(ROLES);
const blockCause = v.picklist(['pin-attempts', 'code-attempts', 'manager']);
const userStatus = v.picklist(['active', 'inactive']);
const permission = v.picklist([
  'read-event-log', 'read-audit-log', 'read-users', 'display-ubc', 'generate-ubc', 'block-pin', 'set-status',
  'offline-unlock', 'manage-admins', 'manage-directories', 'manage-access-servers',
]);

/** OrgSettings (server/state.ts): the starred numbers an org may change. */
const OrgSettingsSchema = v.strictObject({ offlineWindowBackMs: int, offlineWindowAheadMs: int, offlineLockoutMs: int });
/** DirectoryEntry (server/state.ts). */
const DirectoryEntrySchema = v.strictObject({ username: str, mobile: v.optional(str), appId: v.optional(str) });
/** SealedPin (crypto/pin-vault.ts), R-SEC-1. */
const SealedPinSchema = v.strictObject({ nonce: hex, ciphertext: hex });
/** AppLinkView (server/commands.ts). */
const AppLinkViewSchema = v.strictObject({ orgId: str, orgName: str, blocked: v.boolean() });
/** AppDevice (phone/state.ts). */
const AppDeviceSchema = v.strictObject({ deviceId: str, appId: str, deviceKey: hex, mobile: str });

/** AppScreen (phone/state.ts). */
const AppScreenSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('activate') }),
  v.strictObject({ kind: v.literal('activate-sms'), mobile: str }),
  v.strictObject({ kind: v.literal('first-pin') }),
  v.strictObject({ kind: v.literal('pin') }),
  v.strictObject({ kind: v.literal('online-code'), code: str, shownAt: int, validForMs: int }),
  v.strictObject({ kind: v.literal('offline-code'), firstStep: int, codes: list(str) }),
  v.strictObject({ kind: v.literal('unblock-org') }),
  v.strictObject({ kind: v.literal('unblock-ubc'), orgId: str }),
  v.strictObject({ kind: v.literal('unblock-new-pin'), orgId: str, ubc: str }),
  v.strictObject({ kind: v.literal('unblock-offline-code'), orgId: str, firstStep: int, codes: list(str) }),
  v.strictObject({ kind: v.literal('change-pin') }),
  v.strictObject({ kind: v.literal('links') }),
], unknownName('screen kind'));

/** AppNotice (phone/state.ts). */
const AppNoticeSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('sms-sent'), mobile: str }),
  v.strictObject({ kind: v.literal('wrong-pin'), attemptsRemaining: int }),
  v.strictObject({ kind: v.literal('pin-blocked'), hasUbc: v.boolean() }),
  v.strictObject({ kind: v.literal('wrong-ubc'), attemptsRemaining: int }),
  v.strictObject({ kind: v.literal('ubc-blocked') }),
  v.strictObject({ kind: v.literal('ubc-used') }),
  v.strictObject({ kind: v.literal('unblocked'), orgName: str, newPinSet: v.boolean() }),
  v.strictObject({ kind: v.literal('unblock-confirmed'), orgName: str }),
  v.strictObject({ kind: v.literal('pin-changed') }),
  v.strictObject({ kind: v.literal('pin-set') }),
  v.strictObject({ kind: v.literal('replaced') }),
], unknownName('notice kind'));

/** EventReason (server/log.ts): why an event-log entry was written (R-VER-8). */
const EventReasonSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('user-not-found'), directories: list(str) }),
  v.strictObject({ kind: v.literal('entry-missing-field'), directory: str, field: v.picklist(['mobile', 'appId']) }),
  v.strictObject({ kind: v.literal('user-inactive') }),
  v.strictObject({ kind: v.literal('handset-not-activated'), mobile: str }),
  v.strictObject({ kind: v.literal('handset-app-id-mismatch'), expectedAppId: str, currentAppId: str }),
  v.strictObject({ kind: v.literal('handset-old-device'), appId: str, currentAppId: str }),
  v.strictObject({ kind: v.literal('link-blocked') }),
  v.strictObject({ kind: v.literal('pin-blocked-no-link') }),
  v.strictObject({ kind: v.literal('offline-lockout'), until: int }),
  v.strictObject({ kind: v.literal('online-granted') }),
  v.strictObject({ kind: v.literal('otp-used') }),
  v.strictObject({ kind: v.literal('otp-expired'), createdAt: int }),
  v.strictObject({ kind: v.literal('otp-failed'), attemptsRemaining: v.nullable(int), linkBlocked: v.boolean() }),
  v.strictObject({ kind: v.literal('offline-not-allowed') }),
  v.strictObject({ kind: v.literal('offline-granted') }),
  v.strictObject({ kind: v.literal('offline-used'), phoneTime: int }),
  v.strictObject({ kind: v.literal('offline-wrong-pin'), attemptsRemaining: int, pinBlocked: v.boolean() }),
  v.strictObject({ kind: v.literal('offline-expired'), phoneTime: int, lockoutUntil: v.nullable(int) }),
  v.strictObject({ kind: v.literal('unblock-granted') }),
  v.strictObject({ kind: v.literal('unblock-failed'), attemptsRemaining: int, ubcBlocked: v.boolean() }),
  v.strictObject({ kind: v.literal('unblock-ambiguous') }),
  v.strictObject({ kind: v.literal('unblock-used') }),
  v.strictObject({ kind: v.literal('ubc-blocked') }),
  v.strictObject({ kind: v.literal('pin-blocked'), cause: blockCause }),
  v.strictObject({ kind: v.literal('app-unblocked'), newPinSet: v.boolean() }),
  v.strictObject({ kind: v.literal('app-ubc-wrong'), attemptsRemaining: int, ubcBlocked: v.boolean() }),
  v.strictObject({ kind: v.literal('app-ubc-not-blocked') }),
  v.strictObject({ kind: v.literal('app-ubc-used') }),
], unknownName('event-log reason kind'));

/** EventLogEntry (server/log.ts), R-MGR-4. */
const EventLogEntrySchema = v.strictObject({
  seq: int,
  at: int,
  orgId: str,
  type: v.picklist(EVENT_LOG_TYPES),
  username: str,
  mobile: v.nullable(str),
  accessServerId: v.nullable(str),
  reason: EventReasonSchema,
});

/** AuditAction (server/log.ts), R-MGR-5. */
const AuditActionSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('ubc-displayed') }),
  v.strictObject({ kind: v.literal('ubc-regenerated') }),
  v.strictObject({ kind: v.literal('pin-blocked') }),
  v.strictObject({ kind: v.literal('status-set'), status: userStatus }),
  v.strictObject({ kind: v.literal('offline-unlocked') }),
  v.strictObject({ kind: v.literal('admin-added'), username: str, role }),
  v.strictObject({ kind: v.literal('admin-removed'), username: str }),
  v.strictObject({ kind: v.literal('admin-role-set'), username: str, role }),
  v.strictObject({ kind: v.literal('directory-added'), name: str }),
  v.strictObject({ kind: v.literal('directory-moved'), name: str, toIndex: int }),
  v.strictObject({ kind: v.literal('directory-entry-added'), directory: str, username: str }),
  v.strictObject({ kind: v.literal('directory-entry-removed'), directory: str, username: str }),
  v.strictObject({ kind: v.literal('access-server-added'), name: str, offlineAllowed: v.boolean() }),
  v.strictObject({ kind: v.literal('access-server-offline-set'), name: str, offlineAllowed: v.boolean() }),
  v.strictObject({ kind: v.literal('refused'), permission, why: v.picklist(['role', 'other-org']), role }),
], unknownName('audit action kind'));

/** AuditEntry (server/log.ts), R-MGR-5. */
const AuditEntrySchema = v.strictObject({
  seq: int,
  at: int,
  orgId: str,
  adminId: str,
  adminUsername: str,
  targetUsername: v.nullable(str),
  action: AuditActionSchema,
});

/** One event of each type: server events, phone events and lab events (src/domain/world/events.ts). */
export const WorldEventSchema = v.variant('type', [
  // Server: organizations and their setup
  v.strictObject({ type: v.literal('OrgCreated'), orgId: str, name: str, settings: OrgSettingsSchema }),
  v.strictObject({ type: v.literal('DirectoryAdded'), orgId: str, directoryId: str, name: str, kind: v.picklist(['LDAP', 'HTTP']), checksAppId: v.boolean() }),
  v.strictObject({ type: v.literal('DirectoryMoved'), orgId: str, directoryId: str, toIndex: int }),
  v.strictObject({ type: v.literal('DirectoryEntryAdded'), orgId: str, directoryId: str, entry: DirectoryEntrySchema }),
  v.strictObject({ type: v.literal('DirectoryEntryRemoved'), orgId: str, directoryId: str, username: str }),
  v.strictObject({ type: v.literal('AccessServerAdded'), orgId: str, accessServerId: str, name: str, offlineAllowed: v.boolean() }),
  v.strictObject({ type: v.literal('AccessServerOfflineSet'), orgId: str, accessServerId: str, offlineAllowed: v.boolean() }),
  v.strictObject({ type: v.literal('AdminAdded'), adminId: str, orgId: str, username: str, name: str, role }),
  v.strictObject({ type: v.literal('AdminRemoved'), adminId: str }),
  v.strictObject({ type: v.literal('AdminRoleSet'), adminId: str, role }),
  // Server: R-ACT-1 activation
  v.strictObject({ type: v.literal('SmsCodeSent'), mobile: str, code: str, at: int }),
  v.strictObject({ type: v.literal('DeviceActivated'), mobile: str, deviceId: str, appId: str, deviceKey: hex, at: int }),
  v.strictObject({ type: v.literal('PinCleared'), mobile: str }),
  // Server: the PIN (R-SEC-1: only ever sealed)
  v.strictObject({ type: v.literal('PinSet'), mobile: str, sealedPin: SealedPinSchema, reason: v.picklist(['activation', 'change', 'unblock', 'offline-unblock']) }),
  v.strictObject({ type: v.literal('PinAttemptFailed'), mobile: str }),
  v.strictObject({ type: v.literal('PinCounterReset'), mobile: str }),
  v.strictObject({ type: v.literal('PinBlockedWithoutLink'), mobile: str }),
  // Server: codes
  v.strictObject({ type: v.literal('OnlineCodeIssued'), mobile: str, deviceId: str, code: str, at: int }),
  v.strictObject({ type: v.literal('OnlineCodeSpent'), mobile: str, code: str, at: int }),
  v.strictObject({ type: v.literal('OfflineStepSpent'), deviceId: str, step: int, at: int }),
  v.strictObject({ type: v.literal('OfflineOutOfWindowCounted'), mobile: str }),
  v.strictObject({ type: v.literal('OfflineLockoutStarted'), mobile: str, until: int }),
  v.strictObject({ type: v.literal('OfflineLockoutEnded'), mobile: str }),
  v.strictObject({ type: v.literal('OfflineCounterReset'), mobile: str }),
  // Server: links
  v.strictObject({ type: v.literal('LinkCreated'), orgId: str, mobile: str, username: str, at: int }),
  v.strictObject({ type: v.literal('CodeAttemptFailed'), orgId: str, mobile: str }),
  v.strictObject({ type: v.literal('CodeCounterReset'), orgId: str, mobile: str }),
  v.strictObject({ type: v.literal('LinkBlocked'), orgId: str, mobile: str, cause: blockCause, ubc: str, at: int }),
  v.strictObject({ type: v.literal('LinkUnblocked'), orgId: str, mobile: str, at: int }),
  v.strictObject({ type: v.literal('UserStatusSet'), orgId: str, mobile: str, status: userStatus, at: int }),
  // Server: UBC
  v.strictObject({ type: v.literal('UbcAttemptFailed'), orgId: str, mobile: str }),
  v.strictObject({ type: v.literal('UbcBlocked'), orgId: str, mobile: str }),
  v.strictObject({ type: v.literal('UbcReplaced'), orgId: str, mobile: str, ubc: str }),
  // Server: logs (R-SEC-5)
  v.strictObject({ type: v.literal('EventLogged'), entry: EventLogEntrySchema }),
  v.strictObject({ type: v.literal('AuditRecorded'), entry: AuditEntrySchema }),
  // Phone
  v.strictObject({ type: v.literal('PhoneAdded'), phoneId: str, personId: str, label: str }),
  v.strictObject({ type: v.literal('PhoneOnlineSet'), phoneId: str, online: v.boolean() }),
  v.strictObject({ type: v.literal('PhoneClockOffsetSet'), phoneId: str, offsetMs: int }),
  v.strictObject({ type: v.literal('SmsDelivered'), phoneId: str, at: int, code: str }),
  v.strictObject({ type: v.literal('AppActivated'), phoneId: str, device: AppDeviceSchema }),
  v.strictObject({ type: v.literal('AppScreenShown'), phoneId: str, screen: AppScreenSchema, notice: v.nullable(AppNoticeSchema) }),
  v.strictObject({ type: v.literal('AppLinksUpdated'), phoneId: str, links: list(AppLinkViewSchema), pinBlocked: v.boolean() }),
  v.strictObject({ type: v.literal('AppWiped'), phoneId: str }),
  // Lab
  v.strictObject({ type: v.literal('PersonAdded'), personId: str, name: str, mobile: str }),
  v.strictObject({ type: v.literal('ClockPaused'), at: int }),
  v.strictObject({ type: v.literal('ClockResumed'), at: int }),
  v.strictObject({ type: v.literal('ClockSpeedSet'), at: int, speed: int }),
  v.strictObject({ type: v.literal('ClockSet'), from: int, to: int }),
], unknownName('event type'));

// Compile-time check that the schema and the domain's event union describe the same thing, event by event and
// field by field. `Equal` is TypeScript's identity of types (not mere assignability): a field missing, added, made
// optional or given another type on either side fails the build. The per-type check names the events that differ.
type SchemaEvent = v.InferOutput<typeof WorldEventSchema>;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The event types whose schema and domain shape differ ("does not satisfy the constraint 'never'" names them). */
type Mismatched = { [K in WorldEvent['type']]: Same<Extract<SchemaEvent, { type: K }>, Extract<WorldEvent, { type: K }>> extends true ? never : K }[WorldEvent['type']];
type ExpectNone<T extends never> = T;
export type EventSchemaMismatches = ExpectNone<Mismatched>;
const sameEvents: Equal<SchemaEvent, WorldEvent> = true;
const sameTypes: Equal<SchemaEvent['type'], WorldEvent['type']> = true;
void sameEvents;
void sameTypes;
