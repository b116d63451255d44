// Telling the other tabs (and windows, and workers) of this origin that a sandbox changed: an append, a reset, an import, a rename.

/** What changed: which sandbox of which database, and who wrote it (a writer ignores its own signals). */
export interface SandboxSignal {
  dbName: string;
  sandboxId: string;
  from: string | null;
}

const CHANNEL = 'code-sandbox:changes';
let sender: BroadcastChannel | null = null;

/** Says that a sandbox changed. Nothing happens where BroadcastChannel does not exist. */
export function announce(signal: SandboxSignal): void {
  if (typeof BroadcastChannel === 'undefined') return;
  sender ??= new BroadcastChannel(CHANNEL);
  sender.postMessage(signal);
}

/**
 * Calls `onChange` when another writer changed this sandbox. Unlike a live query on the sandbox row, a tab's own
 * writes cost it nothing: it does not read the row again after each of its own commands.
 */
export function listen(dbName: string, sandboxId: string, self: string, onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<SandboxSignal>) => {
    const signal = event.data;
    if (signal.dbName === dbName && signal.sandboxId === sandboxId && signal.from !== self) onChange();
  };
  return () => channel.close();
}
