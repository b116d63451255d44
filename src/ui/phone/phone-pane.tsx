// The Code app pane: choose whose phone is shown, switch its network, and the phone itself drawn as a device.
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { PhoneToolbar } from './phone-toolbar';
import { PhoneProvider } from './phone-context';
import { PhoneDevice } from './phone-device';
import './phone.css';

const PHONE_KEY = 'code-sandbox:phone';

export function PhonePane() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const [chosen, setChosen] = createSignal(localStorage.getItem(PHONE_KEY) ?? '');
  /** The chosen phone, or the first one when none (or one no longer in this sandbox) was chosen. */
  const phoneId = (): string | null => {
    const phones = sandbox.world().phones;
    return phones[chosen()] ? chosen() : (Object.keys(phones)[0] ?? null);
  };
  const choose = (id: string) => {
    localStorage.setItem(PHONE_KEY, id);
    setChosen(id);
  };
  return (
    <section aria-label={t().paneCodeApp} class="phone-pane">
      <PhoneToolbar phoneId={phoneId()} onChoose={choose} />
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
