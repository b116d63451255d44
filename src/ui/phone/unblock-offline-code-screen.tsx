// Offline unblock: the 9-digit code from UBC + new PIN, changing every 30 s, with a red circle timer (R-UBC-4); what happens when it is used.
import { createEffect, Show, untrack } from 'solid-js';
import type { ScreenOf } from './screen-of';
import { orgNameOf } from './org-name-of';
import { useI18n } from '../i18n/i18n-provider';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { PadlockLine } from './padlock-line';
import { SteppedCode } from './stepped-code';
import { BackButton } from './back-button';
import { shownCode } from '../../domain';
import { createCommand } from '../sandbox/create-command';

export function UnblockOfflineCodeScreen(props: { screen: ScreenOf<'unblock-offline-code'> }) {
  const { t } = useI18n();
  const { phone, phoneNow, rememberCode } = usePhone();
  const command = createCommand();
  const org = () => orgNameOf(phone().app.links, props.screen.orgId);
  const running = () => shownCode(props.screen, phoneNow()) !== null;
  // The app remembers that it made this code, to say so on the PIN screen while the phone stays offline.
  createEffect(() => {
    if (!phone().online) rememberCode({ orgId: props.screen.orgId, orgName: org(), firstStep: props.screen.firstStep, at: untrack(phoneNow) });
  });
  return (
    <div class="screen screen-code">
      <ScreenHead title={t().phone.unblockCodeTitle(org())} />
      <PadlockLine kind="offline" />
      <SteppedCode screen={props.screen} expiredHint={t().phone.unblockCodeExpiredHint} />
      <Show when={running()}>
        <p class="code-hint">{t().phone.unblockCodeHint(org())}</p>
      </Show>
      <Show when={!running()}>
        {/* A run-out unblock code is made again from the UBC and a new PIN, not from the PIN pad. */}
        <div class="screen-actions">
          <button type="button" class="app-primary" onClick={() => command.run({ type: 'AppOpenUnblock', phoneId: phone().id })}>
            {t().phone.unblock}
          </button>
        </div>
      </Show>
      <BackButton />
    </div>
  );
}
