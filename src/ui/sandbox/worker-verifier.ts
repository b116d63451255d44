// Runs the full verification of a sandbox in a Web Worker (the runtime's verify-worker), or in process where there are no workers.
import { inProcessVerifier } from '../../runtime/sandbox';
import type { VerifierPort } from '../../runtime/sandbox';
import type { VerifyMessage, VerifyRequest } from '../../runtime/verify-worker';

/** The workers verifying now. */
const running = new Set<Worker>();

export const workerVerifier: VerifierPort = (dbName, db, sandboxId, onProgress) => {
  if (typeof Worker === 'undefined') return inProcessVerifier(dbName, db, sandboxId, onProgress);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../runtime/verify-worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      running.delete(worker);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<VerifyMessage>) => {
      const message = event.data;
      if (message.type === 'progress') return onProgress(message.progress);
      stop();
      if (message.type === 'done') resolve(message.report);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      stop();
      reject(new Error(event.message || 'The verifying worker failed'));
    };
    running.add(worker);
    const request: VerifyRequest = { type: 'verify', dbName, sandboxId };
    worker.postMessage(request);
  });
};

/** When a hold was last sent, so a run of moves sends one every HOLD_EVERY_MS at most. */
let lastHold = -Infinity;
const HOLD_EVERY_MS = 100;

/**
 * Asks the background verification to wait `ms` (from now) before going on, so the page has the machine's cores for
 * what a person is watching: the timeline's replay asks at every move. It finishes later, the same.
 */
export function holdVerification(ms: number): void {
  const now = performance.now();
  if (running.size === 0 || now - lastHold < HOLD_EVERY_MS) return;
  lastHold = now;
  const request: VerifyRequest = { type: 'hold', ms: ms + HOLD_EVERY_MS };
  for (const worker of running) worker.postMessage(request);
}
