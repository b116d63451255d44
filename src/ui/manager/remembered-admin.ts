// Which administrator is signed in to Manager, per sandbox, kept in this tab's sessionStorage so a reload keeps the sign-in.

const KEY_PREFIX = 'code-sandbox:manager-admin:';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage can be refused (privacy settings): the sign-in then lasts until reload, as before
  }
}

/** The administrator id remembered for a sandbox, or null. */
export function recallAdmin(sandboxId: string): string | null {
  return storage()?.getItem(KEY_PREFIX + sandboxId) ?? null;
}

/** Remembers (or, with null, forgets) the signed-in administrator of a sandbox. */
export function rememberAdmin(sandboxId: string, adminId: string | null): void {
  const store = storage();
  if (!store) return;
  if (adminId === null) store.removeItem(KEY_PREFIX + sandboxId);
  else store.setItem(KEY_PREFIX + sandboxId, adminId);
}
