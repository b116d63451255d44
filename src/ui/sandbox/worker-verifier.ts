// Runs the full verification of a sandbox in a Web Worker (the runtime's verify-worker), or in process where there are no workers.
import { inProcessVerifier } from '../../runtime/sandbox';
import type { VerifierPort } from '../../runtime/sandbox';
import type { VerifyMessage, VerifyRequest } from '../../runtime/verify-worker';

export const workerVerifier: VerifierPort = (dbName, db, sandboxId, onProgress) => {
  if (typeof Worker === 'undefined') return inProcessVerifier(dbName, db, sandboxId, onProgress);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../runtime/verify-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<VerifyMessage>) => {
      const message = event.data;
      if (message.type === 'progress') return onProgress(message.progress);
      worker.terminate();
      if (message.type === 'done') resolve(message.report);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The verifying worker failed'));
    };
    const request: VerifyRequest = { dbName, sandboxId };
    worker.postMessage(request);
  });
};
