// The login form of one access server: username and one-time code; the answer is only "Login accepted" or "Login failed" (R-SEC-2).
import { createSignal, For, Show } from 'solid-js';
import { createCommand } from '../sandbox/create-command';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { ErrorAlert } from '../common/error-alert';
import { formatTime } from '../../i18n/format';

interface Attempt {
  at: number;
  username: string;
  accepted: boolean;
}

export function LoginForm(props: { orgId: string; orgName: string; accessServerId: string; accessServerName: string }) {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const command = createCommand();
  const [username, setUsername] = createSignal('');
  const [code, setCode] = createSignal('');
  const [result, setResult] = createSignal<boolean | null>(null);
  const [attempts, setAttempts] = createSignal<Attempt[]>([]);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setResult(null);
    const reply = await command.run({ type: 'Login', orgId: props.orgId, accessServerId: props.accessServerId, username: username(), code: code() });
    if (reply?.kind !== 'login') return;
    setResult(reply.accepted);
    setAttempts([{ at: sandbox.now(), username: username().trim(), accepted: reply.accepted }, ...attempts()].slice(0, 5));
    setCode('');
  };

  return (
    <div class="login-card">
      <div class="login-brand" aria-hidden="true">{props.orgName.slice(0, 1)}</div>
      <h2>{t().login.heading(props.orgName)}</h2>
      <p class="login-server">{props.accessServerName}</p>
      <p class="muted">{t().login.intro}</p>
      <form class="login-form" onSubmit={submit}>
        <label>
          <span>{t().login.username}</span>
          <input name="username" autocomplete="off" spellcheck={false} value={username()} onInput={(e) => setUsername(e.currentTarget.value)} required maxLength={200} />
        </label>
        <label>
          <span>{t().login.code}</span>
          <input name="code" inputMode="numeric" autocomplete="one-time-code" value={code()} onInput={(e) => setCode(e.currentTarget.value)} required maxLength={64} class="code-input" />
        </label>
        <button type="submit" class="primary" disabled={command.pending()}>{t().login.logIn}</button>
      </form>
      <div role="status" aria-live="polite" class="login-result-slot">
        <Show when={result() !== null}>
          <p class={result() ? 'login-result ok' : 'login-result failed'}>
            <span aria-hidden="true">{result() ? '✓' : '✕'}</span> {result() ? t().login.accepted : t().login.failed}
          </p>
          <Show when={result() === false}>
            <p class="muted small">{t().login.failedHint}</p>
          </Show>
        </Show>
      </div>
      <ErrorAlert message={command.error()} />
      <Show when={attempts().length > 0}>
        <h3 class="history-title">{t().login.history}</h3>
        <ul class="history">
          <For each={attempts()}>
            {(attempt) => (
              <li>
                <time>{formatTime(attempt.at)}</time> <span class="history-user">{attempt.username}</span>{' '}
                <span class={attempt.accepted ? 'ok' : 'failed'}>{attempt.accepted ? t().login.accepted : t().login.failed}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
