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

/** Mistakes the training checker finds by itself in what the trainee did in Manager (see training.ts). */
export const BUILTIN_MISTAKES = ['ubc-other-user', 'set-inactive', 'pin-blocked', 'refused-by-role'] as const;

const trainingName = described(v.pipe(v.string(), v.regex(NAME, 'must be a name of letters, digits, "-" or "_", starting with a letter')), 'A short name, unique in the case');

/** What the trainee must bring about: conditions on the world, checked after every command. */
export const TrainingGoal = v.strictObject({
  id: trainingName,
  text: described(bilingual(300), 'The goal as the checklist shows it'),
  expect: described(v.pipe(v.array(Expectation), v.minLength(1, 'must have at least one condition'), v.maxLength(20)), 'Conditions that must all hold; event-log and audit-log conditions count entries written since the call began'),
  without: v.optional(described(v.pipe(v.array(v.picklist(BUILTIN_MISTAKES)), v.maxLength(4)), 'Mistakes that undo the goal when made (e.g. "ubc-other-user": the UBC displayed only for the caller)')),
  hints: described(v.pipe(v.array(bilingual(500)), v.minLength(1, 'must have at least one hint'), v.maxLength(3)), 'Hints in steps: a nudge, then which screen and control, then show me'),
  show: v.optional(described(v.strictObject({ pane: v.picklist(['phone', 'manager', 'login', 'training']), control: described(bilingual(100), 'The accessible name of the control to point at, as each language names it') }), 'The control the last hint points at on the screen')),
});

/** Something the trainee should not do, named in the result when it happened. */
export const TrainingMistake = v.strictObject({
  id: trainingName,
  text: described(bilingual(300), 'The mistake in words, as the result names it'),
  when: described(v.pipe(v.array(Expectation), v.minLength(1), v.maxLength(20)), 'Conditions that together mean the mistake was made'),
});

/** Something the trainee can ask the caller to do; the caller does it on their phone (or at the login page). */
export const CallerRequest = v.strictObject({
  id: trainingName,
  label: described(bilingual(120), 'The request as the trainee\'s button says it ("Read the UBC to the caller")'),
  ask: v.optional(described(v.strictObject({ name: keptName, label: bilingual(120) }), 'What the trainee says with it (a UBC), kept under `name` for the steps')),
  steps: described(v.pipe(v.array(Step), v.minLength(1, 'must have at least one step'), v.maxLength(50)), 'What the caller does, as scenario steps; they stop at the first that does not pass'),
  reply: described(bilingual(500), 'What the caller says when every step went through; {name} inserts a kept value'),
});

/** A guided training case: the caller's situation, who the trainee is, what the caller can be asked, the goals. */
export const Training = v.strictObject({
  setup: described(v.pipe(v.number(), v.integer(), v.minValue(0)), 'How many of the steps happen before the call (the situation the caller is in); the rest is the expected path'),
  until: v.optional(described(v.pipe(v.number(), v.integer(), v.minValue(1)), 'Where the expected path ends: the steps after the setup and before this one (the rest shows more than the call needs); all of them when left out')),
  trainee: described(v.strictObject({ admin: ref('The administrator the trainee is signed in to Manager as'), org: v.optional(ref('Their organization, when the username is in several')) }), 'Who the trainee is in Manager'),
  caller: described(v.strictObject({ phone: ref('The caller\'s phone'), username: ref('The caller\'s username'), org: ref('The organization the caller calls') }), 'Who calls: their phone stays in their hands'),
  requests: described(v.pipe(v.array(CallerRequest), v.minLength(1), v.maxLength(20)), 'What the trainee can ask the caller to do'),
  goals: described(v.pipe(v.array(TrainingGoal), v.minLength(1), v.maxLength(20)), 'The goals, shown as a checklist'),
  mistakes: v.optional(described(v.pipe(v.array(TrainingMistake), v.maxLength(20)), 'Mistakes of this case, besides the ones found by themselves')),
});
export type Training = v.InferOutput<typeof Training>;
export type TrainingGoal = v.InferOutput<typeof TrainingGoal>;
export type CallerRequest = v.InferOutput<typeof CallerRequest>;

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
  training: v.optional(described(Training, 'Makes the case a guided training case: see Training below')),
});

export type Scenario = v.InferOutput<typeof Scenario>;
export type Step = v.InferOutput<typeof Step>;

export { KEEPABLE };
