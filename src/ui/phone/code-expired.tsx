// Shown instead of a code whose time is up: say so, and what to do for a new one.
import { useI18n } from '../i18n/i18n-provider';

export function CodeExpired(props: { hint?: string }) {
  const { t } = useI18n();
  return (
    <div class="code-expired" role="status">
      <p class="code-expired-title">{t().phone.codeExpired}</p>
      <p class="code-expired-hint">{props.hint ?? t().phone.codeExpiredHint}</p>
    </div>
  );
}
