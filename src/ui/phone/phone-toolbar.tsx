// Above the device: whose phone is shown, its data traffic on or off (Offline Mode), and its clock against the server's (R-CLK-2), for testers.
import { For, Show } from 'solid-js';
import type { PhoneState } from '../../domain';
import { useSandbox } from '../sandbox/sandbox-provider';
import { createCommand } from '../sandbox/create-command';
import { useI18n } from '../i18n/i18n-provider';
import { formatDuration } from '../../i18n/format';
import { Icon } from './icon';

export function PhoneToolbar(props: { phoneId: string | null; onChoose: (phoneId: string) => void }) {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const command = createCommand();
  const phones = () => Object.values(sandbox.world().phones);
  const current = () => (props.phoneId ? sandbox.world().phones[props.phoneId] : undefined);
  // A person with several phones (R-ACT-2 practice) gets each one told apart by its name.
  const owner = (phone: PhoneState) => {
    const person = sandbox.world().people[phone.personId];
    if (!person) return phone.label;
    const several = phones().filter((other) => other.personId === phone.personId).length > 1;
    return several ? `${person.name} (${phone.label})` : person.name;
  };
  const offset = () => current()?.clockOffsetMs ?? 0;
  /** Always said, also when in step, so a tester sees at a glance which time the phone's codes come from. */
  const drift = () => {
    if (offset() === 0) return t().phone.clockInStep;
    const duration = formatDuration(Math.abs(offset()));
    return offset() > 0 ? t().phone.clockAhead(duration) : t().phone.clockBehind(duration);
  };
  return (
    <div class="phone-toolbar">
      {/* Whose phone and its data traffic share a row, the clock readout takes the next: the device keeps the height. */}
      <div class="phone-toolbar-row">
        <label class="phone-picker">
          <span>{t().phone.whosePhone}</span>
          <select value={props.phoneId ?? ''} onChange={(event) => props.onChoose(event.currentTarget.value)}>
            <For each={phones()}>
              {(phone) => <option value={phone.id} selected={phone.id === props.phoneId}>{owner(phone)}</option>}
            </For>
          </select>
        </label>
        <Show when={current()}>
          {(phone) => (
            <label class="switch phone-online">
              <input
                type="checkbox"
                role="switch"
                checked={phone().online}
                onChange={(event) => command.run({ type: 'SetPhoneOnline', phoneId: phone().id, online: event.currentTarget.checked })}
              />
              <span>{t().phone.phoneOnline}</span>
            </label>
          )}
        </Show>
      </div>
      <Show when={current()}>
        <span class="clock-drift" classList={{ 'clock-in-step': offset() === 0 }}>
          <Icon name="clock" />
          <span>{drift()}</span>
        </span>
      </Show>
      <Show when={command.error()}>
        <p class="error" role="alert">{command.error()}</p>
      </Show>
    </div>
  );
}
