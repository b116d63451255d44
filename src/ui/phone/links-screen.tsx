// The organizations the app is linked to, and which of them are blocked (as the server last told the app).
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { OrgStatus } from './org-status';
import { BackButton } from './back-button';

export function LinksScreen() {
  const { t } = useI18n();
  const { phone } = usePhone();
  const links = () => phone().app.links;
  return (
    <div class="screen">
      <ScreenHead title={t().phone.linksTitle} intro={links().length > 0 ? t().phone.linksCount(links().length) : undefined} />
      <Show when={links().length > 0} fallback={<p class="screen-note">{t().phone.linksNone}</p>}>
        <ul class="org-list">
          <For each={links()}>
            {(link) => (
              <li class="org-row" classList={{ 'org-row-blocked': link.blocked }}>
                <OrgStatus link={link} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!phone().online}>
        <p class="screen-note">{t().phone.linksAsLastKnown}</p>
      </Show>
      <BackButton />
    </div>
  );
}
