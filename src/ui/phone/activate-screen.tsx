// Activation, step 1: the mobile number; the server sends an SMS code (R-ACT-1, needs the network).
import { createSignal } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { useSandbox } from '../sandbox/sandbox-provider';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { Field } from './field';
import { FormError } from './form-error';
import { Icon } from './icon';

export function ActivateScreen() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const { phone } = usePhone();
  /** A trainee needs the number of the SIM in this phone to type it. */
  const simNumber = () => sandbox.world().people[phone().personId]?.mobile;
  const command = createCommand();
  const [mobile, setMobile] = createSignal('');
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void command.run({ type: 'AppStartActivation', phoneId: phone().id, mobile: mobile() });
  };
  return (
    <form class="screen" onSubmit={submit}>
      <div class="screen-hero" aria-hidden="true">
        <span class="hero-mark"><Icon name="padlock" /></span>
      </div>
      <ScreenHead title={t().phone.activateTitle} intro={t().phone.activateIntro} />
      <Field label={t().phone.mobileNumber} type="tel" autocomplete="tel" value={mobile()} onInput={setMobile} hint={simNumber() ? t().phone.simNumber(simNumber() ?? '') : undefined} />
      <FormError message={command.error()} />
      <div class="screen-actions">
        <button type="submit" class="app-primary" disabled={command.pending()}>{t().phone.activate}</button>
      </div>
    </form>
  );
}
