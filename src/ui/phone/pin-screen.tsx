// The PIN pad: online the server checks the PIN and sends a 6-digit code (R-OTP-1); offline the app makes an 8-digit one (R-OTP-2).
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { PinPad } from './pin-pad';
import { FormError } from './form-error';

export function PinScreen() {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  /** The notice says what matters after an attempt; the explanation is for a calm screen. */
  const intro = () => (phone().app.notice ? undefined : phone().online ? t().phone.pinIntro : t().phone.pinIntroOffline);
  return (
    <div class="screen screen-pin">
      <ScreenHead title={t().phone.pinTitle} intro={intro()} />
      <PinPad pending={command.pending()} onSubmit={(pin) => command.run({ type: 'AppEnterPin', phoneId: phone().id, pin })} />
      <FormError message={command.error()} />
    </div>
  );
}
