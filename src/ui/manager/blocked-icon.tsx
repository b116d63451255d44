// "PIN blocked" as a red badge with a padlock and the words (R-BLK-4, doc's red icon), named for assistive technology.
import { useI18n } from '../i18n/i18n-provider';

export function BlockedIcon(props: { large?: boolean }) {
  const { t } = useI18n();
  return (
    <span class="mgr-blocked" classList={{ 'mgr-blocked-large': props.large === true }} role="img" aria-label={t().manager.pinBlocked}>
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" stroke-width="1.8" />
        <rect x="2.5" y="7" width="11" height="7.5" rx="1.6" fill="currentColor" />
      </svg>
      <span aria-hidden="true">{t().manager.pinBlocked}</span>
    </span>
  );
}
