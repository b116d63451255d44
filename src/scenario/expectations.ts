// What a step can expect: everything a person can see on the three screens, each check named, so a failure says
// which thing differed, what was expected and what was there.
import * as v from 'valibot';
import type { WorldState, EventLogEntry, AuditEntry, EventLogType, AppScreen, AppNotice, DomainError, ServerReply } from '../domain';
import { EVENT_LOG_TYPES, policy, phoneTime, shownCode, offlineLockoutRunning, currentDevice } from '../domain';
import { describeEvent, describeAudit } from '../i18n/describe-event';
import { describeRefusal } from '../i18n/describe-refusal';
import type { Bilingual, Lang } from './text';
import { findPhone, findOrg, findAdmin } from './resolve';
import { parseDuration, formatDuration, DURATION_UNITS, DURATION_PATTERN } from './duration';
import type { Template } from './actions';
import { CHECK_WORDS } from './check-words';

export const SCREENS = ['activate', 'activate-sms', 'first-pin', 'pin', 'online-code', 'offline-code', 'unblock-org', 'unblock-ubc', 'unblock-new-pin', 'unblock-offline-code', 'change-pin', 'links'] as const satisfies readonly AppScreen['kind'][];
export const NOTICES = ['none', 'sms-sent', 'wrong-pin', 'pin-blocked', 'wrong-ubc', 'ubc-blocked', 'ubc-used', 'unblocked', 'unblock-confirmed', 'pin-changed', 'pin-set', 'replaced'] as const satisfies readonly (AppNotice['kind'] | 'none')[];
export const AUDIT_ACTIONS = [
  'ubc-displayed', 'ubc-regenerated', 'pin-blocked', 'status-set', 'offline-unlocked', 'admin-added', 'admin-removed', 'admin-role-set',
  'directory-added', 'directory-moved', 'directory-entry-added', 'directory-entry-removed', 'access-server-added', 'access-server-offline-set', 'refused',
] as const satisfies readonly AuditEntry['action']['kind'][];

const described = <T extends v.GenericSchema>(schema: T, description: string) => v.pipe(schema, v.description(description));
const ref = (description: string) => described(v.pipe(v.string(), v.maxLength(200)), description);
const count = (description: string) => described(v.pipe(v.number(), v.integer(), v.minValue(0)), description);
const duration = (description: string) =>
  described(v.pipe(v.string(), v.regex(DURATION_PATTERN, `must be a duration such as "15 min" or "0" (units: ${DURATION_UNITS.join(', ')})`)), description);
const orgList = (description: string) => described(v.pipe(v.array(ref('An organization, by name or id')), v.maxLength(50)), description);

/** What the Code app on a phone shows. Every field is optional: only what is given is checked. */
export const PhoneExpectation = v.strictObject({
  of: ref('The phone: its label, its owner\'s name, or its id'),
  screen: v.optional(described(v.picklist(SCREENS), 'The screen the app shows')),
  notice: v.optional(described(v.picklist(NOTICES), 'The message shown above the screen ("none" for no message)')),
  attemptsRemaining: v.optional(count('The attempts left that a wrong-PIN or wrong-UBC message states')),
  codeLength: v.optional(described(v.picklist([0, 6, 8, 9]), 'Digits of the code on the screen: 6 online, 8 offline, 9 offline unblock code, 0 for none')),
  pinBlocked: v.optional(described(v.boolean(), 'Whether the app says the PIN is blocked')),
  linked: v.optional(orgList('The organizations the app lists as linked (in any order)')),
  blocked: v.optional(orgList('The linked organizations the app shows as blocked (in any order)')),
  online: v.optional(described(v.boolean(), 'Whether the phone has data traffic')),
  activated: v.optional(described(v.boolean(), 'Whether the app is activated')),
});

const USER_STATES = ['none', 'outstanding', 'blocked'] as const;

/** What Manager's user details show for a user of an org (R-MGR-3). */
export const UserExpectation = v.strictObject({
  org: ref('The organization, by name or id'),
  username: ref('The username in Manager\'s users list'),
  listed: v.optional(described(v.boolean(), 'Whether Manager lists the user at all (a user appears after the first accepted code)')),
  blocked: v.optional(described(v.boolean(), 'Whether the user is blocked at this organization')),
  cause: v.optional(described(v.picklist(['pin-attempts', 'code-attempts', 'manager', 'none']), 'Why: wrong PINs, wrong codes, an administrator, or none')),
  ubc: v.optional(described(v.picklist(USER_STATES), 'The UBC: none, one outstanding, or blocked after wrong entries (R-UBC-3)')),
  ubcAttemptsLeft: v.optional(count('UBC entries left before the UBC is blocked')),
  pinAttempts: v.optional(count('Wrong PINs counted (of 3)')),
  codeAttempts: v.optional(count('Failed codes counted at this organization (of 3)')),
  outOfWindow: v.optional(count('Offline codes out of their time window since the last good one')),
  lockoutLeft: v.optional(duration('Time left of the offline lockout ("0" when none runs)')),
  status: v.optional(described(v.picklist(['active', 'inactive']), 'Active or Inactive')),
  appId: v.optional(ref('The App-ID Manager shows: the current phone\'s (R-ACT-2); "none" before any activation')),
});

/** Entries this step wrote to an org's event log (R-MGR-4). */
export const EventLogExpectation = v.strictObject({
  org: ref('The organization, by name or id'),
  type: v.optional(described(v.picklist(EVENT_LOG_TYPES), 'The entry type')),
  username: v.optional(ref('The username the entry names')),
  text: v.optional(ref('Words the description contains, in English or Norwegian')),
  count: v.optional(count('How many such entries the step wrote; at least one when left out')),
});

/** Entries this step wrote to an org's audit log (R-MGR-5). */
export const AuditLogExpectation = v.strictObject({
  org: ref('The organization, by name or id'),
  admin: v.optional(ref('The administrator, by username')),
  action: v.optional(described(v.picklist(AUDIT_ACTIONS), 'What was done')),
  user: v.optional(ref('The user acted on')),
  text: v.optional(ref('Words the description contains, in English or Norwegian')),
  count: v.optional(count('How many such entries the step wrote; at least one when left out')),
});

/** Each expectation is an object with one key, the subject it checks. */
export const EXPECTATION_OPTIONS = {
  phone: v.strictObject({ phone: PhoneExpectation }),
  user: v.strictObject({ user: UserExpectation }),
  eventLog: v.strictObject({ eventLog: EventLogExpectation }),
  auditLog: v.strictObject({ auditLog: AuditLogExpectation }),
  login: v.strictObject({ login: described(v.picklist(['accepted', 'failed']), 'What the login page answered (R-SEC-2: nothing more)') }),
  refused: v.strictObject({ refused: described(v.union([v.boolean(), v.pipe(v.string(), v.maxLength(200))]), 'The step was refused (true), with a message containing these words, or not (false)') }),
} as const;

const O = EXPECTATION_OPTIONS;
export const Expectation = v.union([O.phone, O.user, O.eventLog, O.auditLog, O.login, O.refused], 'must be an object with one of the keys phone, user, eventLog, auditLog, login, refused');
export type Expectation = v.InferOutput<typeof Expectation>;

/** The subjects an expectation can name, each the single key of its object. */
export const EXPECTATION_SUBJECTS = {
  phone: PhoneExpectation,
  user: UserExpectation,
  eventLog: EventLogExpectation,
  auditLog: AuditLogExpectation,
} as const;

/** One named check and how it came out. */
export interface CheckResult {
  name: string;
  expected: string;
  actual: string;
  pass: boolean;
}

/** What a step did, for its expectations to look at. */
export interface StepEffects {
  world: WorldState;
  now: number;
  eventEntries: readonly EventLogEntry[];
  auditEntries: readonly AuditEntry[];
  reply: ServerReply | null;
  refusal: DomainError | null;
  /** The refusal in words, when the step could not even be sent (an unknown actor). */
  lang: Lang;
}

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function check(name: string, expected: unknown, actual: unknown): CheckResult {
  return { name, expected: show(expected), actual: show(actual), pass: show(expected) === show(actual) };
}

/** What the app on a phone shows now, in the terms of PhoneExpectation. */
export function phoneView(world: WorldState, phoneId: string, now: number) {
  const phone = world.phones[phoneId];
  if (!phone) return null;
  const { app } = phone;
  const notice = app.notice;
  const attemptsRemaining = notice?.kind === 'wrong-pin' || notice?.kind === 'wrong-ubc' ? notice.attemptsRemaining : null;
  const code = shownCode(app.screen, phoneTime(world, phoneId, now));
  return {
    label: phone.label,
    screen: app.screen.kind,
    notice: notice?.kind ?? 'none',
    attemptsRemaining,
    code,
    codeLength: code?.length ?? 0,
    pinBlocked: app.pinBlocked,
    linked: app.links.map((link) => link.orgId),
    blocked: app.links.filter((link) => link.blocked).map((link) => link.orgId),
    online: phone.online,
    activated: app.device !== null,
  };
}

/** What Manager's user details show for a username in an org, or null when Manager does not list them. */
export function userView(world: WorldState, orgId: string, username: string, now: number) {
  const link = Object.values(world.server.links).find((l) => l.orgId === orgId && l.username.toLowerCase() === username.trim().toLowerCase());
  if (!link) return null;
  const holder = world.server.holders[link.mobile];
  const lockout = holder && offlineLockoutRunning(holder, now) && holder.offlineLockedUntil !== null ? holder.offlineLockedUntil - now : 0;
  return {
    blocked: link.blocked,
    cause: link.blockCause ?? 'none',
    ubc: link.ubcBlocked ? 'blocked' : link.ubc ? 'outstanding' : 'none',
    ubcAttemptsLeft: policy.MAX_UBC_ATTEMPTS - link.ubcFailures,
    pinAttempts: holder?.pinFailures ?? 0,
    codeAttempts: link.codeFailures,
    outOfWindow: holder?.offlineOutOfWindow ?? 0,
    lockoutLeft: lockout,
    status: link.status,
    appId: currentDevice(world.server, link.mobile)?.appId ?? null,
  };
}

const sortedIds = (world: WorldState, refs: readonly string[]) => refs.map((r) => findOrg(world, r).id).sort();
const orgNames = (world: WorldState, ids: readonly string[]) => [...ids].sort().map((id) => world.server.orgs[id]?.name ?? id);

function describeEntry(entry: EventLogEntry, lang: Lang): string {
  return `${entry.type}${entry.username ? ` ${entry.username}` : ''}: ${describeEvent(entry.reason, lang)}`;
}

function describeAuditEntry(entry: AuditEntry, lang: Lang): string {
  return `${entry.adminUsername}${entry.targetUsername ? ` → ${entry.targetUsername}` : ''}: ${describeAudit(entry.action, lang)}`;
}

const contains = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());

function countCheck(lang: Lang, name: string, wanted: number | undefined, matching: number, written: readonly string[]): CheckResult {
  const w = CHECK_WORDS[lang];
  const pass = wanted === undefined ? matching > 0 : matching === wanted;
  const expected = wanted === undefined ? w.atLeastOne : w.exactly(wanted);
  const actual = written.length ? `${w.matchingOf(matching, written.length)}: ${written.join(' | ')}` : w.noneWritten;
  return { name, expected, actual, pass };
}

/** Runs one expectation against what the step did. Names in the expectation are looked up in the world after the step. */
export function checkExpectation(expectation: Expectation, effects: StepEffects): CheckResult[] {
  const { world, now, lang } = effects;
  const w = CHECK_WORDS[lang];
  if ('phone' in expectation) {
    const e = expectation.phone;
    const phone = findPhone(world, e.of);
    const view = phoneView(world, phone.id, now);
    if (!view) return [check(`${e.of}: ${w.phone}`, w.aPhone, w.none)];
    const name = (what: string) => `${phone.label}: ${what}`;
    const out: CheckResult[] = [];
    if (e.screen !== undefined) out.push(check(name(w.screen), e.screen, view.screen));
    if (e.notice !== undefined) out.push(check(name(w.message), e.notice, view.notice));
    if (e.attemptsRemaining !== undefined) out.push(check(name(w.attemptsRemaining), e.attemptsRemaining, view.attemptsRemaining ?? w.noAttemptsShown));
    if (e.codeLength !== undefined) out.push(check(name(w.codeLength), e.codeLength, view.codeLength));
    if (e.pinBlocked !== undefined) out.push(check(name(w.pinBlocked), e.pinBlocked, view.pinBlocked));
    if (e.linked !== undefined) out.push(check(name(w.linked), orgNames(world, sortedIds(world, e.linked)), orgNames(world, view.linked)));
    if (e.blocked !== undefined) out.push(check(name(w.blockedOrgs), orgNames(world, sortedIds(world, e.blocked)), orgNames(world, view.blocked)));
    if (e.online !== undefined) out.push(check(name(w.online), e.online, view.online));
    if (e.activated !== undefined) out.push(check(name(w.activated), e.activated, view.activated));
    return out;
  }
  if ('user' in expectation) {
    const e = expectation.user;
    const org = findOrg(world, e.org);
    const view = userView(world, org.id, e.username, now);
    const name = (what: string) => `${w.manager}, ${org.name}, ${e.username}: ${what}`;
    if (!view) {
      const listed = e.listed ?? true;
      return [check(name(w.listed), listed, false)];
    }
    const out: CheckResult[] = [];
    if (e.listed !== undefined) out.push(check(name(w.listed), e.listed, true));
    if (e.blocked !== undefined) out.push(check(name(w.blocked), e.blocked, view.blocked));
    if (e.cause !== undefined) out.push(check(name(w.cause), e.cause, view.cause));
    if (e.ubc !== undefined) out.push(check(name(w.ubc), e.ubc, view.ubc));
    if (e.ubcAttemptsLeft !== undefined) out.push(check(name(w.ubcAttemptsLeft), e.ubcAttemptsLeft, view.ubcAttemptsLeft));
    if (e.pinAttempts !== undefined) out.push(check(name(w.pinAttempts), e.pinAttempts, view.pinAttempts));
    if (e.codeAttempts !== undefined) out.push(check(name(w.codeAttempts), e.codeAttempts, view.codeAttempts));
    if (e.outOfWindow !== undefined) out.push(check(name(w.outOfWindow), e.outOfWindow, view.outOfWindow));
    if (e.lockoutLeft !== undefined) out.push(check(name(w.lockoutLeft), formatDuration(parseDuration(e.lockoutLeft) ?? 0), formatDuration(view.lockoutLeft)));
    if (e.status !== undefined) out.push(check(name(w.status), e.status, view.status));
    if (e.appId !== undefined) out.push(check(name(w.appId), e.appId, view.appId ?? 'none'));
    return out;
  }
  if ('eventLog' in expectation) {
    const e = expectation.eventLog;
    const org = findOrg(world, e.org);
    const written = effects.eventEntries.filter((entry) => entry.orgId === org.id);
    const matching = written.filter(
      (entry) =>
        (e.type === undefined || entry.type === (e.type satisfies EventLogType)) &&
        (e.username === undefined || entry.username.toLowerCase() === e.username.trim().toLowerCase()) &&
        (e.text === undefined || contains(describeEvent(entry.reason, 'en'), e.text) || contains(describeEvent(entry.reason, 'nb'), e.text)),
    );
    const what = [e.type, e.username && w.forUser(e.username), e.text && w.saying(e.text)].filter(Boolean).join(' ') || w.anEntry;
    return [countCheck(lang, `${w.eventLog(org.name)}: ${what}`, e.count, matching.length, written.map((entry) => describeEntry(entry, lang)))];
  }
  if ('auditLog' in expectation) {
    const e = expectation.auditLog;
    const org = findOrg(world, e.org);
    const adminUsername = e.admin === undefined ? undefined : findAdmin(world, e.admin, org.id).username;
    const written = effects.auditEntries.filter((entry) => entry.orgId === org.id);
    const matching = written.filter(
      (entry) =>
        (adminUsername === undefined || entry.adminUsername === adminUsername) &&
        (e.action === undefined || entry.action.kind === e.action) &&
        (e.user === undefined || (entry.targetUsername ?? '').toLowerCase() === e.user.trim().toLowerCase()) &&
        (e.text === undefined || contains(describeAudit(entry.action, 'en'), e.text) || contains(describeAudit(entry.action, 'nb'), e.text)),
    );
    const what = [e.action, e.admin && w.byAdmin(e.admin), e.user && w.onUser(e.user), e.text && w.saying(e.text)].filter(Boolean).join(' ') || w.anEntry;
    return [countCheck(lang, `${w.auditLog(org.name)}: ${what}`, e.count, matching.length, written.map((entry) => describeAuditEntry(entry, lang)))];
  }
  if ('login' in expectation) {
    const reply = effects.reply;
    const actual = reply?.kind === 'login' ? (reply.accepted ? 'accepted' : 'failed') : w.noLoginAnswer;
    return [check(w.loginAnswer, expectation.login, actual)];
  }
  const wanted = expectation.refused;
  const refusal = effects.refusal;
  const actual = refusal ? w.refusedBecause(describeRefusal(refusal, lang)) : w.notRefused;
  if (typeof wanted === 'string') {
    // The refusal's words in either language: its English (`message`, the core's own) or its Norwegian.
    const matches = !!refusal && (contains(refusal.message, wanted) || contains(describeRefusal(refusal, 'nb'), wanted));
    return [{ name: w.refused, expected: w.refusedWith(wanted), actual, pass: matches }];
  }
  return [{ name: w.refused, expected: wanted ? w.refused : w.notRefused, actual, pass: wanted === !!refusal }];
}

/** Gherkin templates of the expectations: each gives a partial expectation; `subject` says which. */
export interface ExpectationTemplate extends Template {
  subject: 'phone' | 'user' | 'eventLog' | 'auditLog' | 'login' | 'refused';
}

const e = (subject: ExpectationTemplate['subject'], text: string, fixed?: Template['fixed']): ExpectationTemplate => (fixed ? { subject, text, fixed } : { subject, text });

/** Then-steps, in English and Norwegian. Placeholders are the fields of the subject's expectation. */
export const EXPECTATION_TEMPLATES: { en: readonly ExpectationTemplate[]; nb: readonly ExpectationTemplate[] } = {
  en: [
    e('phone', '{of} shows the screen {screen}'),
    e('phone', '{of} shows the message {notice}'),
    e('phone', '{of} shows {attemptsRemaining} attempts remaining'),
    e('phone', '{of} shows a code of {codeLength} digits'),
    e('phone', '{of} shows no code', { codeLength: 0 }),
    e('phone', '{of} says the PIN is blocked', { pinBlocked: true }),
    e('phone', '{of} says the PIN is not blocked', { pinBlocked: false }),
    e('phone', '{of} lists {linked} as linked'),
    e('phone', '{of} shows {blocked} as blocked'),
    e('phone', '{of} shows no organization as blocked', { blocked: [] }),
    e('phone', '{of} is online', { online: true }),
    e('phone', '{of} is offline', { online: false }),
    e('user', 'Manager shows {username} at {org} as blocked', { blocked: true }),
    e('user', 'Manager shows {username} at {org} as not blocked', { blocked: false }),
    e('user', 'Manager shows {username} at {org} as blocked by {cause}', { blocked: true }),
    e('user', 'Manager shows the UBC of {username} at {org} as {ubc}'),
    e('user', 'Manager shows {ubcAttemptsLeft} UBC attempts left for {username} at {org}'),
    e('user', 'Manager shows {pinAttempts} PIN attempts for {username} at {org}'),
    e('user', 'Manager shows {codeAttempts} code attempts for {username} at {org}'),
    e('user', 'Manager shows {outOfWindow} offline codes out of window for {username} at {org}'),
    e('user', 'Manager shows an offline lockout of {lockoutLeft} left for {username} at {org}'),
    e('user', 'Manager shows {username} at {org} as {status}'),
    e('user', 'Manager shows the App-ID {appId} for {username} at {org}'),
    e('user', 'Manager lists {username} at {org}', { listed: true }),
    e('user', 'Manager does not list {username} at {org}', { listed: false }),
    e('eventLog', 'the event log of {org} has {type} for {username}'),
    e('eventLog', 'the event log of {org} has {type} for {username} saying {text}'),
    e('eventLog', 'the event log of {org} has {type}'),
    e('eventLog', 'the event log of {org} has no new entry', { count: 0 }),
    e('auditLog', 'the audit log of {org} has {action} by {admin} on {user}'),
    e('auditLog', 'the audit log of {org} has {action} by {admin}'),
    e('auditLog', 'the audit log of {org} has {action} by {admin} saying {text}'),
    e('auditLog', 'the audit log of {org} has no new entry', { count: 0 }),
    e('login', 'the login is accepted', { login: 'accepted' }),
    e('login', 'the login fails', { login: 'failed' }),
    e('refused', 'the step is refused', { refused: true }),
    e('refused', 'the step is refused with {refused}'),
  ],
  nb: [
    e('phone', '{of} viser skjermen {screen}'),
    e('phone', '{of} viser meldingen {notice}'),
    e('phone', '{of} viser {attemptsRemaining} forsøk igjen'),
    e('phone', '{of} viser en kode på {codeLength} sifre'),
    e('phone', '{of} viser ingen kode', { codeLength: 0 }),
    e('phone', '{of} sier at PIN er sperret', { pinBlocked: true }),
    e('phone', '{of} sier at PIN ikke er sperret', { pinBlocked: false }),
    e('phone', '{of} viser {linked} som tilknyttet'),
    e('phone', '{of} viser {blocked} som sperret'),
    e('phone', '{of} viser ingen organisasjon som sperret', { blocked: [] }),
    e('phone', '{of} er på nett', { online: true }),
    e('phone', '{of} er uten nett', { online: false }),
    e('user', 'Manager viser {username} i {org} som sperret', { blocked: true }),
    e('user', 'Manager viser {username} i {org} som ikke sperret', { blocked: false }),
    e('user', 'Manager viser {username} i {org} som sperret av {cause}', { blocked: true }),
    e('user', 'Manager viser UBC for {username} i {org} som {ubc}'),
    e('user', 'Manager viser {ubcAttemptsLeft} UBC-forsøk igjen for {username} i {org}'),
    e('user', 'Manager viser {pinAttempts} PIN-forsøk for {username} i {org}'),
    e('user', 'Manager viser {codeAttempts} kodeforsøk for {username} i {org}'),
    e('user', 'Manager viser {outOfWindow} offline-koder utenfor vinduet for {username} i {org}'),
    e('user', 'Manager viser en offline-sperre med {lockoutLeft} igjen for {username} i {org}'),
    e('user', 'Manager viser {username} i {org} som {status}'),
    e('user', 'Manager viser App-ID {appId} for {username} i {org}'),
    e('user', 'Manager viser {username} i {org}', { listed: true }),
    e('user', 'Manager viser ikke {username} i {org}', { listed: false }),
    e('eventLog', 'hendelsesloggen til {org} har {type} for {username}'),
    e('eventLog', 'hendelsesloggen til {org} har {type} for {username} med teksten {text}'),
    e('eventLog', 'hendelsesloggen til {org} har {type}'),
    e('eventLog', 'hendelsesloggen til {org} har ingen ny oppføring', { count: 0 }),
    e('auditLog', 'revisjonsloggen til {org} har {action} av {admin} på {user}'),
    e('auditLog', 'revisjonsloggen til {org} har {action} av {admin}'),
    e('auditLog', 'revisjonsloggen til {org} har {action} av {admin} med teksten {text}'),
    e('auditLog', 'revisjonsloggen til {org} har ingen ny oppføring', { count: 0 }),
    e('login', 'innloggingen godtas', { login: 'accepted' }),
    e('login', 'innloggingen avvises', { login: 'failed' }),
    e('refused', 'steget avvises', { refused: true }),
    e('refused', 'steget avvises med {refused}'),
  ],
};

/** One line about the subject, for docs: what each subject checks. */
export const EXPECTATION_SUMMARIES: Record<ExpectationTemplate['subject'], Bilingual> = {
  phone: { en: 'What the Code app on a phone shows.', nb: 'Hva Code-appen på en telefon viser.' },
  user: { en: 'What Manager\'s user details show for a user of an organization (R-MGR-3).', nb: 'Hva brukerdetaljene i Manager viser for en bruker (R-MGR-3).' },
  eventLog: { en: 'Entries this step wrote to an organization\'s event log (R-MGR-4).', nb: 'Oppføringer steget skrev i en organisasjons hendelseslogg (R-MGR-4).' },
  auditLog: { en: 'Entries this step wrote to an organization\'s audit log (R-MGR-5).', nb: 'Oppføringer steget skrev i en organisasjons revisjonslogg (R-MGR-5).' },
  login: { en: 'What the login page answered: accepted or failed, nothing more (R-SEC-2).', nb: 'Hva innloggingssiden svarte: godtatt eller avvist, ikke mer (R-SEC-2).' },
  refused: { en: 'Whether the step was refused, and with which words. A step refused without this expectation fails.', nb: 'Om steget ble avvist, og med hvilke ord. Et steg som avvises uten denne forventningen, feiler.' },
};
