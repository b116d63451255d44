// Starting a training case: the trainee's name (remembered), a case from the library (or a file) with its briefing, Start case.
import { createResource, createSignal, For, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { startTraining, traineeName, MAX_TRAINEE_NAME } from '../../scenario/training-store';
import { libraryFiles } from '../../scenario/library-files';
import { parseScenarioFile } from '../../scenario/gherkin';
import { libraryRank } from '../../scenario/library-order';
import type { LoadedScenario } from '../../scenario/load';
import { rememberAdmin } from '../manager/remembered-admin';
import { showPhone } from '../phone/shown-phone';

const NAME_KEY = 'code-sandbox:trainee';
const MAX_FILE_BYTES = 2_000_000;

interface TrainingCase {
  fileName: string;
  text: string;
  loaded: LoadedScenario;
}

function casesIn(fileName: string, text: string): TrainingCase[] {
  const parsed = parseScenarioFile(fileName, text);
  return parsed.ok ? parsed.scenarios.filter((loaded) => loaded.scenario.training).map((loaded) => ({ fileName, text, loaded })) : [];
}

async function libraryCases(): Promise<TrainingCase[]> {
  const cases = (await libraryFiles()).filter((file) => file.name.endsWith('.json')).flatMap((file) => casesIn(file.name, file.text));
  return cases.sort((a, b) => libraryRank(a.loaded.id) - libraryRank(b.loaded.id));
}

function storedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function StartCase(props: { onStarted: () => void }) {
  const sandbox = useSandbox();
  const { t, lang } = useI18n();
  const [library] = createResource(libraryCases);
  const [fromFile, setFromFile] = createSignal<TrainingCase[]>([]);
  const [picked, setPicked] = createSignal<TrainingCase | null>(null);
  const [name, setName] = createSignal(storedName());
  const [errors, setErrors] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);
  let fileInput: HTMLInputElement | undefined;
  const cases = () => [...fromFile(), ...(library() ?? [])];
  const chosen = () => picked() ?? cases()[0] ?? null;

  const onFile = async (event: Event & { currentTarget: HTMLInputElement }) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setErrors([`${file.name}: ${t().scenarios.tooLarge(2)}`]);
    const text = await file.text();
    const found = casesIn(file.name, text);
    if (!found.length) {
      const parsed = parseScenarioFile(file.name, text);
      return setErrors(parsed.ok ? [`${file.name}: ${t().training.noCases}`] : parsed.errors);
    }
    setErrors([]);
    setFromFile(found);
    setPicked(found[0] ?? null);
  };

  const start = async (event: Event) => {
    event.preventDefault();
    const trainee = traineeName(name());
    if (trainee === null) return setErrors([name().trim() ? t().training.nameTooLong(MAX_TRAINEE_NAME) : t().training.nameNeeded]);
    const item = chosen();
    if (!item) return;
    setBusy(true);
    setErrors([]);
    try {
      const result = await startTraining(sandbox.db, { fileName: item.fileName, text: item.text, caseId: item.loaded.id, trainee });
      if (!result.ok) return setErrors(result.errors);
      try {
        localStorage.setItem(NAME_KEY, trainee);
      } catch {
        // storage refused: the name is asked again next time
      }
      rememberAdmin(result.sandboxId, result.adminId);
      await sandbox.switchTo(result.sandboxId);
      // The Code app pane shows the caller's phone: what the caller sees, in the caller's hands.
      showPhone(result.callerPhoneId);
      props.onStarted();
    } catch (error) {
      setErrors([error instanceof Error ? error.message : String(error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="tr-start" onSubmit={start} aria-busy={busy()}>
      <label class="tr-name">
        <span>{t().training.yourName}</span>
        <input value={name()} maxLength={MAX_TRAINEE_NAME + 20} autocomplete="name" required aria-invalid={errors().length > 0 && traineeName(name()) === null} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset class="tr-cases">
        <legend>{t().training.pickCase}</legend>
        <Show when={!library.loading} fallback={<p class="muted">{t().scenarios.loading}</p>}>
          <Show when={cases().length} fallback={<p class="muted">{t().training.noCases}</p>}>
            <For each={cases()}>
              {(item) => (
                <label class="tr-case">
                  <input type="radio" name="training-case" checked={chosen() === item} onChange={() => setPicked(item)} />
                  <span>
                    <strong>{item.loaded.scenario.title[lang()]}</strong>
                    <Show when={item.loaded.scenario.briefing}>{(briefing) => <span class="tr-quote">“{briefing()[lang()]}”</span>}</Show>
                  </span>
                </label>
              )}
            </For>
          </Show>
        </Show>
      </fieldset>
      <div class="tr-actions">
        <button type="submit" class="primary" disabled={busy() || !chosen()}>{t().training.start}</button>
        <button type="button" onClick={() => fileInput?.click()}>{t().training.fromFile}</button>
        <input ref={fileInput} type="file" accept=".json,.feature,application/json,text/plain" class="visually-hidden" tabindex="-1" aria-hidden="true" onChange={onFile} data-testid="training-file" />
        <Show when={busy()}><span role="status">{t().training.starting}</span></Show>
      </div>
      <Show when={errors().length}>
        <div class="error banner" role="alert">
          <strong>{t().training.startFailed}</strong>
          <ul><For each={errors()}>{(line) => <li>{line}</li>}</For></ul>
        </div>
      </Show>
    </form>
  );
}
