// A user's status in Manager: Active or Inactive (R-BLK-4: independent of blocking). Beside a block it is shown quietly, never as a green "all well".
import { useI18n } from '../i18n/i18n-provider';
import type { UserStatus } from '../../domain';

export function StatusBadge(props: { status: UserStatus; quiet?: boolean }) {
  const { t } = useI18n();
  return (
    <span class={`mgr-status mgr-status-${props.status}`} classList={{ 'mgr-status-quiet': props.quiet === true }}>
      {props.status === 'active' ? t().manager.active : t().manager.inactive}
    </span>
  );
}
