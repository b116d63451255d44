// The app's notice (AppNotice): what just happened, attempts remaining, what to do next; problems are alerts, the rest status.
import { createSignal, Show } from 'solid-js';
import type { AppNotice } from '../../domain';
import { useI18n } from '../i18n/i18n-provider';
import { usePhone } from './phone-context';
import { Icon } from './icon';

type Tone = 'bad' | 'good' | 'info';

const TONE: Record<AppNotice['kind'], Tone> = {
  'sms-sent': 'info', 'wrong-pin': 'bad', 'pin-blocked': 'bad', 'wrong-ubc': 'bad', 'ubc-blocked': 'bad',
  'ubc-used': 'bad', unblocked: 'good', 'unblock-confirmed': 'good', 'pin-changed': 'good', 'pin-set': 'good', replaced: 'bad',
};

export function NoticeBanner() {
  const { t } = useI18n();
  const { phone } = usePhone();
  /** The notice the person closed; the next notice is a new object and shows again. */
  const [dismissed, setDismissed] = createSignal<AppNotice | null>(null);
  const notice = () => {
    const current = phone().app.notice;
    // While the PIN is blocked the screen itself says so, with Unblock as its way on: no second message or button.
    if (current?.kind === 'pin-blocked' && phone().app.pinBlocked) return null;
    return current && current !== dismissed() ? current : null;
  };
  /** Words for each notice, in the current language. */
  const words = (n: AppNotice): string => {
    const p = t().phone;
    switch (n.kind) {
      case 'sms-sent': return p.noticeSmsSent(n.mobile);
      case 'wrong-pin': return p.noticeWrongPin(n.attemptsRemaining);
      case 'pin-blocked': return n.hasUbc ? p.noticePinBlocked : p.noticePinBlockedNoUbc;
      case 'wrong-ubc': return p.noticeWrongUbc(n.attemptsRemaining);
      case 'ubc-blocked': return p.noticeUbcBlocked;
      case 'ubc-used': return p.noticeUbcUsed;
      case 'unblock-confirmed': return p.noticeUnblockConfirmed(n.orgName);
      case 'unblocked': return n.newPinSet ? p.noticeUnblockedNewPin(n.orgName) : p.noticeUnblockedKept(n.orgName);
      case 'pin-changed': return p.noticePinChanged;
      case 'pin-set': return p.noticePinSet;
      case 'replaced': return p.noticeReplaced;
    }
  };
  return (
    <Show when={notice()}>
      {(n) => (
        <div class={`notice notice-${TONE[n().kind]}`} role={TONE[n().kind] === 'bad' ? 'alert' : 'status'}>
          <p class="notice-text">{words(n())}</p>
          <button type="button" class="notice-close" aria-label={t().phone.dismissNotice} onClick={() => setDismissed(n())}>
            <Icon name="close" />
          </button>
        </div>
      )}
    </Show>
  );
}
