// The Recorder region (loaded on first use): a recording starts as a new sandbox with the default world and the clock
// paused; each command the screens send becomes a step in their words, with what they showed after it offered as an
// expectation; steps can be dropped or moved; saving verifies the journal and plays the file back headless first.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { currentRecording, storeRecording, dropRecording } from './recording-store';
import type { Recording } from './recording-store';
import { recordStep } from '../../scenario/record';
import { exportRecording } from '../../scenario/record-export';
import { createWorldSandbox } from '../../scenario/open-in-sandbox';
import { encodeScenarioLink } from '../../scenario/scenario-link';
import { newSeed } from '../../runtime/sandboxes';
import { describeFinding } from '../../i18n/describe-finding';
import { formatDateTime } from '../../i18n/format';
import { download } from '../common/download';
import './recorder.css';

export default function RecorderPanel(props: { start: boolean; onStarted: () => void; onClose: () => void }) {
  const sandbox = useSandbox();
  const { t, lang } = useI18n();
  const r = () => t().training.recorder;
  const recording = () => currentRecording(sandbox.info().id);
  const [status, setStatus] = createSignal<{ kind: 'note' | 'error' | 'busy'; text: string } | null>(null);
  const [link, setLink] = createSignal<string | null>(null);

  const update = (change: (recording: Recording) => Recording) => {
    const now = recording();
    if (!now) return;
    if (!storeRecording(change(now))) setStatus({ kind: 'error', text: r().notKept });
  };

  onMount(async () => {
    if (!props.start || recording()?.active) return props.onStarted();
    setStatus({ kind: 'busy', text: r().starting });
    try {
      const wall = Date.now();
      const title = r().recordingName(formatDateTime(wall).slice(0, 16));
      const seed = `recording-${newSeed().slice(0, 8)}`;
      const id = await createWorldSandbox(sandbox.db, { name: title, seed, wallNow: wall });
      storeRecording({ sandboxId: id, title, seed, startedAt: wall, active: true, edited: false, steps: [] });
      await sandbox.switchTo(id);
      setStatus(null);
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      props.onStarted();
    }
  });

  // Every command this tab runs on the recorded sandbox becomes a step (the journal is the truth: only what it took).
  onCleanup(
    sandbox.watch((command, result, before) => {
      const now = recording();
      if (!now?.active || !result.ok) return;
      const step = recordStep(command, before, sandbox.world(), sandbox.now(), result.entry, result.refusal);
      update((rec) => ({ ...rec, steps: [...rec.steps, step] }));
    }),
  );
  // The clock stays paused while recording: time a recording cannot say would make it play back differently.
  onCleanup(sandbox.addGuard((command) => (command.type === 'ResumeClock' && recording()?.active ? r().clockPaused : null)));

  const move = (index: number, by: number) =>
    update((rec) => {
      const steps = [...rec.steps];
      const [step] = steps.splice(index, 1);
      if (step) steps.splice(Math.max(0, Math.min(steps.length, index + by)), 0, step);
      return { ...rec, steps, edited: true };
    });
  const remove = (index: number) => update((rec) => ({ ...rec, steps: rec.steps.filter((_, i) => i !== index), edited: true }));
  const toggleExpect = (index: number) => update((rec) => ({ ...rec, steps: rec.steps.map((step, i) => (i === index ? { ...step, expected: !step.expected } : step)) }));

  /** The scenario file's text, verified and played back first; null (with the reason shown) when it cannot be exported. */
  const checkedFile = async (): Promise<{ name: string; text: string } | null> => {
    const rec = recording();
    if (!rec) return null;
    setStatus({ kind: 'busy', text: r().checking });
    const file = await exportRecording(sandbox.db, rec);
    if (!file.ok) {
      setStatus({ kind: 'error', text: file.why === 'empty' ? r().nothingToSave : r().notVerified(file.finding ? describeFinding(file.finding, t()) : '') });
      return null;
    }
    const { playback } = file;
    setStatus(playback.same ? { kind: 'note', text: r().playsBack(playback.entries) } : { kind: 'error', text: r().differs(playback.at, playback.why) });
    return { name: file.fileName, text: file.text };
  };

  const save = async () => {
    const file = await checkedFile();
    if (!file) return;
    download(file.name, file.text);
    const words = status();
    setStatus({ kind: words?.kind === 'error' ? 'error' : 'note', text: `${words?.text ?? ''} ${r().saved(file.name)}` });
  };

  const copyLink = async () => {
    const file = await checkedFile();
    if (!file) return;
    try {
      const url = `${location.origin}${location.pathname}${await encodeScenarioLink(file.text)}`;
      setLink(url);
      await navigator.clipboard.writeText(url);
      setStatus({ kind: 'note', text: r().linkCopied });
    } catch (error) {
      // The link is shown to copy by hand when the clipboard is refused; a file too large for a link says why.
      if (error instanceof RangeError) setStatus({ kind: 'error', text: error.message });
    }
  };

  return (
    <section class="recorder" role="region" aria-label={r().region}>
      <div class="rec-head">
        <h2>{r().region}</h2>
        <Show when={recording()}>
          {(rec) => (
            <>
              <span class="rec-state" classList={{ live: rec().active }}>{rec().active ? r().recording(rec().steps.length) : r().stopped(rec().steps.length)}</span>
              <label class="rec-title">
                <span>{r().title}</span>
                <input value={rec().title} maxLength={120} onChange={(e) => update((now) => ({ ...now, title: e.currentTarget.value }))} />
              </label>
            </>
          )}
        </Show>
        <button type="button" class="rec-close" disabled={recording()?.active === true} onClick={() => props.onClose()}>{r().close}</button>
      </div>
      <Show when={recording()} fallback={<p class="muted">{r().intro}</p>}>
        {(rec) => (
          <>
            <Show when={rec().active}><p class="muted">{r().intro}</p></Show>
            <Show when={rec().steps.length} fallback={<p class="muted">{r().none}</p>}>
              <ol class="rec-steps" tabindex="0" aria-label={r().region}>
                <For each={rec().steps}>
                  {(step, index) => (
                    <li>
                      <span class="rec-words">{step.words[lang()]}</span>
                      <code class="rec-action">{String(step.step.action)}</code>
                      <Show when={step.suggested.length}>
                        <button type="button" class="rec-expect" aria-pressed={step.expected} aria-label={r().expectFor(index() + 1)} onClick={() => toggleExpect(index())}>{r().expect}</button>
                      </Show>
                      <button type="button" aria-label={r().up(index() + 1)} disabled={index() === 0} onClick={() => move(index(), -1)}>↑</button>
                      <button type="button" aria-label={r().down(index() + 1)} disabled={index() === rec().steps.length - 1} onClick={() => move(index(), 1)}>↓</button>
                      <button type="button" aria-label={r().remove(index() + 1)} onClick={() => remove(index())}>✕</button>
                      <Show when={step.expected}>
                        <code class="rec-expectation">{step.suggested.map((e) => JSON.stringify(e)).join(' ')}</code>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
            <Show when={rec().edited}><p class="warn">{r().edited}</p></Show>
            <div class="rec-actions">
              <Show
                when={rec().active}
                fallback={
                  <>
                    <button type="button" class="primary" onClick={save} disabled={status()?.kind === 'busy'}>{r().save}</button>
                    <button type="button" onClick={copyLink} disabled={status()?.kind === 'busy'}>{r().copyLink}</button>
                    <button type="button" onClick={() => { dropRecording(rec().sandboxId); props.onClose(); }}>{r().discard}</button>
                  </>
                }
              >
                <button type="button" class="primary" onClick={() => update((now) => ({ ...now, active: false }))}>{r().stop}</button>
              </Show>
            </div>
            <Show when={link()}>
              {(url) => (
                <label class="rec-link">
                  <span>{r().linkLabel}</span>
                  <input readOnly value={url()} onFocus={(e) => e.currentTarget.select()} />
                </label>
              )}
            </Show>
          </>
        )}
      </Show>
      <Show when={status()}>
        {(now) => <p class={now().kind === 'error' ? 'error' : now().kind === 'note' ? 'note' : 'muted'} role={now().kind === 'error' ? 'alert' : 'status'}>{now().text}</p>}
      </Show>
    </section>
  );
}
