// The lab bar above the three screens: the server clock, the phones' network and clocks, sandboxes, world editing, language.
import { createEffect, createSignal, lazy, on, Show } from 'solid-js';
import { ClockControls } from './clock-controls';
import { IntegrityBanner } from './integrity-banner';
import { HistoryControls } from './history-controls';
import { presenter, PresenterEffects, focusFirst } from './presenter';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { currentRecording, storeRecording } from '../recorder/recording-store';
import { UpdatePrompt, OfflineNote, usePwa } from './update-prompt';

/** The tools behind the Phones and Sandbox popovers and the Edit world dialog: one chunk, loaded the first time one opens. */
const tools = () => import('./lab-tools');
const PhonesPanel = lazy(async () => ({ default: (await tools()).PhonesPanel }));
const SandboxMenu = lazy(async () => ({ default: (await tools()).SandboxMenu }));
const WorldEditor = lazy(async () => ({ default: (await tools()).WorldEditor }));
const WorldLists = lazy(async () => ({ default: (await tools()).WorldLists }));

/** Loaded the first time the Scenarios dialog opens, with the scenario code it needs. */
const ScenarioDialog = lazy(async () => ({ default: (await import('./scenario-dialog')).ScenarioDialog }));
/** Loaded the first time the Timeline opens (replay, inspector, fork from here). */
const TimelinePanel = lazy(() => import('../timeline/timeline-panel'));
/** Loaded the first time Training opens (the case list, the caller, goals and results). */
const TrainingPanel = lazy(() => import('../training/training-panel'));
/** Loaded the first time Record is pressed (or a recorded sandbox opens). */
const RecorderPanel = lazy(() => import('../recorder/recorder-panel'));

/** Escape in an open popover closes it and gives focus back to its button (a <details> does neither by itself). */
function closePopover(event: KeyboardEvent) {
  if (event.key !== 'Escape' || !(event.target instanceof Element)) return;
  const open = event.target.closest('details.popover[open]');
  if (!(open instanceof HTMLDetailsElement)) return;
  event.preventDefault();
  open.open = false;
  open.querySelector('summary')?.focus();
}

export function LabBar() {
  const sandbox = useSandbox();
  const { t, lang, setLang } = useI18n();
  let dialog: HTMLDialogElement | undefined;
  let scenarios: HTMLDialogElement | undefined;
  const [scenariosOpen, setScenariosOpen] = createSignal(false);
  /** Which tools were opened once: their contents are mounted from then on (and keep what was typed in them). */
  const [opened, setOpened] = createSignal<ReadonlySet<'phones' | 'sandbox' | 'world'>>(new Set());
  const markOpened = (tool: 'phones' | 'sandbox' | 'world') => { if (!opened().has(tool)) setOpened(new Set([...opened(), tool])); };
  const [timelineOpen, setTimelineOpen] = createSignal(false);
  const [trainingOpen, setTrainingOpen] = createSignal(false);
  /** A case in progress keeps the Training panel open: it holds the caller and guards the caller's phone. */
  const [caseRunning, setCaseRunning] = createSignal(false);
  const pwa = usePwa();
  const [recorderOpen, setRecorderOpen] = createSignal(false);
  /** Record was pressed: the recorder starts a recording as soon as it is loaded. */
  const [recordStart, setRecordStart] = createSignal(false);
  const recording = () => currentRecording(sandbox.info().id);
  const stopRecording = () => {
    const now = recording();
    if (now) storeRecording({ ...now, active: false });
  };
  // A sandbox with a case in progress opens with its Training panel (after a reload, in another tab, on a switch).
  createEffect(on(() => sandbox.info().id, (id) => {
    void sandbox.db.trainings.where('sandboxId').equals(id).first().then((row) => {
      if (row && row.finishedAt === null && sandbox.info().id === id) setTrainingOpen(true);
    });
    if (currentRecording(id)) setRecorderOpen(true);
  }));
  return (
    <>
    <PresenterEffects />
    <section class="lab" aria-label={t().lab} hidden={presenter.labHidden()} onKeyDown={closePopover}>
      <div class="lab-row">
        <h1 class="brand">{t().appTitle}</h1>
        <OfflineNote pwa={pwa} />
        <ClockControls />
        <div class="lab-tools">
          <HistoryControls />
          <details class="popover" onToggle={(event) => { if (event.currentTarget.open) markOpened('phones'); }}>
            <summary>{t().phones}</summary>
            <div class="popover-body"><Show when={opened().has('phones')}><PhonesPanel /></Show></div>
          </details>
          <details class="popover" onToggle={(event) => { if (event.currentTarget.open) markOpened('sandbox'); }}>
            <summary>{t().sandbox}</summary>
            <div class="popover-body"><Show when={opened().has('sandbox')}><SandboxMenu /></Show></div>
          </details>
          <button type="button" onClick={() => { setScenariosOpen(true); scenarios?.showModal(); }}>{t().scenarios.open}</button>
          <button type="button" onClick={() => { markOpened('world'); dialog?.showModal(); }}>{t().editWorld}</button>
          <button type="button" aria-pressed={trainingOpen()} aria-disabled={trainingOpen() && caseRunning()} title={trainingOpen() && caseRunning() ? t().training.inProgress : undefined} onClick={() => { if (!(trainingOpen() && caseRunning())) setTrainingOpen(!trainingOpen()); }}>{t().training.open}</button>
          {/* One button for Record and Stop recording, so keyboard focus stays on it when it is pressed. */}
          <button
            type="button"
            class="rec-button"
            classList={{ live: recording()?.active === true }}
            onClick={() => {
              if (recording()?.active) return stopRecording();
              setRecordStart(true);
              setRecorderOpen(true);
            }}
          >
            {recording()?.active ? t().training.recorder.stop : t().training.recorder.record}
          </button>
          <button type="button" aria-pressed={timelineOpen()} onClick={() => { if (timelineOpen()) void sandbox.replayTo(null); setTimelineOpen(!timelineOpen()); }}>{t().timeline.open}</button>
          <button type="button" aria-pressed={presenter.on()} onClick={() => presenter.toggle()}>{t().history.presenterView}</button>
          <Show when={presenter.on()}>
            <button type="button" class="presenter-hide" onClick={() => { presenter.setLabHidden(true); focusFirst('.presenter-strip .presenter-show'); }}>{t().history.hideLab}</button>
            <span class="presenter-key">{t().history.nextStepKey}</span>
          </Show>
          <label class="inline">
            <span class="visually-hidden">{t().language}</span>
            <select aria-label={t().language} value={lang()} onChange={(e) => setLang(e.currentTarget.value === 'nb' ? 'nb' : 'en')}>
              <option value="en" aria-label="English">EN</option>
              <option value="nb" aria-label="Norsk">NB</option>
            </select>
          </label>
        </div>
      </div>
      <IntegrityBanner />
      <UpdatePrompt pwa={pwa} caseRunning={caseRunning()} recording={recording()?.active === true} />
      <dialog ref={dialog} class="editor-dialog" aria-label={t().editWorld}>
        <div class="dialog-head">
          <h2>{t().editWorld}</h2>
          <button type="button" onClick={() => dialog?.close()}>{t().close}</button>
        </div>
        <p class="note">{t().ids}</p>
        <Show when={opened().has('world')}>
          <WorldEditor />
          <WorldLists />
        </Show>
      </dialog>
      <dialog ref={scenarios} class="editor-dialog" aria-label={t().scenarios.title} onClose={() => setScenariosOpen(false)}>
        <div class="dialog-head">
          <h2>{t().scenarios.title}</h2>
          <button type="button" onClick={() => scenarios?.close()}>{t().close}</button>
        </div>
        {/* The list (and the scenario code) loads the first time the dialog opens. */}
        <Show when={scenariosOpen()}>
          <ScenarioDialog onOpened={() => scenarios?.close()} />
        </Show>
      </dialog>
    </section>
    {/* The recorder records while shown: a recording in progress keeps it; a stopped one offers saving until closed. */}
    <Show when={recorderOpen() || recording()?.active}>
      <RecorderPanel start={recordStart()} onStarted={() => setRecordStart(false)} onClose={() => setRecorderOpen(false)} />
    </Show>
    <Show when={trainingOpen()}>
      <TrainingPanel onClose={() => setTrainingOpen(false)} onRunning={setCaseRunning} />
    </Show>
    <Show when={timelineOpen()}>
      <TimelinePanel onClose={() => setTimelineOpen(false)} />
    </Show>
    </>
  );
}
