// The online code's 120-s bar (R-OTP-1) as a progressbar "Code lifetime", running on simulated phone time.
import { useI18n } from '../i18n/i18n-provider';

/** Below this share of its life left, the bar turns red. */
const LOW_SHARE = 0.2;

export function LifetimeBar(props: { remainingMs: number; totalMs: number }) {
  const { t } = useI18n();
  const seconds = () => Math.ceil(props.remainingMs / 1000);
  const share = () => Math.min(1, Math.max(0, props.remainingMs / props.totalMs));
  return (
    <div class="lifetime">
      <div
        class="lifetime-bar"
        classList={{ 'lifetime-low': share() < LOW_SHARE }}
        role="progressbar"
        aria-label={t().phone.codeLifetime}
        aria-valuemin={0}
        aria-valuemax={Math.round(props.totalMs / 1000)}
        aria-valuenow={seconds()}
        aria-valuetext={t().phone.secondsLeft(seconds())}
      >
        <div class="lifetime-fill" style={{ width: `${share() * 100}%` }} />
      </div>
      <span class="lifetime-text" aria-hidden="true">{t().phone.secondsLeft(seconds())}</span>
    </div>
  );
}
