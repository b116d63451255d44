// Each phone's network and clock offset (R-CLK-2), switchable at any moment from the lab.
import { For } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { createCommand } from '../sandbox/create-command';
import { useI18n } from '../i18n/i18n-provider';
import { ErrorAlert } from '../common/error-alert';

export function PhonesPanel() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const command = createCommand();
  const phones = () => Object.values(sandbox.world().phones);
  return (
    <div class="phones-panel" role="group" aria-label={t().phones}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t().phoneColumn}</th>
            <th scope="col">{t().networkColumn}</th>
            <th scope="col">{t().offsetColumn}</th>
          </tr>
        </thead>
        <tbody>
          <For each={phones()}>
            {(phone) => (
              <tr>
                <th scope="row">{phone.label}</th>
                <td>
                  <label class="switch">
                    <input
                      type="checkbox"
                      role="switch"
                      checked={phone.online}
                      aria-label={t().phoneOnlineOf(phone.label)}
                      onChange={(event) => command.run({ type: 'SetPhoneOnline', phoneId: phone.id, online: event.currentTarget.checked })}
                    />
                    <span aria-hidden="true">{phone.online ? t().networkOn : t().networkOff}</span>
                  </label>
                </td>
                <td>
                  <input
                    type="number"
                    step="1"
                    class="offset"
                    aria-label={t().clockOffsetOf(phone.label)}
                    value={Math.round(phone.clockOffsetMs / 1000)}
                    onChange={(event) => command.run({ type: 'SetPhoneClockOffset', phoneId: phone.id, offsetMs: Math.round(Number(event.currentTarget.value) * 1000) })}
                  />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <ErrorAlert message={command.error()} />
    </div>
  );
}
