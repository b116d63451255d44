// The phone's status bar: the PHONE's time (server clock + its offset, R-CLK-2), the network, and Offline Mode when data is off.
import { Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { usePhone } from './phone-context';
import { formatTime } from '../../i18n/format';
import { Icon } from './icon';

export function StatusBar() {
  const { t } = useI18n();
  const { phone, phoneNow } = usePhone();
  const hhmm = () => formatTime(phoneNow()).slice(0, 5);
  return (
    <>
      <div class="status-bar">
        <span class="status-time">
          <span class="visually-hidden">{t().phone.phoneTime} </span>
          <time datetime={new Date(phoneNow()).toISOString()}>{hhmm()}</time>
        </span>
        <span class="status-notch" aria-hidden="true" />
        <span class="status-right">
          <span class="status-network" title={phone().online ? t().phone.dataOn : t().phone.dataOff}>
            <Icon name={phone().online ? 'signal' : 'no-signal'} />
            <span class="visually-hidden">{phone().online ? t().phone.dataOn : t().phone.dataOff}</span>
          </span>
          <Show when={phone().online}>
            <span class="status-data" aria-hidden="true">4G</span>
          </Show>
          <Icon name="battery" class="status-battery" />
        </span>
      </div>
      <Show when={!phone().online}>
        <div class="offline-strip">
          <Icon name="padlock" />
          {t().phone.offlineMode}
        </div>
      </Show>
    </>
  );
}
