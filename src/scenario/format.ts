// The scenario file (`*.scenario.json`): a world, a seed, a start time and steps, each step an actor doing an action in
// the words of the screens, with what a person should then see. Checked field by field before anything runs.
import * as v from 'valibot';
import { WorldCommandSchema } from '../runtime/command-schema';
import { ACTIONS, KEEPABLE } from './actions';
import type { ActionSpec, ActorKind, Keepable } from './actions';
import { Expectation } from './expectations';
import { bilingual } from './text';
import { TIME_PATTERN } from './duration';

export const SCENARIO_FORMAT = 'code-sandbox-scenario';
export const SCENARIO_VERSION = 1;
/** Most steps a scenario may have: a long training case is a few hundred. */
export const MAX_STEPS = 10_000;

const described = <T extends v.GenericSchema>(schema: T, description: string) => v.pipe(schema, v.description(description));
const ref = (description: string) => described(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(200)), description);
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const keptName = described(v.pipe(v.string(), v.regex(NAME, 'must be a name of letters, digits, "-" or "_", starting with a letter')), 'The name later steps use as {name}');

export const ACTOR_SCHEMAS = {
  phone: described(v.strictObject({ phone: ref('The phone: its label ("Ingrid\'s phone"), its owner\'s name ("Ingrid") or its id') }), 'A person using the Code app on a phone'),
  admin: described(
    v.strictObject({ admin: ref('The administrator\'s username in Manager ("anna.admin")'), org: v.optional(ref('Their organization, when the username is in several')) }),
    'An administrator signed in to Manager',
  ),
  loginPage: described(
    v.strictObject({ loginPage: ref('The access server, by name ("Acme VPN") or id; "Manager" for the Manager login (R-OTP-3)'), org: v.optional(ref('The organization, when the name is in several')) }),
    'The organization\'s login page at an access server',
  ),
  lab: described(v.literal('lab'), 'The lab bar: the server clock and the world editor'),
} as const;

/** The `actor` field of an action's step; none for a step that only checks. */
function actorEntry(kinds: readonly ActorKind[]): v.ObjectEntries {
  const schemas = kinds.filter((kind): kind is Exclude<ActorKind, 'none'> => kind !== 'none').map((kind) => ACTOR_SCHEMAS[kind]);
  const [first, second] = schemas;
  if (!first) return {};
  return { actor: second ? v.union(schemas) : first };
}

function keepSchema(keeps: readonly Keepable[]) {
  const entries: v.ObjectEntries = {};
  for (const what of keeps) entries[what] = v.optional(keptName);
  return v.optional(described(v.strictObject(entries), 'Values read off the screen after the step, each kept under a name'));
}

/** The fields every step may have besides its action's own. */
export const COMMON_STEP_FIELDS = {
  narration: v.optional(described(bilingual(2_000), 'What is happening, for a person watching or practising (English and Norwegian)')),
  note: v.optional(described(v.strictObject({ en: v.optional(v.pipe(v.string(), v.maxLength(2_000))), nb: v.optional(v.pipe(v.string(), v.maxLength(2_000))) }), 'A trainer\'s note on the step')),
  expect: v.optional(described(v.pipe(v.array(Expectation), v.maxLength(100)), 'What a person should see after the step; each is checked and named in a failure')),
};

function stepSchema(spec: ActionSpec) {
  return v.strictObject({
    action: described(v.literal(spec.action), spec.summary.en),
    ...actorEntry(spec.actors),
    ...spec.inputs,
    keep: keepSchema(spec.keeps),
    ...COMMON_STEP_FIELDS,
  });
}

// The variant needs at least one option at the type level; the registry has many.
const [firstAction, ...otherActions] = ACTIONS.map(stepSchema);
if (!firstAction) throw new Error('no actions');

export const Step = v.variant('action', [firstAction, ...otherActions], (issue) =>
  issue.received === 'undefined' ? 'Missing field "action"' : `Unknown action ${issue.received} (the actions are listed in docs/scenarios.md)`,
);

export const World = v.union([
  described(v.literal('default'), 'The default world: Acme Corp, Northbank and Fjord Municipality; Ingrid, Ola, Kari, Per and Lars'),
  described(v.strictObject({ commands: v.pipe(v.array(WorldCommandSchema), v.maxLength(10_000)) }), 'A world built from world commands (the journal\'s own command format), from an empty world'),
]);

export const Scenario = v.strictObject({
  $schema: v.optional(v.string()),
  format: described(v.literal(SCENARIO_FORMAT), 'Always "code-sandbox-scenario"'),
  version: described(v.literal(SCENARIO_VERSION), 'The format version: 1'),
  id: v.optional(described(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lowercase letters, digits and "-"')), 'A stable id; the file name without its extension when left out')),
  title: described(bilingual(120), 'The title, in English and Norwegian'),
  description: described(bilingual(2_000), 'What the case is about, in English and Norwegian'),
  briefing: v.optional(described(bilingual(2_000), 'What the caller reports, in the caller\'s words (for training)')),
  tags: v.optional(described(v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(20)), 'Words to find the case by ("offline", "several orgs")')),
  rules: v.optional(described(v.pipe(v.array(v.pipe(v.string(), v.regex(/^R-[A-Z]+-\d+$/, 'must be a rule id such as R-UBC-3'))), v.maxLength(30)), 'The rules of docs/rules.md the case teaches')),
  world: v.optional(described(World, 'The world the steps start from: "default", or { "commands": [...] } from an empty world'), 'default'),
  seed: described(v.pipe(v.string(), v.minLength(1), v.maxLength(200)), 'Seeds every random value (UBCs, codes, device keys): the same seed and steps give the same journal'),
  start: v.optional(described(v.pipe(v.string(), v.regex(TIME_PATTERN, 'must be a UTC time such as "2026-01-05T09:00:00Z"')), 'The server time the world starts at: 2026-01-05T09:00:00Z (where every sandbox starts) or later; that time when left out')),
  steps: described(v.pipe(v.array(Step), v.minLength(1, 'must have at least one step'), v.maxLength(MAX_STEPS)), 'What happens, in order; see Steps below'),
});

export type Scenario = v.InferOutput<typeof Scenario>;
export type Step = v.InferOutput<typeof Step>;

export { KEEPABLE };
