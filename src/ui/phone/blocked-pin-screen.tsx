// A blocked PIN as the screen's title, with what happened and Unblock as the way on (R-BLK-1, R-UBC-2); without a link, the way out is Reset app (R-UBC-6).
import { Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { NoticeBanner } from './notice-banner';
import { FormError } from './form-error';
import { Icon } from './icon';
import { blockedOrgsWords } from './blocked-orgs';

export function BlockedPinScreen() {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  const links = () => phone().app.links;
  return (
    <div class="screen screen-blocked">
      <div class="blocked-mark" aria-hidden="true"><Icon name="padlock" /></div>
      <ScreenHead title={t().phone.blockedTitle} />
      <NoticeBanner />
      {/* An alert: it appears the moment the third wrong PIN blocks the PIN, and says what happened. */}
      <div class="blocked-box" role="alert">
        <Show when={links().length > 0} fallback={<p>{t().phone.noticePinBlockedNoUbc}</p>}>
          <p>{t().phone.blockedWhat(blockedOrgsWords(links(), t()))}</p>
        </Show>
      </div>
      <Show when={links().length > 0}>
        <p class="screen-intro">{t().phone.blockedNext(links().length > 1)}</p>
        <div class="screen-actions">
          <FormError message={command.error()} />
          <button type="button" class="app-primary" onClick={() => command.run({ type: 'AppOpenUnblock', phoneId: phone().id })}>
            {t().phone.unblock}
          </button>
        </div>
      </Show>
    </div>
  );
}
