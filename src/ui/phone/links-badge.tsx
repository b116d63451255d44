// The icon showing how many organizations the app is linked to, red when any of them is blocked; opens the list (AppShowLinks).
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { Icon } from './icon';

export function LinksBadge() {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  const links = () => phone().app.links;
  const blocked = () => links().filter((link) => link.blocked).length;
  return (
    <button
      type="button"
      class="icon-button links-badge"
      classList={{ 'links-badge-blocked': blocked() > 0, 'links-badge-none': links().length === 0 }}
      aria-label={t().phone.linksBadge(links().length, blocked())}
      title={t().phone.linksBadge(links().length, blocked())}
      onClick={() => command.run({ type: 'AppShowLinks', phoneId: phone().id })}
    >
      <Icon name="building" />
      <span class="links-count" aria-hidden="true">{links().length}</span>
    </button>
  );
}
