// Offline with a PIN last known as blocked: what the app knows and does not (an offline unblock code it made, R-UBC-4), and the ways on.
import { Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { ScreenHead } from './screen-head';
import { NoticeBanner } from './notice-banner';
import { FormError } from './form-error';
import { formatTime } from '../../i18n/format';

export function BlockedOfflineScreen(props: { onTypePin: () => void }) {
  const { t } = useI18n();
  const { phone, madeCode } = usePhone();
  const command = createCommand();
  const unblock = () => command.run({ type: 'AppOpenUnblock', phoneId: phone().id });
  /** After a made code, the likely next step is the new PIN; before one, Unblock. */
  const typeFirst = () => madeCode() !== undefined;
  const typeButton = () => (
    <button type="button" class={typeFirst() ? 'app-primary' : 'app-secondary'} onClick={() => props.onTypePin()}>{t().phone.typeNewPin}</button>
  );
  const unblockButton = () => (
    <button type="button" class={typeFirst() ? 'app-secondary' : 'app-primary'} onClick={unblock}>{t().phone.unblock}</button>
  );
  return (
    <div class="screen screen-blocked">
      <ScreenHead title={t().phone.blockedOfflineTitle} />
      <NoticeBanner />
      <div class="known-box" role="status">
        <p>{t().phone.offlineKnows}</p>
        <Show when={madeCode()}>
          {(made) => (
            <>
              <p class="known-made">{t().phone.madeUnblockCode(made().orgName, formatTime(made().at))}</p>
              <p>{t().phone.madeUnblockMeaning(made().orgName)}</p>
            </>
          )}
        </Show>
      </div>
      <p class="screen-intro">{typeFirst() ? t().phone.offlineNextMade : t().phone.offlineNextUnknown}</p>
      {/* The two ways on side by side: the screen's words keep their room on a short screen. */}
      <div class="screen-actions screen-actions-pair">
        <FormError message={command.error()} />
        <Show when={typeFirst()} fallback={<>{unblockButton()}{typeButton()}</>}>
          {typeButton()}
          {unblockButton()}
        </Show>
      </div>
    </div>
  );
}
