// The Code app tells the whole story (issue 9): several organizations partly unblocked, an offline unblock afterwards, timers that
// say when a code changes and how long it is accepted, the offline unblock code labelled for what it is, a blocked PIN as the
// screen's title, green (not red) for a valid code, the intro kept under a notice, and the phone clock's offset. Screenshots of
// each state go to test-results/phone-shots (1280x800, 390x844, and Norwegian).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { codeApp, displayUbc as displayUbcHere, enterUbc, lab, logIn as logInHere, openPaused, setNewPin, setPhoneOnline, showPhoneOf, shownCode, signInToManager, tapPin, tapRefusedPin } from './support/screens';

const SHOTS = 'test-results/phone-shots';

/** The sizes and languages the two big journeys run in. */
const RUNS = [
  { name: '1280', viewport: { width: 1280, height: 800 }, nb: false },
  { name: '390', viewport: { width: 390, height: 844 }, nb: false },
  { name: '1280-nb', viewport: { width: 1280, height: 800 }, nb: true },
] as const;

async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  if (focus) await focus.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The Code app pane in either language ("Code app", "Code-app"), for what is checked in Norwegian. */
const anyCodeApp = (page: Page): Locator => page.getByRole('region', { name: /^Code[ -]app$/ });

/** No axe-core violations in the Code app pane, in whichever language it is shown. */
async function expectAccessible(page: Page, _region: 'Code app', state: string): Promise<void> {
  const label = (await anyCodeApp(page).getAttribute('aria-label')) ?? 'Code app';
  const result = await new AxeBuilder({ page }).include(`[aria-label="${label}"]`).analyze();
  expect(result.violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** "1 min 53 s" as the app writes a duration (formatDuration). */
function duration(seconds: number): string {
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s` : `${seconds} s`;
}

async function setLang(page: Page, lang: 'en' | 'nb'): Promise<void> {
  await lab(page).getByRole('combobox', { name: lang === 'nb' ? 'Language' : 'Språk' }).selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Runs `check` in Norwegian when the run is, then returns to English (the helpers act by the English names). */
async function inLanguage(page: Page, nb: boolean, check: () => Promise<void>): Promise<void> {
  if (nb) await setLang(page, 'nb');
  await check();
  if (nb) await setLang(page, 'en');
}

/** Three wrong PINs: the third blocks the PIN (R-BLK-1). */
async function blockPin(app: Locator): Promise<void> {
  await tapRefusedPin(app, '9999');
  await tapRefusedPin(app, '9998');
  await tapRefusedPin(app, '9997');
}

/** Display UBC at an org for a username, as its USERADMIN; the 9 digits. */
async function displayUbc(page: Page, org: string, admin: string, username: string): Promise<string> {
  // At a phone's width the panes stack: Manager is used at the desktop size, then the phone's size comes back.
  const size = page.viewportSize();
  if (size && size.width < 900) await page.setViewportSize({ width: 1280, height: 800 });
  const ubc = await displayUbcHere(page, org, admin, username);
  if (size) await page.setViewportSize(size);
  return ubc;
}

/** Logs in at the login page, at the desktop size when the run is at a phone's width (the panes stack there). */
async function logIn(page: Page, org: string, server: string, username: string, code: string): Promise<string> {
  const size = page.viewportSize();
  if (size && size.width < 900) await page.setViewportSize({ width: 1280, height: 800 });
  const said = await logInHere(page, org, server, username, code);
  if (size) await page.setViewportSize(size);
  return said;
}

test.beforeEach(async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

for (const run of RUNS) {
  test.describe(`at ${run.name}`, () => {
    test.use({ viewport: run.viewport });

    test(`R-UBC-5 several organizations: blocked as the title, then after one unblock "2 of 3 blocked", which ones, and each needs its own UBC (${run.name})`, async ({ page }) => {
      await openPaused(page);
      const app = await showPhoneOf(page, 'Kari Hansen');
      const badge = app.getByRole('button', { name: /^(Organizations|Organisasjoner): / });
      await expect(badge).toHaveAccessibleName('Organizations: 3 linked');
      await blockPin(app);

      // Before: the PIN blocked is the screen's title, with what happened and Unblock as the only way on; no PIN pad.
      await expect(app.getByRole('heading', { name: 'PIN blocked', exact: true })).toBeVisible();
      await expect(app.getByRole('alert')).toHaveText(/^Your PIN is blocked\. It is blocked at all 3 organizations the app is linked to/);
      await expect(app.getByLabel('PIN', { exact: true })).toHaveCount(0);
      await expect(app.getByRole('button', { name: 'Unblock', exact: true })).toHaveCount(1);
      await expect(badge).toHaveAccessibleName('Organizations: 3 of 3 blocked');
      await expect(badge).toHaveText('3 of 3 blocked');
      await inLanguage(page, run.nb, async () => {
        if (run.nb) {
          const nb = anyCodeApp(page);
          await expect(nb.getByRole('heading', { name: 'PIN sperret', exact: true })).toBeVisible();
          await expect(nb.getByRole('button', { name: 'Organisasjoner: 3 av 3 sperret' })).toBeVisible();
        }
        await shot(page, `several-1-pin-blocked-${run.name}`, anyCodeApp(page));
        await expectAccessible(page, 'Code app', 'PIN blocked');
      });

      const ubc = await displayUbc(page, 'Acme Corp', 'ulf.users', 'kari');
      await enterUbc(app, 'Acme Corp', ubc);
      await setNewPin(app, '5678');

      // After: the pad again, the unblock said, and the partly unblocked state: how many, which, and what each needs.
      await expect(app.getByRole('status').filter({ hasText: 'Acme Corp is unblocked. Your new PIN is set.' })).toBeVisible();
      await expect(badge).toHaveAccessibleName('Organizations: 2 of 3 blocked');
      await expect(badge).toHaveText('2 of 3 blocked');
      const remaining = app.getByRole('region', { name: 'Still blocked at 2 of 3 organizations' });
      await expect(remaining).toContainText('Blocked: Northbank and Fjord Municipality.');
      await expect(remaining).toContainText('Each organization gives its own unblocking code (UBC): contact the administrator of each one');
      await expect(app.getByText('Type your 4-digit PIN to get a one-time code.')).toBeVisible();
      await inLanguage(page, run.nb, async () => {
        if (run.nb) {
          const nb = anyCodeApp(page);
          const fortsatt = nb.getByRole('region', { name: 'Fortsatt sperret hos 2 av 3 organisasjoner' });
          await expect(fortsatt).toContainText('Sperret: Northbank og Fjord Municipality.');
          await expect(fortsatt).toContainText('Hver organisasjon gir sin egen opplåsingskode (UBC)');
          await expect(nb.getByRole('button', { name: 'Organisasjoner: 2 av 3 sperret' })).toBeVisible();
        }
        await shot(page, `several-2-partly-unblocked-${run.name}`, anyCodeApp(page));
        await expectAccessible(page, 'Code app', 'partly unblocked');
      });

      // The list of organizations says the same.
      await badge.click();
      await expect(app.getByText('2 of 3 blocked: Northbank and Fjord Municipality.')).toBeVisible();
      await inLanguage(page, run.nb, async () => {
        await shot(page, `several-3-links-${run.name}`, anyCodeApp(page));
        await expectAccessible(page, 'Code app', 'organizations, partly unblocked');
      });
    });

    test(`R-UBC-4 offline unblock, afterwards: what the phone knows and does not, and what to do next (${run.name})`, async ({ page }) => {
      await openPaused(page);
      const app = await showPhoneOf(page, 'Ingrid Berg');
      await blockPin(app);
      const ubc = await displayUbc(page, 'Acme Corp', 'ulf.users', 'ingrid');
      await setPhoneOnline(page, false);

      // Offline, blocked as last known, nothing made yet: the app says what it cannot know, Unblock first.
      await expect(app.getByRole('heading', { name: 'PIN blocked, as last known' })).toBeVisible();
      await expect(app.getByRole('status').filter({ hasText: 'Offline Mode: the app shows what the server last told it' })).toBeVisible();

      // Where the app asks for the UBC it says it is the code the administrator reads out.
      await app.getByRole('button', { name: 'Unblock', exact: true }).click();
      await app.getByRole('button', { name: /^Acme Corp/ }).click();
      await expect(app.getByText('Type the 9-digit unblocking code (UBC) that the administrator of Acme Corp reads out to you.')).toBeVisible();
      await expect(app.getByLabel('Unblocking code')).toHaveAccessibleDescription('The code the administrator reads out from Manager, not a code this app shows.');
      await app.getByLabel('Unblocking code').fill(ubc);
      await app.getByRole('button', { name: 'Unblock', exact: true }).click();
      await setNewPin(app, '2468');

      // The offline unblock code: labelled for what it is, its circle says when it changes and how long it is accepted.
      await expect(app.getByRole('heading', { name: 'Offline unblock code for Acme Corp' })).toBeVisible();
      await expect(app.getByText('Offline unblock code: type it at the login page instead of a normal code')).toBeVisible();
      const circle = app.getByRole('progressbar', { name: 'Time until the next code' });
      await expect(circle).toHaveAttribute('aria-valuetext', /^New code in \d+ s$/);
      await expect(app.getByText(/^New code in \d+ s$/)).toBeVisible();
      await expect(app.getByText(/^Accepted (\d\smin\s\d\d\ss|\d+\ss) more \(2 minutes in all, on the server's clock\)$/)).toBeVisible();
      await expect(app.getByText(/confirms it when the phone is online again/)).toBeVisible();
      await inLanguage(page, run.nb, async () => {
        if (run.nb) {
          const nb = anyCodeApp(page);
          await expect(nb.getByText('Offline opplåsingskode: skriv den på påloggingssiden i stedet for en vanlig kode')).toBeVisible();
          await expect(nb.getByText(/^Godtas .* til \(2 minutter i alt, etter serverens klokke\)$/)).toBeVisible();
        }
        await shot(page, `offline-1-unblock-code-${run.name}`, anyCodeApp(page));
        await expectAccessible(page, 'Code app', 'offline unblock code');
      });

      expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', await shownCode(app))).toBe('Login accepted');

      // Afterwards, still offline: the app says it made a code, what that does, that it confirms when online, and what next.
      await app.getByRole('button', { name: 'OK' }).click();
      await expect(app.getByRole('heading', { name: 'PIN blocked, as last known' })).toBeVisible();
      const known = app.getByRole('status').filter({ hasText: 'You made an offline unblock code for Acme Corp at' });
      await expect(known).toContainText(/at \d\d:\d\d:\d\d UTC \(phone clock\)/);
      await expect(known).toContainText('Acme Corp unblocks your PIN and sets your new PIN when that code is accepted at its login page. The app confirms it when the phone is online again.');
      await expect(app.getByText(/^Next: if that login was accepted, tap Type new PIN/)).toBeVisible();
      await expect(app.getByRole('button', { name: 'Unblock', exact: true })).toHaveCount(1);
      await inLanguage(page, run.nb, async () => {
        if (run.nb) {
          const nb = anyCodeApp(page);
          await expect(nb.getByRole('heading', { name: 'PIN sperret, slik appen sist kjente det' })).toBeVisible();
          await expect(nb.getByText(/^Du laget en offline opplåsingskode for Acme Corp kl\./)).toBeVisible();
        }
        await shot(page, `offline-2-afterwards-${run.name}`, anyCodeApp(page));
        await expectAccessible(page, 'Code app', 'offline, after the unblock code');
      });

      // The list: as last known, with the code made and not yet confirmed.
      await app.getByRole('button', { name: /^Organizations: / }).click();
      await expect(app.getByRole('listitem').filter({ hasText: 'Acme Corp' })).toContainText(/Offline unblock code made at \d\d:\d\d:\d\d UTC: not confirmed yet/);
      await expect(app.getByText(/^Offline Mode: as last known\./)).toBeVisible();
      await inLanguage(page, run.nb, async () => {
        await shot(page, `offline-3-links-${run.name}`, anyCodeApp(page));
        await expectAccessible(page, 'Code app', 'organizations offline after the unblock code');
      });
      await app.getByRole('button', { name: 'OK' }).click();

      // The new PIN on the pad: an offline code that Acme Corp accepts, since the unblock went through.
      await app.getByRole('button', { name: 'Type new PIN' }).click();
      await expect(app.getByText(/^As last known: blocked at Acme Corp\./)).toBeVisible();
      await tapPin(app, '2468');
      expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', await shownCode(app))).toBe('Login accepted');
      await app.getByRole('button', { name: 'OK' }).click();

      // Online again: the app learns the truth; the memory of the made code is gone and the pad is back.
      await setPhoneOnline(page, true);
      await expect(app.getByRole('heading', { name: 'Enter PIN', exact: true })).toBeVisible();
      await expect(app.getByRole('button', { name: 'Organizations: 1 linked', exact: true })).toBeVisible();
      await expect(app.getByText(/You made an offline unblock code/)).toHaveCount(0);
    });
  });
}

test('timers: the online bar and the 8-digit circle say when the code changes and how long it is accepted, in words', async ({ page }) => {
  await openPaused(page);
  const app = await showPhoneOf(page, 'Ingrid Berg');
  await tapPin(app, '1234');
  await expect(app.getByText('Does not change. Accepted once, 2 min 00 s more (2 minutes in all)')).toBeVisible();
  // A valid online code is green with words, never a red padlock (red means blocked).
  const line = app.getByRole('img', { name: 'Online, from the server' });
  await expect(line).toBeVisible();
  await expect(line).toHaveCSS('color', 'rgb(22, 163, 74)');
  await shot(page, 'timers-1-online-code-1280', app);
  await lab(page).getByRole('button', { name: '+30 s' }).click();
  await expect(app.getByText('Does not change. Accepted once, 1 min 30 s more (2 minutes in all)')).toBeVisible();
  await expectAccessible(page, 'Code app', 'online code');
  await app.getByRole('button', { name: 'OK' }).click();

  await setPhoneOnline(page, false);
  await tapPin(app, '1234');
  const circle = app.getByRole('progressbar', { name: 'Time until the next code' });
  await expect(circle).toHaveAttribute('aria-valuemax', '30');
  const changes = Number(await circle.getAttribute('aria-valuenow'));
  await expect(app.getByText(`New code in ${changes} s`, { exact: true })).toBeVisible();
  // Accepted 120 s from the step's start: 90 s plus the seconds until the code changes.
  await expect(app.getByText(`Accepted ${duration(changes + 90)} more (2 minutes in all, on the server's clock)`)).toBeVisible();
  await shot(page, 'timers-2-offline-code-1280', app);
  await setLang(page, 'nb');
  await expect(anyCodeApp(page).getByText(`Ny kode om ${changes} s`, { exact: true })).toBeVisible();
  await shot(page, 'timers-2-offline-code-1280-nb', anyCodeApp(page));
  await expectAccessible(page, 'Code app', 'offline code in Norwegian');
});

test('the PIN screen keeps its intro under a notice and does not jump; the phone clock says its offset', async ({ page }) => {
  await openPaused(page);
  const app = await showPhoneOf(page, 'Ingrid Berg');
  await expect(app.getByText('Phone clock: in step with the server', { exact: true })).toBeVisible();
  const intro = app.getByText('Type your 4-digit PIN to get a one-time code.');
  const title = app.getByRole('heading', { name: 'Enter PIN', exact: true });
  await expect(intro).toBeVisible();
  const titleBefore = await title.boundingBox();
  const padBefore = await app.getByRole('button', { name: '5', exact: true }).boundingBox();
  await tapRefusedPin(app, '9999');
  await expect(app.getByRole('alert')).toHaveText(/Wrong PIN\. 2 attempts remaining\./);
  await expect(intro).toBeVisible();
  expect(await title.boundingBox()).toEqual(titleBefore);
  const padAfter = await app.getByRole('button', { name: '5', exact: true }).boundingBox();
  expect(padAfter?.y).toBe(padBefore?.y);
  await shot(page, 'pin-1-wrong-pin-notice-1280', app);

  // A tester's readout of the phone's clock against the server's (R-CLK-2).
  const phones = lab(page).getByRole('group', { name: 'Phones', exact: true });
  if (!(await phones.isVisible())) await lab(page).getByText('Phones', { exact: true }).click();
  const offset = phones.getByRole('spinbutton', { name: "Ingrid's phone: clock offset (s)", exact: true });
  await offset.fill('600');
  await offset.press('Tab');
  await expect(codeApp(page).getByText('Phone clock: +10 min 00 s ahead of the server', { exact: true })).toBeVisible();
  await lab(page).getByText('Phones', { exact: true }).click();
  await shot(page, 'pin-2-clock-ahead-1280');
  await setLang(page, 'nb');
  await expect(anyCodeApp(page).getByText('Telefonklokka: +10 min 00 s foran serveren', { exact: true })).toBeVisible();
  await expectAccessible(page, 'Code app', 'PIN pad with notice, in Norwegian');
});
