// Unblock, step 3: a new PIN twice; online the server sets it (R-UBC-2), offline the app makes the 9-digit code (R-UBC-4).
import type { ScreenOf } from './screen-of';
import { orgNameOf } from './org-name-of';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { NewPinForm } from './new-pin-form';

export function UnblockNewPinScreen(props: { screen: ScreenOf<'unblock-new-pin'> }) {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  const intro = () => (phone().online ? t().phone.unblockNewPinIntro : `${t().phone.unblockNewPinIntro} ${t().phone.unblockNewPinOffline}`);
  return (
    <NewPinForm
      head={<ScreenHead title={t().phone.unblockAt(orgNameOf(phone().app.links, props.screen.orgId))} intro={intro()} />}
      error={command.error()}
      pending={command.pending()}
      onSubmit={(newPin, repeat) => command.run({ type: 'AppSetUnblockPin', phoneId: phone().id, newPin, repeat })}
    />
  );
}
