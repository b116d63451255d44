// The core's refusals in words, in English: the core's own (src/domain/refusals.ts), imported, not copied: the words a
// scenario file matches and the words on screen are one source. Norwegian (bokmål) is nb/refusals.ts; both catalogues
// have the type RefusalTemplates, so a refusal without words in either language does not compile.
// Field names ("pin", "orgId") and rule ids stay as the core names them; times stay ISO 8601, 24-hour, UTC.
import type { RefusalTemplates } from '../../domain';
import { REFUSALS_EN } from '../../domain';
import type { SandboxProblemTemplates } from '../../runtime/sandbox-problems';
import { SANDBOX_PROBLEMS_EN } from '../../runtime/sandbox-problems';

/** The core's English words for every refusal: the same functions the core makes `DomainError.message` with. */
export const refusalsEn: RefusalTemplates = REFUSALS_EN;

/** The runtime's own refusals (SandboxError) in English. Norwegian: nb/refusals.ts. */
export const sandboxProblemsEn: SandboxProblemTemplates = SANDBOX_PROBLEMS_EN;
