// The organization's login page pane (placeholder until the login page is built).
import { useI18n } from '../i18n/i18n-provider';

export function LoginPane() {
  const { t } = useI18n();
  return <section aria-label={t().paneLogin} class="pane-body" />;
}
