// Valibot schemas of every world command: what an imported journal or a scenario file may contain, checked field by field.
import * as v from 'valibot';
import type { WorldCommand } from '../domain';

const id = v.pipe(v.string(), v.maxLength(80));
const text = v.pipe(v.string(), v.maxLength(200));
const digits = v.pipe(v.string(), v.maxLength(64));
/** A PIN field: as typed (up to 64 characters) or sealed in a journal (R-SEC-1). */
const pin = v.pipe(v.string(), v.maxLength(300));
const ms = v.pipe(v.number(), v.safeInteger());
const role = v.picklist(['SUPERUSER', 'USERADMIN', 'HELPDESK']);
const by = v.optional(id);

/** One command of each type, fields typed and bounded. Unknown fields are refused (strict objects). */
export const WorldCommandSchema = v.variant('type', [
  // Lab
  v.strictObject({ type: v.literal('AddPerson'), personId: id, name: text, mobile: text }),
  v.strictObject({ type: v.literal('AddPhone'), phoneId: id, personId: id, label: text }),
  v.strictObject({ type: v.literal('SetPhoneOnline'), phoneId: id, online: v.boolean() }),
  v.strictObject({ type: v.literal('SetPhoneClockOffset'), phoneId: id, offsetMs: ms }),
  v.strictObject({ type: v.literal('PauseClock') }),
  v.strictObject({ type: v.literal('ResumeClock') }),
  v.strictObject({ type: v.literal('SetClockSpeed'), speed: ms }),
  v.strictObject({ type: v.literal('AdvanceClock'), byMs: ms }),
  v.strictObject({ type: v.literal('SetClock'), toMs: ms }),
  // Setup
  v.strictObject({
    type: v.literal('CreateOrg'), orgId: id, name: text,
    settings: v.optional(v.strictObject({ offlineWindowBackMs: v.optional(ms), offlineWindowAheadMs: v.optional(ms), offlineLockoutMs: v.optional(ms) })),
  }),
  v.strictObject({ type: v.literal('AddDirectory'), orgId: id, directoryId: id, name: text, kind: v.picklist(['LDAP', 'HTTP']), checksAppId: v.boolean(), by }),
  v.strictObject({ type: v.literal('MoveDirectory'), orgId: id, directoryId: id, toIndex: ms, by }),
  v.strictObject({
    type: v.literal('AddDirectoryEntry'), orgId: id, directoryId: id, by,
    entry: v.strictObject({ username: text, mobile: v.optional(text), appId: v.optional(digits) }),
  }),
  v.strictObject({ type: v.literal('RemoveDirectoryEntry'), orgId: id, directoryId: id, username: text, by }),
  v.strictObject({ type: v.literal('AddAccessServer'), orgId: id, accessServerId: id, name: text, offlineAllowed: v.boolean(), by }),
  v.strictObject({ type: v.literal('SetAccessServerOffline'), orgId: id, accessServerId: id, offlineAllowed: v.boolean(), by }),
  v.strictObject({ type: v.literal('AddAdmin'), orgId: id, adminId: id, username: text, name: text, role, by }),
  v.strictObject({ type: v.literal('RemoveAdmin'), orgId: id, adminId: id, by }),
  v.strictObject({ type: v.literal('SetAdminRole'), orgId: id, adminId: id, role, by }),
  // Login page
  v.strictObject({ type: v.literal('Login'), orgId: id, accessServerId: id, username: text, code: v.pipe(v.string(), v.maxLength(64)) }),
  // Manager
  v.strictObject({ type: v.literal('DisplayUbc'), by: id, orgId: id, mobile: text }),
  v.strictObject({ type: v.literal('GenerateNewUbc'), by: id, orgId: id, mobile: text }),
  v.strictObject({ type: v.literal('BlockPin'), by: id, orgId: id, mobile: text }),
  v.strictObject({ type: v.literal('SetUserStatus'), by: id, orgId: id, mobile: text, status: v.picklist(['active', 'inactive']) }),
  v.strictObject({ type: v.literal('OfflineUnlock'), by: id, orgId: id, mobile: text }),
  // The Code app
  v.strictObject({ type: v.literal('AppStartActivation'), phoneId: id, mobile: text }),
  v.strictObject({ type: v.literal('AppConfirmSms'), phoneId: id, smsCode: digits }),
  v.strictObject({ type: v.literal('AppSetFirstPin'), phoneId: id, pin, repeat: pin }),
  v.strictObject({ type: v.literal('AppEnterPin'), phoneId: id, pin }),
  v.strictObject({ type: v.literal('AppOpenUnblock'), phoneId: id }),
  v.strictObject({ type: v.literal('AppChooseUnblockOrg'), phoneId: id, orgId: id }),
  v.strictObject({ type: v.literal('AppEnterUbc'), phoneId: id, ubc: digits }),
  v.strictObject({ type: v.literal('AppSetUnblockPin'), phoneId: id, newPin: pin, repeat: pin }),
  v.strictObject({ type: v.literal('AppOpenChangePin'), phoneId: id }),
  v.strictObject({ type: v.literal('AppChangePin'), phoneId: id, currentPin: pin, newPin: pin, repeat: pin }),
  v.strictObject({ type: v.literal('AppShowLinks'), phoneId: id }),
  v.strictObject({ type: v.literal('AppBack'), phoneId: id }),
  v.strictObject({ type: v.literal('AppReset'), phoneId: id }),
], (issue) => (issue.received === 'undefined' ? 'Missing command type' : `Unknown command type ${issue.received}`));

// Compile-time check that the schema and the domain's command union describe the same thing, command by command and
// field by field: `Equal` is TypeScript's identity of types, so a field missing, added, made optional or given another
// type on either side fails the build (the per-type check names the commands that differ).
type SchemaCommand = v.InferOutput<typeof WorldCommandSchema>;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mismatched = { [K in WorldCommand['type']]: Same<Extract<SchemaCommand, { type: K }>, Extract<WorldCommand, { type: K }>> extends true ? never : K }[WorldCommand['type']];
type ExpectNone<T extends never> = T;
export type CommandSchemaMismatches = ExpectNone<Mismatched>;
const schemaMatchesDomain: Equal<SchemaCommand, WorldCommand> = true;
const typesMatchDomain: Equal<SchemaCommand['type'], WorldCommand['type']> = true;
void schemaMatchesDomain;
void typesMatchDomain;

/** Longest message a schema issue gives (valibot quotes the value it received, which may be long). */
const MAX_ISSUE_MESSAGE = 300;

/** `entries[3].events[0].entry`: a JSON path as a person reads it (indexes in brackets, keys that are not names quoted). */
export function formatPath(segments: readonly unknown[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += out ? `.${key}` : key;
      else out += `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
    }
  }
  return out;
}

/** Plain words for a key too many or missing, where valibot says "Invalid key: Expected never but received ...". */
function keyIssue(issue: v.BaseIssue<unknown>): string | null {
  if (!['object', 'strict_object', 'loose_object'].includes(issue.type)) return null;
  if (issue.type === 'strict_object' && issue.expected === 'never') return `Unknown key ${issue.received}: the format has no such field here`;
  if (issue.received === 'undefined' && issue.expected?.startsWith('"')) return `Missing field ${issue.expected}`;
  return null;
}

/** "entries[3].command.pin: Invalid type: Expected string but received 1234": the first problem, with its path. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], prefix = ''): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = formatPath((first.path ?? []).map((item) => item.key));
  const where = prefix && path && !path.startsWith('[') ? `${prefix}.${path}` : `${prefix}${path}`;
  const wording = keyIssue(first) ?? first.message;
  const message = wording.length > MAX_ISSUE_MESSAGE ? `${wording.slice(0, MAX_ISSUE_MESSAGE)}…` : wording;
  return where ? `${where}: ${message}` : message;
}
