// A refusal of the core (DomainError) or of the runtime (SandboxError) in words, rendered from its data at display
// time, in English or Norwegian.
import type { DomainError, RefusalTemplates } from '../domain';
import { renderRefusal } from '../domain';
import type { SandboxProblem, SandboxProblemTemplates } from '../runtime/sandbox-problems';
import { renderSandboxProblem } from '../runtime/sandbox-problems';
import type { Lang } from './describe-event';
import { refusalsEn, sandboxProblemsEn } from './text/refusals';
import { refusalsNb, sandboxProblemsNb } from './text/nb/refusals';

export const REFUSALS: Record<Lang, RefusalTemplates> = { en: refusalsEn, nb: refusalsNb };
export const SANDBOX_PROBLEMS: Record<Lang, SandboxProblemTemplates> = { en: sandboxProblemsEn, nb: sandboxProblemsNb };

/**
 * `"pin" must be exactly 4 digits (R-OTP-1)` / `«pin» må være nøyaktig 4 sifre (R-OTP-1)`: the refusal's template in
 * `lang` with its params, then its rule id. In English this is the error's `message`, word for word.
 */
export function describeRefusal(error: Pick<DomainError, 'text' | 'rule'>, lang: Lang): string {
  return renderRefusal(REFUSALS[lang], error.text, error.rule);
}

/** A damaged journal, a sandbox gone, storage full: the runtime's refusal in `lang`. In English, the SandboxError's `message`. */
export function describeSandboxProblem(problem: SandboxProblem, lang: Lang): string {
  return renderSandboxProblem(SANDBOX_PROBLEMS[lang], problem);
}
