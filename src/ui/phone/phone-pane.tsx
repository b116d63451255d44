// The Code app pane: a phone on screen (placeholder until the Code app screens are built).
import { useI18n } from '../i18n/i18n-provider';

export function PhonePane() {
  const { t } = useI18n();
  return <section aria-label={t().paneCodeApp} class="pane-body" />;
}
