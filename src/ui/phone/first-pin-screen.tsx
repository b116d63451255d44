// Activation, step 3 when the holder has no PIN yet: choose one, twice (R-ACT-1).
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { NewPinForm } from './new-pin-form';

export function FirstPinScreen() {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  return (
    <NewPinForm
      head={<ScreenHead title={t().phone.firstPinTitle} intro={t().phone.firstPinIntro} />}
      error={command.error()}
      pending={command.pending()}
      onSubmit={(pin, repeat) => command.run({ type: 'AppSetFirstPin', phoneId: phone().id, pin, repeat })}
    />
  );
}
