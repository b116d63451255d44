// Performs a scenario's steps through the screens, as a person would: by role, accessible name and the text the screens
// show, never through the runner or the core. Values a step keeps (the UBC Manager displays, the code on the phone, the
// offline unblock code, the SMS code) are read off the screen, and `{name}` references are filled in from those.
// An action the screens offer no way to do exactly as the scenario says throws a DriverError naming the step.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { Step } from '../../../src/scenario/format';
import { parseDuration, parseTime } from '../../../src/scenario/duration';
import { codeApp, lab, loginPage, manager } from './screens';

/** The driver cannot perform a step through the screens (or the screens did not do what the step needs). */
export class DriverError extends Error {
  override readonly name = 'DriverError';
}

const REFERENCE = /\{([A-Za-z][A-Za-z0-9_-]*)\}/g;

/** Phone actions, Manager user actions, the login page and the lab's clock and phone controls. */
export const DRIVEN_ACTIONS = [
  'start activation', 'enter SMS code', 'set first PIN', 'enter PIN', 'open unblock', 'choose organization', 'enter UBC',
  'set new PIN', 'open change PIN', 'change PIN', 'show linked organizations', 'go back', 'reset the app', 'read the phone',
  'go offline', 'go online', 'set phone clock',
  'display UBC', 'generate new UBC', 'block PIN', 'set user inactive', 'set user active', 'unlock offline codes',
  'log in',
  'advance the clock', 'set the clock', 'pause the clock', 'resume the clock', 'set clock speed',
  'check',
] as const;

/** The lab bar's step buttons: one click, one AdvanceClock command. */
const CLOCK_STEPS: ReadonlyMap<number, string> = new Map([[30_000, '+30 s'], [120_000, '+2 min'], [900_000, '+15 min'], [86_400_000, '+1 day']]);
const CLOCK_SPEEDS = [1, 2, 5, 10, 30, 60];

/** The PIN screen's titles: the pad, a blocked PIN online, and a PIN last known as blocked while offline. */
const PIN_SCREEN_TITLES = /^(Enter PIN|PIN blocked|PIN blocked, as last known)$/;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "2026-01-05 09:02:30" as shown in the lab bar (UTC) to ms. */
function shownTime(text: string): number {
  const match = /(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)/.exec(text);
  if (!match) throw new DriverError(`The lab bar shows no server time ("${text}")`);
  return Date.parse(`${match[1]}T${match[2]}Z`);
}

export class ScenarioDriver {
  /** Values kept so far, each as read off a screen. */
  readonly kept = new Map<string, string>();
  private where = '';
  /** The administrator signed in to Manager, as the sign-in button showed them (name, username, role). */
  private signedIn = '';

  constructor(private readonly page: Page) {}

  /** Performs one step; `index` (from 0) names it in errors. */
  async run(step: Step, index: number): Promise<void> {
    this.where = `step ${index + 1} (${step.action})`;
    // Every step variant is an object of string, number and boolean fields besides actor, keep, expect and narration.
    const fields = step as unknown as Record<string, unknown>;
    const actor = fields['actor'];
    // Each action's keep schema has only keys of KEEPABLE, each naming a value; the union of those shapes is this.
    const keep = (step.keep ?? {}) as Partial<Record<'code' | 'unblockCode' | 'sms' | 'ubc' | 'appId', string>>;
    switch (step.action) {
      case 'check':
        return;
      // ---- The Code app ----
      case 'start activation': {
        const app = await this.phone(actor);
        const mobile = this.optional(fields, 'mobile') ?? (await this.simNumber(app));
        await app.getByLabel('Mobile number').fill(mobile);
        await this.submit(app, app.getByRole('button', { name: 'Activate', exact: true }));
        break;
      }
      case 'enter SMS code': {
        const app = await this.phone(actor);
        await this.expectHeading(app, 'Confirm your number');
        const code = this.optional(fields, 'code');
        if (code === undefined) {
          // The newest SMS, as the notification offers it.
          await app.getByRole('status', { name: 'SMS notification' }).getByRole('button', { name: 'Use code' }).click();
        } else {
          this.typable(code, 'SMS code', /^\d{0,6}$/);
          await app.getByLabel('SMS code').fill(code);
        }
        await this.submit(app, this.formOf(app.getByLabel('SMS code')).getByRole('button', { name: 'OK', exact: true }));
        break;
      }
      case 'set first PIN':
      case 'set new PIN': {
        const app = await this.phone(actor);
        const pin = this.value(fields, 'pin');
        const repeat = this.optional(fields, 'repeat') ?? pin;
        this.typable(pin, 'New PIN', /^\d{0,4}$/);
        this.typable(repeat, 'Repeat new PIN', /^\d{0,4}$/);
        const field = app.getByLabel('New PIN', { exact: true });
        if ((await field.count()) === 0) throw new DriverError(`${this.where}: the app asks for no new PIN (${await this.screenTitle(app)})`);
        await field.fill(pin);
        await app.getByLabel('Repeat new PIN').fill(repeat);
        await this.submit(app, this.formOf(field).getByRole('button', { name: 'OK', exact: true }));
        break;
      }
      case 'enter PIN': {
        const app = await this.phone(actor);
        const pin = this.value(fields, 'pin');
        this.typable(pin, 'PIN pad', /^\d{0,4}$/);
        // Offline with a PIN last known as blocked, the pad is one tap away (the app cannot know of an unblock); online a blocked PIN has none.
        const typeNewPin = app.getByRole('button', { name: 'Type new PIN', exact: true });
        if ((await typeNewPin.count()) === 1) await this.tap(app, typeNewPin, app.getByRole('heading', { name: 'Enter PIN', exact: true }));
        await this.expectHeading(app, 'Enter PIN');
        for (const digit of pin) await app.getByRole('button', { name: digit, exact: true }).click();
        await this.submit(app, app.getByRole('button', { name: 'OK', exact: true }));
        break;
      }
      case 'open unblock': {
        const app = await this.phone(actor);
        const unblock = app.getByRole('button', { name: 'Unblock', exact: true });
        if ((await unblock.count()) !== 1) throw new DriverError(`${this.where}: the app offers no single Unblock button (${await this.screenTitle(app)})`);
        await this.tap(app, unblock, app.getByRole('heading', { name: 'Unblock PIN', exact: true }));
        break;
      }
      case 'choose organization': {
        const app = await this.phone(actor);
        const org = this.value(fields, 'org');
        await this.expectHeading(app, 'Unblock PIN');
        const choice = app.getByRole('button', { name: new RegExp(`^${escape(org)}\\b`) });
        if ((await choice.count()) !== 1) throw new DriverError(`${this.where}: the app lists no organization "${org}"`);
        await this.tap(app, choice, app.getByRole('heading', { name: `Unblock at ${org}`, exact: true }));
        break;
      }
      case 'enter UBC': {
        const app = await this.phone(actor);
        const ubc = this.value(fields, 'ubc');
        this.typable(ubc, 'Unblocking code', /^\d{0,9}$/);
        const field = app.getByLabel('Unblocking code');
        if ((await field.count()) === 0) throw new DriverError(`${this.where}: the app asks for no unblocking code (${await this.screenTitle(app)})`);
        await field.fill(ubc);
        await this.submit(app, this.formOf(field).getByRole('button', { name: 'Unblock', exact: true }));
        break;
      }
      case 'open change PIN': {
        const app = await this.phone(actor);
        await this.expectPinScreen(app);
        await this.tap(app, app.getByRole('button', { name: 'Change PIN', exact: true }), app.getByRole('heading', { name: 'Change PIN', exact: true }));
        break;
      }
      case 'change PIN': {
        const app = await this.phone(actor);
        await this.expectHeading(app, 'Change PIN');
        const current = this.value(fields, 'current');
        const pin = this.value(fields, 'pin');
        const repeat = this.optional(fields, 'repeat') ?? pin;
        for (const [value, label] of [[current, 'PIN'], [pin, 'New PIN'], [repeat, 'Repeat new PIN']] as const) this.typable(value, label, /^\d{0,4}$/);
        const field = app.getByLabel('PIN', { exact: true });
        await field.fill(current);
        await app.getByLabel('New PIN', { exact: true }).fill(pin);
        await app.getByLabel('Repeat new PIN').fill(repeat);
        await this.submit(app, this.formOf(field).getByRole('button', { name: 'Change PIN', exact: true }));
        break;
      }
      case 'show linked organizations': {
        const app = await this.phone(actor);
        await this.tap(app, app.getByRole('button', { name: /^Organizations: / }), app.getByRole('heading', { name: 'Organizations', exact: true }));
        break;
      }
      case 'go back': {
        const app = await this.phone(actor);
        const back = app.getByRole('button', { name: 'Back', exact: true });
        if ((await back.count()) === 0) throw new DriverError(`${this.where}: the app shows no Back (${await this.screenTitle(app)})`);
        await this.tap(app, back, app.getByRole('heading', { name: PIN_SCREEN_TITLES }).or(app.getByRole('heading', { name: 'Welcome to Code', exact: true })));
        break;
      }
      case 'reset the app': {
        const app = await this.phone(actor);
        await this.expectPinScreen(app);
        await app.getByRole('button', { name: 'Reset app', exact: true }).click();
        const sheet = app.getByRole('alertdialog', { name: 'Reset the app?' });
        await this.tap(app, sheet.getByRole('button', { name: 'Reset app', exact: true }), app.getByRole('heading', { name: 'Welcome to Code', exact: true }));
        break;
      }
      case 'read the phone': {
        const app = await this.phone(actor);
        const what = this.value(fields, 'what');
        if (what !== 'code' && what !== 'unblockCode' && what !== 'sms' && what !== 'appId') throw new DriverError(`${this.where}: cannot read "${what}"`);
        const name = keep[what];
        if (name !== undefined) this.kept.set(name, await this.read(app, what));
        return;
      }
      case 'go offline':
      case 'go online': {
        const app = await this.phone(actor);
        const online = step.action === 'go online';
        const toggle = app.getByRole('switch', { name: 'Phone online' });
        // The switch shows what was clicked at once; the status bar shows what the world holds once the command ran.
        if ((await toggle.isChecked()) !== online) await toggle.click();
        await expect(app.getByText(online ? 'Mobile data on' : 'No data traffic', { exact: true })).toBeAttached();
        break;
      }
      case 'set phone clock': {
        const app = await this.phone(actor);
        const offsetMs = parseDuration(this.value(fields, 'offset'));
        if (offsetMs === null || offsetMs % 1000 !== 0) throw new DriverError(`${this.where}: the lab sets a phone's clock offset in whole seconds only`);
        const label = await this.phoneLabel(actor);
        const panel = await this.openPopover('Phones');
        const input = panel.getByRole('spinbutton', { name: `${label}: clock offset (s)`, exact: true });
        await input.fill(String(offsetMs / 1000));
        await input.press('Tab'); // the offset is set when the field is left (a change event)
        const seconds = formatSeconds(Math.abs(offsetMs));
        const drift = offsetMs === 0 ? 'Phone clock: in step with the server' : offsetMs > 0 ? `Phone clock: +${seconds} ahead of the server` : `Phone clock: −${seconds} behind the server`;
        await expect(app.getByText(drift, { exact: true })).toBeAttached();
        await this.closePopover('Phones');
        break;
      }
      // ---- Manager ----
      case 'display UBC': {
        const { pane, details, user } = await this.managerUser(actor, this.value(fields, 'user'));
        const button = details.getByRole('button', { name: 'Display UBC', exact: true });
        await this.offered(button, 'Display UBC');
        const box = details.getByRole('group', { name: `UBC for ${user}`, exact: true });
        await this.tap(pane, button, box);
        if (keep.ubc !== undefined) {
          const digits = /(\d{3}) ?(\d{3}) ?(\d{3})/.exec((await box.textContent()) ?? '');
          if (!digits) throw new DriverError(`${this.where}: Manager shows no UBC`);
          this.kept.set(keep.ubc, `${digits[1]}${digits[2]}${digits[3]}`);
        }
        return;
      }
      case 'generate new UBC': {
        if (keep.ubc !== undefined) throw new DriverError(`${this.where}: Manager does not show a generated UBC (Display UBC does, as its own audited action); not supported by the driver`);
        const { pane, details } = await this.managerUser(actor, this.value(fields, 'user'));
        const button = details.getByRole('button', { name: 'Generate new UBC', exact: true });
        await this.offered(button, 'Generate new UBC');
        await this.tap(pane, button, details.getByRole('button', { name: 'Display UBC', exact: true }));
        break;
      }
      case 'block PIN': {
        const { pane, details } = await this.managerUser(actor, this.value(fields, 'user'));
        const button = details.getByRole('button', { name: 'Block PIN', exact: true });
        await this.offered(button, 'Block PIN');
        await this.tap(pane, button, details.getByRole('img', { name: 'PIN blocked' }).first());
        break;
      }
      case 'set user inactive':
      case 'set user active': {
        const { pane, details } = await this.managerUser(actor, this.value(fields, 'user'));
        const [label, next] = step.action === 'set user inactive' ? ['Set inactive', 'Set active'] : ['Set active', 'Set inactive'];
        const button = details.getByRole('button', { name: label, exact: true });
        await this.offered(button, label);
        await this.tap(pane, button, details.getByRole('button', { name: next, exact: true }));
        break;
      }
      case 'unlock offline codes': {
        const { pane, details } = await this.managerUser(actor, this.value(fields, 'user'));
        const button = details.getByRole('button', { name: 'Offline unlock', exact: true });
        await this.offered(button, 'Offline unlock');
        await this.submit(pane, button);
        break;
      }
      // ---- The login page ----
      case 'log in': {
        const pane = await this.loginAt(actor);
        const code = this.value(fields, 'code');
        // After an accepted login the page shows the session: a person logs out before the next login.
        const logOut = pane.getByRole('button', { name: 'Log out', exact: true });
        if (await logOut.isVisible()) await logOut.click();
        await pane.getByLabel('Username').fill(this.value(fields, 'username'));
        await pane.getByLabel('One-time code').fill(code);
        await this.submit(pane, pane.getByRole('button', { name: 'Log in', exact: true }));
        await expect(pane.getByRole('status').filter({ hasText: /Login (accepted|failed)/ }).or(pane.getByRole('alert'))).toBeVisible();
        break;
      }
      // ---- The lab bar's clock ----
      case 'advance the clock': {
        const by = parseDuration(this.value(fields, 'by'));
        const label = by === null ? undefined : CLOCK_STEPS.get(by);
        if (by === null || label === undefined) {
          throw new DriverError(`${this.where}: the lab bar advances the clock by 30 s, 2 min, 15 min or 1 day in one command; "${String(fields['by'])}" is not supported by the driver`);
        }
        const before = await this.serverTime();
        await lab(this.page).getByRole('button', { name: label, exact: true }).click();
        await expect.poll(() => this.serverTime()).toBe(before + by);
        break;
      }
      case 'set the clock': {
        const to = parseTime(this.value(fields, 'to'));
        if (to === null || to % 60_000 !== 0) throw new DriverError(`${this.where}: the lab bar sets the clock to whole minutes only; not supported by the driver`);
        const clock = lab(this.page).getByRole('group', { name: 'Server clock' });
        await clock.getByText('Set…', { exact: true }).click();
        await clock.getByLabel('Set server time', { exact: true }).and(this.page.locator('input')).fill(new Date(to).toISOString().slice(0, 16));
        await clock.getByRole('button', { name: 'Set', exact: true }).click();
        await expect.poll(() => this.serverTime()).toBe(to);
        await clock.getByText('Set…', { exact: true }).click();
        break;
      }
      case 'pause the clock':
      case 'resume the clock': {
        const clock = lab(this.page).getByRole('group', { name: 'Server clock' });
        const [press, then] = step.action === 'pause the clock' ? ['Pause', 'Resume'] : ['Resume', 'Pause'];
        await clock.getByRole('button', { name: press, exact: true }).click();
        await expect(clock.getByRole('button', { name: then, exact: true })).toBeVisible();
        break;
      }
      case 'set clock speed': {
        const speed = fields['speed'];
        if (typeof speed !== 'number' || !CLOCK_SPEEDS.includes(speed)) throw new DriverError(`${this.where}: the lab bar offers the speeds ${CLOCK_SPEEDS.map((s) => `x${s}`).join(', ')} only`);
        const clock = lab(this.page).getByRole('group', { name: 'Server clock' });
        await clock.getByRole('combobox', { name: 'Speed' }).selectOption(String(speed));
        // Running, the badge says the speed; paused, nothing on screen changes (later commands wait in the sandbox's queue).
        if ((await clock.getByRole('button', { name: 'Pause', exact: true }).count()) > 0) await expect(clock.getByText(`running ×${speed}`)).toBeVisible();
        break;
      }
      default:
        throw new DriverError(`${this.where}: "${step.action}" is not supported by the driver (it drives ${DRIVEN_ACTIONS.join(', ')})`);
    }
    // Values the step keeps, read off the phone it acted on.
    for (const what of ['code', 'unblockCode', 'sms', 'appId'] as const) {
      const name = keep[what];
      if (name === undefined) continue;
      this.kept.set(name, await this.read(await this.phone(actor), what));
    }
  }

  // ---- Values ----

  /** A string field with `{name}` references filled in from values read off the screens. */
  private value(fields: Record<string, unknown>, key: string): string {
    const raw = fields[key];
    if (typeof raw !== 'string') throw new DriverError(`${this.where}: "${key}" is not a string`);
    return raw.replace(REFERENCE, (_match, name: string) => {
      const value = this.kept.get(name);
      if (value === undefined) throw new DriverError(`${this.where}: no value was read off a screen as "${name}"`);
      return value;
    });
  }

  private optional(fields: Record<string, unknown>, key: string): string | undefined {
    return fields[key] === undefined ? undefined : this.value(fields, key);
  }

  /** A field that keeps only digits up to its length cannot be given anything else: the command would differ. */
  private typable(value: string, field: string, pattern: RegExp): void {
    if (!pattern.test(value)) throw new DriverError(`${this.where}: the screen's ${field} field cannot hold "${value}" (it keeps digits only, up to its length)`);
  }

  /** Reads a value off the phone's screen. */
  private async read(app: Locator, what: 'code' | 'unblockCode' | 'sms' | 'appId'): Promise<string> {
    if (what === 'sms') {
      const text = (await app.getByRole('status', { name: 'SMS notification' }).textContent()) ?? '';
      const code = /activation code is\s*(\d+)/.exec(text);
      if (!code?.[1]) throw new DriverError(`${this.where}: the phone shows no SMS code`);
      return code[1];
    }
    if (what === 'appId') throw new DriverError(`${this.where}: the Code app does not show its App-ID; keeping it is not supported by the driver`);
    const unblockScreen = app.getByRole('heading', { name: /^Offline unblock code for / });
    const onUnblock = (await unblockScreen.count()) > 0;
    if (onUnblock !== (what === 'unblockCode')) throw new DriverError(`${this.where}: the phone shows no ${what === 'code' ? 'code' : 'offline unblock code'} (${await this.screenTitle(app)})`);
    const display = app.getByLabel('One-time code display');
    if ((await display.count()) === 0) throw new DriverError(`${this.where}: the phone shows no code (${await this.screenTitle(app)})`);
    const digits = ((await display.textContent()) ?? '').replace(/\s/g, '');
    if (!/^\d{6,9}$/.test(digits)) throw new DriverError(`${this.where}: the code display shows "${digits}"`);
    return digits;
  }

  // ---- The Code app ----

  /** Shows the actor's phone in the Code app pane (the picker lists owners' names) and returns the pane. */
  private async phone(actor: unknown): Promise<Locator> {
    const ref = typeof actor === 'object' && actor !== null && 'phone' in actor && typeof actor.phone === 'string' ? actor.phone : null;
    if (ref === null) throw new DriverError(`${this.where}: this action is done on a phone`);
    const app = codeApp(this.page);
    const picker = app.getByLabel('Phone of');
    const options = (await picker.locator('option').allTextContents()).map((text) => text.trim());
    // "Ingrid Berg", or "Ingrid Berg (Ingrid's new phone)" when the person has several phones.
    const matches = options.filter((text) => {
      const owner = text.replace(/ \(.*\)$/, '');
      const label = /\((.*)\)$/.exec(text)?.[1];
      return same(text, ref) || (label !== undefined && same(label, ref)) || (label === undefined && (same(owner, ref) || same(owner.split(' ')[0] ?? '', ref)));
    });
    const [only] = matches;
    if (!only || matches.length > 1) throw new DriverError(`${this.where}: the phone picker has ${matches.length === 0 ? 'no' : 'several'} phone(s) for "${ref}" (it lists ${options.join(', ')})`);
    await picker.selectOption({ label: only });
    return app;
  }

  /** The phone's label as the lab's Phones panel shows it. */
  private async phoneLabel(actor: unknown): Promise<string> {
    const app = await this.phone(actor);
    const chosen = ((await app.getByLabel('Phone of').locator('option:checked').textContent()) ?? '').trim();
    const label = /\((.*)\)$/.exec(chosen)?.[1];
    if (label !== undefined) return label;
    return `${chosen.split(' ')[0] ?? chosen}'s phone`;
  }

  private async simNumber(app: Locator): Promise<string> {
    const hint = await app.getByText(/^This phone's number: /).textContent();
    const mobile = /: (\S+)$/.exec(hint ?? '')?.[1];
    if (!mobile) throw new DriverError(`${this.where}: the activation screen shows no phone number`);
    return mobile;
  }

  private async screenTitle(app: Locator): Promise<string> {
    const titles = await app.getByRole('heading', { level: 2 }).allTextContents();
    return `screen: ${titles.join(' / ') || 'none'}`;
  }

  /** The PIN screen, whether it shows the pad or the blocked PIN. */
  private async expectPinScreen(app: Locator): Promise<void> {
    if ((await app.getByRole('heading', { name: PIN_SCREEN_TITLES }).count()) === 0) {
      throw new DriverError(`${this.where}: the app is not on the PIN screen (${await this.screenTitle(app)})`);
    }
  }

  private async expectHeading(app: Locator, title: string): Promise<void> {
    if ((await app.getByRole('heading', { name: title, exact: true }).count()) === 0) {
      throw new DriverError(`${this.where}: the app is not on "${title}" (${await this.screenTitle(app)})`);
    }
  }

  /** The form a field belongs to, to find its own submit button among others of the same name. */
  private formOf(field: Locator): Locator {
    return field.locator('xpath=ancestor::form[1]');
  }

  // ---- Waiting for the screens ----

  /** The texts of the alerts in a pane now, to tell a new refusal from an old notice. */
  private async alerts(pane: Locator): Promise<string[]> {
    return (await pane.getByRole('alert').allTextContents()).map((text) => text.trim());
  }

  /**
   * Clicks a button that is disabled while its command runs, and waits until the command has run: the button is
   * enabled again, or gone with the screen it was on.
   */
  private async submit(pane: Locator, button: Locator): Promise<void> {
    await expect(button).toHaveCount(1);
    await button.click();
    // Read at once (no auto-waiting): the button may leave the page between two reads. The locator finds buttons only.
    const settled = () => button.evaluateAll((found) => found.every((element) => !(element as HTMLButtonElement).disabled));
    await expect.poll(settled, { message: `${this.where}: the screen did not answer` }).toBe(true);
  }

  /** Clicks a control and waits for what it leads to, or for a new refusal next to it. */
  private async tap(pane: Locator, control: Locator, then: Locator): Promise<void> {
    const before = await this.alerts(pane);
    await control.click();
    await expect
      .poll(async () => (await then.count()) > 0 || (await this.alerts(pane)).some((text) => !before.includes(text)), { message: `${this.where}: the screen did not answer` })
      .toBe(true);
  }

  // ---- Manager ----

  /** Signs in to Manager as the actor, opens the user in the users list; the user's details. */
  private async managerUser(actor: unknown, user: string): Promise<{ pane: Locator; details: Locator; user: string }> {
    if (typeof actor !== 'object' || actor === null || !('admin' in actor) || typeof actor.admin !== 'string') throw new DriverError(`${this.where}: this action is done by an administrator in Manager`);
    const username = actor.admin;
    const org = 'org' in actor && typeof actor.org === 'string' ? actor.org : undefined;
    const pane = manager(this.page);
    const signOut = pane.getByRole('button', { name: 'Sign out', exact: true });
    if ((await signOut.count()) > 0) await signOut.click();
    const orgs = pane.getByLabel('Organization');
    const choice = pane.getByRole('button', { name: new RegExp(`(^|\\s)${escape(username)}(\\s|$)`) });
    const names = org !== undefined ? [org] : (await orgs.locator('option').allTextContents()).map((text) => text.trim());
    let found = false;
    for (const name of names) {
      await orgs.selectOption({ label: name });
      if ((await choice.count()) === 1) {
        found = true;
        break;
      }
    }
    if (!found) throw new DriverError(`${this.where}: Manager's sign-in offers no administrator "${username}"`);
    this.signedIn = ((await choice.innerText()).replace(/\s+/g, ' ')).trim();
    await choice.click();
    await expect(signOut).toBeVisible();
    if ((await pane.getByRole('tab', { name: 'Users', exact: true }).count()) === 0) {
      throw new DriverError(`${this.where}: Manager does not offer the users list here (signed in as ${this.signedIn}); a person cannot do this step through the screens`);
    }
    const open = pane.getByRole('button', { name: user, exact: true });
    if ((await open.count()) !== 1) throw new DriverError(`${this.where}: Manager's users list has no "${user}"`);
    await open.click();
    const details = pane.getByRole('article', { name: user, exact: true });
    await expect(details).toBeVisible();
    return { pane, details, user };
  }

  /** Manager offers only what the role allows (R-MGR-1): a control it does not show cannot be used. */
  private async offered(button: Locator, label: string): Promise<void> {
    if ((await button.count()) === 1) return;
    throw new DriverError(`${this.where}: Manager does not offer "${label}" here (signed in as ${this.signedIn}); a person cannot do this step through the screens`);
  }

  // ---- The login page ----

  /** Chooses the organization and access server on the login page. */
  private async loginAt(actor: unknown): Promise<Locator> {
    if (typeof actor !== 'object' || actor === null || !('loginPage' in actor) || typeof actor.loginPage !== 'string') throw new DriverError(`${this.where}: this action is done at a login page`);
    const server = actor.loginPage;
    const org = 'org' in actor && typeof actor.org === 'string' ? actor.org : undefined;
    const pane = loginPage(this.page);
    const orgs = pane.getByLabel('Organization');
    const servers = pane.getByLabel('Access server');
    // An access server by its name ("Acme VPN"); the Manager login is "Manager login".
    const shown = same(server, 'Manager') ? 'Manager login' : server;
    const names = org !== undefined ? [org] : (await orgs.locator('option').allTextContents()).map((text) => text.trim());
    for (const name of names) {
      await orgs.selectOption({ label: name });
      const options = (await servers.locator('option').allTextContents()).map((text) => text.trim());
      const option = options.find((text) => text.toLowerCase() === shown.toLowerCase() || text.toLowerCase().startsWith(`${shown.toLowerCase()} (`));
      if (option !== undefined) {
        await servers.selectOption({ label: option });
        return pane;
      }
    }
    throw new DriverError(`${this.where}: the login page offers no access server "${server}"`);
  }

  // ---- The lab bar ----

  private async serverTime(): Promise<number> {
    const clock = lab(this.page).getByRole('group', { name: 'Server clock' });
    return shownTime((await clock.getByText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/).textContent()) ?? '');
  }

  private async openPopover(name: string): Promise<Locator> {
    const bar = lab(this.page);
    const panel = bar.getByRole('group', { name, exact: true });
    if (!(await panel.isVisible())) await bar.getByText(name, { exact: true }).click();
    await expect(panel).toBeVisible();
    return panel;
  }

  private async closePopover(name: string): Promise<void> {
    const bar = lab(this.page);
    if (await bar.getByRole('group', { name, exact: true }).isVisible()) await bar.getByText(name, { exact: true }).click();
  }
}

/** "10 min 00 s" as the phone toolbar writes a drift (formatDuration in src/i18n/format.ts). */
function formatSeconds(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h} h ${two(m)} min`;
  if (m > 0) return `${m} min ${two(s)} s`;
  return `${s} s`;
}
