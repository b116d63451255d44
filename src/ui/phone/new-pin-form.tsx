// A new PIN typed twice: after activation (R-ACT-1) and after a UBC (R-UBC-2, R-UBC-4).
import { createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { Field } from './field';
import { FormError } from './form-error';
import { policy } from '../../domain';

export interface NewPinFormProps {
  /** The title and explanation above the fields. */
  head: JSX.Element;
  error: string | null;
  pending: boolean;
  /** Resolves to null when the command was refused: the fields keep what was typed. */
  onSubmit: (pin: string, repeat: string) => Promise<unknown>;
}

export function NewPinForm(props: NewPinFormProps) {
  const { t } = useI18n();
  const [pin, setPin] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if ((await props.onSubmit(pin(), repeat())) === null) return;
    setPin('');
    setRepeat('');
  };
  return (
    <form class="screen" onSubmit={submit}>
      {props.head}
      <Field label={t().phone.newPin} type="password" digits wide maxLength={policy.PIN_DIGITS} value={pin()} onInput={setPin} />
      <Field label={t().phone.repeatNewPin} type="password" digits wide maxLength={policy.PIN_DIGITS} value={repeat()} onInput={setRepeat} />
      <FormError message={props.error} />
      <div class="screen-actions">
        <button type="submit" class="app-primary" disabled={props.pending}>{t().phone.ok}</button>
      </div>
    </form>
  );
}
