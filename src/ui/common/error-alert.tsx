// A refusal shown as an alert next to the control that caused it: the core's (DomainError) or the runtime's (SandboxError)
// rendered from its data in the language on screen (src/i18n/describe-refusal.ts), or words given ready-made.
import { Show } from 'solid-js';
import { DomainError } from '../../domain';
import { SandboxError } from '../../runtime/sandbox';
import { describeRefusal, describeSandboxProblem } from '../../i18n/describe-refusal';
import type { Lang } from '../../i18n/describe-event';
import { useI18n } from '../i18n/i18n-provider';

/** What a control can be refused with: an error of the core or the runtime, any other error, or words. */
export type Problem = DomainError | SandboxError | Error | string;

/** The problem in words, in `lang`: refusals from their data, other errors as they are worded. */
export function problemWords(problem: Problem, lang: Lang): string {
  if (problem instanceof DomainError) return describeRefusal(problem, lang);
  if (problem instanceof SandboxError && problem.text) return describeSandboxProblem(problem.text, lang);
  return problem instanceof Error ? problem.message : problem;
}

export function ErrorAlert(props: { message: Problem | null; class?: string }) {
  const { lang } = useI18n();
  const words = () => (props.message === null ? null : problemWords(props.message, lang()));
  return (
    <Show when={words()}>
      <p class={props.class ?? 'error'} role="alert">{words()}</p>
    </Show>
  );
}
