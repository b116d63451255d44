// A remove button that asks once more inline before it acts (removals in Setup cannot be undone with one click).
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';

export function RemoveButton(props: { name: string; onConfirm: () => void | Promise<unknown> }) {
  const { t } = useI18n();
  const [asking, setAsking] = createSignal(false);
  let removeButton: HTMLButtonElement | undefined;
  return (
    <Show
      when={asking()}
      fallback={
        <button type="button" class="danger mgr-small-button" ref={removeButton} aria-label={t().manager.removeNamed(props.name)} onClick={() => setAsking(true)}>
          {t().manager.remove}
        </button>
      }
    >
      <span class="mgr-confirm" role="group" aria-label={t().manager.confirmRemove(props.name)}>
        <span class="mgr-small">{t().manager.confirmRemove(props.name)}</span>
        <button
          type="button"
          class="danger mgr-small-button"
          ref={(el) => queueMicrotask(() => el.focus())}
          onClick={async () => { setAsking(false); await props.onConfirm(); }}
        >
          {t().manager.yesRemove}
        </button>
        <button type="button" class="mgr-small-button" onClick={() => { setAsking(false); removeButton?.focus(); }}>{t().manager.cancel}</button>
      </span>
    </Show>
  );
}
