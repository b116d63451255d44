// Offline unblock: the 9-digit code from UBC + new PIN, changing every 30 s, with a red circle timer (R-UBC-4).
import { Show } from 'solid-js';
import type { ScreenOf } from './screen-of';
import { orgNameOf } from './org-name-of';
import { useI18n } from '../i18n/i18n-provider';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { PadlockLine } from './padlock-line';
import { SteppedCode } from './stepped-code';
import { BackButton } from './back-button';
import { stepOf } from '../../domain';

export function UnblockOfflineCodeScreen(props: { screen: ScreenOf<'unblock-offline-code'> }) {
  const { t } = useI18n();
  const { phone, phoneNow } = usePhone();
  const org = () => orgNameOf(phone().app.links, props.screen.orgId);
  const running = () => props.screen.codes[stepOf(phoneNow()) - props.screen.firstStep] !== undefined;
  return (
    <div class="screen screen-code">
      <ScreenHead title={t().phone.unblockCodeTitle(org())} />
      <PadlockLine offline />
      <SteppedCode firstStep={props.screen.firstStep} codes={props.screen.codes} tone="red" />
      <Show when={running()}>
        <p class="code-hint">{t().phone.unblockCodeHint(org())}</p>
      </Show>
      <BackButton primary={!running()} />
    </div>
  );
}
