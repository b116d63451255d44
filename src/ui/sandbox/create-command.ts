// A reactive helper for one kind of action on screen: runs commands, remembers the last refusal to show next to the control.
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import type { WorldCommand, ServerReply } from '../../domain';
import { useSandbox } from './sandbox-provider';

export interface CommandRunner {
  /** Runs the command; resolves to the reply, or null when it was refused (the message is in `error`). */
  run(command: WorldCommand): Promise<ServerReply | null>;
  error: Accessor<string | null>;
  pending: Accessor<boolean>;
  clear(): void;
}

/** One runner per form or group of buttons, so each shows its own refusals. */
export function createCommand(): CommandRunner {
  const sandbox = useSandbox();
  const [error, setError] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);
  return {
    async run(command) {
      setPending(true);
      try {
        const result = await sandbox.dispatch(command);
        if (!result.ok) {
          setError(result.error.message);
          return null;
        }
        if (result.refusal) {
          setError(result.refusal.message);
          return null;
        }
        setError(null);
        return result.reply;
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
        return null;
      } finally {
        setPending(false);
      }
    },
    error,
    pending,
    clear: () => setError(null),
  };
}
