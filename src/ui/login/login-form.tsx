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
  /** Who is logged in after an accepted login, until Log out. */
  const [session, setSession] = createSignal<string | null>(null);
  let usernameField: HTMLInputElement | undefined;
  let resultSlot: HTMLDivElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setResult(null);
    const reply = await command.run({ type: 'Login', orgId: props.orgId, accessServerId: props.accessServerId, username: username(), code: code() });
    if (reply?.kind !== 'login') return;
    setResult(reply.accepted);
    setAttempts([{ at: sandbox.now(), username: username().trim(), accepted: reply.accepted }, ...attempts()].slice(0, 5));
    setCode('');
    if (reply.accepted) setSession(username().trim());
    // The answer comes into view (the pane may scroll on a short screen), so the room sees it without anyone scrolling.
    // Accepted, the form gives way to the session: focus moves to its words instead of being lost with the form.
    queueMicrotask(() => {
      resultSlot?.scrollIntoView({ block: 'nearest' });
      if (reply.accepted) resultSlot?.parentElement?.querySelector<HTMLElement>('.login-session-title')?.focus({ preventScroll: true });
    });
  };
  const logOut = () => {
    setSession(null);
    setResult(null);
    queueMicrotask(() => usernameField?.focus());
  };

  return (
    <div class="login-card">
      <div class="login-brand" aria-hidden="true">{props.orgName.slice(0, 1)}</div>
      <h2>{t().login.heading(props.orgName)}</h2>
      <p class="login-server">{props.accessServerName}</p>
      <Show
        when={session()}
        fallback={<>
      <p class="muted">{t().login.intro}</p>
      <form class="login-form" onSubmit={submit}>
        <label>
          <span>{t().login.username}</span>
          <input ref={usernameField} name="username" autocomplete="off" spellcheck={false} value={username()} onInput={(e) => setUsername(e.currentTarget.value)} required maxLength={200} />
        </label>
        <label>
          <span>{t().login.code}</span>
          <input name="code" inputMode="numeric" autocomplete="one-time-code" aria-describedby="login-code-hint" value={code()} onInput={(e) => setCode(e.currentTarget.value)} required maxLength={64} class="code-input" />
          <span id="login-code-hint" class="small muted">{t().login.codeHint}</span>
        </label>
        <button type="submit" class="primary" disabled={command.pending()}>{t().login.logIn}</button>
      </form>
        </>}
      >
        {(who) => (
          <div class="login-session">
            <p class="login-session-title" tabindex="-1">{t().login.loggedIn(props.accessServerName, who())}</p>
            <p class="muted small">{t().login.loggedInHint}</p>
            <button type="button" onClick={logOut}>{t().login.logOut}</button>
          </div>
        )}
      </Show>
      <div ref={resultSlot} role="status" aria-live="polite" class="login-result-slot">
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
