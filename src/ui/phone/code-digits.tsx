// A one-time code in large digits, grouped for reading (123 456, 1234 5678, 123 456 789); copies without spaces.
import { For } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';

/** Splits a code into groups of 4 when it has 8 digits, else of 3. */
function groups(code: string): string[] {
  const size = code.length === 8 ? 4 : 3;
  const out: string[] = [];
  for (let i = 0; i < code.length; i += size) out.push(code.slice(i, i + size));
  return out;
}

export function CodeDigits(props: { code: string }) {
  const { t } = useI18n();
  return (
    <output class="code-digits" classList={{ 'code-digits-long': props.code.length > 6 }} aria-label={t().phone.codeDisplay}>
      <For each={groups(props.code)}>{(group) => <span class="code-group">{group}</span>}</For>
    </output>
  );
}
