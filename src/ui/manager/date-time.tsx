// A simulated instant (UTC, R-CLK-1) as time of day over its date, in a <time> element.
import { formatDate, formatTime } from '../../i18n/format';

export function DateTime(props: { ms: number }) {
  return (
    <time class="mgr-datetime" datetime={new Date(props.ms).toISOString()}>
      <span class="mgr-time">{formatTime(props.ms)}</span>{' '}
      <span class="mgr-date">{formatDate(props.ms)}</span>
    </time>
  );
}
