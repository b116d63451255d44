// The padlock line above a code: red when the code came from the server, grey in Offline Mode.
import { Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { Icon } from './icon';

export function PadlockLine(props: { offline: boolean }) {
  const { t } = useI18n();
  const label = () => (props.offline ? t().phone.offlineMode : t().phone.onlineLine);
  return (
    <div class="padlock-line" classList={{ 'padlock-offline': props.offline }} role="img" aria-label={label()}>
      <span class="padlock-rule" />
      <Icon name="padlock" />
      <Show when={props.offline}>
        <span class="padlock-label" aria-hidden="true">{label()}</span>
      </Show>
      <span class="padlock-rule" />
    </div>
  );
}
