// The core's refusals as data: one key per distinct refusal, the values that vary as params, and the English words.
// English is the core's own language (logs, tests, scenario files match refusals by it); src/i18n renders every key
// in English and Norwegian from the same data, and its English is these very functions, so the two cannot drift.
import type { Role } from './server/state';
import type { Permission } from './server/permissions';

const EN_PLURAL = new Intl.PluralRules('en');

/** "digit" or "digits": English plurals through Intl.PluralRules, as the i18n catalogue does for Norwegian. */
function digits(count: number): string {
  return `${count} ${EN_PLURAL.select(count) === 'one' ? 'digit' : 'digits'}`;
}

function characters(count: number): string {
  return EN_PLURAL.select(count) === 'one' ? 'character' : 'characters';
}

/**
 * The English words of every refusal, without the rule id: `withRule` adds " (R-XXX-n)" when the refusal names one.
 * Each template is a whole sentence; `field` is the name of the command's field that was refused, `value` what it held.
 */
const EN = {
  // invalid-field: a field with the wrong value.
  mobileFormat: (p: { field: string }) => `"${p.field}" must be a phone number of 6 to 15 digits, optionally starting with +`,
  mobileRequired: (p: { field: string }) => `"${p.field}" must be a phone number`,
  smsCodeMismatch: (p: { field: string }) => `"${p.field}" does not match the code sent by SMS`,
  exactDigits: (p: { field: string; count: number }) => `"${p.field}" must be exactly ${digits(p.count)}`,
  digits: (p: { field: string; count: number }) => `"${p.field}" must be ${digits(p.count)}`,
  notBlank: (p: { field: string }) => `"${p.field}" must not be empty or only spaces`,
  idFormat: (p: { field: string }) => `"${p.field}" must be 1 to 40 lowercase letters, digits or dashes, starting with a letter or digit`,
  labIdFormat: (p: { field: string }) => `"${p.field}" must be 1 to 40 lowercase letters, digits or dashes`,
  textLength: (p: { field: string; min: number; max: number }) => `"${p.field}" must be ${p.min} to ${p.max} ${characters(p.max)}`,
  msRange: (p: { field: string; min: number; max: number }) => `"${p.field}" must be a whole number of ms from ${p.min} to ${p.max}`,
  directoryKind: (p: { field: string }) => `"${p.field}" must be "LDAP" or "HTTP"`,
  positionRange: (p: { field: string; max: number }) => `"${p.field}" must be a position from 0 to ${p.max}`,
  roleName: (p: { field: string }) => `"${p.field}" must be SUPERUSER, USERADMIN or HELPDESK`,
  statusValue: (p: { field: string }) => `"${p.field}" must be "active" or "inactive"`,
  samePinAgain: (p: { field: string }) => `"${p.field}" must be the same PIN typed again`,
  linkedOrg: (p: { field: string }) => `"${p.field}" must be one of the organizations the app is linked to`,
  offsetRange: (p: { field: string; max: number }) => `"${p.field}" must be a whole number of ms within ±${p.max}`,
  speedRange: (p: { field: string; min: number; max: number }) => `"${p.field}" must be a whole number from ${p.min} to ${p.max}`,
  advancePositive: (p: { field: string }) => `"${p.field}" must be a positive whole number of ms: the clock never goes back`,
  clockNotBefore: (p: { field: string }) => `"${p.field}" must not be before the current server time: the clock never goes back`,

  // unknown: a reference to something that does not exist.
  unknownDevice: (p: { field: string; value: string }) => `Unknown device "${p.value}" in "${p.field}"`,
  unknownOrg: (p: { field: string; value: string }) => `Unknown organization "${p.value}" in "${p.field}"`,
  unknownAccessServer: (p: { field: string; value: string; org: string }) => `Unknown access server of ${p.org} "${p.value}" in "${p.field}"`,
  unknownAdmin: (p: { field: string; value: string }) => `Unknown administrator "${p.value}" in "${p.field}"`,
  unknownOrgAdmin: (p: { field: string; value: string; org: string }) => `Unknown administrator of ${p.org} "${p.value}" in "${p.field}"`,
  unknownDirectory: (p: { field: string; value: string; org: string }) => `Unknown directory of ${p.org} "${p.value}" in "${p.field}"`,
  unknownEntry: (p: { field: string; value: string; directory: string }) => `Unknown entry of ${p.directory} "${p.value}" in "${p.field}"`,
  unknownUser: (p: { field: string; value: string; org: string }) => `Unknown user of ${p.org} "${p.value}" in "${p.field}"`,
  unknownPerson: (p: { field: string; value: string }) => `Unknown person "${p.value}" in "${p.field}"`,
  unknownPhone: (p: { field: string; value: string }) => `Unknown phone "${p.value}" in "${p.field}"`,

  // already-exists: an id or a number that is taken.
  orgExists: (p: { orgId: string }) => `An organization "${p.orgId}" exists already`,
  directoryExists: (p: { org: string; directoryId: string }) => `${p.org} has a directory "${p.directoryId}" already`,
  entryExists: (p: { directory: string; username: string }) => `${p.directory} lists "${p.username}" already`,
  accessServerExists: (p: { org: string; accessServerId: string }) => `${p.org} has an access server "${p.accessServerId}" already`,
  adminExists: (p: { adminId: string }) => `An administrator "${p.adminId}" exists already`,
  personExists: (p: { personId: string }) => `A person "${p.personId}" exists already`,
  phoneExists: (p: { phoneId: string }) => `A phone "${p.phoneId}" exists already`,
  mobileTaken: (p: { mobile: string }) => `Another person has the number ${p.mobile}`,

  // forbidden: an action the administrator may not take (R-MGR-1).
  otherOrgAdmin: (p: { admin: string }) => `${p.admin} is an administrator of another organization`,
  roleMayNot: (p: { role: Role; permission: Permission }) => `${p.role} may not ${p.permission.replace(/-/g, ' ')}`,

  // not-allowed-now: well-formed, but not possible in the current state.
  noSmsPending: () => 'No SMS code is pending for this number: ask for a new one',
  pinAlreadySet: () => 'This holder already has a PIN; change it with the current PIN',
  noPinYet: () => 'No PIN has been set for this number yet',
  pinNotBlockedAt: (p: { org: string }) => `The PIN is not blocked at ${p.org}`,
  noUbcNotBlocked: (p: { username: string }) => `${p.username}'s PIN is not blocked here, so there is no UBC`,
  ubcBlocked: () => 'The UBC is blocked: generate a new UBC first',
  onlyBlockedUbc: () => 'Only a blocked UBC can be replaced',
  pinAlreadyBlocked: (p: { username: string }) => `${p.username}'s PIN is already blocked here`,
  statusAlready: (p: { username: string; status: 'active' | 'inactive' }) => `${p.username} is already ${p.status}`,
  noOfflineLockout: (p: { username: string }) => `${p.username} has no offline lockout running`,
  ownAdmin: () => 'Administrators cannot remove themselves or change their own role',
  phoneOnlineAlready: (p: { phone: string }) => `${p.phone} is online already`,
  phoneOfflineAlready: (p: { phone: string }) => `${p.phone} is offline already`,
  clockPausedAlready: () => 'The clock is paused already',
  clockRunningAlready: () => 'The clock is running already',
  notActivated: () => 'The app is not activated yet',
  activationNeedsNetwork: () => 'Activation needs the network: turn data traffic on',
  setPinNeedsNetwork: () => 'Setting the PIN needs the network: turn data traffic on',
  changePinNeedsNetwork: () => 'Changing the PIN needs the network: turn data traffic on',
  alreadyActivated: () => 'The app is activated already; reset it to activate again',
  noActivationWaiting: () => 'No activation is waiting for an SMS code',
  notAskingFirstPin: () => 'The app is not asking for a first PIN',
  nothingToGoBack: () => 'There is nothing to go back to from this screen',
  setPinFirst: () => 'Set a PIN first',
  chooseOrgFirst: () => 'Choose the organization to unblock first',
  typeUbcFirst: () => 'Type the UBC first',

  // clock-backwards and clock-paused (R-CLK-1). Times are ISO 8601, UTC, as the core formats them.
  timeNotWhole: (p: { now: string }) => `Server time ${p.now} is not a whole number of ms`,
  clockBackwards: (p: { now: string; floor: string }) => `Server time ${p.now} is before ${p.floor}, the time of the last command or clock change: the clock never goes back`,
  clockPaused: (p: { pausedAt: string; at: string }) => `The clock is paused at ${p.pausedAt}: a command at ${p.at} cannot happen`,
};

/** Every kind of refusal the core makes: one key per distinct message. */
export type RefusalKey = keyof typeof EN;

/** The values each refusal's words need (field names, values, names, counts, times). */
export type RefusalParamMap = { [K in RefusalKey]: Parameters<(typeof EN)[K]>[0] extends undefined ? Record<string, never> : Parameters<(typeof EN)[K]>[0] };

/** Words for every refusal in one language; a catalogue of this type without a key does not compile. */
export type RefusalTemplates = { readonly [K in RefusalKey]: (params: RefusalParamMap[K]) => string };

/** A refusal's words as data: the key, and the params its template fills in. */
export type RefusalText<K extends RefusalKey = RefusalKey> = { [P in K]: { readonly key: P; readonly params: RefusalParamMap[P] } }[K];

// Every params object holds strings and numbers only, so refusals stay plain data (this line does not compile otherwise).
type ParamsArePlainData<T extends Record<string, Record<string, string | number>>> = T;
export type CheckedRefusalParams = ParamsArePlainData<RefusalParamMap>;

/** The core's English words for each refusal. The i18n catalogue's English is this object. */
export const REFUSALS_EN: RefusalTemplates = EN;

/** Builds a refusal's text; the key decides which params it needs. */
export function refusal<K extends RefusalKey>(key: K, params: RefusalParamMap[K]): RefusalText<K> {
  // A mapped union indexed by a generic key is not narrowed by TypeScript; the signature ties `key` to its params.
  return { key, params } as RefusalText<K>;
}

/** The words in one language: the template filled in, then the rule id, as in `"pin" must be exactly 4 digits (R-OTP-1)`. */
export function renderRefusal(templates: RefusalTemplates, text: RefusalText, rule: string | undefined): string {
  return withRule(fill(templates, text), rule);
}

function fill<K extends RefusalKey>(templates: RefusalTemplates, text: RefusalText<K>): string {
  const template: (params: RefusalParamMap[K]) => string = templates[text.key];
  return template(text.params);
}

/** Words followed by the rule id in brackets, when there is one. */
export function withRule(words: string, rule: string | undefined): string {
  return rule ? `${words} (${rule})` : words;
}
