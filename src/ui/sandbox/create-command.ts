// A reactive helper for one kind of action on screen: runs commands, remembers the last refusal to show next to the control.
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import type { WorldCommand, ServerReply } from '../../domain';
import { useSandbox } from './sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { problemWords } from '../common/error-alert';
import type { Problem } from '../common/error-alert';

export interface CommandRunner {
  /** Runs the command; resolves to the reply, or null when it was refused (the refusal is in `error`). */
  run(command: WorldCommand): Promise<ServerReply | null>;
  /** The last refusal in words, in the language on screen (kept as data, so it follows a switch of language). */
  error: Accessor<string | null>;
  pending: Accessor<boolean>;
  clear(): void;
}

/** One runner per form or group of buttons, so each shows its own refusals. */
export function createCommand(): CommandRunner {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const [problem, setError] = createSignal<Problem | null>(null);
  const error = () => {
    const shown = problem();
    return shown === null ? null : problemWords(shown, t());
  };
  const [pending, setPending] = createSignal(false);
  return {
    async run(command) {
      setPending(true);
      try {
        const result = await sandbox.dispatch(command);
        if (!result.ok) {
          setError(result.error);
          return null;
        }
        if (result.refusal) {
          setError(result.refusal);
          return null;
        }
        setError(null);
        return result.reply;
      } catch (failure) {
        setError(failure instanceof Error ? failure : String(failure));
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
