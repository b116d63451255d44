// A blocked user's UBC (R-UBC-1, R-UBC-3): Display UBC (audited), or Generate new UBC once the UBC is blocked.
import { createEffect, createSignal, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { policy } from '../../domain';
import type { Link } from '../../domain';
import { useManager } from './manager-session';
import { UbcBox } from './ubc-box';
import { SupportScript } from './support-script';
import { CommandError } from './command-error';

export function UbcControls(props: { link: Link }) {
  const { t } = useI18n();
  const session = useManager();
  const display = createCommand();
  const generate = createCommand();
  const [shown, setShown] = createSignal<string | null>(null);
  let displayButton: HTMLButtonElement | undefined;
  /** Set when Display UBC should take the focus as soon as it is on screen again. */
  let focusDisplay = false;
  const displayRef = (el: HTMLButtonElement) => {
    displayButton = el;
    if (focusDisplay) {
      focusDisplay = false;
      queueMicrotask(() => el.focus()); // the element is inserted into the page after its ref runs
    }
  };
  const target = () => ({ by: session.admin().id, orgId: session.org().id, mobile: props.link.mobile });
  // A UBC on screen that was spent, replaced or blocked is no longer worth reading out: hide it.
  createEffect(() => {
    const ubc = shown();
    if (ubc !== null && (props.link.ubc !== ubc || props.link.ubcBlocked || !props.link.blocked)) setShown(null);
  });
  const onDisplay = async () => {
    const reply = await display.run({ type: 'DisplayUbc', ...target() });
    if (reply?.kind === 'ubc') setShown(reply.ubc);
  };

  // The new UBC is read out next: Display UBC takes the focus (it replaces the button just pressed).
  const onGenerate = async () => {
    focusDisplay = true;
    if (!(await generate.run({ type: 'GenerateNewUbc', ...target() }))) focusDisplay = false;
  };

  return (
    <div class="mgr-strip mgr-strip-danger">
      <Show
        when={!props.link.ubcBlocked}
        fallback={
          <>
            <p class="mgr-strip-text"><strong>{t().manager.ubcBlocked}</strong> {t().manager.ubcBlockedHint}</p>
            <Show when={session.allowed('generate-ubc')}>
              <div class="mgr-control">
                <button type="button" class="primary" disabled={generate.pending()} onClick={onGenerate}>
                  {t().manager.generateUbc}
                </button>
              </div>
              <CommandError runner={generate} />
            </Show>
          </>
        }
      >
        <p class="mgr-strip-text">
          <strong>{t().manager.pinBlocked}</strong>
          <Show when={props.link.blockCause}>{(cause) => <> · {t().manager.causes[cause()]}</>}</Show>. {t().manager.blockedHint}
        </p>
        <p class="mgr-strip-text mgr-ubc-state">{t().manager.ubcAttemptsLeft(policy.MAX_UBC_ATTEMPTS - props.link.ubcFailures)}</p>
        <Show when={session.allowed('display-ubc')}>
          <Show
            when={shown()}
            fallback={
              <div class="mgr-control">
                <button type="button" class="primary" ref={displayRef} disabled={display.pending()} onClick={onDisplay}>{t().manager.displayUbc}</button>
              </div>
            }
          >
            {(ubc) => (
              <div class="mgr-ubc-with-script">
                <UbcBox ubc={ubc()} username={props.link.username} onClose={() => { setShown(null); displayButton?.focus(); }} />
                <SupportScript link={props.link} />
              </div>
            )}
          </Show>
          <CommandError runner={display} />
        </Show>
      </Show>
    </div>
  );
}
