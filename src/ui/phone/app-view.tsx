// The Code app on the phone's screen: header, the notice, one screen per AppScreen kind, the PIN screen's footer, the reset sheet.
import { createEffect, createSignal, lazy, Match, on, onMount, Show, Switch } from 'solid-js';
import { usePhone } from './phone-context';
import { screenOf } from './screen-of';
import { AppHeader } from './app-header';
import { NoticeBanner } from './notice-banner';
import { PinFooter } from './pin-footer';
import { ResetConfirm } from './reset-confirm';
import { PinScreen } from './pin-screen';
import { focusWhenDrawn, whenIdle } from '../common/focus-when-drawn';
import { useSandbox } from '../sandbox/sandbox-provider';

/** Every screen but the PIN screen, from one chunk (phone-screens.ts). */
const screens = () => import('./phone-screens');
const ActivateScreen = lazy(async () => ({ default: (await screens()).ActivateScreen }));
const ActivateSmsScreen = lazy(async () => ({ default: (await screens()).ActivateSmsScreen }));
const FirstPinScreen = lazy(async () => ({ default: (await screens()).FirstPinScreen }));
const OnlineCodeScreen = lazy(async () => ({ default: (await screens()).OnlineCodeScreen }));
const OfflineCodeScreen = lazy(async () => ({ default: (await screens()).OfflineCodeScreen }));
const UnblockOrgScreen = lazy(async () => ({ default: (await screens()).UnblockOrgScreen }));
const UnblockUbcScreen = lazy(async () => ({ default: (await screens()).UnblockUbcScreen }));
const UnblockNewPinScreen = lazy(async () => ({ default: (await screens()).UnblockNewPinScreen }));
const UnblockOfflineCodeScreen = lazy(async () => ({ default: (await screens()).UnblockOfflineCodeScreen }));
const ChangePinScreen = lazy(async () => ({ default: (await screens()).ChangePinScreen }));
const LinksScreen = lazy(async () => ({ default: (await screens()).LinksScreen }));
const LAZY_SCREENS = [ActivateScreen, ActivateSmsScreen, FirstPinScreen, OnlineCodeScreen, OfflineCodeScreen, UnblockOrgScreen, UnblockUbcScreen, UnblockNewPinScreen, UnblockOfflineCodeScreen, ChangePinScreen, LinksScreen];

/** Loads the other screens once the page is idle, so a screen change later shows its screen at once. */
function preloadScreens(): void {
  whenIdle(() => LAZY_SCREENS.forEach((screen) => void screen.preload()));
}

export function AppView() {
  const { phone } = usePhone();
  const sandbox = useSandbox();
  const [confirmingReset, setConfirmingReset] = createSignal(false);
  onMount(preloadScreens);
  /** Offline with a PIN last known as blocked, the person chose the pad anyway; any change of state asks again. */
  const [typing, setTyping] = createSignal(false);
  const screen = () => phone().app.screen;
  createEffect(on(() => [phone().app.pinBlocked, phone().online, screen()], () => setTyping(false), { defer: true }));
  /** The PIN screen offers Unblock itself while the PIN is blocked: the footer does not repeat it. */
  const screenOffersUnblock = () => phone().app.pinBlocked && (phone().online || !typing());
  let body: HTMLDivElement | undefined;
  /** The control that opened the reset sheet: focus goes back to it when the sheet closes. */
  let resetOpener: HTMLElement | null = null;
  const openReset = () => {
    resetOpener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirmingReset(true);
  };
  const closeReset = () => {
    setConfirmingReset(false);
    // Back to Reset app when cancelled; after a reset that button is gone, and the new screen's title takes focus.
    const target = resetOpener?.isConnected ? resetOpener : body?.querySelector<HTMLElement>('.screen-title');
    queueMicrotask(() => target?.focus({ preventScroll: true }));
  };

  // A new screen: move focus to its title when the person was acting in this app (not when another pane or tab changed
  // it, nor when the timeline moved to another moment or back to now: focus stays on the timeline).
  createEffect(
    on(
      () => [screen().kind, sandbox.replay() !== null] as const,
      ([, replaying], previous) => {
        if (replaying || (previous && previous[1])) return;
        const active = document.activeElement;
        if (!body || (active && active !== document.body && !body.contains(active))) return;
        // A screen whose chunk is still loading takes focus once it is drawn.
        queueMicrotask(() => { if (body) focusWhenDrawn(body, '.screen-title'); });
      },
      { defer: true },
    ),
  );

  return (
    <div class="app">
      <div class="app-body" ref={body} inert={confirmingReset()} aria-hidden={confirmingReset() ? 'true' : undefined}>
        <AppHeader />
        <div class="app-content">
          {/* The PIN screens place the notice themselves, below their title and intro. */}
          <Show when={screen().kind !== 'pin'}>
            <NoticeBanner />
          </Show>
          <Switch>
            <Match when={screenOf(screen(), 'activate')}><ActivateScreen /></Match>
            <Match when={screenOf(screen(), 'activate-sms')}><ActivateSmsScreen /></Match>
            <Match when={screenOf(screen(), 'first-pin')}><FirstPinScreen /></Match>
            <Match when={screenOf(screen(), 'pin')}><PinScreen typing={typing()} onTyping={setTyping} /></Match>
            <Match when={screenOf(screen(), 'online-code')}>{(s) => <OnlineCodeScreen screen={s()} />}</Match>
            <Match when={screenOf(screen(), 'offline-code')}>{(s) => <OfflineCodeScreen screen={s()} />}</Match>
            <Match when={screenOf(screen(), 'unblock-org')}><UnblockOrgScreen /></Match>
            <Match when={screenOf(screen(), 'unblock-ubc')}>{(s) => <UnblockUbcScreen screen={s()} />}</Match>
            <Match when={screenOf(screen(), 'unblock-new-pin')}>{(s) => <UnblockNewPinScreen screen={s()} />}</Match>
            <Match when={screenOf(screen(), 'unblock-offline-code')}>{(s) => <UnblockOfflineCodeScreen screen={s()} />}</Match>
            <Match when={screenOf(screen(), 'change-pin')}><ChangePinScreen /></Match>
            <Match when={screenOf(screen(), 'links')}><LinksScreen /></Match>
          </Switch>
        </div>
        <Show when={phone().app.device && screen().kind === 'pin'}>
          <PinFooter offerUnblock={!screenOffersUnblock()} onReset={openReset} />
        </Show>
      </div>
      <Show when={confirmingReset()}>
        <ResetConfirm onClose={closeReset} />
      </Show>
    </div>
  );
}
