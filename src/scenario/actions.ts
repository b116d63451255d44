// Every action a scenario step can take, in the words of the screens (enter PIN, display UBC, go offline, log in at
// Acme VPN ...), and the commands each one sends: the same commands the screens send when a person does it.
import * as v from 'valibot';
import type { WorldCommand, WorldState, PhoneState, Admin, Org, AccessServer } from '../domain';
import { ROLES } from '../domain';
import {
  addOrgCommands, addPersonCommands, addPhoneCommands, addLabAdminCommands,
  addDirectoryCommand, addAdminCommand, addAccessServerCommand,
} from '../runtime/world-edits';
import type { Bilingual } from './text';
import { findUser, findOrg, findDirectory, findAdmin, findAccessServer, findPerson, StepError } from './resolve';
import { parseDuration, parseTime, DURATION_UNITS, DURATION_PATTERN, TIME_PATTERN } from './duration';
import { WorldCommandSchema } from '../runtime/command-schema';

/** Who acts: a person's phone, an administrator in Manager, a login page, the lab bar; "none" for a step that only checks. */
export type ActorKind = 'phone' | 'admin' | 'loginPage' | 'lab' | 'none';

/** The actor of a step, found in the world. */
export type Actor =
  | { kind: 'phone'; phone: PhoneState }
  | { kind: 'admin'; admin: Admin; org: Org }
  | { kind: 'loginPage'; org: Org; server: AccessServer }
  | { kind: 'lab' }
  | { kind: 'none' };

/** Values a step can keep under a name, as a person reads them off a screen. */
export const KEEPABLE = ['code', 'unblockCode', 'sms', 'ubc', 'appId'] as const;
export type Keepable = (typeof KEEPABLE)[number];

export interface StepContext {
  world: WorldState;
  actor: Actor;
}

/**
 * A Gherkin step template: words with placeholders in braces, each a quoted value in the step ("{phone} enters PIN
 * {pin}" matches `"Ingrid" enters PIN "1111"`). `fixed` sets inputs the words imply.
 */
export interface Template {
  text: string;
  fixed?: Record<string, string | number | boolean | readonly string[]>;
}

export interface ActionSpec {
  action: string;
  actors: readonly ActorKind[];
  /** The step's own fields besides actor, action and the common ones, each with its schema. */
  inputs: v.ObjectEntries;
  /** What `keep` may name after this action, the first being what ", kept as" keeps in Gherkin. */
  keeps: readonly Keepable[];
  summary: Bilingual;
  gherkin: { en: readonly Template[]; nb: readonly Template[] };
  /** A whole step as a file writes it. */
  example: Record<string, unknown>;
  /** The commands the screens send for it, in order; none for a step that only reads the screen. */
  commands(input: Record<string, unknown>, ctx: StepContext): WorldCommand[];
}

/**
 * Declares an action with its inputs typed from their schemas. The registry erases the type: the step schema built
 * from these same entries has validated every input before `commands` runs.
 */
function action<E extends v.ObjectEntries>(spec: Omit<ActionSpec, 'inputs' | 'commands'> & { inputs: E; commands(input: v.InferOutput<v.StrictObjectSchema<E, undefined>>, ctx: StepContext): WorldCommand[] }): ActionSpec {
  // Erased to the registry's shape; see above for why the input is of this type when `commands` runs.
  return { ...spec, commands: (input, ctx) => spec.commands(input as v.InferOutput<v.StrictObjectSchema<E, undefined>>, ctx) };
}

const described = <T extends v.GenericSchema>(schema: T, description: string) => v.pipe(schema, v.description(description));

/** A typed value: up to 200 characters; `{name}` inserts a value kept by an earlier step. */
const value = (description: string) => described(v.pipe(v.string(), v.maxLength(200)), description);
const optionalValue = (description: string) => v.optional(value(description));
const duration = (description: string) =>
  described(v.pipe(v.string(), v.regex(DURATION_PATTERN, `must be a duration such as "2 min", "+10 min" or "90 s" (units: ${DURATION_UNITS.join(', ')})`)), description);
const time = (description: string) =>
  described(v.pipe(v.string(), v.regex(TIME_PATTERN, 'must be a UTC time such as "2026-01-05T09:30:00Z"')), description);

function phoneOf(ctx: StepContext): PhoneState {
  if (ctx.actor.kind !== 'phone') throw new StepError('This action is done on a phone');
  return ctx.actor.phone;
}

function adminOf(ctx: StepContext): { admin: Admin; org: Org } {
  if (ctx.actor.kind !== 'admin') throw new StepError('This action is done by an administrator in Manager');
  return ctx.actor;
}

/** The org a setup step changes: the administrator's own, or the one the lab step names. */
function setupOrg(ctx: StepContext, orgRef: string | undefined): { orgId: string; by: string | undefined } {
  if (ctx.actor.kind === 'admin') return { orgId: ctx.actor.org.id, by: ctx.actor.admin.id };
  if (!orgRef) throw new StepError('A lab step that edits an organization names it in "org"');
  return { orgId: findOrg(ctx.world, orgRef).id, by: undefined };
}

function withBy<C extends WorldCommand>(command: C, by: string | undefined): C {
  return by === undefined ? command : { ...command, by };
}

/** The mobile of a user in Manager's list of the administrator's org. */
function userMobile(ctx: StepContext, username: string): { by: string; orgId: string; mobile: string } {
  const { admin, org } = adminOf(ctx);
  return { by: admin.id, orgId: org.id, mobile: findUser(ctx.world, org.id, username).mobile };
}

const ms = (text: string): number => parseDuration(text) ?? 0;

const t = (text: string, fixed?: Template['fixed']): Template => (fixed ? { text, fixed } : { text });

export const ACTIONS: readonly ActionSpec[] = [
  // ---- The Code app, on a phone ----
  action({
    action: 'start activation',
    actors: ['phone'],
    inputs: { mobile: optionalValue('The mobile number typed; the phone owner\'s number when left out') },
    keeps: ['sms'],
    summary: { en: 'Types the mobile number on the activation screen and asks for the SMS (R-ACT-1).', nb: 'Skriver inn mobilnummeret på aktiveringsskjermen og ber om SMS (R-ACT-1).' },
    gherkin: { en: [t('{phone} starts activation'), t('{phone} starts activation with {mobile}')], nb: [t('{phone} starter aktivering'), t('{phone} starter aktivering med {mobile}')] },
    example: { actor: { phone: 'Lars' }, action: 'start activation', keep: { sms: 'sms' } },
    commands: (input, ctx) => {
      const phone = phoneOf(ctx);
      const mobile = input.mobile ?? ctx.world.people[phone.personId]?.mobile ?? '';
      return [{ type: 'AppStartActivation', phoneId: phone.id, mobile }];
    },
  }),
  action({
    action: 'enter SMS code',
    actors: ['phone'],
    inputs: { code: optionalValue('The code typed; the one in the phone\'s newest SMS when left out') },
    keeps: ['appId'],
    summary: { en: 'Types the code from the SMS; the app is activated (R-ACT-1).', nb: 'Skriver inn koden fra SMS-en; appen blir aktivert (R-ACT-1).' },
    gherkin: { en: [t('{phone} enters the SMS code'), t('{phone} enters the SMS code {code}')], nb: [t('{phone} skriver inn SMS-koden'), t('{phone} skriver inn SMS-koden {code}')] },
    example: { actor: { phone: 'Lars' }, action: 'enter SMS code' },
    commands: (input, ctx) => {
      const phone = phoneOf(ctx);
      const code = input.code ?? phone.inbox.at(-1)?.code;
      if (code === undefined) throw new StepError(`${phone.label} has no SMS to read the code from`);
      return [{ type: 'AppConfirmSms', phoneId: phone.id, smsCode: code }];
    },
  }),
  action({
    action: 'set first PIN',
    actors: ['phone'],
    inputs: { pin: value('The new PIN'), repeat: optionalValue('The PIN typed again; the same as "pin" when left out') },
    keeps: [],
    summary: { en: 'Chooses the first PIN after activation, typed twice (R-OTP-1).', nb: 'Velger den første PIN-koden etter aktivering, skrevet to ganger (R-OTP-1).' },
    gherkin: { en: [t('{phone} sets the first PIN {pin}'), t('{phone} sets the first PIN {pin} repeated as {repeat}')], nb: [t('{phone} velger første PIN {pin}'), t('{phone} velger første PIN {pin} gjentatt som {repeat}')] },
    example: { actor: { phone: 'Lars' }, action: 'set first PIN', pin: '5678' },
    commands: (input, ctx) => [{ type: 'AppSetFirstPin', phoneId: phoneOf(ctx).id, pin: input.pin, repeat: input.repeat ?? input.pin }],
  }),
  action({
    action: 'enter PIN',
    actors: ['phone'],
    inputs: { pin: value('The PIN typed on the PIN pad') },
    keeps: ['code'],
    summary: {
      en: 'Types the PIN: online the app shows a 6-digit code from the server, offline an 8-digit code it computes itself (R-OTP-2).',
      nb: 'Skriver inn PIN: på nett viser appen en 6-sifret kode fra serveren, uten nett en 8-sifret kode den regner ut selv (R-OTP-2).',
    },
    gherkin: { en: [t('{phone} enters PIN {pin}')], nb: [t('{phone} skriver inn PIN {pin}')] },
    example: { actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1234', keep: { code: 'code' } },
    commands: (input, ctx) => [{ type: 'AppEnterPin', phoneId: phoneOf(ctx).id, pin: input.pin }],
  }),
  action({
    action: 'open unblock',
    actors: ['phone'],
    inputs: {},
    keeps: [],
    summary: { en: 'Taps Unblock on the app (R-UBC-2).', nb: 'Trykker Lås opp i appen (R-UBC-2).' },
    gherkin: { en: [t('{phone} opens Unblock')], nb: [t('{phone} åpner Lås opp')] },
    example: { actor: { phone: 'Ingrid' }, action: 'open unblock' },
    commands: (_input, ctx) => [{ type: 'AppOpenUnblock', phoneId: phoneOf(ctx).id }],
  }),
  action({
    action: 'choose organization',
    actors: ['phone'],
    inputs: { org: value('The organization, by name or id, in the app\'s list of blocked organizations') },
    keeps: [],
    summary: { en: 'Picks which organization to unblock, when the app lists several (R-UBC-5).', nb: 'Velger hvilken organisasjon som skal låses opp når appen viser flere (R-UBC-5).' },
    gherkin: { en: [t('{phone} chooses {org}')], nb: [t('{phone} velger {org}')] },
    example: { actor: { phone: 'Kari' }, action: 'choose organization', org: 'Northbank' },
    commands: (input, ctx) => [{ type: 'AppChooseUnblockOrg', phoneId: phoneOf(ctx).id, orgId: findOrg(ctx.world, input.org).id }],
  }),
  action({
    action: 'enter UBC',
    actors: ['phone'],
    inputs: { ubc: value('The unblocking code as the administrator read it out') },
    keeps: [],
    summary: { en: 'Types the unblocking code the administrator gave (R-UBC-2, R-UBC-3).', nb: 'Skriver inn opplåsingskoden administratoren ga (R-UBC-2, R-UBC-3).' },
    gherkin: { en: [t('{phone} enters UBC {ubc}')], nb: [t('{phone} skriver inn UBC {ubc}')] },
    example: { actor: { phone: 'Ingrid' }, action: 'enter UBC', ubc: '123 456 789' },
    commands: (input, ctx) => [{ type: 'AppEnterUbc', phoneId: phoneOf(ctx).id, ubc: input.ubc }],
  }),
  action({
    action: 'set new PIN',
    actors: ['phone'],
    inputs: { pin: value('The new PIN'), repeat: optionalValue('The PIN typed again; the same as "pin" when left out') },
    keeps: ['unblockCode'],
    summary: {
      en: 'Chooses the new PIN after a UBC; offline the app then shows the 9-digit offline unblock code (R-UBC-2, R-UBC-4).',
      nb: 'Velger ny PIN etter en UBC; uten nett viser appen så den 9-sifrede offline opplåsingskoden (R-UBC-2, R-UBC-4).',
    },
    gherkin: { en: [t('{phone} sets the new PIN {pin}'), t('{phone} sets the new PIN {pin} repeated as {repeat}')], nb: [t('{phone} velger ny PIN {pin}'), t('{phone} velger ny PIN {pin} gjentatt som {repeat}')] },
    example: { actor: { phone: 'Ingrid' }, action: 'set new PIN', pin: '4321' },
    commands: (input, ctx) => [{ type: 'AppSetUnblockPin', phoneId: phoneOf(ctx).id, newPin: input.pin, repeat: input.repeat ?? input.pin }],
  }),
  action({
    action: 'open change PIN',
    actors: ['phone'],
    inputs: {},
    keeps: [],
    summary: { en: 'Opens Change PIN in the app.', nb: 'Åpner Endre PIN i appen.' },
    gherkin: { en: [t('{phone} opens Change PIN')], nb: [t('{phone} åpner Endre PIN')] },
    example: { actor: { phone: 'Ingrid' }, action: 'open change PIN' },
    commands: (_input, ctx) => [{ type: 'AppOpenChangePin', phoneId: phoneOf(ctx).id }],
  }),
  action({
    action: 'change PIN',
    actors: ['phone'],
    inputs: { current: value('The PIN in use'), pin: value('The new PIN'), repeat: optionalValue('The new PIN typed again; the same as "pin" when left out') },
    keeps: [],
    summary: { en: 'Changes the PIN: the current one, then the new one twice (online only).', nb: 'Endrer PIN: den nåværende, så den nye to ganger (bare på nett).' },
    gherkin: { en: [t('{phone} changes the PIN from {current} to {pin}')], nb: [t('{phone} endrer PIN fra {current} til {pin}')] },
    example: { actor: { phone: 'Ingrid' }, action: 'change PIN', current: '1234', pin: '2468' },
    commands: (input, ctx) => [{ type: 'AppChangePin', phoneId: phoneOf(ctx).id, currentPin: input.current, newPin: input.pin, repeat: input.repeat ?? input.pin }],
  }),
  action({
    action: 'show linked organizations',
    actors: ['phone'],
    inputs: {},
    keeps: [],
    summary: { en: 'Taps the icon that lists the linked organizations and which are blocked.', nb: 'Trykker på ikonet som viser tilknyttede organisasjoner og hvilke som er sperret.' },
    gherkin: { en: [t('{phone} shows the linked organizations')], nb: [t('{phone} viser tilknyttede organisasjoner')] },
    example: { actor: { phone: 'Kari' }, action: 'show linked organizations' },
    commands: (_input, ctx) => [{ type: 'AppShowLinks', phoneId: phoneOf(ctx).id }],
  }),
  action({
    action: 'go back',
    actors: ['phone'],
    inputs: {},
    keeps: [],
    summary: { en: 'Taps Back in the app.', nb: 'Trykker Tilbake i appen.' },
    gherkin: { en: [t('{phone} goes back')], nb: [t('{phone} går tilbake')] },
    example: { actor: { phone: 'Ingrid' }, action: 'go back' },
    commands: (_input, ctx) => [{ type: 'AppBack', phoneId: phoneOf(ctx).id }],
  }),
  action({
    action: 'reset the app',
    actors: ['phone'],
    inputs: {},
    keeps: [],
    summary: { en: 'Deletes the app\'s data; it must be activated again (R-ACT-3).', nb: 'Sletter appens data; den må aktiveres på nytt (R-ACT-3).' },
    gherkin: { en: [t('{phone} resets the app')], nb: [t('{phone} nullstiller appen')] },
    example: { actor: { phone: 'Lars' }, action: 'reset the app' },
    commands: (_input, ctx) => [{ type: 'AppReset', phoneId: phoneOf(ctx).id }],
  }),
  action({
    action: 'read the phone',
    actors: ['phone'],
    inputs: { what: described(v.picklist(['code', 'unblockCode', 'sms', 'appId']), 'What is read off the screen: the code shown, the offline unblock code, the newest SMS code, the App-ID') },
    keeps: ['code', 'unblockCode', 'sms', 'appId'],
    summary: { en: 'Reads a value off the phone without touching it (the code changes every 30 s offline).', nb: 'Leser en verdi av telefonen uten å trykke på noe (koden skifter hvert 30. sekund uten nett).' },
    gherkin: {
      en: [t('{phone} reads the code', { what: 'code' }), t('{phone} reads the unblock code', { what: 'unblockCode' }), t('{phone} reads the SMS code', { what: 'sms' }), t('{phone} reads the App-ID', { what: 'appId' })],
      nb: [t('{phone} leser koden', { what: 'code' }), t('{phone} leser opplåsingskoden', { what: 'unblockCode' }), t('{phone} leser SMS-koden', { what: 'sms' }), t('{phone} leser App-ID', { what: 'appId' })],
    },
    example: { actor: { phone: 'Ingrid' }, action: 'read the phone', what: 'code', keep: { code: 'later' } },
    commands: () => [],
  }),
  // ---- The phone's own controls in the lab: data traffic and clock ----
  action({
    action: 'go offline',
    actors: ['phone'],
    inputs: {},
    keeps: [],
    summary: { en: 'Turns the phone\'s data traffic off: the app works in Offline Mode.', nb: 'Slår av datatrafikken på telefonen: appen går i frakoblet modus.' },
    gherkin: { en: [t('{phone} goes offline')], nb: [t('{phone} går uten nett')] },
    example: { actor: { phone: 'Ingrid' }, action: 'go offline' },
    commands: (_input, ctx) => [{ type: 'SetPhoneOnline', phoneId: phoneOf(ctx).id, online: false }],
  }),
  action({
    action: 'go online',
    actors: ['phone'],
    inputs: {},
    keeps: [],
    summary: { en: 'Turns the phone\'s data traffic on: the app asks the server for its links again.', nb: 'Slår på datatrafikken: appen spør serveren om tilknytningene sine igjen.' },
    gherkin: { en: [t('{phone} goes online')], nb: [t('{phone} går på nett')] },
    example: { actor: { phone: 'Ingrid' }, action: 'go online' },
    commands: (_input, ctx) => [{ type: 'SetPhoneOnline', phoneId: phoneOf(ctx).id, online: true }],
  }),
  action({
    action: 'set phone clock',
    actors: ['phone'],
    inputs: { offset: duration('How far the phone\'s clock is from the server\'s: "+10 min", "-90 s", "0"') },
    keeps: [],
    summary: { en: 'Sets the phone\'s clock ahead of or behind the server\'s (R-CLK-2).', nb: 'Stiller telefonens klokke foran eller bak serverens (R-CLK-2).' },
    gherkin: { en: [t('{phone} sets its clock {offset}')], nb: [t('{phone} stiller klokken {offset}')] },
    example: { actor: { phone: 'Ingrid' }, action: 'set phone clock', offset: '+10 min' },
    commands: (input, ctx) => [{ type: 'SetPhoneClockOffset', phoneId: phoneOf(ctx).id, offsetMs: ms(input.offset) }],
  }),
  // ---- Manager: what an administrator does to a user ----
  action({
    action: 'display UBC',
    actors: ['admin'],
    inputs: { user: value('The username in Manager\'s users list') },
    keeps: ['ubc'],
    summary: { en: 'Opens the user and clicks Display UBC; the code is read out to the user (R-UBC-1, audited).', nb: 'Åpner brukeren og klikker Vis UBC; koden leses opp for brukeren (R-UBC-1, logges).' },
    gherkin: { en: [t('{admin} displays the UBC of {user}')], nb: [t('{admin} viser UBC for {user}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'display UBC', user: 'ingrid', keep: { ubc: 'ubc' } },
    commands: (input, ctx) => [{ type: 'DisplayUbc', ...userMobile(ctx, input.user) }],
  }),
  action({
    action: 'generate new UBC',
    actors: ['admin'],
    inputs: { user: value('The username in Manager\'s users list') },
    keeps: ['ubc'],
    summary: { en: 'Makes a new UBC for the user; the old one stops working (R-UBC-3).', nb: 'Lager en ny UBC for brukeren; den gamle slutter å virke (R-UBC-3).' },
    gherkin: { en: [t('{admin} generates a new UBC for {user}')], nb: [t('{admin} lager ny UBC for {user}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'generate new UBC', user: 'ingrid', keep: { ubc: 'ubc' } },
    commands: (input, ctx) => [{ type: 'GenerateNewUbc', ...userMobile(ctx, input.user) }],
  }),
  action({
    action: 'block PIN',
    actors: ['admin'],
    inputs: { user: value('The username in Manager\'s users list') },
    keeps: [],
    summary: { en: 'Blocks the user\'s PIN at this organization only (R-BLK-2).', nb: 'Sperrer brukerens PIN bare i denne organisasjonen (R-BLK-2).' },
    gherkin: { en: [t('{admin} blocks the PIN of {user}')], nb: [t('{admin} sperrer PIN for {user}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'block PIN', user: 'ingrid' },
    commands: (input, ctx) => [{ type: 'BlockPin', ...userMobile(ctx, input.user) }],
  }),
  action({
    action: 'set user inactive',
    actors: ['admin'],
    inputs: { user: value('The username in Manager\'s users list') },
    keeps: [],
    summary: { en: 'Sets the user Inactive: every login is refused (R-VER-2).', nb: 'Setter brukeren Inaktiv: all innlogging avvises (R-VER-2).' },
    gherkin: { en: [t('{admin} sets {user} inactive')], nb: [t('{admin} setter {user} inaktiv')] },
    example: { actor: { admin: 'ulf.users' }, action: 'set user inactive', user: 'ola' },
    commands: (input, ctx) => [{ type: 'SetUserStatus', ...userMobile(ctx, input.user), status: 'inactive' }],
  }),
  action({
    action: 'set user active',
    actors: ['admin'],
    inputs: { user: value('The username in Manager\'s users list') },
    keeps: [],
    summary: { en: 'Sets the user Active again.', nb: 'Setter brukeren Aktiv igjen.' },
    gherkin: { en: [t('{admin} sets {user} active')], nb: [t('{admin} setter {user} aktiv')] },
    example: { actor: { admin: 'ulf.users' }, action: 'set user active', user: 'ola' },
    commands: (input, ctx) => [{ type: 'SetUserStatus', ...userMobile(ctx, input.user), status: 'active' }],
  }),
  action({
    action: 'unlock offline codes',
    actors: ['admin'],
    inputs: { user: value('The username in Manager\'s users list') },
    keeps: [],
    summary: { en: 'Ends the user\'s offline lockout before its time (R-OFF-1).', nb: 'Avslutter brukerens offline-sperre før tiden (R-OFF-1).' },
    gherkin: { en: [t('{admin} unlocks offline codes for {user}')], nb: [t('{admin} låser opp offline-koder for {user}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'unlock offline codes', user: 'ingrid' },
    commands: (input, ctx) => [{ type: 'OfflineUnlock', ...userMobile(ctx, input.user) }],
  }),
  // ---- Manager's setup (SUPERUSER) or the lab's world editor ----
  action({
    action: 'add directory',
    actors: ['admin'],
    inputs: {
      name: value('The directory\'s name'),
      kind: described(v.picklist(['LDAP', 'HTTP']), 'LDAP or HTTP'),
      checksAppId: v.optional(described(v.boolean(), 'Whether its entries list App-IDs that logins must match (R-VER-3); false when left out')),
    },
    keeps: [],
    summary: { en: 'Adds a directory at the end of the lookup order (R-VER-1, audited).', nb: 'Legger til en katalog sist i oppslagsrekkefølgen (R-VER-1, logges).' },
    gherkin: { en: [t('{admin} adds the {kind} directory {name}')], nb: [t('{admin} legger til {kind}-katalogen {name}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'add directory', name: 'Acme contractors', kind: 'HTTP' },
    commands: (input, ctx) => {
      const { admin, org } = adminOf(ctx);
      return [addDirectoryCommand(ctx.world, org.id, admin.id, input.name, input.kind, input.checksAppId ?? false)];
    },
  }),
  action({
    action: 'move directory',
    actors: ['admin', 'lab'],
    inputs: { org: optionalValue('The organization (a lab step names it)'), directory: value('The directory, by name or id'), position: described(v.pipe(v.number(), v.integer(), v.minValue(1)), 'Its new place in the lookup order, from 1') },
    keeps: [],
    summary: { en: 'Moves a directory in the lookup order (R-VER-1).', nb: 'Flytter en katalog i oppslagsrekkefølgen (R-VER-1).' },
    gherkin: { en: [t('{admin} moves the directory {directory} to place {position}')], nb: [t('{admin} flytter katalogen {directory} til plass {position}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'move directory', directory: 'Acme partners', position: 1 },
    commands: (input, ctx) => {
      const { orgId, by } = setupOrg(ctx, input.org);
      return [withBy({ type: 'MoveDirectory', orgId, directoryId: findDirectory(ctx.world, orgId, input.directory).id, toIndex: input.position - 1 }, by)];
    },
  }),
  action({
    action: 'add user to directory',
    actors: ['admin', 'lab'],
    inputs: {
      org: optionalValue('The organization (a lab step names it)'),
      directory: optionalValue('The directory, by name or id; the org\'s first when left out'),
      username: value('The username'),
      mobile: optionalValue('The mobile number the entry lists'),
      appId: optionalValue('The App-ID the entry lists (R-VER-3)'),
    },
    keeps: [],
    summary: { en: 'Adds an entry to a directory: a username, and a mobile number or App-ID (R-VER-1).', nb: 'Legger til en oppføring i en katalog: brukernavn og mobilnummer eller App-ID (R-VER-1).' },
    gherkin: {
      en: [t('{admin} adds {username} with mobile {mobile} to the directory {directory}'), t('the lab adds {username} with mobile {mobile} to {org}')],
      nb: [t('{admin} legger til {username} med mobil {mobile} i katalogen {directory}'), t('laben legger til {username} med mobil {mobile} i {org}')],
    },
    example: { actor: 'lab', action: 'add user to directory', org: 'Acme Corp', username: 'nora', mobile: '+4791234599' },
    commands: (input, ctx) => {
      const { orgId, by } = setupOrg(ctx, input.org);
      const directoryId = input.directory ? findDirectory(ctx.world, orgId, input.directory).id : (ctx.world.server.orgs[orgId]?.directories[0]?.id ?? '');
      const entry: { username: string; mobile?: string; appId?: string } = { username: input.username };
      if (input.mobile !== undefined) entry.mobile = input.mobile;
      if (input.appId !== undefined) entry.appId = input.appId;
      return [withBy({ type: 'AddDirectoryEntry', orgId, directoryId, entry }, by)];
    },
  }),
  action({
    action: 'remove user from directory',
    actors: ['admin', 'lab'],
    inputs: { org: optionalValue('The organization (a lab step names it)'), directory: value('The directory, by name or id'), username: value('The username') },
    keeps: [],
    summary: { en: 'Removes a username from a directory: that user is then in no directory (R-VER-1).', nb: 'Fjerner et brukernavn fra en katalog (R-VER-1).' },
    gherkin: { en: [t('{admin} removes {username} from the directory {directory}'), t('the lab removes {username} from the directory {directory} of {org}')], nb: [t('{admin} fjerner {username} fra katalogen {directory}'), t('laben fjerner {username} fra katalogen {directory} i {org}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'remove user from directory', directory: 'Acme LDAP', username: 'lars' },
    commands: (input, ctx) => {
      const { orgId, by } = setupOrg(ctx, input.org);
      return [withBy({ type: 'RemoveDirectoryEntry', orgId, directoryId: findDirectory(ctx.world, orgId, input.directory).id, username: input.username }, by)];
    },
  }),
  action({
    action: 'add access server',
    actors: ['admin'],
    inputs: { name: value('The access server\'s name'), offlineAllowed: described(v.boolean(), 'Whether it accepts 8-digit offline codes (R-VER-7)') },
    keeps: [],
    summary: { en: 'Adds an access server (a VPN, a web portal) where users log in (audited).', nb: 'Legger til en tilgangsserver (VPN, webportal) der brukerne logger inn (logges).' },
    gherkin: {
      en: [t('{admin} adds the access server {name} that allows offline codes', { offlineAllowed: true }), t('{admin} adds the access server {name} that allows no offline codes', { offlineAllowed: false })],
      nb: [t('{admin} legger til tilgangsserveren {name} som tillater offline-koder', { offlineAllowed: true }), t('{admin} legger til tilgangsserveren {name} som ikke tillater offline-koder', { offlineAllowed: false })],
    },
    example: { actor: { admin: 'anna.admin' }, action: 'add access server', name: 'Acme Citrix', offlineAllowed: false },
    commands: (input, ctx) => {
      const { admin, org } = adminOf(ctx);
      return [addAccessServerCommand(ctx.world, org.id, admin.id, input.name, input.offlineAllowed)];
    },
  }),
  action({
    action: 'allow offline codes',
    actors: ['admin', 'lab'],
    inputs: { org: optionalValue('The organization (a lab step names it)'), server: value('The access server, by name or id') },
    keeps: [],
    summary: { en: 'Lets an access server accept 8-digit offline codes (R-VER-7).', nb: 'Lar en tilgangsserver godta 8-sifrede offline-koder (R-VER-7).' },
    gherkin: { en: [t('{admin} allows offline codes at {server}')], nb: [t('{admin} tillater offline-koder på {server}')] },
    example: { actor: { admin: 'siri.admin' }, action: 'allow offline codes', server: 'Fjord intranet' },
    commands: (input, ctx) => {
      const { orgId, by } = setupOrg(ctx, input.org);
      return [withBy({ type: 'SetAccessServerOffline', orgId, accessServerId: findAccessServer(ctx.world, input.server, orgId).server.id, offlineAllowed: true }, by)];
    },
  }),
  action({
    action: 'refuse offline codes',
    actors: ['admin', 'lab'],
    inputs: { org: optionalValue('The organization (a lab step names it)'), server: value('The access server, by name or id') },
    keeps: [],
    summary: { en: 'Makes an access server refuse 8-digit offline codes (R-VER-7).', nb: 'Får en tilgangsserver til å avvise 8-sifrede offline-koder (R-VER-7).' },
    gherkin: { en: [t('{admin} refuses offline codes at {server}')], nb: [t('{admin} avviser offline-koder på {server}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'refuse offline codes', server: 'Acme VPN' },
    commands: (input, ctx) => {
      const { orgId, by } = setupOrg(ctx, input.org);
      return [withBy({ type: 'SetAccessServerOffline', orgId, accessServerId: findAccessServer(ctx.world, input.server, orgId).server.id, offlineAllowed: false }, by)];
    },
  }),
  action({
    action: 'add administrator',
    actors: ['admin', 'lab'],
    inputs: { org: optionalValue('The organization (a lab step names it)'), username: value('The administrator\'s username'), name: value('Their name'), role: described(v.picklist(ROLES), 'SUPERUSER, USERADMIN or HELPDESK (R-MGR-1)') },
    keeps: [],
    summary: { en: 'Adds an administrator with a role (R-MGR-1).', nb: 'Legger til en administrator med en rolle (R-MGR-1).' },
    gherkin: { en: [t('{admin} adds the {role} {username} named {name}')], nb: [t('{admin} legger til {role} {username} med navn {name}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'add administrator', username: 'mia.help', name: 'Mia Ask', role: 'HELPDESK' },
    commands: (input, ctx) => {
      if (ctx.actor.kind === 'admin') return [addAdminCommand(ctx.world, ctx.actor.org.id, ctx.actor.admin.id, input.username, input.name, input.role)];
      const { orgId } = setupOrg(ctx, input.org);
      return addLabAdminCommands(ctx.world, orgId, input.username, input.name, input.role);
    },
  }),
  action({
    action: 'remove administrator',
    actors: ['admin', 'lab'],
    inputs: { org: optionalValue('The organization (a lab step names it)'), administrator: value('The administrator, by username or id') },
    keeps: [],
    summary: { en: 'Removes an administrator (R-MGR-1).', nb: 'Fjerner en administrator (R-MGR-1).' },
    gherkin: { en: [t('{admin} removes the administrator {administrator}')], nb: [t('{admin} fjerner administratoren {administrator}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'remove administrator', administrator: 'hanne.help' },
    commands: (input, ctx) => {
      const { orgId, by } = setupOrg(ctx, input.org);
      return [withBy({ type: 'RemoveAdmin', orgId, adminId: findAdmin(ctx.world, input.administrator, orgId).id }, by)];
    },
  }),
  action({
    action: 'set administrator role',
    actors: ['admin', 'lab'],
    inputs: { org: optionalValue('The organization (a lab step names it)'), administrator: value('The administrator, by username or id'), role: described(v.picklist(ROLES), 'SUPERUSER, USERADMIN or HELPDESK') },
    keeps: [],
    summary: { en: 'Gives an administrator another role (R-MGR-1).', nb: 'Gir en administrator en annen rolle (R-MGR-1).' },
    gherkin: { en: [t('{admin} gives {administrator} the role {role}')], nb: [t('{admin} gir {administrator} rollen {role}')] },
    example: { actor: { admin: 'anna.admin' }, action: 'set administrator role', administrator: 'hanne.help', role: 'USERADMIN' },
    commands: (input, ctx) => {
      const { orgId, by } = setupOrg(ctx, input.org);
      return [withBy({ type: 'SetAdminRole', orgId, adminId: findAdmin(ctx.world, input.administrator, orgId).id, role: input.role }, by)];
    },
  }),
  // ---- The login page ----
  action({
    action: 'log in',
    actors: ['loginPage'],
    inputs: { username: value('The username typed'), code: value('The code typed (spaces are ignored)') },
    keeps: [],
    summary: {
      en: 'Types username and code at the organization\'s login page and clicks Log in; the page only says accepted or failed (R-VER, R-SEC-2).',
      nb: 'Skriver brukernavn og kode på organisasjonens innloggingsside og klikker Logg inn; siden sier bare godtatt eller avvist (R-VER, R-SEC-2).',
    },
    gherkin: { en: [t('{username} logs in at {loginPage} with the code {code}')], nb: [t('{username} logger inn på {loginPage} med koden {code}')] },
    example: { actor: { loginPage: 'Acme VPN' }, action: 'log in', username: 'ingrid', code: '123456' },
    commands: (input, ctx) => {
      if (ctx.actor.kind !== 'loginPage') throw new StepError('This action is done at a login page');
      return [{ type: 'Login', orgId: ctx.actor.org.id, accessServerId: ctx.actor.server.id, username: input.username, code: input.code }];
    },
  }),
  // ---- The lab bar: the server clock and the world ----
  action({
    action: 'advance the clock',
    actors: ['lab'],
    inputs: { by: duration('How far: "30 s", "2 min", "1 h"') },
    keeps: [],
    summary: { en: 'Moves the server clock forward; every phone clock moves with it (R-CLK-1).', nb: 'Flytter serverklokken fram; alle telefonklokker følger med (R-CLK-1).' },
    gherkin: { en: [t('the clock advances {by}')], nb: [t('klokken går fram {by}')] },
    example: { actor: 'lab', action: 'advance the clock', by: '2 min' },
    commands: (input) => [{ type: 'AdvanceClock', byMs: ms(input.by) }],
  }),
  action({
    action: 'set the clock',
    actors: ['lab'],
    inputs: { to: time('The new server time, in UTC; never before the last command (R-CLK-1)') },
    keeps: [],
    summary: { en: 'Sets the server clock to a later time (R-CLK-1).', nb: 'Stiller serverklokken til et senere tidspunkt (R-CLK-1).' },
    gherkin: { en: [t('the clock is set to {to}')], nb: [t('klokken stilles til {to}')] },
    example: { actor: 'lab', action: 'set the clock', to: '2026-01-05T10:00:00Z' },
    commands: (input) => [{ type: 'SetClock', toMs: parseTime(input.to) ?? 0 }],
  }),
  action({
    action: 'pause the clock',
    actors: ['lab'],
    inputs: {},
    keeps: [],
    summary: { en: 'Stops the server clock (R-CLK-1).', nb: 'Stopper serverklokken (R-CLK-1).' },
    gherkin: { en: [t('the clock is paused')], nb: [t('klokken stoppes')] },
    example: { actor: 'lab', action: 'pause the clock' },
    commands: () => [{ type: 'PauseClock' }],
  }),
  action({
    action: 'resume the clock',
    actors: ['lab'],
    inputs: {},
    keeps: [],
    summary: { en: 'Lets the server clock run again (R-CLK-1). A scenario run moves time only by its steps.', nb: 'Lar serverklokken gå igjen (R-CLK-1). Et scenario flytter tiden bare med stegene sine.' },
    gherkin: { en: [t('the clock runs')], nb: [t('klokken går')] },
    example: { actor: 'lab', action: 'resume the clock' },
    commands: () => [{ type: 'ResumeClock' }],
  }),
  action({
    action: 'set clock speed',
    actors: ['lab'],
    inputs: { speed: described(v.pipe(v.number(), v.integer()), 'x1 to x60 (R-CLK-1)') },
    keeps: [],
    summary: { en: 'Sets how fast the server clock runs, x1 to x60 (R-CLK-1).', nb: 'Setter hvor fort serverklokken går, x1 til x60 (R-CLK-1).' },
    gherkin: { en: [t('the clock speed is set to {speed}')], nb: [t('klokkehastigheten settes til {speed}')] },
    example: { actor: 'lab', action: 'set clock speed', speed: 10 },
    commands: (input) => [{ type: 'SetClockSpeed', speed: input.speed }],
  }),
  action({
    action: 'add organization',
    actors: ['lab'],
    inputs: { name: value('The organization\'s name'), offlineAllowed: v.optional(described(v.boolean(), 'Whether its login server accepts offline codes; true when left out')) },
    keeps: [],
    summary: { en: 'Adds an organization with an LDAP directory and one login server, as the world editor does.', nb: 'Legger til en organisasjon med en LDAP-katalog og én innloggingsserver, som verdensredigereren gjør.' },
    gherkin: { en: [t('the lab adds the organization {name}')], nb: [t('laben legger til organisasjonen {name}')] },
    example: { actor: 'lab', action: 'add organization', name: 'Harbour Ltd' },
    commands: (input, ctx) => addOrgCommands(ctx.world, input.name, input.offlineAllowed ?? true),
  }),
  action({
    action: 'add person',
    actors: ['lab'],
    inputs: { name: value('The person\'s name'), mobile: value('Their mobile number') },
    keeps: [],
    summary: { en: 'Adds a person with a phone ("<first name>\'s phone"), as the world editor does.', nb: 'Legger til en person med en telefon, som verdensredigereren gjør.' },
    gherkin: { en: [t('the lab adds the person {name} with mobile {mobile}')], nb: [t('laben legger til personen {name} med mobil {mobile}')] },
    example: { actor: 'lab', action: 'add person', name: 'Nora Lie', mobile: '+4791234599' },
    commands: (input, ctx) => addPersonCommands(ctx.world, input.name, input.mobile),
  }),
  action({
    action: 'add phone',
    actors: ['lab'],
    inputs: { person: value('The person, by name or id'), label: optionalValue('The phone\'s label; "<first name>\'s new phone" when left out') },
    keeps: [],
    summary: { en: 'Gives a person another phone (a new phone, R-ACT-2).', nb: 'Gir en person en telefon til (ny telefon, R-ACT-2).' },
    gherkin: { en: [t('{person} gets a new phone'), t('{person} gets a new phone labelled {label}')], nb: [t('{person} får en ny telefon'), t('{person} får en ny telefon med navnet {label}')] },
    example: { actor: 'lab', action: 'add phone', person: 'Ingrid' },
    commands: (input, ctx) => addPhoneCommands(ctx.world, findPerson(ctx.world, input.person).id, input.label ?? ''),
  }),
  action({
    action: 'run command',
    actors: ['lab'],
    inputs: { command: described(WorldCommandSchema, 'A world command as the journal writes it') },
    keeps: [],
    summary: {
      en: 'Runs one world command as the journal writes it: what a recording writes for an edit that no action says in words.',
      nb: 'Kjører én verdenskommando slik journalen skriver den: det et opptak skriver for en endring ingen handling sier med ord.',
    },
    gherkin: { en: [], nb: [] },
    example: { actor: 'lab', action: 'run command', command: { type: 'AdvanceClock', byMs: 30_000 } },
    // The schema checked the command field by field (WorldCommandSchema); the core decides it like any other.
    commands: (input) => [input.command as WorldCommand],
  }),
  // ---- Only looking ----
  action({
    action: 'check',
    actors: ['none'],
    inputs: {},
    keeps: [],
    summary: { en: 'Does nothing: the step only checks its expectations (after a wait, or at the start).', nb: 'Gjør ingenting: steget sjekker bare forventningene sine.' },
    gherkin: { en: [], nb: [] },
    example: { action: 'check', expect: [{ user: { org: 'Acme Corp', username: 'ingrid', blocked: false } }] },
    commands: () => [],
  }),
];

const BY_NAME = new Map(ACTIONS.map((spec) => [spec.action, spec]));

export function actionSpec(name: string): ActionSpec | undefined {
  return BY_NAME.get(name);
}
