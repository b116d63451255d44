// One user's details (R-MGR-3): state at a glance, the actions the role allows, facts and counters, own event-log entries.
import { onMount, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { linksOf, offlineLockoutRunning } from '../../domain';
import type { Link } from '../../domain';
import { useManager } from './manager-session';
import { BlockedIcon } from './blocked-icon';
import { StatusBadge } from './status-badge';
import { UserActions } from './user-actions';
import { UserFacts } from './user-facts';
import { UserEvents } from './user-events';

export function UserDetails(props: { link: Link }) {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const session = useManager();
  let heading: HTMLHeadingElement | undefined;
  const holder = () => sandbox.world().server.holders[props.link.mobile];
  const person = () => Object.values(sandbox.world().people).find((p) => p.mobile === props.link.mobile)?.name ?? null;
  const orgCount = () => linksOf(sandbox.world().server, props.link.mobile).length;
  const lockedOut = () => {
    const h = holder();
    return h !== undefined && offlineLockoutRunning(h, sandbox.now());
  };
  const mayAct = () => (['display-ubc', 'generate-ubc', 'block-pin', 'set-status', 'offline-unlock'] as const).some((p) => session.allowed(p));
  // Moving focus to the heading tells a screen-reader user the list was replaced by the details.
  onMount(() => heading?.focus());

  return (
    <article class="mgr-details" classList={{ 'mgr-details-blocked': props.link.blocked }} aria-labelledby="mgr-details-title">
      <button type="button" class="mgr-back" onClick={() => session.select(null)}>
        <span aria-hidden="true">←</span> {t().manager.backToUsers}
      </button>
      <div class="mgr-details-head">
        <span class="mgr-avatar mgr-avatar-user" aria-hidden="true">{props.link.username.slice(0, 1).toUpperCase()}</span>
        <div>
          <h3 id="mgr-details-title" ref={heading} tabindex="-1">{props.link.username}</h3>
          <p class="mgr-small muted">
            <Show when={person()}>{(name) => <><span class="mgr-person">{name()}</span> · </>}</Show>
            {t().manager.orgCount(orgCount())}
          </p>
          <div class="mgr-badges">
            <Show when={props.link.blocked}><BlockedIcon large /></Show>
            <StatusBadge status={props.link.status} quiet={props.link.blocked} />
            <Show when={props.link.blocked && props.link.ubcBlocked}><span class="mgr-flag mgr-flag-danger">{t().manager.ubcBlocked}</span></Show>
            <Show when={lockedOut()}><span class="mgr-flag mgr-flag-warn">{t().manager.offlineLocked}</span></Show>
          </div>
        </div>
      </div>
      <Show when={mayAct()} fallback={<p class="muted">{t().manager.noActions}</p>}>
        <UserActions link={props.link} />
      </Show>
      <UserFacts link={props.link} />
      <UserEvents link={props.link} />
    </article>
  );
}
