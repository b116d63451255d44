// The Web Worker that verifies a sandbox's whole history off the main thread, so the screens stay usable meanwhile.
import { SandboxDb } from '../storage/db';
import { verifySandbox } from './verify';
import type { VerifyProgress, VerifyReport } from './verify';

/** Verify a sandbox; or, while one is being verified, hold the work for `ms` from now (the page is busy showing something). */
export type VerifyRequest = { type: 'verify'; dbName: string; sandboxId: string } | { type: 'hold'; ms: number };
export type VerifyMessage = { type: 'progress'; progress: VerifyProgress } | { type: 'done'; report: VerifyReport } | { type: 'failed'; message: string };

// The worker's global scope; typed by hand because the project's lib is the DOM's, not the WebWorker one.
const scope = self as unknown as { onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null; postMessage(message: VerifyMessage): void };

/** Until when (performance.now) the page asked the work to wait. */
let heldUntil = 0;

/** Lets this worker's queued messages (a hold) run, then waits out any hold: between two slices of the check. */
async function pace(): Promise<void> {
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel(); // a task without setTimeout's 4 ms clamp
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
  for (let left = heldUntil - performance.now(); left > 0; left = heldUntil - performance.now()) {
    await new Promise((resolve) => setTimeout(resolve, left));
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'hold') {
    heldUntil = Math.max(heldUntil, performance.now() + request.ms);
    return;
  }
  const { dbName, sandboxId } = request;
  const db = new SandboxDb(dbName);
  verifySandbox(db, sandboxId, (progress) => scope.postMessage({ type: 'progress', progress }), () => performance.now(), pace)
    .then((report) => scope.postMessage({ type: 'done', report }))
    .catch((error: unknown) => scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }))
    .finally(() => db.close());
};
