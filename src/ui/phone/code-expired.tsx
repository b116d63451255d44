// Shown instead of a code whose time is up: say so, and the screen's OK leads back to the PIN pad.
import { useI18n } from '../i18n/i18n-provider';

export function CodeExpired() {
  const { t } = useI18n();
  return (
    <div class="code-expired" role="status">
      <p class="code-expired-title">{t().phone.codeExpired}</p>
      <p class="code-expired-hint">{t().phone.codeExpiredHint}</p>
    </div>
  );
}
