// The displayed UBC in a clear box, grouped 3-3-3 for reading over the phone, until the administrator hides it (R-UBC-1).
import { createSignal, onMount, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';

/** "123456789" -> "123 456 789". */
export function groupDigits(code: string): string {
  return code.replace(/(\d{3})(?=\d)/g, '$1 ');
}

export function UbcBox(props: { ubc: string; username: string; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = createSignal(false);
  let box: HTMLDivElement | undefined;
  onMount(() => box?.focus());
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.ubc);
      setCopied(true);
      setTimeout(() => setCopied(false), 1_500);
    } catch {
      setCopied(false); // the clipboard may be unavailable (permissions): the code is on screen anyway
    }
  };
  return (
    <div class="mgr-ubc" role="group" aria-labelledby="mgr-ubc-title" tabindex="-1" ref={box}>
      <p id="mgr-ubc-title" class="mgr-ubc-title">{t().manager.ubcTitle(props.username)}</p>
      <p class="mgr-ubc-code" data-testid="ubc-code">{groupDigits(props.ubc)}</p>
      <p class="mgr-small muted">{t().manager.ubcHint}</p>
      <div class="mgr-ubc-buttons">
        <button type="button" onClick={copy}>{t().manager.copy}</button>
        <button type="button" onClick={() => props.onClose()}>{t().manager.hideUbc}</button>
        <Show when={copied()}><span class="mgr-small mgr-ok" role="status">{t().manager.copied}</span></Show>
      </div>
    </div>
  );
}
