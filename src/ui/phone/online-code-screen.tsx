// The online 6-digit code (R-OTP-1) with its 120-s bar on phone time, under a red padlock line.
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

export function OnlineCodeScreen(props: { screen: ScreenOf<'online-code'> }) {
  const { t } = useI18n();
  const { phoneNow } = usePhone();
  const remainingMs = () => Math.min(props.screen.validForMs, Math.max(0, props.screen.shownAt + props.screen.validForMs - phoneNow()));
  return (
    <div class="screen screen-code">
      <ScreenHead title={t().phone.onlineCodeTitle} />
      <PadlockLine offline={false} />
      <Show when={remainingMs() > 0} fallback={<CodeExpired />}>
        <CodeDigits code={props.screen.code} />
        <LifetimeBar remainingMs={remainingMs()} totalMs={props.screen.validForMs} />
        <p class="code-hint">{t().phone.onlineCodeHint}</p>
      </Show>
      <BackButton primary={remainingMs() === 0} />
    </div>
  );
}
