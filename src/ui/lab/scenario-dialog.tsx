// Opening a scenario as a new sandbox: a built-in case from the library, or a .scenario.json / .feature file.
import { createResource, createSignal, For, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import type { OpenResult } from '../../scenario/open-in-sandbox';
import type { LoadedScenario } from '../../scenario/load';
import { libraryRank } from '../../scenario/library-order';

const MAX_FILE_MB = 2;

/** A built-in case: its file and what the file says about it. */
interface LibraryCase {
  fileName: string;
  text: string;
  loaded: LoadedScenario;
}

/** The built-in cases, parsed (the scenario code and the library load on first use). */
async function loadLibrary(): Promise<LibraryCase[]> {
  const [{ libraryFiles }, { parseScenarioFile }] = await Promise.all([import('../../scenario/library-files'), import('../../scenario/gherkin')]);
  const cases: LibraryCase[] = [];
  for (const file of await libraryFiles()) {
    const parsed = parseScenarioFile(file.name, file.text);
    // The library is checked by its own test; a file that does not parse is left out rather than breaking the list.
    if (parsed.ok) for (const loaded of parsed.scenarios) cases.push({ fileName: file.name, text: file.text, loaded });
  }
  // A case written both as JSON and as Gherkin is listed once, as JSON (its title and text are in both languages).
  const json = new Set(cases.filter((c) => c.fileName.endsWith('.json')).map((c) => c.loaded.id));
  const listed = cases.filter((c) => c.fileName.endsWith('.json') || !json.has(c.loaded.id));
  return listed.sort((a, b) => libraryRank(a.loaded.id) - libraryRank(b.loaded.id) || a.loaded.id.localeCompare(b.loaded.id));
}

type Shown = { kind: 'busy'; name: string; demo?: boolean } | { kind: 'done'; result: OpenResult; fileName: string } | { kind: 'error'; fileName: string; text: string };

export function ScenarioDialog(props: { onOpened: () => void }) {
  const sandbox = useSandbox();
  const { t, lang } = useI18n();
  const [library] = createResource(loadLibrary);
  const [shown, setShown] = createSignal<Shown | null>(null);
  let fileInput: HTMLInputElement | undefined;
  let demoInput: HTMLInputElement | undefined;

  const openText = async (fileName: string, text: string, pick?: string) => {
    setShown({ kind: 'busy', name: fileName });
    try {
      const result = await sandbox.openScenario(fileName, text, lang(), pick);
      setShown({ kind: 'done', result, fileName });
      if (result.ok && result.run.status === 'passed') props.onOpened();
    } catch (error) {
      setShown({ kind: 'error', fileName, text: error instanceof Error ? error.message : String(error) });
    }
  };

  /** Plays the scenario as a demo on a new sandbox holding its world (the player loads with it). */
  const playText = async (fileName: string, text: string, pick?: string) => {
    setShown({ kind: 'busy', name: fileName, demo: true });
    try {
      const { startDemo } = await import('../demo/start-demo');
      const result = await startDemo(sandbox, fileName, text, pick === undefined ? { lang: lang() } : { lang: lang(), pick });
      if (result.ok) {
        setShown(null);
        props.onOpened();
      } else setShown({ kind: 'done', result, fileName });
    } catch (error) {
      setShown({ kind: 'error', fileName, text: error instanceof Error ? error.message : String(error) });
    }
  };

  const onFile = (play: typeof openText) => async (event: Event & { currentTarget: HTMLInputElement }) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_MB * 1_000_000) return setShown({ kind: 'error', fileName: file.name, text: t().scenarios.tooLarge(MAX_FILE_MB) });
    await play(file.name, await file.text());
  };

  const summary = (result: Extract<OpenResult, { ok: true }>) => {
    const title = result.loaded.scenario.title[lang()];
    const problem = result.run.steps.find((step) => step.status === 'failed' || step.status === 'error');
    if (!problem) return { text: t().scenarios.passed(title, result.run.steps.length), details: [] as string[] };
    const details = problem.error ? [problem.error] : problem.checks.filter((check) => !check.pass).map((check) => t().scenarios.checkFailed(check.name, check.expected, check.actual));
    return { text: t().scenarios.stopped(title, problem.index + 1, problem.step.action), details };
  };

  return (
    <div class="scenario-dialog">
      <p class="muted">{t().scenarios.intro}</p>
      <div class="scenario-file">
        <button type="button" onClick={() => fileInput?.click()} disabled={shown()?.kind === 'busy'}>{t().scenarios.fromFile}</button>
        <button type="button" onClick={() => demoInput?.click()} disabled={shown()?.kind === 'busy'}>{t().demo.playFile}</button>
        <span class="muted">{t().scenarios.fileHint}</span>
        <input ref={fileInput} type="file" accept=".json,.feature,application/json,text/plain" class="visually-hidden" tabindex="-1" aria-hidden="true" onChange={onFile(openText)} data-testid="scenario-file" />
        <input ref={demoInput} type="file" accept=".json,.feature,application/json,text/plain" class="visually-hidden" tabindex="-1" aria-hidden="true" onChange={onFile(playText)} data-testid="demo-file" />
      </div>
      <Show when={shown()} keyed>
        {(now) => {
          if (now.kind === 'busy') return <p class="note" role="status">{now.demo ? t().demo.starting(now.name) : t().scenarios.running(now.name)}</p>;
          if (now.kind === 'error' || !now.result.ok) {
            const lines = now.kind === 'error' ? [`${now.fileName}: ${now.text}`] : (now.result as Extract<OpenResult, { ok: false }>).errors;
            return (
              <div class="error banner scenario-refused" role="alert">
                <strong>{t().scenarios.refused}</strong>
                <ul><For each={lines}>{(line) => <li>{line}</li>}</For></ul>
                <p class="muted">{t().scenarios.nothingStored}</p>
              </div>
            );
          }
          const result = now.result;
          const words = summary(result);
          return (
            <div class={words.details.length ? 'scenario-stopped' : 'note'} role="status">
              <p>{words.text}</p>
              <Show when={words.details.length}><ul><For each={words.details}>{(line) => <li>{line}</li>}</For></ul></Show>
              <Show when={result.others > 0}><p class="muted">{t().scenarios.others(result.others)}</p></Show>
            </div>
          );
        }}
      </Show>
      <h3>{t().scenarios.library}</h3>
      <Show when={!library.loading} fallback={<p class="muted">{t().scenarios.loading}</p>}>
        <ul class="scenario-list">
          <For each={library() ?? []}>
            {(item) => (
              <li>
                <div>
                  <strong>{item.loaded.scenario.title[lang()]}</strong>
                  <p>{item.loaded.scenario.description[lang()]}</p>
                  <p class="muted scenario-meta">
                    {t().scenarios.steps(item.loaded.scenario.steps.length)}
                    <Show when={item.loaded.scenario.rules?.length}>{` · ${t().scenarios.rules}: ${(item.loaded.scenario.rules ?? []).join(', ')}`}</Show>
                  </p>
                </div>
                <div class="scenario-actions">
                  <button type="button" class="primary" aria-label={t().scenarios.openCase(item.loaded.scenario.title[lang()])} disabled={shown()?.kind === 'busy'} onClick={() => openText(item.fileName, item.text, item.loaded.id)}>
                    {t().scenarios.openButton}
                  </button>
                  <button type="button" aria-label={t().demo.playCase(item.loaded.scenario.title[lang()])} disabled={shown()?.kind === 'busy'} onClick={() => playText(item.fileName, item.text, item.loaded.id)}>
                    {t().demo.playButton}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
