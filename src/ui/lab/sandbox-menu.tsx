// Switching, creating, resetting, exporting and importing sandboxes, from the lab bar.
import { createSignal, For, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { MAX_IMPORT_BYTES } from '../../runtime/journal-file';
import type { ImportResult } from '../../runtime/sandboxes';
import { download } from '../common/download';
import { CopyStateButton } from './copy-state';

const MIB = 1024 * 1024;

/** What the menu shows under its buttons. Words are looked up when shown, so a language switch changes them too. */
type Shown =
  | { kind: 'error'; text: string }
  | { kind: 'busy'; fileName: string }
  | { kind: 'imported'; result: Extract<ImportResult, { ok: true }> }
  /** An import that was refused or failed: the file's name and what is wrong; `nothingStored` when that is certain. */
  | { kind: 'import-refused'; fileName: string; detail: () => string; nothingStored: boolean };

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function SandboxMenu() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const [message, setMessage] = createSignal<Shown | null>(null);
  const [creating, setCreating] = createSignal(false);
  const [name, setName] = createSignal('');
  /** The action waiting for an in-page yes, or the rename field open. */
  const [asking, setAsking] = createSignal<'reset' | 'delete' | 'rename' | null>(null);
  const [newName, setNewName] = createSignal('');
  let fileInput: HTMLInputElement | undefined;

  const report = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  /**
   * Every way an import can go wrong reaches the screen as "<file name>: <what is wrong>": a file over the size
   * limit (checked before it is read), one that cannot be read, one the runtime refuses, and an unexpected failure.
   */
  const onImport = async (event: Event & { currentTarget: HTMLInputElement }) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const fileName = file.name;
    const refused = (detail: () => string, nothingStored = true) => setMessage({ kind: 'import-refused', fileName, detail, nothingStored });
    if (file.size > MAX_IMPORT_BYTES) return refused(() => t().importTooLarge(file.size, MAX_IMPORT_BYTES / MIB));
    setMessage({ kind: 'busy', fileName });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      const reason = errorText(error);
      return refused(() => t().importUnreadable(reason));
    }
    let result: ImportResult;
    try {
      result = await sandbox.importFile(text);
    } catch (error) {
      const reason = errorText(error);
      return refused(() => t().importBroke(reason), false); // it may have failed after storing: do not claim otherwise
    }
    if (!result.ok) {
      const reason = result.message;
      return refused(() => reason);
    }
    setMessage({ kind: 'imported', result });
  };

  const importedText = (result: Extract<ImportResult, { ok: true }>) =>
    result.version === 1 ? t().importUpgraded(result.entries, result.upgraded, result.dropped) : t().importDone(result.entries);

  return (
    <div class="sandbox-menu" role="group" aria-label={t().sandbox}>
      <label class="inline">
        <span>{t().sandbox}</span>
        <select aria-label={t().switchSandbox} value={sandbox.info().id} onChange={(event) => report(() => sandbox.switchTo(event.currentTarget.value))}>
          <For each={sandbox.sandboxes()}>{(row) => <option value={row.id} selected={row.id === sandbox.info().id}>{row.name}</option>}</For>
        </select>
      </label>
      <button type="button" onClick={() => setCreating(!creating())} aria-expanded={creating()}>
        {t().newSandbox}
      </button>
      <button type="button" onClick={() => report(async () => { const file = await sandbox.exportFile(); download(file.fileName, file.text); })}>
        {t().export}
      </button>
      <button type="button" onClick={() => fileInput?.click()} disabled={message()?.kind === 'busy'}>{t().import}</button>
      <button type="button" aria-expanded={asking() === 'rename'} onClick={() => { setNewName(sandbox.info().name); setAsking(asking() === 'rename' ? null : 'rename'); }}>
        {t().rename}
      </button>
      <CopyStateButton />
      <div class="danger-zone">
        <button type="button" class="danger" aria-expanded={asking() === 'reset'} onClick={() => setAsking(asking() === 'reset' ? null : 'reset')}>{t().reset}</button>
        <button type="button" class="danger" aria-expanded={asking() === 'delete'} onClick={() => setAsking(asking() === 'delete' ? null : 'delete')}>{t().deleteSandbox}</button>
      </div>
      <Show when={asking() === 'rename'}>
        <form
          class="inline"
          onSubmit={(event) => {
            event.preventDefault();
            void report(async () => {
              await sandbox.rename(sandbox.info().id, newName());
              setAsking(null);
            });
          }}
        >
          <label class="inline">
            <span>{t().history.renameLabel}</span>
            <input value={newName()} maxLength={60} required onInput={(event) => setNewName(event.currentTarget.value)} />
          </label>
          <button type="submit" class="primary">{t().rename}</button>
          <button type="button" onClick={() => setAsking(null)}>{t().history.cancel}</button>
        </form>
      </Show>
      <Show when={asking() === 'reset' || asking() === 'delete'}>
        <div class="confirm-box" role="alertdialog" aria-labelledby="sandbox-confirm-question">
          <p id="sandbox-confirm-question">
            {asking() === 'reset' ? t().history.resetQuestion(sandbox.info().name) : t().history.deleteQuestion(sandbox.info().name)}
          </p>
          <div class="confirm-buttons">
            <button
              type="button"
              class="danger-solid"
              onClick={() => {
                const what = asking();
                setAsking(null);
                void report(() => (what === 'reset' ? sandbox.reset() : sandbox.remove(sandbox.info().id)));
              }}
            >
              {asking() === 'reset' ? t().reset : t().deleteSandbox}
            </button>
            <button type="button" onClick={() => setAsking(null)}>{t().history.cancel}</button>
          </div>
        </div>
      </Show>
      <input ref={fileInput} type="file" accept=".json,application/json" class="visually-hidden" tabindex="-1" aria-hidden="true" onChange={onImport} data-testid="import-file" />
      <Show when={creating()}>
        <form
          class="inline"
          onSubmit={(event) => {
            event.preventDefault();
            void report(async () => {
              await sandbox.create(name());
              setName('');
              setCreating(false);
            });
          }}
        >
          <input aria-label={t().newSandboxName} value={name()} onInput={(event) => setName(event.currentTarget.value)} maxLength={60} required />
          <button type="submit" class="primary">{t().create}</button>
        </form>
      </Show>
      <Show when={message()} keyed>
        {(now) => {
          switch (now.kind) {
            case 'busy':
              return <p class="note" role="status">{t().importing(now.fileName)}</p>;
            case 'imported':
              return <p class="note" role="status">{importedText(now.result)}</p>;
            case 'import-refused':
              // "<file name>: <what is wrong>", then whether anything was stored; the runtime's message is English for now.
              return (
                <div class="error banner import-refused" role="alert">
                  <strong>{t().importRefused}</strong>
                  <p>
                    <span class="import-file">{now.fileName}</span>: {now.detail()}
                  </p>
                  <Show when={now.nothingStored}>
                    <p class="import-nothing">{t().importNothingStored}</p>
                  </Show>
                  <button type="button" onClick={() => setMessage(null)}>{t().close}</button>
                </div>
              );
            default:
              return <p class="error" role="alert">{now.text}</p>;
          }
        }}
      </Show>
    </div>
  );
}
