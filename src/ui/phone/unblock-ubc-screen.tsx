// Unblock, step 2: the 9-digit unblocking code (UBC) the chosen organization's administrator reads out (R-UBC-2).
import { createSignal } from 'solid-js';
import type { ScreenOf } from './screen-of';
import { orgNameOf } from './org-name-of';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { Field } from './field';
import { FormError } from './form-error';
import { policy } from '../../domain';

export function UnblockUbcScreen(props: { screen: ScreenOf<'unblock-ubc'> }) {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  const [ubc, setUbc] = createSignal('');
  const org = () => orgNameOf(phone().app.links, props.screen.orgId);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (await command.run({ type: 'AppEnterUbc', phoneId: phone().id, ubc: ubc() })) setUbc('');
  };
  return (
    <form class="screen" onSubmit={submit}>
      <ScreenHead title={t().phone.unblockAt(org())} intro={t().phone.ubcIntro(org())} />
      <Field label={t().phone.unblockingCode} hint={t().phone.ubcHint} digits wide maxLength={policy.UBC_DIGITS} value={ubc()} onInput={setUbc} />
      <FormError message={command.error()} />
      <div class="screen-actions">
        <button type="submit" class="app-primary" disabled={command.pending()}>{t().phone.unblock}</button>
      </div>
    </form>
  );
}
