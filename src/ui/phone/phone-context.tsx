// The phone shown in the pane, its own clock (R-CLK-2), what the SMS notification hands to the SMS code field, and the offline unblock code it made.
import { createContext, createEffect, createSignal, useContext } from 'solid-js';
import type { Accessor, JSX } from 'solid-js';
import type { PhoneState } from '../../domain';
import { useSandbox } from '../sandbox/sandbox-provider';
import type { MadeUnblockCode } from './unblock-memory';
import { forgetUnblockCode, madeUnblockCode, makeMemoryKey, rememberUnblockCode } from './unblock-memory';

export interface PhoneScope {
  phone: Accessor<PhoneState>;
  /** Phone time: simulated server time plus this phone's clock offset, never the wall clock. */
  phoneNow: Accessor<number>;
  /** A code the person chose to use from the SMS notification, for the SMS code field to pick up. */
  smsFill: Accessor<string>;
  setSmsFill(code: string): void;
  /** R-UBC-4: the offline unblock code this app made while offline, until the phone is online again. */
  madeCode: Accessor<MadeUnblockCode | undefined>;
  rememberCode(code: MadeUnblockCode): void;
}

const PhoneContext = createContext<PhoneScope>();

/** Provides one phone of the world to the device drawn inside. */
export function PhoneProvider(props: { phone: PhoneState; children: JSX.Element }) {
  const sandbox = useSandbox();
  const [smsFill, setSmsFill] = createSignal('');
  const key = () => makeMemoryKey(sandbox.info().id, props.phone.id);
  // Online, or wiped: the server's links say what is true, so the memory of a made code is dropped.
  createEffect(() => {
    if (props.phone.online || !props.phone.app.device) forgetUnblockCode(key());
  });
  const scope: PhoneScope = {
    phone: () => props.phone,
    phoneNow: () => sandbox.now() + props.phone.clockOffsetMs,
    smsFill,
    setSmsFill,
    madeCode: () => (props.phone.online ? undefined : madeUnblockCode(key())),
    rememberCode: (code) => rememberUnblockCode(key(), code),
  };
  return <PhoneContext.Provider value={scope}>{props.children}</PhoneContext.Provider>;
}

/** The phone in scope; throws outside a PhoneProvider. */
export function usePhone(): PhoneScope {
  const scope = useContext(PhoneContext);
  if (!scope) throw new Error('usePhone must be used inside <PhoneProvider>');
  return scope;
}
