// A code that changes every 30-s step of phone time, from the codes the app computed ahead; expired when they run out.
import { Show } from 'solid-js';
import { usePhone } from './phone-context';
import { CodeDigits } from './code-digits';
import { LifetimeCircle } from './lifetime-circle';
import { CodeExpired } from './code-expired';
import { policy, stepOf, stepStart } from '../../domain';

export function SteppedCode(props: { firstStep: number; codes: readonly string[]; tone: 'green' | 'red'; expiredHint?: string }) {
  const { phoneNow } = usePhone();
  const step = () => stepOf(phoneNow());
  /** The code for the phone's current step (R-OTP-2 / R-UBC-4), or undefined past the last one computed. */
  const code = () => props.codes[step() - props.firstStep];
  const remainingMs = () => stepStart(step() + 1) - phoneNow();
  return (
    <Show when={code()} fallback={<CodeExpired hint={props.expiredHint} />}>
      {(current) => (
        <>
          <CodeDigits code={current()} />
          <LifetimeCircle remainingMs={remainingMs()} totalMs={policy.OFFLINE_STEP_MS} tone={props.tone} />
        </>
      )}
    </Show>
  );
}
