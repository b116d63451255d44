// A labelled text field of the Code app: the label is the accessible name, digits-only fields bring up the number pad.
import { createUniqueId, Show } from 'solid-js';

export interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** 'password' hides PINs; 'tel' for the mobile number. */
  type?: 'text' | 'password' | 'tel';
  /** Digits only: numeric keypad and non-digits dropped as they are typed. */
  digits?: boolean;
  maxLength?: number;
  autocomplete?: string;
  hint?: string;
  /** Larger, spaced characters for PINs and codes. */
  wide?: boolean;
}

export function Field(props: FieldProps) {
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const clean = (raw: string) => (props.digits ? raw.replace(/\D+/g, '') : raw);
  return (
    <div class="app-field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        classList={{ 'app-input': true, 'app-input-wide': props.wide === true }}
        type={props.type ?? 'text'}
        inputmode={props.digits ? 'numeric' : undefined}
        pattern={props.digits ? '[0-9]*' : undefined}
        maxLength={props.maxLength}
        autocomplete={props.autocomplete ?? 'off'}
        aria-describedby={props.hint ? hintId : undefined}
        value={props.value}
        onInput={(event) => {
          const next = clean(event.currentTarget.value);
          // Keep the field and the signal in step when a typed character was dropped.
          if (next !== event.currentTarget.value) event.currentTarget.value = next;
          props.onInput(next);
        }}
      />
      <Show when={props.hint}>
        <span id={hintId} class="app-field-hint">{props.hint}</span>
      </Show>
    </div>
  );
}
