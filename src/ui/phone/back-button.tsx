// The "OK" at the foot of a code screen: done with the code, back to the PIN pad (AppBack).
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { FormError } from './form-error';

export function BackButton(props: { primary?: boolean }) {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  return (
    <div class="screen-actions">
      <FormError message={command.error()} />
      <button type="button" classList={{ 'app-primary': props.primary === true, 'app-secondary': props.primary !== true }} onClick={() => command.run({ type: 'AppBack', phoneId: phone().id })}>
        {t().phone.ok}
      </button>
    </div>
  );
}
