// The organizations the app is linked to, how many and which are blocked, as the server last told the app; offline, what it cannot know yet.
import { For, Show } from 'solid-js';
import { linkSummary } from '../../domain';
import { useI18n } from '../i18n/i18n-provider';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { OrgStatus } from './org-status';
import { BackButton } from './back-button';
import { listWords } from './blocked-orgs';

export function LinksScreen() {
  const { t, lang } = useI18n();
  const { phone, madeCode } = usePhone();
  const links = () => phone().app.links;
  const summary = () => linkSummary(links());
  return (
    <div class="screen">
      <ScreenHead title={t().phone.linksTitle} intro={links().length > 0 ? t().phone.linksCount(links().length) : undefined} />
      <Show when={summary().blocked > 0}>
        <p class="links-summary">{t().phone.linksBlockedSummary(summary().blocked, summary().linked, listWords(summary().blockedNames, lang()))}</p>
      </Show>
      <Show when={links().length > 0} fallback={<p class="screen-note">{t().phone.linksNone}</p>}>
        <ul class="org-list">
          <For each={links()}>
            {(link) => (
              <li class="org-row" classList={{ 'org-row-blocked': link.blocked }}>
                <OrgStatus link={link} madeAt={madeCode()?.orgId === link.orgId ? madeCode()?.at : undefined} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!phone().online}>
        <p class="screen-note">{t().phone.linksAsLastKnown}</p>
      </Show>
      <Show when={summary().state === 'partly-unblocked'}>
        <p class="screen-note">{t().phone.remainingHow}</p>
      </Show>
      <BackButton />
    </div>
  );
}
