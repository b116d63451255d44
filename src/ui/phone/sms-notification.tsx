// The SMS with the activation code, sliding in at the top of the screen while the app waits for it (R-ACT-1); dismissable.
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { usePhone } from './phone-context';
import { Icon } from './icon';

export function SmsNotification() {
  const { t } = useI18n();
  const { phone, setSmsFill } = usePhone();
  /** The SMS the person swiped away, by arrival time and code. */
  const [dismissed, setDismissed] = createSignal('');
  const keyOf = (sms: { at: number; code: string }) => `${sms.at}:${sms.code}`;
  /** The newest SMS, while the activation it belongs to waits for its code. */
  const sms = () => {
    const newest = phone().inbox.at(-1);
    if (!newest || phone().app.screen.kind !== 'activate-sms' || keyOf(newest) === dismissed()) return null;
    return newest;
  };
  return (
    <div class="sms-slot" role="status" aria-label={t().phone.smsNotification}>
      <Show when={sms()}>
        {(message) => (
          <div class="sms">
            <div class="sms-head">
              <Icon name="message" class="sms-icon" />
              <span class="sms-sender">{t().phone.smsSender}</span>
              <span class="sms-when">{t().phone.smsNow}</span>
              <button type="button" class="sms-close" aria-label={t().phone.dismiss} onClick={() => setDismissed(keyOf(message()))}>
                <Icon name="close" />
              </button>
            </div>
            <div class="sms-row">
              <p class="sms-body">
                {t().phone.smsBody} <strong class="sms-code">{message().code}</strong>
              </p>
              <button type="button" class="sms-use" onClick={() => { setSmsFill(message().code); setDismissed(keyOf(message())); }}>
                {t().phone.useCode}
              </button>
            </div>
          </div>
        )}
      </Show>
    </div>
  );
}
