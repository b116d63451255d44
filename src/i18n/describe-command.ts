// A journal entry's command in words (what was done and by whom), in English or Norwegian, for the timeline and its inspector.
import type { WorldCommand, WorldState } from '../domain';
import type { Lang } from './describe-event';
import { formatDateTime, formatDuration } from './format';

/** Who did it: a phone, an administrator in Manager, a login page, or the lab bar. */
export function describeActor(command: WorldCommand, world: WorldState, lang: Lang): string {
  const en = lang === 'en';
  if ('phoneId' in command && command.type.startsWith('App')) return world.phones[command.phoneId]?.label ?? command.phoneId;
  if ('by' in command && command.by !== undefined) {
    const admin = world.server.admins[command.by];
    return admin ? `${admin.username} (${admin.role}, Manager)` : command.by;
  }
  if (command.type === 'Login') {
    const org = world.server.orgs[command.orgId];
    const server = org?.accessServers.find((s) => s.id === command.accessServerId)?.name ?? (command.accessServerId === 'manager' ? 'Manager' : command.accessServerId);
    return en ? `Login page: ${server} (${org?.name ?? command.orgId})` : `Innloggingsside: ${server} (${org?.name ?? command.orgId})`;
  }
  return en ? 'Lab bar' : 'Labfeltet';
}

/** What was done, in a few words. */
export function describeCommand(command: WorldCommand, world: WorldState, lang: Lang): string {
  const en = lang === 'en';
  const org = (id: string) => world.server.orgs[id]?.name ?? id;
  const who = (mobile: string) => {
    const person = Object.values(world.people).find((p) => p.mobile === mobile);
    return person ? `${person.name} (${mobile})` : mobile;
  };
  const phone = (id: string) => world.phones[id]?.label ?? id;
  switch (command.type) {
    case 'AddPerson': return en ? `Added ${command.name} (${command.mobile})` : `La til ${command.name} (${command.mobile})`;
    case 'AddPhone': return en ? `Added the phone ${command.label}` : `La til telefonen ${command.label}`;
    case 'SetPhoneOnline': return en ? `${phone(command.phoneId)}: data traffic ${command.online ? 'on' : 'off'}` : `${phone(command.phoneId)}: datatrafikk ${command.online ? 'på' : 'av'}`;
    case 'SetPhoneClockOffset': return en ? `${phone(command.phoneId)}: phone clock set ${command.offsetMs / 1000} s from server time` : `${phone(command.phoneId)}: telefonklokken satt ${command.offsetMs / 1000} s fra servertid`;
    case 'PauseClock': return en ? 'Paused the server clock' : 'Stoppet serverklokken';
    case 'ResumeClock': return en ? 'Started the server clock' : 'Startet serverklokken';
    case 'SetClockSpeed': return en ? `Clock speed ×${command.speed}` : `Klokkehastighet ×${command.speed}`;
    case 'AdvanceClock': return en ? `Moved the clock on ${formatDuration(command.byMs)}` : `Flyttet klokken ${formatDuration(command.byMs)} frem`;
    case 'SetClock': return en ? `Set the clock to ${formatDateTime(command.toMs)} UTC` : `Satte klokken til ${formatDateTime(command.toMs)} UTC`;
    case 'CreateOrg': return en ? `Created the organization ${command.name}` : `Opprettet organisasjonen ${command.name}`;
    case 'AddDirectory': return en ? `Added the directory ${command.name} at ${org(command.orgId)}` : `La til katalogen ${command.name} hos ${org(command.orgId)}`;
    case 'MoveDirectory': return en ? `Moved a directory at ${org(command.orgId)} to position ${command.toIndex + 1}` : `Flyttet en katalog hos ${org(command.orgId)} til plass ${command.toIndex + 1}`;
    case 'AddDirectoryEntry': return en ? `Added ${command.entry.username} to a directory at ${org(command.orgId)}` : `La til ${command.entry.username} i en katalog hos ${org(command.orgId)}`;
    case 'RemoveDirectoryEntry': return en ? `Removed ${command.username} from a directory at ${org(command.orgId)}` : `Fjernet ${command.username} fra en katalog hos ${org(command.orgId)}`;
    case 'AddAccessServer': return en ? `Added the access server ${command.name} at ${org(command.orgId)}` : `La til tilgangsserveren ${command.name} hos ${org(command.orgId)}`;
    case 'SetAccessServerOffline': return en ? `Offline codes ${command.offlineAllowed ? 'allowed' : 'not allowed'} at an access server of ${org(command.orgId)}` : `Offline-koder ${command.offlineAllowed ? 'tillatt' : 'ikke tillatt'} på en tilgangsserver hos ${org(command.orgId)}`;
    case 'AddAdmin': return en ? `Added the administrator ${command.username} (${command.role}) at ${org(command.orgId)}` : `La til administratoren ${command.username} (${command.role}) hos ${org(command.orgId)}`;
    case 'RemoveAdmin': return en ? `Removed an administrator at ${org(command.orgId)}` : `Fjernet en administrator hos ${org(command.orgId)}`;
    case 'SetAdminRole': return en ? `Set an administrator's role to ${command.role}` : `Satte en administrators rolle til ${command.role}`;
    case 'Login': return en ? `Logged in as ${command.username} with code ${command.code}` : `Logget inn som ${command.username} med koden ${command.code}`;
    case 'DisplayUbc': return en ? `Displayed the UBC of ${who(command.mobile)} at ${org(command.orgId)}` : `Viste opplåsingskoden til ${who(command.mobile)} hos ${org(command.orgId)}`;
    case 'GenerateNewUbc': return en ? `Generated a new UBC for ${who(command.mobile)} at ${org(command.orgId)}` : `Lagde en ny opplåsingskode for ${who(command.mobile)} hos ${org(command.orgId)}`;
    case 'BlockPin': return en ? `Blocked the PIN of ${who(command.mobile)} at ${org(command.orgId)}` : `Sperret PIN-koden til ${who(command.mobile)} hos ${org(command.orgId)}`;
    case 'SetUserStatus': return en ? `Set ${who(command.mobile)} ${command.status} at ${org(command.orgId)}` : `Satte ${who(command.mobile)} ${command.status === 'active' ? 'aktiv' : 'inaktiv'} hos ${org(command.orgId)}`;
    case 'OfflineUnlock': return en ? `Ended the offline lockout of ${who(command.mobile)}` : `Avsluttet offline-sperren til ${who(command.mobile)}`;
    case 'AppStartActivation': return en ? `Started activation with ${command.mobile}` : `Startet aktivering med ${command.mobile}`;
    case 'AppConfirmSms': return en ? `Typed the SMS code ${command.smsCode}` : `Tastet SMS-koden ${command.smsCode}`;
    case 'AppSetFirstPin': return en ? 'Chose the first PIN' : 'Valgte første PIN';
    case 'AppEnterPin': return en ? 'Entered a PIN' : 'Tastet en PIN';
    case 'AppOpenUnblock': return en ? 'Opened unblocking' : 'Åpnet opplåsing';
    case 'AppChooseUnblockOrg': return en ? `Chose ${org(command.orgId)} to unblock` : `Valgte ${org(command.orgId)} for opplåsing`;
    case 'AppEnterUbc': return en ? `Typed the UBC ${command.ubc}` : `Tastet opplåsingskoden ${command.ubc}`;
    case 'AppSetUnblockPin': return en ? 'Chose a new PIN after the UBC' : 'Valgte ny PIN etter opplåsingskoden';
    case 'AppOpenChangePin': return en ? 'Opened Change PIN' : 'Åpnet Endre PIN';
    case 'AppChangePin': return en ? 'Changed the PIN' : 'Endret PIN';
    case 'AppShowLinks': return en ? 'Showed the linked organizations' : 'Viste tilknyttede organisasjoner';
    case 'AppBack': return en ? 'Went back' : 'Gikk tilbake';
    case 'AppReset': return en ? 'Reset the app' : 'Tilbakestilte appen';
    default: return assertNever(command);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${JSON.stringify(value)}`);
}
