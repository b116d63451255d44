// The 4-digit PIN field with an on-screen keypad: digits, delete, and OK; a keyboard works as well.
import { createSignal, createUniqueId, For } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { Icon } from './icon';
import { policy } from '../../domain';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function PinPad(props: { pending: boolean; onSubmit: (pin: string) => Promise<unknown> }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [pin, setPin] = createSignal('');
  let field: HTMLInputElement | undefined;
  // While a PIN is being checked the keys wait, so no digit typed meanwhile is lost when the pad clears.
  const press = (digit: string) => setPin((current) => (current.length < policy.PIN_DIGITS ? current + digit : current));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    // A wrong PIN clears the pad; a refusal (not 4 digits) keeps what was typed.
    if ((await props.onSubmit(pin())) === null) return;
    setPin('');
  };
  return (
    <form class="pin-pad" onSubmit={submit}>
      <label class="visually-hidden" for={id}>{t().phone.pin}</label>
      <div class="pin-entry">
        <input
          id={id}
          ref={field}
          class="pin-field"
          type="password"
          inputmode="numeric"
          pattern="[0-9]*"
          maxLength={policy.PIN_DIGITS}
          autocomplete="off"
          value={pin()}
          onInput={(event) => {
            const digits = event.currentTarget.value.replace(/\D+/g, '').slice(0, policy.PIN_DIGITS);
            if (digits !== event.currentTarget.value) event.currentTarget.value = digits;
            setPin(digits);
          }}
        />
        <div class="pin-dots" aria-hidden="true">
          <For each={Array.from({ length: policy.PIN_DIGITS }, (_, i) => i)}>
            {(i) => <span class="pin-dot" classList={{ 'pin-dot-filled': i < pin().length }} />}
          </For>
        </div>
      </div>
      <div class="keypad">
        <For each={KEYS}>
          {(digit) => <button type="button" class="key" disabled={props.pending} onClick={() => press(digit)}>{digit}</button>}
        </For>
        <button type="button" class="key key-quiet" aria-label={t().phone.deleteDigit} onClick={() => { setPin((p) => p.slice(0, -1)); field?.focus(); }}>
          <Icon name="backspace" />
        </button>
        <button type="button" class="key" disabled={props.pending} onClick={() => press('0')}>0</button>
        <button type="submit" class="key key-ok" disabled={props.pending}>{t().phone.ok}</button>
      </div>
    </form>
  );
}
