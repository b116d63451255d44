// Change PIN: the current PIN and the new one twice; needs the network (R-OTP-4).
import { createSignal } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { Field } from './field';
import { FormError } from './form-error';
import { policy } from '../../domain';

export function ChangePinScreen() {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const reply = await command.run({ type: 'AppChangePin', phoneId: phone().id, currentPin: current(), newPin: next(), repeat: repeat() });
    if (!reply) return;
    setCurrent('');
    setNext('');
    setRepeat('');
  };
  const pinField = { type: 'password', digits: true, wide: true, maxLength: policy.PIN_DIGITS } as const;
  return (
    <form class="screen" onSubmit={submit}>
      <ScreenHead title={t().phone.changePin} intro={t().phone.changePinIntro} />
      <Field {...pinField} label={t().phone.pin} hint={t().phone.currentPinHint} value={current()} onInput={setCurrent} />
      <Field {...pinField} label={t().phone.newPin} value={next()} onInput={setNext} />
      <Field {...pinField} label={t().phone.repeatNewPin} value={repeat()} onInput={setRepeat} />
      <FormError message={command.error()} />
      <div class="screen-actions">
        <button type="submit" class="app-primary" disabled={command.pending()}>{t().phone.changePin}</button>
      </div>
    </form>
  );
}
