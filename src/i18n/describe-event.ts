// Event-log descriptions (R-VER-8, R-MGR-4): the stored reason rendered as words at display time, in English or Norwegian.
import type { EventReason, AuditAction, BlockCause, Permission } from '../domain';
import { formatTime, formatDateTime } from './format';

export type Lang = 'en' | 'nb';
export const LANGS: readonly Lang[] = ['en', 'nb'];

const CAUSE: Record<Lang, Record<BlockCause, string>> = {
  en: { 'pin-attempts': '3 wrong PIN attempts', 'code-attempts': '3 failed code verifications', manager: 'an administrator in Manager' },
  nb: { 'pin-attempts': '3 feil PIN-forsøk', 'code-attempts': '3 mislykkede kodeverifiseringer', manager: 'en administrator i Manager' },
};

function attempts(lang: Lang, n: number, withS = false): string {
  if (lang === 'nb') return `${n} ${n === 1 ? 'forsøk' : 'forsøk'} igjen`;
  return withS ? `${n} attempt(s) remaining` : `${n} attempts remaining`;
}

/** The event-log description of an entry's reason (R-VER-8: enough for support staff to tell the cases apart). */
export function describeEvent(reason: EventReason, lang: Lang = 'en'): string {
  const en = lang === 'en';
  switch (reason.kind) {
    case 'user-not-found':
      return en
        ? `User not found in LDAP/HTTP (tried: ${reason.directories.join(', ') || 'no directories'})`
        : `Bruker ikke funnet i LDAP/HTTP (prøvd: ${reason.directories.join(', ') || 'ingen kataloger'})`;
    case 'entry-missing-field':
      if (reason.field === 'mobile') return en ? `Entry in ${reason.directory} has no mobile number` : `Oppføringen i ${reason.directory} mangler mobilnummer`;
      return en ? `Entry in ${reason.directory} has no App-ID, and this directory checks App-IDs` : `Oppføringen i ${reason.directory} mangler App-ID, og katalogen sjekker App-ID`;
    case 'user-inactive':
      return en ? 'User is inactive' : 'Brukeren er inaktiv';
    case 'handset-not-activated':
      return en ? `Handset mismatch: no Code app is activated for ${reason.mobile}` : `Feil enhet: ingen Code-app er aktivert for ${reason.mobile}`;
    case 'handset-app-id-mismatch':
      return en
        ? `Handset mismatch: the directory lists App-ID ${reason.expectedAppId}, the current app is ${reason.currentAppId}`
        : `Feil enhet: katalogen har App-ID ${reason.expectedAppId}, gjeldende app er ${reason.currentAppId}`;
    case 'handset-old-device':
      return en
        ? `Handset mismatch: code from an older device (App-ID ${reason.appId}); the current app is ${reason.currentAppId}`
        : `Feil enhet: koden er fra en eldre enhet (App-ID ${reason.appId}); gjeldende app er ${reason.currentAppId}`;
    case 'link-blocked':
      return en ? 'PIN is blocked at this organization' : 'PIN er sperret hos denne organisasjonen';
    case 'pin-blocked-no-link':
      return en ? 'PIN is blocked at every organization; no UBC exists here' : 'PIN er sperret hos alle organisasjoner; ingen opplåsingskode finnes her';
    case 'offline-lockout':
      return en ? `Offline logins are locked until ${formatTime(reason.until)}` : `Offline-innlogging er låst til ${formatTime(reason.until)}`;
    case 'online-granted':
      return en ? 'OTP verified' : 'Engangskode verifisert';
    case 'otp-used':
      return en ? 'OTP already used' : 'Engangskoden er allerede brukt';
    case 'otp-expired':
      return en ? `OTP is no longer valid (created ${formatTime(reason.createdAt)})` : `Engangskoden er ikke lenger gyldig (laget ${formatTime(reason.createdAt)})`;
    case 'otp-failed': {
      if (reason.attemptsRemaining === null) {
        return en ? 'OTP verification failed (no link at this organization yet, nothing counted)' : 'Verifisering av engangskode feilet (ingen kobling hos organisasjonen ennå, ikke talt)';
      }
      const base = en ? `OTP verification failed. ${attempts(lang, reason.attemptsRemaining)}` : `Verifisering av engangskode feilet. ${attempts(lang, reason.attemptsRemaining)}`;
      return reason.linkBlocked ? `${base}${en ? '; PIN blocked at this organization' : '; PIN sperret hos denne organisasjonen'}` : base;
    }
    case 'offline-not-allowed':
      return en ? 'offline codes are not accepted here' : 'offline-koder godtas ikke her';
    case 'offline-granted':
      return en ? 'Offline OTP verified' : 'Offline engangskode verifisert';
    case 'offline-used':
      return en ? `Offline OTP already used (phone time ${formatTime(reason.phoneTime)})` : `Offline engangskode er allerede brukt (telefontid ${formatTime(reason.phoneTime)})`;
    case 'offline-wrong-pin': {
      const base = en
        ? `Offline OTP was generated using wrong PIN. ${attempts(lang, reason.attemptsRemaining, true)}`
        : `Offline engangskode ble laget med feil PIN. ${attempts(lang, reason.attemptsRemaining)}`;
      return reason.pinBlocked ? `${base}${en ? '; PIN blocked' : '; PIN sperret'}` : base;
    }
    case 'offline-expired': {
      const base = en
        ? `OTP is no longer valid: made for phone time ${formatDateTime(reason.phoneTime)} (phone clock out of sync?)`
        : `Engangskoden er ikke lenger gyldig: laget for telefontid ${formatDateTime(reason.phoneTime)} (går telefonklokken feil?)`;
      if (reason.lockoutUntil === null) return base;
      return `${base}${en ? `; offline logins locked until ${formatTime(reason.lockoutUntil)}` : `; offline-innlogging låst til ${formatTime(reason.lockoutUntil)}`}`;
    }
    case 'unblock-granted':
      return en ? 'PIN unblocked, new PIN set' : 'PIN låst opp, ny PIN satt';
    case 'unblock-failed':
      return reason.ubcBlocked
        ? en ? 'Offline unblock code did not verify; UBC is now blocked' : 'Offline opplåsingskode ble ikke godkjent; opplåsingskoden er nå sperret'
        : en ? `Offline unblock code did not verify (wrong UBC, or a code older than 120 s). ${attempts(lang, reason.attemptsRemaining)}` : `Offline opplåsingskode ble ikke godkjent (feil opplåsingskode, eller en kode eldre enn 120 s). ${attempts(lang, reason.attemptsRemaining)}`;
    case 'unblock-ambiguous':
      return en ? 'Offline unblock code fits two time steps; wait for the next code and try again' : 'Offline opplåsingskode passer to tidssteg; vent på neste kode og prøv igjen';
    case 'unblock-used':
      return en
        ? 'Unblock code already used: made from a UBC this organization has already spent (nothing counted)'
        : 'Opplåsingskoden er allerede brukt: laget fra en opplåsingskode organisasjonen allerede har brukt opp (ikke talt)';
    case 'ubc-blocked':
      return en ? 'UBC is blocked: generate a new UBC in Manager' : 'Opplåsingskoden er sperret: lag en ny i Manager';
    case 'pin-blocked':
      return en ? `PIN blocked at this organization by ${CAUSE.en[reason.cause]}` : `PIN sperret hos denne organisasjonen etter ${CAUSE.nb[reason.cause]}`;
    case 'app-unblocked':
      return reason.newPinSet
        ? en ? 'PIN unblocked in the app with the UBC, new PIN set' : 'PIN låst opp i appen med opplåsingskoden, ny PIN satt'
        : en ? 'PIN unblocked in the app with the UBC, current PIN kept' : 'PIN låst opp i appen med opplåsingskoden, gjeldende PIN beholdt';
    case 'app-ubc-wrong':
      return reason.ubcBlocked
        ? en ? 'Wrong UBC entered in the app; UBC is now blocked' : 'Feil opplåsingskode tastet i appen; opplåsingskoden er nå sperret'
        : en ? `Wrong UBC entered in the app. ${attempts(lang, reason.attemptsRemaining)}` : `Feil opplåsingskode tastet i appen. ${attempts(lang, reason.attemptsRemaining)}`;
    case 'app-ubc-not-blocked':
      return en ? 'UBC entered in the app, but the PIN is not blocked here (a spent or reused UBC?)' : 'Opplåsingskode tastet i appen, men PIN er ikke sperret her (brukt eller gjenbrukt kode?)';
    case 'app-ubc-used':
      return en ? 'UBC already used: it was spent by an earlier unblock (nothing counted)' : 'Opplåsingskoden er allerede brukt ved en tidligere opplåsing (ikke talt)';
    default:
      return assertNever(reason);
  }
}

const PERMISSION_WORDS: Record<Lang, Record<Permission, string>> = {
  en: {
    'read-event-log': 'read the event log', 'read-audit-log': 'read the audit log', 'read-users': 'read the users list',
    'display-ubc': 'display a UBC', 'generate-ubc': 'generate a new UBC', 'block-pin': 'block a PIN', 'set-status': 'change a user status',
    'offline-unlock': 'end an offline lockout', 'manage-admins': 'manage administrators', 'manage-directories': 'change directories',
    'manage-access-servers': 'change access servers',
  },
  nb: {
    'read-event-log': 'lese hendelsesloggen', 'read-audit-log': 'lese revisjonsloggen', 'read-users': 'lese brukerlisten',
    'display-ubc': 'vise en opplåsingskode', 'generate-ubc': 'lage en ny opplåsingskode', 'block-pin': 'sperre en PIN', 'set-status': 'endre en brukers status',
    'offline-unlock': 'avslutte en offline-sperre', 'manage-admins': 'administrere administratorer', 'manage-directories': 'endre kataloger',
    'manage-access-servers': 'endre tilgangsservere',
  },
};

/** The audit log's "action" and "details" in words (R-MGR-5). */
export function describeAudit(action: AuditAction, lang: Lang = 'en'): string {
  const en = lang === 'en';
  switch (action.kind) {
    case 'ubc-displayed':
      return en ? 'Displayed UBC' : 'Viste opplåsingskode';
    case 'ubc-regenerated':
      return en ? 'Generated new UBC' : 'Lagde ny opplåsingskode';
    case 'pin-blocked':
      return en ? 'Blocked PIN' : 'Sperret PIN';
    case 'status-set':
      return en ? `Set ${action.status}` : `Satt ${action.status === 'active' ? 'aktiv' : 'inaktiv'}`;
    case 'offline-unlocked':
      return en ? 'Ended offline lockout' : 'Avsluttet offline-sperre';
    case 'admin-added':
      return en ? `Added administrator ${action.username} (${action.role})` : `La til administrator ${action.username} (${action.role})`;
    case 'admin-removed':
      return en ? `Removed administrator ${action.username}` : `Fjernet administrator ${action.username}`;
    case 'admin-role-set':
      return en ? `Set ${action.username}'s role to ${action.role}` : `Satte rollen til ${action.username} til ${action.role}`;
    case 'directory-added':
      return en ? `Added directory ${action.name}` : `La til katalog ${action.name}`;
    case 'directory-moved':
      return en ? `Moved directory ${action.name} to position ${action.toIndex + 1}` : `Flyttet katalog ${action.name} til plass ${action.toIndex + 1}`;
    case 'directory-entry-added':
      return en ? `Added ${action.username} to ${action.directory}` : `La til ${action.username} i ${action.directory}`;
    case 'directory-entry-removed':
      return en ? `Removed ${action.username} from ${action.directory}` : `Fjernet ${action.username} fra ${action.directory}`;
    case 'access-server-added':
      return en
        ? `Added access server ${action.name} (offline codes ${action.offlineAllowed ? 'allowed' : 'not allowed'})`
        : `La til tilgangsserver ${action.name} (offline-koder ${action.offlineAllowed ? 'tillatt' : 'ikke tillatt'})`;
    case 'access-server-offline-set':
      return en
        ? `Offline codes ${action.offlineAllowed ? 'allowed' : 'not allowed'} at ${action.name}`
        : `Offline-koder ${action.offlineAllowed ? 'tillatt' : 'ikke tillatt'} på ${action.name}`;
    case 'refused': {
      const what = PERMISSION_WORDS[lang][action.permission];
      if (action.why === 'other-org') return en ? `Refused: tried to ${what} at another organization` : `Avvist: forsøkte å ${what} hos en annen organisasjon`;
      return en ? `Refused: a ${action.role} may not ${what}` : `Avvist: ${action.role} kan ikke ${what}`;
    }
    default:
      return assertNever(action);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled description ${JSON.stringify(value)}`);
}
