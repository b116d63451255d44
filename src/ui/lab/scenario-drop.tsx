// A scenario that arrives without the Scenarios dialog: a .scenario.json or .feature file dropped anywhere on the page,
// or a link whose fragment carries it (#scenario=…, which never leaves the browser). Either opens it as a new sandbox,
// exactly as the dialog's file button does, and says how that went; a bad file or link changes nothing.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import type { UiText } from '../../i18n/ui-text';
import type { OpenResult } from '../../scenario/open-in-sandbox';
import { isScenarioFragment } from '../../scenario/scenario-fragment';
import './scenario-drop.css';

/** The same limit as the Scenarios dialog's file button. */
const MAX_FILE_MB = 2;
/** Without a dragover for this long the drag has left the page (or was cancelled): the overlay goes. */
const DRAG_IDLE_MS = 400;

type Source = { kind: 'file'; name: string } | { kind: 'link' };

/** What the page says after a drop or a link. Words are looked up when shown, so a language switch changes them too. */
type Outcome =
  | { kind: 'busy'; source: Source; name: string }
  | { kind: 'opened'; source: Source; result: Extract<OpenResult, { ok: true }> }
  | { kind: 'refused'; source: Source; lines: (t: UiText) => string[] };

function isScenarioFile(name: string): boolean {
  return /\.(json|feature)$/i.test(name);
}

/** Whether a drag carries files (not text or a link dragged from the page). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function ScenarioDrop() {
  const sandbox = useSandbox();
  const { t, lang } = useI18n();
  const [dragging, setDragging] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  const busy = () => outcome()?.kind === 'busy';
  let idle: ReturnType<typeof setTimeout> | undefined;

  const open = async (source: Source, fileName: string, text: string) => {
    setOutcome({ kind: 'busy', source, name: source.kind === 'file' ? source.name : fileName });
    try {
      const result = await sandbox.openScenario(fileName, text, lang());
      if (result.ok) setOutcome({ kind: 'opened', source, result });
      else setOutcome({ kind: 'refused', source, lines: () => result.errors });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setOutcome({ kind: 'refused', source, lines: () => [`${fileName}: ${message}`] });
    }
  };

  const refuse = (source: Source, lines: (words: UiText) => string[]) => setOutcome({ kind: 'refused', source, lines });

  const onDrop = async (files: FileList) => {
    const file = files[0];
    if (!file) return;
    const source: Source = { kind: 'file', name: file.name };
    if (files.length > 1) return refuse(source, (words) => [words.links.oneFileOnly(files.length)]);
    if (!isScenarioFile(file.name)) return refuse(source, (words) => [words.links.notScenarioFile(file.name)]);
    if (file.size > MAX_FILE_MB * 1_000_000) return refuse(source, (words) => [`${file.name}: ${words.scenarios.tooLarge(MAX_FILE_MB)}`]);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse(source, (words) => [words.links.unreadable(file.name)]);
    }
    await open(source, file.name, text);
  };

  /** Opens the scenario a link's fragment carries, once: the fragment leaves the address bar first, so a reload does not open it again. */
  const fromLink = async () => {
    const hash = location.hash;
    if (!isScenarioFragment(hash)) return;
    history.replaceState(history.state, '', location.pathname + location.search);
    const source: Source = { kind: 'link' };
    // The decoding loads only when a link carries a scenario.
    const { decodeScenarioLink, scenarioLinkFileName } = await import('../../scenario/scenario-link');
    const decoded = await decodeScenarioLink(hash);
    if (!decoded.ok) return refuse(source, (words) => [words.links.linkErrors[decoded.error.kind]]);
    await open(source, scenarioLinkFileName(decoded.text), decoded.text);
  };

  const stopDragging = () => {
    clearTimeout(idle);
    setDragging(false);
  };
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    // Without this the browser would open the dropped file in place of the sandbox.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = busy() ? 'none' : 'copy';
    if (busy()) return;
    setDragging(true);
    clearTimeout(idle);
    idle = setTimeout(stopDragging, DRAG_IDLE_MS);
  };
  const onDragLeave = (event: DragEvent) => {
    // relatedTarget is null only when the drag leaves the window.
    if (event.relatedTarget === null) stopDragging();
  };
  const onDropEvent = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    stopDragging();
    const files = event.dataTransfer?.files;
    if (files && files.length > 0 && !busy()) void onDrop(files);
  };
  const onHashChange = () => void fromLink();

  onMount(() => {
    window.addEventListener('dragenter', onDragOver);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDropEvent);
    window.addEventListener('hashchange', onHashChange);
    void fromLink();
  });
  onCleanup(() => {
    clearTimeout(idle);
    window.removeEventListener('dragenter', onDragOver);
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('dragleave', onDragLeave);
    window.removeEventListener('drop', onDropEvent);
    window.removeEventListener('hashchange', onHashChange);
  });

  const heading = (source: Source) => (source.kind === 'file' ? t().links.fromFile(source.name) : t().links.fromLink);

  return (
    <>
      <Show when={dragging()}>
        <div class="scenario-drop-overlay" data-testid="scenario-drop-overlay">
          <div class="scenario-drop-target">
            <p class="scenario-drop-title">{t().links.dropHere}</p>
            <p>{t().links.dropHint}</p>
          </div>
        </div>
      </Show>
      <Show when={outcome()} keyed>
        {(now) => {
          const close = <button type="button" class="scenario-drop-dismiss" onClick={() => setOutcome(null)}>{t().links.dismiss}</button>;
          if (now.kind === 'busy') {
            return (
              <section class="scenario-drop-outcome" aria-label={heading(now.source)}>
                <p role="status">{t().scenarios.running(now.name)}</p>
              </section>
            );
          }
          if (now.kind === 'refused') {
            return (
              <section class="scenario-drop-outcome refused" aria-label={heading(now.source)}>
                <div role="alert">
                  <h2>{t().scenarios.refused}</h2>
                  <p class="scenario-drop-source">{heading(now.source)}</p>
                  <ul><For each={now.lines(t())}>{(line) => <li>{line}</li>}</For></ul>
                  <p>{t().scenarios.nothingStored}</p>
                </div>
                {close}
              </section>
            );
          }
          const result = now.result;
          const title = () => result.loaded.scenario.title[lang()];
          const problem = result.run.steps.find((step) => step.status === 'failed' || step.status === 'error');
          const details = () => (problem ? (problem.error ? [problem.error] : problem.checks.filter((check) => !check.pass).map((check) => t().scenarios.checkFailed(check.name, check.expected, check.actual))) : []);
          return (
            <section class={`scenario-drop-outcome ${problem ? 'stopped' : 'opened'}`} aria-label={heading(now.source)}>
              <div role={problem ? 'alert' : 'status'}>
                <p class="scenario-drop-source">{heading(now.source)}</p>
                <p>{problem ? t().scenarios.stopped(title(), problem.index + 1, problem.step.action) : t().scenarios.passed(title(), result.run.steps.length)}</p>
                <Show when={details().length > 0}><ul><For each={details()}>{(line) => <li>{line}</li>}</For></ul></Show>
                <Show when={result.others > 0}><p>{t().scenarios.others(result.others)}</p></Show>
                <Show when={now.source.kind === 'link'}><p class="scenario-drop-private">{t().links.linkNothingSent}</p></Show>
              </div>
              {close}
            </section>
          );
        }}
      </Show>
    </>
  );
}
