// The server clock in the lab bar (R-CLK-1): simulated time, pause or resume, speed, steps forward, set forward.
import { createSignal, For } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { createCommand } from '../sandbox/create-command';
import { useI18n } from '../i18n/i18n-provider';
import { ErrorAlert } from '../common/error-alert';
import { formatDateTime, parseDateTime } from '../../i18n/format';
import type { UiText } from '../../i18n/ui-text';

const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
const STEPS: readonly { label: (text: UiText) => string; ms: number }[] = [
  { label: () => '+30 s', ms: 30_000 },
  { label: () => '+2 min', ms: 120_000 },
  { label: () => '+15 min', ms: 900_000 },
  { label: (text) => text.plusOneDay, ms: 86_400_000 },
];

export function ClockControls() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const command = createCommand();
  const clock = () => sandbox.world().clock;
  const [target, setTarget] = createSignal('');
  const [badTarget, setBadTarget] = createSignal(false);

  const setClock = async (event: SubmitEvent) => {
    event.preventDefault();
    const toMs = parseDateTime(target());
    setBadTarget(toMs === null);
    if (toMs === null) return;
    if (await command.run({ type: 'SetClock', toMs })) setTarget(formatDateTime(toMs));
  };
  /** Opening the field starts from the server time, to be moved forward (R-CLK-1). */
  const prefill = (event: Event & { currentTarget: HTMLDetailsElement }) => {
    if (!event.currentTarget.open) return;
    // The next whole second, so setting the field as it opens never sets the clock back (R-CLK-1).
    setTarget(formatDateTime(Math.ceil(sandbox.now() / 1000) * 1000));
    setBadTarget(false);
  };

  return (
    <div class="clock" role="group" aria-label={t().serverClock}>
      <div class="clock-time">
        <span class="visually-hidden">{t().serverClock}</span>
        <time data-testid="server-time" datetime={new Date(sandbox.now()).toISOString()}>
          {formatDateTime(sandbox.now())}
        </time>
        <span class="clock-zone">UTC</span>
        <span class={clock().running ? 'badge badge-running' : 'badge'}>{clock().running ? `${t().running} ×${clock().speed}` : t().paused}</span>
      </div>
      <div class="clock-buttons">
        {/* One button that says what it will do: pressed, it stays the same element, so keyboard focus stays on it. */}
        <button type="button" classList={{ primary: !clock().running }} onClick={() => command.run({ type: clock().running ? 'PauseClock' : 'ResumeClock' })}>
          {clock().running ? t().pause : t().resume}
        </button>
        <label class="inline">
          <span class="visually-hidden">{t().speed}</span>
          <select
            value={clock().speed}
            onChange={(event) => command.run({ type: 'SetClockSpeed', speed: Number(event.currentTarget.value) })}
          >
            <For each={SPEEDS}>{(speed) => <option value={speed}>×{speed}</option>}</For>
          </select>
        </label>
        <For each={STEPS}>
          {(step) => (
            <button type="button" onClick={() => command.run({ type: 'AdvanceClock', byMs: step.ms })}>
              {step.label(t())}
            </button>
          )}
        </For>
        <details class="popover" onToggle={prefill}>
          <summary aria-label={t().setClock}>{t().setClockShort}</summary>
          <div class="popover-body">
              <form class="inline" onSubmit={setClock} noValidate>
                <label class="inline">
                  <span>{t().setClockUtc}</span>
                  <input
                    type="text"
                    inputMode="numeric"
                    spellcheck={false}
                    aria-label={t().setClock}
                    aria-invalid={badTarget()}
                    aria-describedby="clock-target-hint"
                    placeholder="2026-01-05 09:30:00"
                    size={19}
                    value={target()}
                    onInput={(event) => { setTarget(event.currentTarget.value); setBadTarget(false); }}
                  />
                </label>
                <button type="submit" disabled={target().trim() === ''}>{t().setClockApply}</button>
                <p id="clock-target-hint" classList={{ error: badTarget(), muted: !badTarget() }} role={badTarget() ? 'alert' : undefined}>
                  {badTarget() ? t().setClockBad : t().setClockHint}
                </p>
              </form>
          </div>
        </details>
      </div>
      <ErrorAlert message={command.error()} />
    </div>
  );
}
