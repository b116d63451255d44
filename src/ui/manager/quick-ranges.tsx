// Quick time ranges for the event log, computed from the server clock (R-CLK-1), never the computer's.
import { For } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { QUICK_RANGES, quickRange } from './time-range';

export function QuickRanges(props: { onPick: (range: { from: number | null; to: number | null }) => void }) {
  const { t } = useI18n();
  const sandbox = useSandbox();
  return (
    <div class="mgr-quick" role="group" aria-label={t().manager.quickRanges}>
      <For each={QUICK_RANGES}>
        {(range) => (
          <button type="button" class="mgr-chip-button" onClick={() => props.onPick(quickRange(range, sandbox.now()))}>
            {t().manager.quick[range]}
          </button>
        )}
      </For>
      <button type="button" class="mgr-chip-button" onClick={() => props.onPick({ from: null, to: null })}>
        {t().manager.allTime}
      </button>
    </div>
  );
}
