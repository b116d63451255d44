// A refusal of the domain (DomainError message), shown as an alert next to the control that caused it.
import { Show } from 'solid-js';
import type { CommandRunner } from '../sandbox/create-command';

export function CommandError(props: { runner: CommandRunner }) {
  return (
    <Show when={props.runner.error()}>
      <p class="mgr-error" role="alert">{props.runner.error()}</p>
    </Show>
  );
}
