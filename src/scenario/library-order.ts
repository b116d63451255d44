// The order the built-in cases are offered in: the help page's story first (a blocked PIN and its UBC), then what
// makes support hard (offline, several organizations, new phones, clocks), then refusals.
export const LIBRARY_ORDER: readonly string[] = [
  'three-wrong-pins',
  'display-ubc-online-unblock',
  'manager-blocks-one-org',
  'forgotten-pin-manager-block',
  'ubc-typed-wrong-three-times',
  'ubc-wrong-online-and-offline',
  'spent-ubc-typed-again',
  'offline-unblock-code',
  'offline-unblock-code-reused',
  'several-orgs-online',
  'several-orgs-offline',
  'pin-blocked-before-any-link',
  'first-activation',
  'change-pin',
  'new-phone-old-refused',
  'online-code-reused',
  'online-code-expired',
  'code-attempts-block-link',
  'offline-code-reused',
  'offline-wrong-pin-blocks',
  'right-pin-wrong-time',
  'phone-clock-off',
  'offline-lockout-unlock',
  'offline-codes-not-allowed',
  'inactive-user',
  'helpdesk-cannot-help',
  'username-not-in-directory',
];

/** Where a case goes in the list: its place in LIBRARY_ORDER, unknown ids last. */
export function libraryRank(id: string): number {
  const index = LIBRARY_ORDER.indexOf(id);
  return index < 0 ? LIBRARY_ORDER.length : index;
}
