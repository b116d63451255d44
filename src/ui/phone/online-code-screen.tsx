// The online 6-digit code (R-OTP-1) with its 120-s bar on phone time, under a green "Online" line: red is kept for blocked.
import { Show } from 'solid-js';
import type { ScreenOf } from './screen-of';
import { useI18n } from '../i18n/i18n-provider';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { PadlockLine } from './padlock-line';
import { CodeDigits } from './code-digits';
import { LifetimeBar } from './lifetime-bar';
import { CodeExpired } from './code-expired';
import { BackButton } from './back-button';
import { codeTiming } from '../../domain';

export function OnlineCodeScreen(props: { screen: ScreenOf<'online-code'> }) {
  const { t } = useI18n();
  const { phoneNow } = usePhone();
  const timing = () => codeTiming(props.screen, phoneNow());
  return (
    <div class="screen screen-code">
      <ScreenHead title={t().phone.onlineCodeTitle} />
      <PadlockLine kind="online" />
      <Show when={timing()} fallback={<CodeExpired />}>
        {(running) => (
          <>
            <CodeDigits code={props.screen.code} />
            <LifetimeBar timing={running()} />
            <p class="code-hint">{t().phone.onlineCodeHint}</p>
          </>
        )}
      </Show>
      <BackButton primary={timing() === null} />
    </div>
  );
}
