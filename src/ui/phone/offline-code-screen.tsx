// Offline Mode: the 8-digit code for the phone's current 30-s step with a shrinking green circle, under a grey padlock line (R-OTP-2).
import { Show } from 'solid-js';
import type { ScreenOf } from './screen-of';
import { useI18n } from '../i18n/i18n-provider';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { PadlockLine } from './padlock-line';
import { SteppedCode } from './stepped-code';
import { BackButton } from './back-button';
import { shownCode } from '../../domain';

export function OfflineCodeScreen(props: { screen: ScreenOf<'offline-code'> }) {
  const { t } = useI18n();
  const { phoneNow } = usePhone();
  const running = () => shownCode(props.screen, phoneNow()) !== null;
  return (
    <div class="screen screen-code">
      <ScreenHead title={t().phone.offlineCodeTitle} />
      <PadlockLine kind="offline" />
      <SteppedCode screen={props.screen} />
      <Show when={running()}>
        <p class="code-hint">{t().phone.offlineCodeHint}</p>
      </Show>
      <BackButton primary={!running()} />
    </div>
  );
}
