// The line above a code, as on the help page's screens: green with a closed padlock for a valid code from the server, grey in Offline Mode; always with words.
import { useI18n } from '../i18n/i18n-provider';
import { Icon } from './icon';

export function PadlockLine(props: { kind: 'online' | 'offline' }) {
  const { t } = useI18n();
  const label = () => (props.kind === 'offline' ? t().phone.offlineMode : t().phone.onlineLine);
  return (
    <div class={`padlock-line padlock-${props.kind}`} role="img" aria-label={label()}>
      <span class="padlock-rule" />
      <Icon name="padlock" />
      <span class="padlock-label" aria-hidden="true">{label()}</span>
      <span class="padlock-rule" />
    </div>
  );
}
