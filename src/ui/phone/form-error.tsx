// A refusal from the domain, shown next to the form that caused it (the domain's English text).
import { Show } from 'solid-js';

export function FormError(props: { message: string | null }) {
  return (
    <Show when={props.message}>
      <p class="app-error" role="alert">{props.message}</p>
    </Show>
  );
}
