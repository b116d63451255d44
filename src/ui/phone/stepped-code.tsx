// A code that changes every 30-s step of phone time, from the codes the app computed ahead; expired when they run out.
import { Show } from 'solid-js';
import type { ScreenOf } from './screen-of';
import { usePhone } from './phone-context';
import { CodeDigits } from './code-digits';
import { LifetimeCircle } from './lifetime-circle';
import { CodeExpired } from './code-expired';
import { codeTiming, shownCode } from '../../domain';

export function SteppedCode(props: { screen: ScreenOf<'offline-code'> | ScreenOf<'unblock-offline-code'>; expiredHint?: string }) {
  const { phoneNow } = usePhone();
  /** The code for the phone's current step (R-OTP-2 / R-UBC-4), or null past the last one computed. */
  const code = () => shownCode(props.screen, phoneNow());
  const timing = () => {
    const found = codeTiming(props.screen, phoneNow());
    return found && found.changesInMs !== null ? { ...found, changesInMs: found.changesInMs } : null;
  };
  const unblock = () => props.screen.kind === 'unblock-offline-code';
  return (
    <Show when={code()} fallback={<CodeExpired hint={props.expiredHint} />}>
      {(current) => (
        <>
          <CodeDigits code={current()} kind={unblock() ? 'unblock' : 'code'} />
          <Show when={timing()}>{(running) => <LifetimeCircle timing={running()} tone={unblock() ? 'red' : 'green'} />}</Show>
        </>
      )}
    </Show>
  );
}
