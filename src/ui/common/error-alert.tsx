// A refusal from the domain (its DomainError message), shown as an alert next to the control that caused it.
import { Show } from 'solid-js';

export function ErrorAlert(props: { message: string | null; class?: string }) {
  return (
    <Show when={props.message}>
      <p class={props.class ?? 'error'} role="alert">{props.message}</p>
    </Show>
  );
}
