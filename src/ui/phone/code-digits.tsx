// A one-time code in large digits, grouped for reading (123 456, 1234 5678); the offline unblock code in its own labelled band, so it is never taken for Manager's UBC.
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';

/** Splits a code into groups of 4 when it has 8 digits, else of 3. */
function groups(code: string): string[] {
  const size = code.length === 8 ? 4 : 3;
  const out: string[] = [];
  for (let i = 0; i < code.length; i += size) out.push(code.slice(i, i + size));
  return out;
}

/** `unblock`: R-UBC-4's 9-digit code, captioned for what it is and where it goes; the groups are joined by dots drawn in CSS, so the text stays digits only. */
export function CodeDigits(props: { code: string; kind?: 'code' | 'unblock' }) {
  const { t } = useI18n();
  const digits = () => (
    <output
      class="code-digits"
      classList={{ 'code-digits-long': props.code.length > 6, 'code-digits-unblock': props.kind === 'unblock' }}
      aria-label={t().phone.codeDisplay}
    >
      <For each={groups(props.code)}>{(group) => <span class="code-group">{group}</span>}</For>
    </output>
  );
  return (
    <Show when={props.kind === 'unblock'} fallback={digits()}>
      <div class="unblock-band">
        <p class="unblock-caption">{t().phone.unblockCodeCaption}</p>
        {digits()}
      </div>
    </Show>
  );
}
