// What an administrator can do to a user (R-MGR-3), only what the role allows (R-MGR-1); refusals shown by each control.
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import type { Link, ManagerCommand } from '../../domain';
import { useManager } from './manager-session';
import { UbcControls } from './ubc-controls';
import { LockoutControls } from './lockout-controls';
import { CommandError } from './command-error';

export function UserActions(props: { link: Link }) {
  const { t } = useI18n();
  const session = useManager();
  const block = createCommand();
  const status = createCommand();
  const [focusTarget, setFocusTarget] = createSignal<HTMLHeadingElement>();
  const target = () => ({ by: session.admin().id, orgId: session.org().id, mobile: props.link.mobile });
  /** Runs an action whose button may disappear afterwards; focus then goes to the card's heading. */
  const act = async (runner: ReturnType<typeof createCommand>, command: ManagerCommand) => {
    if (await runner.run(command)) focusTarget()?.focus();
  };

  return (
    <section class="mgr-card mgr-actions" aria-labelledby="mgr-actions-title">
      <h4 id="mgr-actions-title" ref={setFocusTarget} tabindex="-1">{t().manager.actions}</h4>
      <Show when={props.link.blocked && (session.allowed('display-ubc') || session.allowed('generate-ubc'))}>
        <UbcControls link={props.link} />
      </Show>
      <LockoutControls link={props.link} onDone={() => focusTarget()?.focus()} />
      <div class="mgr-action-row">
        <Show when={!props.link.blocked && session.allowed('block-pin')}>
          <div class="mgr-control">
            <button type="button" class="danger" disabled={block.pending()} onClick={() => act(block, { type: 'BlockPin', ...target() })}>
              {t().manager.blockPin}
            </button>
          </div>
        </Show>
        <Show when={session.allowed('set-status')}>
          <div class="mgr-control">
            <button
              type="button"
              disabled={status.pending()}
              onClick={() => act(status, { type: 'SetUserStatus', ...target(), status: props.link.status === 'active' ? 'inactive' : 'active' })}
            >
              {props.link.status === 'active' ? t().manager.setInactive : t().manager.setActive}
            </button>
          </div>
        </Show>
      </div>
      <CommandError runner={block} />
      <CommandError runner={status} />
    </section>
  );
}
