// One organization the app is linked to, with its state: a red "PIN blocked" mark, or open; offline, an unblock code made for it but not yet confirmed.
import { Show } from 'solid-js';
import type { AppLinkView } from '../../domain';
import { useI18n } from '../i18n/i18n-provider';
import { formatTime } from '../../i18n/format';
import { Icon } from './icon';

export function OrgStatus(props: { link: AppLinkView; madeAt?: number | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <Icon name="building" class="org-icon" />
      <span class="org-text">
        <span class="org-name">{props.link.orgName}</span>
        <Show
          when={props.link.blocked}
          fallback={<span class="org-state org-open"><Icon name="padlock-open" />{t().phone.linkOpen}</span>}
        >
          <span class="org-state org-blocked"><Icon name="padlock" />{t().phone.linkBlocked}</span>
        </Show>
        <Show when={props.madeAt !== undefined && props.link.blocked}>
          <span class="org-made">{t().phone.linksMadeCode(formatTime(props.madeAt ?? 0))}</span>
        </Show>
      </span>
    </>
  );
}
