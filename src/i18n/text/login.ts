// The organization login page's words, in English and Norwegian (bokmål).
import type { Translation } from './translation';

export const loginEn = {
  organization: 'Organization',
  accessServer: 'Access server',
  manager: 'Manager login',
  offlineAllowed: 'offline codes allowed',
  offlineNotAllowed: 'no offline codes',
  heading: (org: string) => `Log in to ${org}`,
  intro: 'Type your username and the one-time code from the Code app.',
  username: 'Username',
  code: 'One-time code',
  logIn: 'Log in',
  accepted: 'Login accepted',
  failed: 'Login failed',
  failedHint: 'Check the username and the code. Your administrator can see why in Manager.',
  history: 'Attempts on this page',
  noOrgs: 'There is no organization with an access server yet. Add one with Edit world in the lab.',
  empty: 'Type a username and a code.',
} as const;

export const loginNb: Translation<typeof loginEn> = {
  organization: 'Organisasjon',
  accessServer: 'Tilgangsserver',
  manager: 'Manager-innlogging',
  offlineAllowed: 'offline-koder tillatt',
  offlineNotAllowed: 'ingen offline-koder',
  heading: (org) => `Logg inn hos ${org}`,
  intro: 'Skriv brukernavnet ditt og engangskoden fra Code-appen.',
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
