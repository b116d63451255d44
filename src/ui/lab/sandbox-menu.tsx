// Switching, creating, resetting, exporting and importing sandboxes, from the lab bar.
import { createSignal, For, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';

/** Offers a text as a file download. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function SandboxMenu() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);
  const [creating, setCreating] = createSignal(false);
  const [name, setName] = createSignal('');
  let fileInput: HTMLInputElement | undefined;

  const report = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    }
  };

  const onImport = async (event: Event & { currentTarget: HTMLInputElement }) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    const result = await sandbox.importFile(await file.text());
    setMessage(result.ok ? { text: t().importDone(result.entries), error: false } : { text: t().importFailed(result.message), error: true });
  };

  return (
    <div class="sandbox-menu" role="group" aria-label={t().sandbox}>
      <label class="inline">
        <span>{t().sandbox}</span>
        <select aria-label={t().switchSandbox} value={sandbox.info().id} onChange={(event) => report(() => sandbox.switchTo(event.currentTarget.value))}>
          <For each={sandbox.sandboxes()}>{(row) => <option value={row.id}>{row.name}</option>}</For>
        </select>
      </label>
      <button type="button" onClick={() => setCreating(!creating())} aria-expanded={creating()}>
        {t().newSandbox}
      </button>
      <button
        type="button"
        onClick={() => {
          if (confirm(t().resetConfirm)) void report(() => sandbox.reset());
        }}
      >
        {t().reset}
      </button>
      <button type="button" onClick={() => report(async () => { const file = await sandbox.exportFile(); download(file.fileName, file.text); })}>
        {t().export}
      </button>
      <button type="button" onClick={() => fileInput?.click()}>{t().import}</button>
      <button
        type="button"
        onClick={() => {
          const next = prompt(t().renamePrompt, sandbox.info().name);
          if (next !== null) void report(() => sandbox.rename(sandbox.info().id, next));
        }}
      >
        {t().rename}
      </button>
      <button
        type="button"
        class="danger"
        onClick={() => {
          if (confirm(t().deleteConfirm(sandbox.info().name))) void report(() => sandbox.remove(sandbox.info().id));
        }}
      >
        {t().deleteSandbox}
      </button>
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
      <Show when={message()}>
        {(shown) => (
          <p class={shown().error ? 'error' : 'note'} role={shown().error ? 'alert' : 'status'}>
            {shown().text}
          </p>
        )}
      </Show>
    </div>
  );
}
