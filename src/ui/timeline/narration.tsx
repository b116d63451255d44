// The scenario step the moment shown belongs to, with its narration, when the sandbox was opened from a scenario.
import { createMemo, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { loadNarration } from '../sandbox/scenario-narration';

export function Narration(props: { position: number }) {
  const sandbox = useSandbox();
  const { t, lang } = useI18n();
  const steps = createMemo(() => loadNarration(sandbox.info().id));
  const step = () => steps().find((s) => s.first <= props.position && props.position <= s.last);
  return (
    <Show when={step()}>
      {(current) => (
        <section class="tl-narration" aria-label={t().timeline.narration}>
          <strong>{t().timeline.stepOf(current().index + 1, current().action)}</strong>
          <Show when={current().narration}>{(words) => <p>{words()[lang()]}</p>}</Show>
        </section>
      )}
    </Show>
  );
}
