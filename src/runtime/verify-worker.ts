// The Web Worker that verifies a sandbox's whole history off the main thread, so the screens stay usable meanwhile.
import { SandboxDb } from '../storage/db';
import { verifySandbox } from './verify';
import type { VerifyProgress, VerifyReport } from './verify';

export type VerifyRequest = { dbName: string; sandboxId: string };
export type VerifyMessage = { type: 'progress'; progress: VerifyProgress } | { type: 'done'; report: VerifyReport } | { type: 'failed'; message: string };

// The worker's global scope; typed by hand because the project's lib is the DOM's, not the WebWorker one.
const scope = self as unknown as { onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null; postMessage(message: VerifyMessage): void };

scope.onmessage = (event) => {
  const { dbName, sandboxId } = event.data;
  const db = new SandboxDb(dbName);
  verifySandbox(db, sandboxId, (progress) => scope.postMessage({ type: 'progress', progress }), () => performance.now())
    .then((report) => scope.postMessage({ type: 'done', report }))
    .catch((error: unknown) => scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }))
    .finally(() => db.close());
};
