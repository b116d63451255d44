// R-OFF-1: a running offline lockout with its time left, counting down on simulated time, and Offline unlock.
import { Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { createCommand } from '../sandbox/create-command';
import { offlineLockoutRunning } from '../../domain';
import type { Link } from '../../domain';
import { formatDuration, formatTime } from '../../i18n/format';
import { useManager } from './manager-session';
import { CommandError } from './command-error';

export function LockoutControls(props: { link: Link; onDone: () => void }) {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const session = useManager();
  const unlock = createCommand();
  const until = () => {
    const holder = sandbox.world().server.holders[props.link.mobile];
    return holder && offlineLockoutRunning(holder, sandbox.now()) ? holder.offlineLockedUntil : null;
  };
  return (
    <Show when={until()}>
      {(end) => (
        <div class="mgr-strip mgr-strip-warn">
          <p class="mgr-strip-text">
            <strong>{t().manager.lockoutLeft(formatDuration(end() - sandbox.now()))}</strong>{' '}
            <span class="mgr-small">(→ <time datetime={new Date(end()).toISOString()}>{formatTime(end())}</time>)</span>{' '}
            {t().manager.lockoutHint}
          </p>
          <Show when={session.allowed('offline-unlock')}>
            <div class="mgr-control">
              <button
                type="button"
                class="primary"
                disabled={unlock.pending()}
                onClick={async () => {
                  if (await unlock.run({ type: 'OfflineUnlock', by: session.admin().id, orgId: session.org().id, mobile: props.link.mobile })) props.onDone();
                }}
              >
                {t().manager.offlineUnlock}
              </button>
            </div>
          </Show>
          <CommandError runner={unlock} />
        </div>
      )}
    </Show>
  );
}
