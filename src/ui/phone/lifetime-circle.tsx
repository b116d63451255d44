// The circle timer of a 30-s code step (green for offline codes R-OTP-2, red for offline unblock codes R-UBC-4): when the code changes, and how long it is accepted.
import type { CodeTiming } from '../../domain';
import { policy } from '../../domain';
import { useI18n } from '../i18n/i18n-provider';
import { leftWords, secondsUp, totalWords } from './accepted-for';

/** The pie: a circle of this radius stroked twice as wide fills a disc of twice the radius; its path length is 100 (percent). */
const RADIUS = 22;

export function LifetimeCircle(props: { timing: CodeTiming & { changesInMs: number }; tone: 'green' | 'red' }) {
  const { t } = useI18n();
  const seconds = () => secondsUp(props.timing.changesInMs);
  const percent = () => Math.min(100, Math.max(0, (props.timing.changesInMs / policy.OFFLINE_STEP_MS) * 100));
  return (
    <div class="lifetime lifetime-round">
      <div
        class={`lifetime-circle lifetime-${props.tone}`}
        role="progressbar"
        aria-label={t().phone.nextCodeTimer}
        aria-valuemin={0}
        aria-valuemax={Math.round(policy.OFFLINE_STEP_MS / 1000)}
        aria-valuenow={seconds()}
        aria-valuetext={t().phone.changesIn(seconds())}
      >
        <svg viewBox="0 0 100 100" aria-hidden="true">
          <circle class="circle-track" cx="50" cy="50" r="47" />
          <circle
            class="circle-pie"
            cx="50"
            cy="50"
            r={RADIUS}
            stroke-width={RADIUS * 2}
            pathLength="100"
            stroke-dasharray={`${percent()} 100`}
            transform="rotate(-90 50 50) scale(1 -1) translate(0 -100)"
          />
        </svg>
      </div>
      <p class="lifetime-text lifetime-changes">{t().phone.changesIn(seconds())}</p>
      <p class="lifetime-text lifetime-accepted">{t().phone.acceptedLeft(leftWords(props.timing.acceptedLeftMs), totalWords(props.timing.acceptedForMs, t()))}</p>
    </div>
  );
}
