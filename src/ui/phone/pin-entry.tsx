// The PIN pad: online the server checks the PIN and sends a 6-digit code (R-OTP-1); offline the app makes an 8-digit one (R-OTP-2).
import { Show } from 'solid-js';
import { linkSummary } from '../../domain';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { PinPad } from './pin-pad';
import { FormError } from './form-error';
import { NoticeBanner } from './notice-banner';
import { RemainingOrgs } from './remaining-orgs';
import { blockedOrgsWords } from './blocked-orgs';

export function PinEntry() {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  const partly = () => linkSummary(phone().app.links).state === 'partly-unblocked';
  return (
    <div class="screen screen-pin">
      {/* The intro stays when a notice comes: the notice sits in the room above the pad, so nothing jumps. */}
      <ScreenHead title={t().phone.pinTitle} intro={phone().online ? t().phone.pinIntro : t().phone.pinIntroOffline} />
      <Show when={phone().app.pinBlocked}>
        <p class="pad-last-known">{t().phone.padAsLastKnown(blockedOrgsWords(phone().app.links, t()))}</p>
      </Show>
      <Show when={partly()}>
        <RemainingOrgs />
      </Show>
      <div class="notice-slot">
        <NoticeBanner />
      </div>
      <PinPad pending={command.pending()} onSubmit={(pin) => command.run({ type: 'AppEnterPin', phoneId: phone().id, pin })} />
      <FormError message={command.error()} />
    </div>
  );
}
