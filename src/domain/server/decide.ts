// decide(command, state, ctx) for the Code server: the one entry point every screen, replay and scenario goes through.
import type { ServerCommand } from './commands';
import type { ServerState } from './state';
import type { DecideContext, ServerResult } from './transaction';
import { Transaction } from './transaction';
import { decideSetup } from './decide-setup';
import { decideAppRequest } from './decide-app';
import { decideLogin } from './decide-login';
import { decideManager } from './decide-manager';

/**
 * Decides one server command. Returns the events it causes (fold them with `evolveServer`) and the reply,
 * or an error that names the field or rule; a refused command emits no event, except the audit entry
 * that records a refused Manager action (R-MGR-1).
 */
export function decideServer(command: ServerCommand, state: ServerState, ctx: DecideContext): ServerResult {
  const tx = new Transaction(state, ctx);
  switch (command.type) {
    case 'CreateOrg':
    case 'AddDirectory':
    case 'MoveDirectory':
    case 'AddDirectoryEntry':
    case 'RemoveDirectoryEntry':
    case 'AddAccessServer':
    case 'SetAccessServerOffline':
    case 'AddAdmin':
    case 'RemoveAdmin':
    case 'SetAdminRole':
      return decideSetup(command, tx);
    case 'RequestSmsCode':
    case 'ActivateDevice':
    case 'SetFirstPin':
    case 'RequestOnlineCode':
    case 'ChangePin':
    case 'ListLinks':
    case 'EnterUbc':
    case 'UnblockWithNewPin':
      return decideAppRequest(command, tx);
    case 'Login':
      return decideLogin(command, tx);
    case 'DisplayUbc':
    case 'GenerateNewUbc':
    case 'BlockPin':
    case 'SetUserStatus':
    case 'OfflineUnlock':
      return decideManager(command, tx);
    default:
      return assertNever(command);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled server command ${JSON.stringify(value)}`);
}
