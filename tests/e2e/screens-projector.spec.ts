// The projector pass (issue 9): every important state of the three screens on a 1920x1080 projector at 150 % zoom (1280x720
// CSS pixels at device scale 1.5), at 1280x800, at a phone's 390x844 (one pane at a time, with tabs), and in Norwegian. Per
// state it checks what a room would see wrong: the PIN pad's OK (or the screen's way on) below the fold or the app's content
// scrolling, the pad moving when a notice comes or goes, text that overflows its box, a placeholder or a chosen option cut off, a
// heading broken one word to a line, "PIN blocked" too small or not red, an answer on the login page out of view. Screenshots go
// to test-results/projector-shots (not committed), to be looked at.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { displayUbc as displayUbcThere, lab, openPaused, setNewPin, setPhoneOnline, showPhoneOf, shownCode, signInToManager, tapPin, tapRefusedPin, userRow } from './support/screens';

const SHOTS = 'test-results/projector-shots';

interface Run {
  name: string;
  viewport: { width: number; height: number };
  scale: number;
  nb: boolean;
}

const PROJECTOR: Run = { name: 'projector', viewport: { width: 1280, height: 720 }, scale: 1.5, nb: false };
const PROJECTOR_NB: Run = { name: 'projector-nb', viewport: { width: 1280, height: 720 }, scale: 1.5, nb: true };
const DESK: Run = { name: '1280', viewport: { width: 1280, height: 800 }, scale: 1, nb: false };
const DESK_NB: Run = { name: '1280-nb', viewport: { width: 1280, height: 800 }, scale: 1, nb: true };
const PHONE: Run = { name: '390', viewport: { width: 390, height: 844 }, scale: 1, nb: false };

/** At a phone's width one pane shows at a time: bring this one up by its tab. */
async function showPane(page: Page, pane: 'Code app' | 'Manager' | 'Organization login'): Promise<void> {
  const tabs = page.getByRole('tablist', { name: 'Screens' });
  if (await tabs.isVisible()) await tabs.getByRole('tab', { name: pane }).click();
}

async function setLang(page: Page, lang: 'en' | 'nb'): Promise<void> {
  await lab(page).getByRole('combobox', { name: lang === 'nb' ? 'Language' : 'Språk' }).selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** The three panes in either language (the helpers find them by their English names). */
function pane(page: Page, which: 'Code app' | 'Manager' | 'Organization login'): Locator {
  const names = { 'Code app': /^Code[ -]app$/, Manager: /^Manager$/, 'Organization login': /^(Organization login|Innlogging hos organisasjonen)$/ } as const;
  return page.getByRole('region', { name: names[which] });
}

/**
 * What a room would see wrong inside `scope`: a heading, button, label or short text whose content is wider than its box (cut off),
 * a field's placeholder or a select's chosen option cut off, or a heading of several words broken one word to a line. One line per problem.
 */
async function layoutProblems(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const problems: string[] = [];
    const describe = (el: Element): string => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 60)}"`;
    const visible = (el: HTMLElement): boolean => el.offsetParent !== null && el.getClientRects().length > 0;
    const candidates = root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, button, label, th, td, p, dt, dd, [role="tab"], [role="status"], [role="alert"], .code-digits, .mgr-ubc-code');
    for (const el of candidates) {
      if (!visible(el) || el.closest('.visually-hidden, [aria-hidden="true"]')) continue;
      const style = getComputedStyle(el);
      // A box that scrolls on purpose (a table wrapper, a tab strip) is not cut-off text.
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) problems.push(`overflows its box (${el.scrollWidth} > ${el.clientWidth}): ${describe(el)}`);
    }
    // A field's own text is not in scrollWidth: measure it in the field's font against the room inside its padding (and a select's arrow).
    const context = document.createElement('canvas').getContext('2d');
    for (const field of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[placeholder], select')) {
      if (!context || !visible(field)) continue;
      const text = field instanceof HTMLSelectElement ? (field.selectedOptions[0]?.textContent ?? '') : field.value === '' ? field.placeholder : '';
      if (text === '') continue;
      const style = getComputedStyle(field);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - (field instanceof HTMLSelectElement ? 20 : 0);
      const width = context.measureText(text).width;
      if (width > room + 1) problems.push(`cut off in its field (${Math.round(width)} > ${Math.round(room)}): ${field.tagName.toLowerCase()} "${text}"`);
    }
    for (const heading of root.querySelectorAll<HTMLElement>('h1, h2, h3, h4')) {
      if (!visible(heading)) continue;
      const words = (heading.textContent ?? '').trim().split(/\s+/).filter(Boolean);
      if (words.length < 2) continue;
      const range = document.createRange();
      range.selectNodeContents(heading);
      const tops = new Set<number>();
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
      if (tops.size >= words.length) problems.push(`one word to a line (${tops.size} lines, ${words.length} words): ${describe(heading)}`);
    }
    return problems;
  });
}

/** Everything inside the phone's app is in view: the app's content does not scroll and `last` ends above the viewport's bottom. */
async function expectWholeScreen(page: Page, last: Locator, state: string): Promise<void> {
  const content = pane(page, 'Code app').locator('.app-content');
  const { scrollHeight, clientHeight } = await content.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
  expect(scrollHeight, `${state}: the app's content needs scrolling (${scrollHeight} > ${clientHeight})`).toBeLessThanOrEqual(clientHeight + 1);
  const box = await last.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  expect(box, `${state}: not shown`).not.toBeNull();
  expect((box?.y ?? 0) + (box?.height ?? 0), `${state}: below the viewport`).toBeLessThanOrEqual(height);
}

async function check(page: Page, run: Run, which: 'Code app' | 'Manager' | 'Organization login', state: string): Promise<void> {
  expect(await layoutProblems(pane(page, which)), `${state} (${run.name})`).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${state}-${run.name}.png` });
}

/** Runs `look` in Norwegian when the run is, then comes back to English (the helpers act by the English names). */
async function looked(page: Page, run: Run, look: () => Promise<void>): Promise<void> {
  if (run.nb) await setLang(page, 'nb');
  await look();
  if (run.nb) await setLang(page, 'en');
}

/** Display UBC in Manager (its pane shown first at a phone's width) at an org for a username; returns the 9 digits. */
async function displayUbc(page: Page, org: string, admin: string, username: string): Promise<string> {
  await showPane(page, 'Manager');
  return displayUbcThere(page, org, admin, username);
}

async function blockPin(app: Locator): Promise<void> {
  for (const pin of ['9999', '9998', '9997']) await tapRefusedPin(app, pin);
}

test.beforeEach(async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

for (const run of [PROJECTOR, DESK, PHONE, PROJECTOR_NB, DESK_NB]) {
  test.describe(`phone, several organizations, at ${run.name}`, () => {
    test.use({ viewport: run.viewport, deviceScaleFactor: run.scale });

    test(`blocked PIN, then partly unblocked: the whole PIN screen in view, nothing cut off (${run.name})`, async ({ page }) => {
      await openPaused(page);
      await showPane(page, 'Code app');
      const app = await showPhoneOf(page, 'Kari Hansen');
      await blockPin(app);
      await expect(app.getByRole('heading', { name: 'PIN blocked', exact: true })).toBeVisible();
      await looked(page, run, async () => {
        await expectWholeScreen(page, pane(page, 'Code app').getByRole('button', { name: /^(Unblock|Lås opp)$/ }).first(), 'blocked PIN');
        const title = pane(page, 'Code app').getByRole('heading', { name: /^(PIN blocked|PIN sperret)$/ });
        expect(await fontSize(title), 'blocked PIN: the title read from the back of a room').toBeGreaterThanOrEqual(22);
        expect(await title.evaluate((el) => getComputedStyle(el).color), 'blocked PIN: the title in red').toBe('rgb(180, 35, 24)');
        await check(page, run, 'Code app', 'phone-1-pin-blocked');
      });

      const ubc = await displayUbc(page, 'Acme Corp', 'ulf.users', 'kari');
      // Manager beside it: the UBC, and the script for several organizations (each needs its own UBC).
      await looked(page, run, async () => {
        const box = pane(page, 'Manager').getByRole('group', { name: /^(UBC for kari|Opplåsingskode for kari)$/ });
        await expectInPane(page, 'Manager', box, 'details: the UBC box');
        await check(page, run, 'Manager', 'manager-4-details-ubc-kari');
        const several = pane(page, 'Manager').getByRole('region', { name: /^(Several organizations|Flere organisasjoner) \(3\)$/ });
        await several.scrollIntoViewIfNeeded();
        await check(page, run, 'Manager', 'manager-5-script-several-orgs');
      });
      await showPane(page, 'Code app');
      await app.getByRole('button', { name: 'Unblock', exact: true }).click();
      await app.getByRole('button', { name: /^Acme Corp/ }).click();
      await app.getByLabel('Unblocking code').fill(ubc);
      await app.getByRole('button', { name: 'Unblock', exact: true }).click();
      await setNewPin(app, '5678');
      const notice = app.getByRole('status').filter({ hasText: 'Acme Corp is unblocked. Your new PIN is set.' });
      await expect(notice).toBeVisible();
      await expect(app.getByRole('region', { name: 'Still blocked at 2 of 3 organizations' })).toBeVisible();
      const ok = () => pane(page, 'Code app').getByRole('button', { name: 'OK', exact: true });
      await looked(page, run, async () => {
        await expectWholeScreen(page, ok(), 'partly unblocked, with the notice');
        await check(page, run, 'Code app', 'phone-2-partly-unblocked');
      });

      // The notice closed: nothing moves (the pad keeps its place), and the whole screen is still in view.
      const okBefore = await ok().boundingBox();
      const titleBefore = await app.getByRole('heading', { name: 'Enter PIN', exact: true }).boundingBox();
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toHaveCount(0);
      expect(await ok().boundingBox()).toEqual(okBefore);
      expect(await app.getByRole('heading', { name: 'Enter PIN', exact: true }).boundingBox()).toEqual(titleBefore);
      await expectWholeScreen(page, ok(), 'partly unblocked, notice closed');

      // A wrong PIN brings a notice of two lines back: still nothing moves.
      await tapRefusedPin(app, '9999');
      await expect(app.getByRole('alert')).toHaveText(/Wrong PIN\. 2 attempts remaining\./);
      expect(await ok().boundingBox()).toEqual(okBefore);
      await looked(page, run, async () => {
        await expectWholeScreen(page, ok(), 'partly unblocked, wrong PIN');
        await check(page, run, 'Code app', 'phone-3-partly-unblocked-wrong-pin');
      });
    });
  });
}

/** `focus` wholly inside its pane's visible box as the screen shows it (nobody scrolls): nothing of it below the fold or cut off at the side. */
async function expectInPane(page: Page, which: 'Code app' | 'Manager' | 'Organization login', focus: Locator, state: string): Promise<void> {
  await expect(focus).toBeVisible();
  const box = await focus.boundingBox();
  const paneBox = await pane(page, which).evaluate((el) => {
    // The scrolling box around the pane: its visible rectangle, clipped by the viewport.
    const scroller = el.closest('.pane') ?? el;
    const r = scroller.getBoundingClientRect();
    return { left: Math.max(r.left, 0), top: Math.max(r.top, 0), right: Math.min(r.right, window.innerWidth), bottom: Math.min(r.bottom, window.innerHeight) };
  });
  expect(box, `${state}: not shown`).not.toBeNull();
  if (!box) return;
  const where = `${state}: ${JSON.stringify(box)} in ${JSON.stringify(paneBox)}`;
  expect(box.x, where).toBeGreaterThanOrEqual(paneBox.left - 1);
  expect(box.x + box.width, where).toBeLessThanOrEqual(paneBox.right + 1);
  expect(box.y, where).toBeGreaterThanOrEqual(paneBox.top - 1);
  expect(box.y + box.height, where).toBeLessThanOrEqual(paneBox.bottom + 1);
}

/** The login page's words, to log in as a person reading it in either language would (the page scrolls the answer into view). */
const LOGIN_WORDS = {
  en: { org: 'Organization', server: 'Access server', logOut: 'Log out', username: 'Username', code: 'One-time code', logIn: 'Log in', said: /Login (accepted|failed)/, yes: 'Login accepted' },
  nb: { org: 'Organisasjon', server: 'Tilgangsserver', logOut: 'Logg ut', username: 'Brukernavn', code: 'Engangskode', logIn: 'Logg inn', said: /Innlogging (godtatt|feilet)/, yes: 'Innlogging godtatt' },
} as const;

/** Logs in at the login page in the language shown; returns whether it was accepted, and the answer as shown. */
async function logInAs(page: Page, nb: boolean, org: string, server: string, username: string, code: string): Promise<{ accepted: boolean; said: Locator }> {
  const w = LOGIN_WORDS[nb ? 'nb' : 'en'];
  const login = pane(page, 'Organization login');
  await login.getByLabel(w.org).selectOption({ label: org });
  const servers = login.getByLabel(w.server);
  await servers.selectOption({ label: (await servers.locator('option').filter({ hasText: server }).first().textContent()) ?? server });
  const logOut = login.getByRole('button', { name: w.logOut, exact: true });
  if (await logOut.isVisible()) await logOut.click();
  await login.getByLabel(w.username).fill(username);
  await login.getByLabel(w.code).fill(code);
  await login.getByRole('button', { name: w.logIn, exact: true }).click();
  const said = login.getByRole('status').filter({ hasText: w.said });
  await expect(said).toBeVisible();
  return { accepted: ((await said.textContent()) ?? '').includes(w.yes), said };
}

/** The rendered font size of an element, in CSS pixels. */
async function fontSize(locator: Locator): Promise<number> {
  return locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

for (const run of [PROJECTOR, PHONE, PROJECTOR_NB]) {
  test.describe(`the offline story across the three screens, at ${run.name}`, () => {
    test.use({ viewport: run.viewport, deviceScaleFactor: run.scale });

    test(`online code, blocked in Manager with the UBC and the script, offline unblock code, logins accepted and refused (${run.name})`, async ({ page }) => {
      await openPaused(page);
      await showPane(page, 'Code app');
      const app = await showPhoneOf(page, 'Ingrid Berg');

      // The online code with its timer: when it changes and how long it is accepted, in words.
      await tapPin(app, '1234');
      await expect(app.getByText('Does not change. Accepted once, 2 min 00 s more (2 minutes in all)')).toBeVisible();
      await looked(page, run, async () => {
        const code = pane(page, 'Code app').getByLabel(/^(One-time code display|Visning av engangskode)$/);
        await expectWholeScreen(page, pane(page, 'Code app').getByRole('button', { name: 'OK', exact: true }), 'online code');
        expect(await fontSize(code), 'online code: digits a room can read').toBeGreaterThanOrEqual(30);
        await check(page, run, 'Code app', 'phone-4-online-code');
      });
      await app.getByRole('button', { name: 'OK', exact: true }).click();

      // Blocked: three wrong PINs; Manager's list says so in words, in red, in view without scrolling sideways.
      await blockPin(app);
      await showPane(page, 'Manager');
      const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
      await expect(userRow(mgr, 'ingrid').getByRole('img', { name: 'PIN blocked' })).toBeVisible();
      await looked(page, run, async () => {
        const row = userRow(pane(page, 'Manager'), 'ingrid');
        const blocked = row.getByRole('img', { name: /^(PIN blocked|PIN sperret)$/ });
        await expectInPane(page, 'Manager', blocked, 'users list: the blocked badge');
        expect(await fontSize(blocked), 'users list: "PIN blocked" readable from the back').toBeGreaterThanOrEqual(12.5);
        expect(await blocked.evaluate((el) => getComputedStyle(el).backgroundColor), 'users list: blocked is red').toBe('rgb(180, 35, 24)');
        await check(page, run, 'Manager', 'manager-1-users-blocked');
      });

      // The details: the UBC, labelled, with the support script beside or below it.
      await mgr.getByRole('button', { name: 'ingrid', exact: true }).click();
      await mgr.getByRole('button', { name: 'Display UBC' }).click();
      const ubcCode = mgr.getByTestId('ubc-code');
      await expect(ubcCode).toHaveText(/^\d{3} \d{3} \d{3}$/);
      const ubc = (await ubcCode.innerText()).replace(/\D/g, '');
      await looked(page, run, async () => {
        const box = pane(page, 'Manager').getByRole('group', { name: /^(UBC for ingrid|Opplåsingskode for ingrid)$/ });
        await expectInPane(page, 'Manager', box, 'details: the UBC box');
        expect(await fontSize(box.getByTestId('ubc-code')), 'details: the UBC a room can read').toBeGreaterThanOrEqual(24);
        await check(page, run, 'Manager', 'manager-2-details-ubc');
        const script = pane(page, 'Manager').getByRole('region', { name: /^(What to tell the user|Hva du sier til brukeren)$/ });
        await script.scrollIntoViewIfNeeded();
        await check(page, run, 'Manager', 'manager-3-support-script');
      });

      // Offline: blocked as last known, then the offline unblock code.
      await showPane(page, 'Code app');
      await setPhoneOnline(page, false);
      await expect(app.getByRole('heading', { name: 'PIN blocked, as last known' })).toBeVisible();
      await looked(page, run, async () => {
        await expectWholeScreen(page, pane(page, 'Code app').getByRole('button', { name: /^(Type new PIN|Skriv ny PIN)$/ }), 'offline, blocked as last known');
        await check(page, run, 'Code app', 'phone-5-blocked-offline');
      });
      await app.getByRole('button', { name: 'Unblock', exact: true }).click();
      await app.getByRole('button', { name: /^Acme Corp/ }).click();
      await app.getByLabel('Unblocking code').fill(ubc);
      await app.getByRole('button', { name: 'Unblock', exact: true }).click();
      await setNewPin(app, '2468');
      await expect(app.getByRole('heading', { name: 'Offline unblock code for Acme Corp' })).toBeVisible();
      await looked(page, run, async () => {
        const code = pane(page, 'Code app').getByLabel(/^(One-time code display|Visning av engangskode)$/);
        await expectWholeScreen(page, pane(page, 'Code app').getByRole('button', { name: 'OK', exact: true }), 'offline unblock code');
        expect(await fontSize(code), 'offline unblock code: digits a room can read').toBeGreaterThanOrEqual(26);
        await check(page, run, 'Code app', 'phone-6-offline-unblock-code');
      });

      // The login page: the offline unblock code accepted, then a wrong code refused.
      const code = await shownCode(app);
      await showPane(page, 'Organization login');
      await looked(page, run, async () => {
        const { accepted, said } = await logInAs(page, run.nb, 'Acme Corp', 'Acme VPN', 'ingrid', code);
        expect(accepted, 'the offline unblock code is accepted').toBe(true);
        await expectInPane(page, 'Organization login', said, 'login accepted');
        await check(page, run, 'Organization login', 'login-1-accepted');
      });
      await looked(page, run, async () => {
        const { accepted, said } = await logInAs(page, run.nb, 'Acme Corp', 'Acme VPN', 'ingrid', '12345678');
        expect(accepted, 'a wrong code is refused').toBe(false);
        await expectInPane(page, 'Organization login', said, 'login refused');
        await check(page, run, 'Organization login', 'login-2-refused');
      });

      // Back on the phone, still offline: what the app knows of the code it made, and what to do next.
      await showPane(page, 'Code app');
      await app.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(app.getByText(/^You made an offline unblock code for Acme Corp at/)).toBeVisible();
      await looked(page, run, async () => {
        await expectWholeScreen(page, pane(page, 'Code app').getByRole('button', { name: /^(Unblock|Lås opp)$/ }), 'offline, after the unblock code');
        await check(page, run, 'Code app', 'phone-7-offline-afterwards');
      });
    });
  });
}
