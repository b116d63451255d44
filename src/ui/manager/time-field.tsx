// A time field of the event-log filter: typed as ISO 24-hour UTC; a value that is not one is named with its field and changes nothing.
import { createEffect, createSignal, on, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { formatMinute, readTimeInput } from './time-range';

export function TimeField(props: { id: string; label: string; value: number | null; placeholder: number; errorClass: string; onCommit: (ms: number | null) => void }) {
  const { t } = useI18n();
  const shown = () => (props.value === null ? '' : formatMinute(props.value));
  const [draft, setDraft] = createSignal(shown());
  const [wrong, setWrong] = createSignal(false);
  // A value set from outside (a quick range, Clear filters) replaces what was typed.
  createEffect(on(() => props.value, (value) => {
    const read = readTimeInput(draft());
    if (!(read.ok && read.ms === value)) setDraft(shown());
    setWrong(false);
  }, { defer: true }));
  /** Applies the typed text when it is a time or empty; otherwise says so and leaves the filter as it was. */
  const commit = (final: boolean) => {
    const read = readTimeInput(draft());
    if (read.ok) {
      setWrong(false);
      if (read.ms !== props.value) props.onCommit(read.ms);
    } else if (final) setWrong(true);
  };
  const errorId = () => `${props.id}-error`;
  // The message spans the whole filter width (its own grid row), so it reads in one or two lines, not a narrow column.
  return (
    <>
      <div class="mgr-field mgr-time-field">
        <label for={props.id}>{props.label}</label>
        <input
          id={props.id}
          type="text"
          inputmode="numeric"
          autocomplete="off"
          spellcheck={false}
          class="mgr-mono"
          placeholder={formatMinute(props.placeholder)}
          value={draft()}
          aria-invalid={wrong()}
          aria-describedby={wrong() ? errorId() : undefined}
          onInput={(event) => { setDraft(event.currentTarget.value); commit(false); }}
          onChange={() => commit(true)}
          onKeyDown={(event) => { if (event.key === 'Enter') commit(true); }}
        />
      </div>
      <Show when={wrong()}>
        <p id={errorId()} class={`mgr-field-error ${props.errorClass}`} role="alert">{t().manager.badTime(props.label, draft().trim())}</p>
      </Show>
    </>
  );
}
