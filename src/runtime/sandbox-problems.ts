// The runtime's own refusals (a damaged journal, a sandbox gone, storage full or failing) as data, and their English words.
// Like the core's refusals (src/domain/refusals.ts): src/i18n renders them in English or Norwegian, its English is these
// functions, and SandboxError's `message` is made from them. No Dexie here, so the words can be imported anywhere.

const EN = {
  noSandbox: (p: { sandboxId: string }) => `There is no sandbox "${p.sandboxId}"`,
  deletedElsewhere: () => 'This sandbox was deleted in another tab',
  journalDamaged: (p: { seq: number }) =>
    `The journal is damaged at entry ${p.seq}: commands are refused. Export the sandbox for a bug report, or start a new sandbox from the last good entry.`,
  storageFull: () =>
    'The browser\'s storage for this site is full: nothing was written. Free some space (delete a sandbox, or clear other sites\' data) and try again.',
  /** `errorName` is the browser's name for the failure (a DOMException name), or empty when it gave none. */
  storageFailed: (p: { errorName: string }) => `The browser could not write to its storage (${p.errorName || 'unknown error'}): nothing was written. Try again.`,
};

export type SandboxProblemKey = keyof typeof EN;
export type SandboxProblemParamMap = { [K in SandboxProblemKey]: Parameters<(typeof EN)[K]>[0] extends undefined ? Record<string, never> : Parameters<(typeof EN)[K]>[0] };
export type SandboxProblemTemplates = { readonly [K in SandboxProblemKey]: (params: SandboxProblemParamMap[K]) => string };
export type SandboxProblem<K extends SandboxProblemKey = SandboxProblemKey> = { [P in K]: { readonly key: P; readonly params: SandboxProblemParamMap[P] } }[K];

export const SANDBOX_PROBLEMS_EN: SandboxProblemTemplates = EN;

export function sandboxProblem<K extends SandboxProblemKey>(key: K, params: SandboxProblemParamMap[K]): SandboxProblem<K> {
  // A mapped union indexed by a generic key is not narrowed by TypeScript; the signature ties `key` to its params.
  return { key, params } as SandboxProblem<K>;
}

/** The problem in the words of `templates`. */
export function renderSandboxProblem(templates: SandboxProblemTemplates, problem: SandboxProblem): string {
  return fill(templates, problem);
}

function fill<K extends SandboxProblemKey>(templates: SandboxProblemTemplates, problem: SandboxProblem<K>): string {
  const template: (params: SandboxProblemParamMap[K]) => string = templates[problem.key];
  return template(problem.params);
}
