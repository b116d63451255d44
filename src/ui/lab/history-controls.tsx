// Undo the last action and save named points to come back to: both on the journal, a new sandbox from a point.
import { createSignal, For, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { formatDateTime } from '../../i18n/format';

export function HistoryControls() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const [error, setError] = createSignal<string | null>(null);
  const [note, setNote] = createSignal<string | null>(null);
  const [name, setName] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const act = async (work: () => Promise<void>, done: string | null = null) => {
    setError(null);
    setNote(null);
    setBusy(true);
    try {
      await work();
      setNote(done);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" title={t().history.undoHint} disabled={busy() || sandbox.seq() === 0} onClick={() => act(() => sandbox.undo())}>
        {t().history.undo}
      </button>
      <details class="popover">
        <summary>{t().history.savePoint}</summary>
        <div class="popover-body history-points">
          <form
            class="inline"
            onSubmit={(event) => {
              event.preventDefault();
              const wanted = name();
              void act(async () => {
                await sandbox.savePoint(wanted);
                setName('');
              }, t().history.pointSaved(wanted.trim()));
            }}
          >
            <label class="inline">
              <span>{t().history.pointName}</span>
              <input value={name()} maxLength={40} required onInput={(event) => setName(event.currentTarget.value)} />
            </label>
            <button type="submit" class="primary" disabled={busy()}>{t().history.save}</button>
          </form>
          <h2>{t().history.points}</h2>
          <Show when={(sandbox.info().points ?? []).length > 0} fallback={<p class="muted">{t().history.noPoints}</p>}>
            <ul class="point-list">
              <For each={sandbox.info().points ?? []}>
                {(point) => (
                  <li>
                    <span>
                      <strong>{point.name}</strong> <span class="muted">{t().history.pointAt(point.seq, formatDateTime(point.at))}</span>
                    </span>
                    <button type="button" aria-label={t().history.openPoint(point.name)} disabled={busy()} onClick={() => act(() => sandbox.openPoint(point.name))}>
                      {t().scenarios.openButton}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={note()}><p class="note" role="status">{note()}</p></Show>
        </div>
      </details>
      <Show when={error()}>
        <p class="error lab-error" role="alert">{error()}</p>
      </Show>
    </>
  );
}
