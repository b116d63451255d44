// The PIN screen's footer once activated: Unblock, Change PIN and Reset app, always within reach.
import { Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { Icon } from './icon';

export function PinFooter(props: { offerUnblock: boolean; onReset: () => void }) {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  return (
    <div class="app-footer">
      {/* A blocked PIN's screen carries Unblock as its main button: one is enough. */}
      <Show when={props.offerUnblock}>
        <button type="button" class="footer-button" onClick={() => command.run({ type: 'AppOpenUnblock', phoneId: phone().id })}>
          <Icon name="key" />
          <span>{t().phone.unblock}</span>
        </button>
      </Show>
      <button type="button" class="footer-button" onClick={() => command.run({ type: 'AppOpenChangePin', phoneId: phone().id })}>
        <Icon name="edit" />
        <span>{t().phone.changePin}</span>
      </button>
      <button type="button" class="footer-button" onClick={() => props.onReset()}>
        <Icon name="reset" />
        <span>{t().phone.resetApp}</span>
      </button>
      <Show when={command.error()}>
        <p class="app-error footer-error" role="alert">{command.error()}</p>
      </Show>
    </div>
  );
}
