// The Timeline region (loaded on first use): the banner, the controls, the filters and legend, the marks, and the inspector of the moment shown.
import { Show } from 'solid-js';
import { createTimeline } from './create-timeline';
import { TimelineControls } from './timeline-controls';
import { TimelineFilters } from './timeline-filters';
import { TimelineCanvas } from './timeline-canvas';
import { Inspector } from './inspector';
import { ReplayBanner } from './replay-banner';
import { Narration } from './narration';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { focusWhenDrawn } from '../common/focus-when-drawn';
import './timeline.css';

/** Keys that belong to the control in focus: typing, choosing, sliding or pressing a button. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return key === ' ' || (target as HTMLInputElement).type !== 'checkbox'; // every input is an HTMLInputElement
  return key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY');
}

export default function TimelinePanel(props: { onClose: () => void }) {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const model = createTimeline();
  let region: HTMLElement | undefined;
  const back = () => {
    model.setPlaying(false);
    void sandbox.replayTo(null);
  };
  /** Back to now from a button that then goes away or is disabled: focus moves to the slider, not to the page. */
  const backToNow = () => {
    back();
    if (region) focusWhenDrawn(region, 'input[type="range"]');
  };
  const onKey = (event: KeyboardEvent) => {
    if (ownsKey(event.target, event.key)) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      model.setPlaying(false);
      model.step(event.key === 'ArrowRight' ? 1 : -1);
    } else if (event.key === ' ') {
      event.preventDefault();
      if (!model.playing() && model.position() >= model.total()) model.goTo(1);
      model.setPlaying(!model.playing());
    }
  };
  return (
    <section class="timeline" ref={region} role="region" aria-label={t().timeline.region} onKeyDown={onKey}>
      <div class="tl-head">
        <h2>{t().timeline.region}</h2>
        <ReplayBanner onBack={backToNow} />
        <button type="button" class="tl-close" onClick={() => { back(); props.onClose(); }}>{t().timeline.close}</button>
      </div>
      <Show when={!model.loading()} fallback={<p role="status">{t().timeline.loading}</p>}>
        <TimelineControls model={model} onBack={backToNow} />
        <TimelineFilters model={model} />
        <div class="tl-body">
          <div class="tl-marks" tabindex="0" aria-label={t().timeline.marks} role="group">
            <TimelineCanvas model={model} />
            <Narration model={model} />
          </div>
          <Inspector model={model} />
        </div>
      </Show>
    </section>
  );
}
