// The Code app pane: choose whose phone is shown, switch its network, and the phone itself drawn as a device.
import { Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { PhoneToolbar } from './phone-toolbar';
import { PhoneProvider } from './phone-context';
import { PhoneDevice } from './phone-device';
import { shownPhone, showPhone } from './shown-phone';
import './phone.css';

export function PhonePane() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  /** The chosen phone, or the first one when none (or one no longer in this sandbox) was chosen. */
  const phoneId = (): string | null => {
    const phones = sandbox.world().phones;
    const chosen = shownPhone();
    return phones[chosen] ? chosen : (Object.keys(phones)[0] ?? null);
  };
  return (
    <section aria-label={t().paneCodeApp} class="phone-pane">
      <PhoneToolbar phoneId={phoneId()} onChoose={showPhone} />
      <Show when={phoneId()} keyed>
        {(id) => (
          <Show when={sandbox.world().phones[id]}>
            {(phone) => (
              <PhoneProvider phone={phone()}>
                <PhoneDevice />
              </PhoneProvider>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}
