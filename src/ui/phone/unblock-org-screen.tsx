// Unblock, step 1: choose the organization whose UBC you were given; blocked ones are marked (R-UBC-2, R-UBC-5).
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { OrgStatus } from './org-status';
import { FormError } from './form-error';
import { Icon } from './icon';

export function UnblockOrgScreen() {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  const links = () => phone().app.links;
  return (
    <div class="screen">
      <ScreenHead title={t().phone.unblockTitle} intro={links().length > 0 ? t().phone.unblockOrgIntro : undefined} />
      <Show when={links().length > 0} fallback={<p class="screen-note">{t().phone.unblockNoLinks}</p>}>
        <ul class="org-list">
          <For each={links()}>
            {(link) => (
              <li>
                <button
                  type="button"
                  class="org-row org-choice"
                  classList={{ 'org-row-blocked': link.blocked }}
                  onClick={() => command.run({ type: 'AppChooseUnblockOrg', phoneId: phone().id, orgId: link.orgId })}
                >
                  <OrgStatus link={link} />
                  <Icon name="chevron" class="org-chevron" />
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <FormError message={command.error()} />
    </div>
  );
}
