// The Manager pane (placeholder until the Manager screens are built).
import { useI18n } from '../i18n/i18n-provider';

export function ManagerPane() {
  const { t } = useI18n();
  return <section aria-label={t().paneManager} class="pane-body" />;
}
