// The core's refusals (and the runtime's) in Norwegian (bokmål): loaded with the Norwegian words (ui-text-nb.ts) and by
// the scenario code (describe-refusal.ts). English: ../refusals.ts. Field names ("pin", "orgId") and rule ids stay as
// the core names them; times stay ISO 8601, 24-hour, UTC.
import type { Permission, RefusalTemplates } from '../../../domain';
import type { SandboxProblemTemplates } from '../../../runtime/sandbox-problems';

const NB_PLURAL = new Intl.PluralRules('nb');

/** "1 siffer", "4 sifre": the plural form through Intl.PluralRules. */
const sifre = (count: number) => `${count} ${NB_PLURAL.select(count) === 'one' ? 'siffer' : 'sifre'}`;

/** What a role may not do, as in "HELPDESK kan ikke vise en opplåsingskode" (R-MGR-1). */
const MAY_NOT_NB: Record<Permission, string> = {
  'read-event-log': 'lese hendelsesloggen',
  'read-audit-log': 'lese revisjonsloggen',
  'read-users': 'lese brukerlisten',
  'display-ubc': 'vise en opplåsingskode',
  'generate-ubc': 'lage en ny opplåsingskode',
  'block-pin': 'sperre en PIN',
  'set-status': 'endre en brukers status',
  'offline-unlock': 'oppheve en offline-sperre',
  'manage-admins': 'administrere administratorer',
  'manage-directories': 'endre kataloger',
  'manage-access-servers': 'endre tilgangsservere',
};

export const refusalsNb: RefusalTemplates = {
  // A field with the wrong value.
  mobileFormat: (p) => `«${p.field}» må være et telefonnummer på 6 til 15 sifre, eventuelt med + først`,
  mobileRequired: (p) => `«${p.field}» må være et telefonnummer`,
  smsCodeMismatch: (p) => `«${p.field}» stemmer ikke med koden som ble sendt på SMS`,
  exactDigits: (p) => `«${p.field}» må være nøyaktig ${sifre(p.count)}`,
  digits: (p) => `«${p.field}» må være ${sifre(p.count)}`,
  notBlank: (p) => `«${p.field}» kan ikke være tomt eller bare mellomrom`,
  idFormat: (p) => `«${p.field}» må være 1 til 40 små bokstaver, sifre eller bindestreker, og begynne med en bokstav eller et siffer`,
  labIdFormat: (p) => `«${p.field}» må være 1 til 40 små bokstaver, sifre eller bindestreker`,
  textLength: (p) => `«${p.field}» må være ${p.min} til ${p.max} tegn`,
  msRange: (p) => `«${p.field}» må være et helt antall ms fra ${p.min} til ${p.max}`,
  directoryKind: (p) => `«${p.field}» må være «LDAP» eller «HTTP»`,
  positionRange: (p) => `«${p.field}» må være en plass fra 0 til ${p.max}`,
  roleName: (p) => `«${p.field}» må være SUPERUSER, USERADMIN eller HELPDESK`,
  statusValue: (p) => `«${p.field}» må være «active» eller «inactive»`,
  samePinAgain: (p) => `«${p.field}» må være den samme PIN-koden skrevet én gang til`,
  linkedOrg: (p) => `«${p.field}» må være en av organisasjonene appen er knyttet til`,
  offsetRange: (p) => `«${p.field}» må være et helt antall ms innenfor ±${p.max}`,
  speedRange: (p) => `«${p.field}» må være et helt tall fra ${p.min} til ${p.max}`,
  advancePositive: (p) => `«${p.field}» må være et positivt helt antall ms: klokken går aldri bakover`,
  clockNotBefore: (p) => `«${p.field}» kan ikke være før servertiden nå: klokken går aldri bakover`,

  // Something that does not exist.
  unknownDevice: (p) => `Ukjent enhet «${p.value}» (feltet «${p.field}»)`,
  unknownOrg: (p) => `Ukjent organisasjon «${p.value}» (feltet «${p.field}»)`,
  unknownAccessServer: (p) => `Ukjent tilgangsserver «${p.value}» hos ${p.org} (feltet «${p.field}»)`,
  unknownAdmin: (p) => `Ukjent administrator «${p.value}» (feltet «${p.field}»)`,
  unknownOrgAdmin: (p) => `Ukjent administrator «${p.value}» hos ${p.org} (feltet «${p.field}»)`,
  unknownDirectory: (p) => `Ukjent katalog «${p.value}» hos ${p.org} (feltet «${p.field}»)`,
  unknownEntry: (p) => `Ukjent oppføring «${p.value}» i ${p.directory} (feltet «${p.field}»)`,
  unknownUser: (p) => `Ukjent bruker «${p.value}» hos ${p.org} (feltet «${p.field}»)`,
  unknownPerson: (p) => `Ukjent person «${p.value}» (feltet «${p.field}»)`,
  unknownPhone: (p) => `Ukjent telefon «${p.value}» (feltet «${p.field}»)`,

  // Taken already.
  orgExists: (p) => `Det finnes allerede en organisasjon «${p.orgId}»`,
  directoryExists: (p) => `${p.org} har allerede en katalog «${p.directoryId}»`,
  entryExists: (p) => `${p.directory} har allerede en oppføring «${p.username}»`,
  accessServerExists: (p) => `${p.org} har allerede en tilgangsserver «${p.accessServerId}»`,
  adminExists: (p) => `Det finnes allerede en administrator «${p.adminId}»`,
  personExists: (p) => `Det finnes allerede en person «${p.personId}»`,
  phoneExists: (p) => `Det finnes allerede en telefon «${p.phoneId}»`,
  mobileTaken: (p) => `En annen person har allerede nummeret ${p.mobile}`,

  // What an administrator may not do (R-MGR-1).
  otherOrgAdmin: (p) => `${p.admin} er administrator hos en annen organisasjon`,
  roleMayNot: (p) => `${p.role} kan ikke ${MAY_NOT_NB[p.permission]}`,

  // Not possible now.
  noSmsPending: () => 'Ingen SMS-kode venter for dette nummeret: be om en ny',
  pinAlreadySet: () => 'Dette nummeret har allerede en PIN-kode; endre den med PIN-koden du har nå',
  noPinYet: () => 'Ingen PIN-kode er satt for dette nummeret ennå',
  pinNotBlockedAt: (p) => `PIN-koden er ikke sperret hos ${p.org}`,
  noUbcNotBlocked: (p) => `PIN-koden til ${p.username} er ikke sperret her, så det finnes ingen opplåsingskode (UBC)`,
  ubcBlocked: () => 'Opplåsingskoden (UBC) er sperret: lag en ny opplåsingskode først',
  onlyBlockedUbc: () => 'Bare en sperret opplåsingskode (UBC) kan erstattes',
  pinAlreadyBlocked: (p) => `PIN-koden til ${p.username} er allerede sperret her`,
  statusAlready: (p) => `${p.username} er allerede ${p.status === 'active' ? 'aktiv' : 'inaktiv'}`,
  noOfflineLockout: (p) => `${p.username} har ingen offline-sperre nå`,
  ownAdmin: () => 'Administratorer kan ikke fjerne seg selv eller endre sin egen rolle',
  phoneOnlineAlready: (p) => `${p.phone} er allerede på nett`,
  phoneOfflineAlready: (p) => `${p.phone} er allerede uten nett`,
  clockPausedAlready: () => 'Klokken er allerede pauset',
  clockRunningAlready: () => 'Klokken går allerede',
  notActivated: () => 'Appen er ikke aktivert ennå',
  activationNeedsNetwork: () => 'Aktivering krever nett: slå på datatrafikk',
  setPinNeedsNetwork: () => 'Å sette PIN-koden krever nett: slå på datatrafikk',
  changePinNeedsNetwork: () => 'Å endre PIN-koden krever nett: slå på datatrafikk',
  alreadyActivated: () => 'Appen er allerede aktivert; tilbakestill den for å aktivere den på nytt',
  noActivationWaiting: () => 'Ingen aktivering venter på en SMS-kode',
  notAskingFirstPin: () => 'Appen ber ikke om en første PIN-kode',
  nothingToGoBack: () => 'Det er ingenting å gå tilbake til fra denne skjermen',
  setPinFirst: () => 'Velg en PIN-kode først',
  chooseOrgFirst: () => 'Velg først organisasjonen du vil låse opp',
  typeUbcFirst: () => 'Skriv opplåsingskoden (UBC) først',

  // The server clock (R-CLK-1). Times as the core gives them: ISO 8601, UTC.
  timeNotWhole: (p) => `Servertiden ${p.now} er ikke et helt antall ms`,
  clockBackwards: (p) => `Servertiden ${p.now} er før ${p.floor}, tiden for siste kommando eller klokkeendring: klokken går aldri bakover`,
  clockPaused: (p) => `Klokken står på pause ved ${p.pausedAt}: en kommando ved ${p.at} kan ikke skje`,
};

/** The runtime's own refusals (SandboxError) in Norwegian. */
export const sandboxProblemsNb: SandboxProblemTemplates = {
  noSandbox: (p) => `Det finnes ingen sandkasse «${p.sandboxId}»`,
  deletedElsewhere: () => 'Denne sandkassen ble slettet i en annen fane',
  journalDamaged: (p) =>
    `Journalen er skadet ved post ${p.seq}: kommandoer avvises. Eksporter sandkassen til en feilrapport, eller start en ny sandkasse fra siste gode post.`,
  storageFull: () =>
    'Nettleserens lagring for dette nettstedet er full: ingenting ble skrevet. Frigjør plass (slett en sandkasse, eller fjern data for andre nettsteder) og prøv igjen.',
  storageFailed: (p) => `Nettleseren fikk ikke skrevet til lagringen sin (${p.errorName || 'ukjent feil'}): ingenting ble skrevet. Prøv igjen.`,
};
