// Whether a notice carries the "Unblock" call to action (a blocked PIN with a UBC to ask for), so the footer does not repeat it.
import type { AppNotice } from '../../domain';

export function offersUnblock(notice: AppNotice | null): boolean {
  return notice?.kind === 'pin-blocked' && notice.hasUbc;
}
