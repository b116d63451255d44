// The login words in Norwegian (bokmål): loaded when the page is in Norwegian (src/i18n/ui-text.ts). English: ../login.ts.
import type { Translation } from '../translation';
import type { loginEn } from '../login';

export const loginNb: Translation<typeof loginEn> = {
  organization: 'Organisasjon',
  accessServer: 'Tilgangsserver',
  manager: 'Manager-innlogging',
  offlineAllowed: 'offline-koder tillatt',
  offlineNotAllowed: 'ingen offline-koder',
  heading: (org) => `Logg inn hos ${org}`,
  intro: 'Skriv brukernavnet ditt og engangskoden fra Code-appen.',
  codeHint: 'Koden appen viser: 6 sifre på nett, 8 uten nett. Etter en opplåsing uten nett skrives den 9-sifrede offline opplåsingskoden også her.',
  serverAllowsOffline: 'Denne tilgangsserveren godtar offline-koder (8 sifre) og offline opplåsingskoder (9 sifre).',
  serverNoOffline: 'Denne tilgangsserveren godtar bare koder fra nett: ingen offline-koder og ingen offline opplåsingskoder.',
  loggedIn: (server, username) => `Logget inn på ${server} som ${username}`,
  loggedInHint: 'Brukeren er nå inne. En ekte innlogging ville åpnet nettverket eller portalen her.',
  logOut: 'Logg ut',
  username: 'Brukernavn',
  code: 'Engangskode',
  logIn: 'Logg inn',
  accepted: 'Innlogging godtatt',
  failed: 'Innlogging feilet',
  failedHint: 'Sjekk brukernavnet og koden. Administratoren din kan se årsaken i Manager.',
  history: 'Forsøk på denne siden',
  noOrgs: 'Ingen organisasjon har en tilgangsserver ennå. Legg til en med Rediger verden i laben.',
  empty: 'Skriv et brukernavn og en kode.',
};
