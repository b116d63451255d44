// The displayed UBC, labelled "Unblocking code (UBC)" and styled unlike the phone's 9-digit offline unblock code, grouped 3-3-3 for reading out (R-UBC-1).
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
    <div class="mgr-ubc" role="group" aria-labelledby="mgr-ubc-title" aria-describedby="mgr-ubc-kind mgr-ubc-hint" tabindex="-1" ref={box}>
      <p id="mgr-ubc-kind" class="mgr-ubc-kind">
        <svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="5" cy="8" r="3.2" fill="none" stroke="currentColor" stroke-width="1.8" /><path d="M8 8h7M12.5 8v3M15 8v2.2" fill="none" stroke="currentColor" stroke-width="1.8" /></svg>
        {t().manager.ubcKind}
      </p>
      <p id="mgr-ubc-title" class="mgr-ubc-title">{t().manager.ubcTitle(props.username)}</p>
      <p class="mgr-ubc-code" data-testid="ubc-code">{groupDigits(props.ubc)}</p>
      <p id="mgr-ubc-hint" class="mgr-small">{t().manager.ubcHint}</p>
      <div class="mgr-ubc-buttons">
        <button type="button" onClick={copy}>{t().manager.copy}</button>
        <button type="button" onClick={() => props.onClose()}>{t().manager.hideUbc}</button>
        <Show when={copied()}><span class="mgr-small mgr-ok" role="status">{t().manager.copied}</span></Show>
      </div>
    </div>
  );
}
