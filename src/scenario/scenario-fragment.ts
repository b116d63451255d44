// The mark of a link that carries a scenario in its fragment: all the page needs at start to tell one arrived
// (scenario-link.ts, with the decoding, loads only then).

/** The fragment a scenario link starts with; the scenario follows, deflated and base64url-encoded. */
export const SCENARIO_FRAGMENT = '#scenario=';

/** Whether a location's hash carries a scenario (`#scenario=…`). */
export function isScenarioFragment(hash: string): boolean {
  return hash.startsWith(SCENARIO_FRAGMENT);
}
