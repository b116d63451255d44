// The Code app on the phone's screen: header, the notice, one screen per AppScreen kind, the PIN screen's footer, the reset sheet.
import { createEffect, createSignal, Match, on, Show, Switch } from 'solid-js';
import { usePhone } from './phone-context';
import { screenOf } from './screen-of';
import { AppHeader } from './app-header';
import { NoticeBanner } from './notice-banner';
import { PinFooter } from './pin-footer';
import { ResetConfirm } from './reset-confirm';
import { ActivateScreen } from './activate-screen';
import { ActivateSmsScreen } from './activate-sms-screen';
import { FirstPinScreen } from './first-pin-screen';
import { PinScreen } from './pin-screen';
import { OnlineCodeScreen } from './online-code-screen';
import { OfflineCodeScreen } from './offline-code-screen';
import { UnblockOrgScreen } from './unblock-org-screen';
import { UnblockUbcScreen } from './unblock-ubc-screen';
import { UnblockNewPinScreen } from './unblock-new-pin-screen';
import { UnblockOfflineCodeScreen } from './unblock-offline-code-screen';
import { ChangePinScreen } from './change-pin-screen';
import { LinksScreen } from './links-screen';

export function AppView() {
  const { phone } = usePhone();
  const [confirmingReset, setConfirmingReset] = createSignal(false);
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

  // A new screen: move focus to its title when the person was acting in this app (not when another pane or tab changed it).
  createEffect(
    on(
      () => screen().kind,
      () => {
        const active = document.activeElement;
        if (!body || (active && active !== document.body && !body.contains(active))) return;
        queueMicrotask(() => body?.querySelector<HTMLElement>('.screen-title')?.focus({ preventScroll: true }));
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
