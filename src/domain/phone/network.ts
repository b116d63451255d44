// The only way from the phone to the server (ports and adapters): a request goes out, a reply or a failure comes back.
import type { AppRequest, ServerReply } from '../server/commands';
import type { DomainError } from '../errors';

/** What a request through the network gives: the server's reply, its refusal, or nothing because the phone is offline. */
export type NetworkResult =
  | { ok: true; reply: ServerReply }
  | { ok: false; reason: 'offline' }
  | { ok: false; reason: 'refused'; error: DomainError };

/** The phone's data connection. Offline means every call fails (RULES: Offline Mode = no data traffic). */
export interface Network {
  readonly online: boolean;
  send(request: AppRequest): NetworkResult;
}
