// The online code's 120-s bar (R-OTP-1) as a progressbar "Code lifetime", running on simulated phone time; the time left also in words.
import type { CodeTiming } from '../../domain';
import { useI18n } from '../i18n/i18n-provider';
import { leftWords, secondsUp, totalWords } from './accepted-for';

/** Below this share of its life left, the bar turns amber (red is kept for blocked); the words say the time either way. */
const LOW_SHARE = 0.2;

export function LifetimeBar(props: { timing: CodeTiming }) {
  const { t } = useI18n();
  const seconds = () => secondsUp(props.timing.acceptedLeftMs);
  const share = () => Math.min(1, Math.max(0, props.timing.acceptedLeftMs / props.timing.acceptedForMs));
  const words = () => t().phone.acceptedOnce(leftWords(props.timing.acceptedLeftMs), totalWords(props.timing.acceptedForMs, t()));
  return (
    <div class="lifetime">
      <div
        class="lifetime-bar"
        classList={{ 'lifetime-low': share() < LOW_SHARE }}
        role="progressbar"
        aria-label={t().phone.codeLifetime}
        aria-valuemin={0}
        aria-valuemax={Math.round(props.timing.acceptedForMs / 1000)}
        aria-valuenow={seconds()}
        aria-valuetext={t().phone.secondsLeft(seconds())}
      >
        <div class="lifetime-fill" style={{ width: `${share() * 100}%` }} />
      </div>
      <p class="lifetime-text">{words()}</p>
    </div>
  );
}
