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
  codeHint: 'The code the app shows: 6 digits online, 8 offline. After an offline unblock, the 9-digit offline unblock code goes here too.',
  serverAllowsOffline: 'This access server accepts offline codes (8 digits) and offline unblock codes (9 digits).',
  serverNoOffline: 'This access server accepts online codes only: no offline codes, no offline unblock codes.',
  loggedIn: (server: string, username: string) => `Logged in to ${server} as ${username}`,
  loggedInHint: 'The user is now in. A real login would open the network or the portal here.',
  logOut: 'Log out',
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
