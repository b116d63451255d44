// Activation, step 2: the 6-digit SMS code (from the notification) confirms the number (R-ACT-1).
import { createEffect, createSignal } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { Field } from './field';
import { FormError } from './form-error';
import { Icon } from './icon';
import { policy } from '../../domain';

export function ActivateSmsScreen() {
  const { t } = useI18n();
  const { phone, smsFill, setSmsFill } = usePhone();
  const command = createCommand();
  const [code, setCode] = createSignal('');
  // "Use code" on the SMS notification fills the field, as a phone offers a code from Messages.
  createEffect(() => {
    const filled = smsFill();
    if (filled === '') return;
    setCode(filled);
    setSmsFill('');
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void command.run({ type: 'AppConfirmSms', phoneId: phone().id, smsCode: code() });
  };
  return (
    <form class="screen" onSubmit={submit}>
      <div class="screen-hero" aria-hidden="true">
        <span class="hero-mark hero-sms"><Icon name="message" /></span>
      </div>
      <ScreenHead title={t().phone.smsTitle} intro={t().phone.smsIntro} />
      <Field
        label={t().phone.smsCode}
        digits
        wide
        maxLength={policy.SMS_CODE_DIGITS}
        autocomplete="one-time-code"
        value={code()}
        onInput={setCode}
      />
      <FormError message={command.error()} />
      <div class="screen-actions">
        <button type="submit" class="app-primary" disabled={command.pending()}>{t().phone.ok}</button>
      </div>
    </form>
  );
}
