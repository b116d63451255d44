// The PIN screen: the PIN pad, or, while the PIN is blocked, the blocked state with Unblock as the way on (R-BLK-1, R-UBC-2).
import { Match, Switch } from 'solid-js';
import { usePhone } from './phone-context';
import { PinEntry } from './pin-entry';
import { BlockedPinScreen } from './blocked-pin-screen';
import { BlockedOfflineScreen } from './blocked-offline-screen';

/** `typing`: offline the app cannot know whether an unblock went through, so the person may still choose the pad. */
export function PinScreen(props: { typing: boolean; onTyping: (typing: boolean) => void }) {
  const { phone } = usePhone();
  const blocked = () => phone().app.pinBlocked;
  const hasUbc = () => phone().app.links.length > 0;
  return (
    <Switch>
      {/* Online the server's answer is fresh: a blocked PIN gives no code, so no pad is offered. */}
      <Match when={blocked() && (phone().online || !hasUbc())}><BlockedPinScreen /></Match>
      <Match when={blocked() && !props.typing}><BlockedOfflineScreen onTypePin={() => props.onTyping(true)} /></Match>
      <Match when={true}><PinEntry /></Match>
    </Switch>
  );
}
