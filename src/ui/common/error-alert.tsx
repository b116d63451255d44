// A refusal shown as an alert next to the control that caused it: the core's (DomainError) or the runtime's (SandboxError)
// rendered from its data with the words on screen (the catalogue's refusals, as src/i18n/describe-refusal.ts renders them
// for the scenario code), or words given ready-made.
import { Show } from 'solid-js';
import { DomainError, renderRefusal } from '../../domain';
import { SandboxError } from '../../runtime/sandbox';
import { renderSandboxProblem } from '../../runtime/sandbox-problems';
import type { UiText } from '../../i18n/ui-text';
import { useI18n } from '../i18n/i18n-provider';

/** What a control can be refused with: an error of the core or the runtime, any other error, or words. */
export type Problem = DomainError | SandboxError | Error | string;

/** The problem in the words on screen (`words`): refusals from their data, other errors as they are worded. */
export function problemWords(problem: Problem, words: UiText): string {
  if (problem instanceof DomainError) return renderRefusal(words.refusals, problem.text, problem.rule);
  if (problem instanceof SandboxError && problem.text) return renderSandboxProblem(words.sandboxProblems, problem.text);
  return problem instanceof Error ? problem.message : problem;
}

export function ErrorAlert(props: { message: Problem | null; class?: string }) {
  const { t } = useI18n();
  const words = () => (props.message === null ? null : problemWords(props.message, t()));
  return (
    <Show when={words()}>
      <p class={props.class ?? 'error'} role="alert">{words()}</p>
    </Show>
  );
}
