// The app's top bar: back where there is somewhere to go back to, the app's name, and the linked-organizations icon.
import { Show } from 'solid-js';
import { hasBack } from '../../domain';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { LinksBadge } from './links-badge';
import { Icon } from './icon';


export function AppHeader() {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  return (
    <div class="app-header">
      <div class="app-header-side">
        <Show when={hasBack(phone().app.screen)}>
          <button type="button" class="icon-button" aria-label={t().phone.back} onClick={() => command.run({ type: 'AppBack', phoneId: phone().id })}>
            <Icon name="back" />
          </button>
        </Show>
      </div>
      <span class="app-brand">
        <Icon name="padlock" class="app-brand-mark" />
        {t().phone.appName}
      </span>
      <div class="app-header-side app-header-end">
        <Show when={phone().app.device}>
          <LinksBadge />
        </Show>
      </div>
    </div>
  );
}
