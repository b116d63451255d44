// A refusal of the domain shown in Manager's style, next to the control that caused it.
import type { CommandRunner } from '../sandbox/create-command';
import { ErrorAlert } from '../common/error-alert';

export function CommandError(props: { runner: CommandRunner }) {
  return <ErrorAlert message={props.runner.error()} class="mgr-error" />;
}
