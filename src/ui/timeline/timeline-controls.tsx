// Play, pause, step, the position slider, the speed, back to now and fork from here.
import { Show, For, createSignal } from 'solid-js';
import type { TimelineModel } from './create-timeline';
import { SPEEDS } from './create-timeline';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { ErrorAlert } from '../common/error-alert';
import { formatDateTime } from '../../i18n/format';

/** `onBack`: back to the present (the panel also moves focus, as both Back to now buttons go away or are disabled). */
export function TimelineControls(props: { model: TimelineModel; onBack: () => void }) {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const [forking, setForking] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const fork = async () => {
    setForking(true);
    setError(null);
    try {
      const seq = props.model.position();
      await sandbox.fork(seq, t().timeline.forkName(sandbox.info().name, seq));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setForking(false);
    }
  };
  return (
    <div class="tl-controls">
      <Show
        when={props.model.playing()}
        fallback={<button type="button" onClick={() => { if (props.model.position() >= props.model.total()) props.model.goTo(1); props.model.setPlaying(true); }}>▶ {t().timeline.play}</button>}
      >
        <button type="button" onClick={() => props.model.setPlaying(false)}>❚❚ {t().timeline.pause}</button>
      </Show>
      <button type="button" onClick={() => props.model.step(-1)} disabled={props.model.position() <= 1}>◀ {t().timeline.stepBack}</button>
      <button type="button" onClick={() => props.model.step(1)} disabled={props.model.position() >= props.model.total()}>{t().timeline.stepForward} ▶</button>
      <label class="tl-slider">
        <input
          type="range"
          aria-label={t().timeline.position}
          min={1}
          max={Math.max(1, props.model.total())}
          step={1}
          value={props.model.position()}
          aria-valuetext={t().timeline.entry(props.model.position(), formatDateTime(props.model.entries()[props.model.position() - 1]?.at ?? sandbox.now()))}
          onInput={(e) => props.model.goTo(Number(e.currentTarget.value))}
        />
      </label>
      <label class="inline">
        <span>{t().timeline.speed}</span>
        <select value={props.model.speed()} onChange={(e) => props.model.setSpeed(Number(e.currentTarget.value))}>
          <For each={SPEEDS}>{(n) => <option value={n}>{t().timeline.perSecond(n)}</option>}</For>
        </select>
      </label>
      <button type="button" onClick={() => props.onBack()} disabled={!sandbox.replay()}>{t().timeline.backToNow}</button>
      <button type="button" onClick={() => void fork()} disabled={forking() || props.model.total() === 0}>{t().timeline.fork}</button>
      <ErrorAlert message={error()} />
    </div>
  );
}
