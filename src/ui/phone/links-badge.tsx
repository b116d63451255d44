// The linked-organizations icon: how many are blocked in words ("2 of 3 blocked"), never a bare red count; opens the list (AppShowLinks).
import { Show } from 'solid-js';
import { linkSummary } from '../../domain';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { Icon } from './icon';

export function LinksBadge() {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  const summary = () => linkSummary(phone().app.links);
  const name = () => {
    const words = t().phone.linksBadge(summary().linked, summary().blocked);
    return phone().online ? words : `${words} (${t().phone.asLastKnown})`;
  };
  return (
    <button
      type="button"
      class={`links-badge links-${summary().state}`}
      aria-label={name()}
      title={name()}
      onClick={() => command.run({ type: 'AppShowLinks', phoneId: phone().id })}
    >
      <span class="links-icon" aria-hidden="true">
        <Icon name="building" />
        {/* The help page's icons: a closed padlock when every organization (so the PIN) is blocked; an open one when
            the PIN and one or more organizations are unblocked while others are still blocked (R-UBC-5). */}
        <Show when={summary().state === 'all-blocked' || summary().state === 'partly-unblocked'}>
          <span class="links-lock"><Icon name={summary().state === 'all-blocked' ? 'padlock' : 'padlock-open'} /></span>
        </Show>
      </span>
      <span class="links-count" aria-hidden="true">{t().phone.linksBadgeShort(summary().linked, summary().blocked)}</span>
    </button>
  );
}
