// The banner over every screen while the past is shown: which step of how many, and when, with Back to now.
import { Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { formatDateTime } from '../../i18n/format';

export function ReplayBanner(props: { onBack: () => void }) {
  const sandbox = useSandbox();
  const { t } = useI18n();
  return (
    <Show when={sandbox.replay()} fallback={<p class="tl-live" role="status">{t().timeline.live(sandbox.seq())}</p>}>
      {(past) => (
        <div class="replay-banner" role="status">
          <span>{t().timeline.replaying(past().seq, past().total, formatDateTime(past().at))}</span>
          <button type="button" onClick={() => props.onBack()}>{t().timeline.backToNow}</button>
        </div>
      )}
    </Show>
  );
}
