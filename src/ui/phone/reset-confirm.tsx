// The sheet that asks before "Reset app" wipes the app (R-ACT-3); the rest of the app is inert while it is open.
import { createUniqueId, onMount } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { usePhone } from './phone-context';
import { FormError } from './form-error';

export function ResetConfirm(props: { onClose: () => void }) {
  const { t } = useI18n();
  const { phone } = usePhone();
  const command = createCommand();
  const id = createUniqueId();
  let cancel: HTMLButtonElement | undefined;
  onMount(() => cancel?.focus());
  const reset = async () => {
    await command.run({ type: 'AppReset', phoneId: phone().id });
    if (!command.error()) props.onClose();
  };
  return (
    <div class="sheet-backdrop" onKeyDown={(event) => event.key === 'Escape' && props.onClose()}>
      <div class="sheet" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
        <h2 id={`${id}-title`} class="sheet-title">{t().phone.resetTitle}</h2>
        <p id={`${id}-text`} class="sheet-text">{t().phone.resetText}</p>
        <div class="sheet-actions">
          <button type="button" ref={cancel} onClick={() => props.onClose()}>{t().phone.cancel}</button>
          <button type="button" class="button-danger" disabled={command.pending()} onClick={reset}>{t().phone.resetApp}</button>
        </div>
        <FormError message={command.error()} />
      </div>
    </div>
  );
}
