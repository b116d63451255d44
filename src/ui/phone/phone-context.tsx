// The phone shown in the pane, its own clock (R-CLK-2) and what the SMS notification hands to the SMS code field.
import { createContext, createSignal, useContext } from 'solid-js';
import type { Accessor, JSX } from 'solid-js';
import type { PhoneState } from '../../domain';
import { useSandbox } from '../sandbox/sandbox-provider';

export interface PhoneScope {
  phone: Accessor<PhoneState>;
  /** Phone time: simulated server time plus this phone's clock offset, never the wall clock. */
  phoneNow: Accessor<number>;
  /** A code the person chose to use from the SMS notification, for the SMS code field to pick up. */
  smsFill: Accessor<string>;
  setSmsFill(code: string): void;
}

const PhoneContext = createContext<PhoneScope>();

/** Provides one phone of the world to the device drawn inside. */
export function PhoneProvider(props: { phone: PhoneState; children: JSX.Element }) {
  const sandbox = useSandbox();
  const [smsFill, setSmsFill] = createSignal('');
  const scope: PhoneScope = {
    phone: () => props.phone,
    phoneNow: () => sandbox.now() + props.phone.clockOffsetMs,
    smsFill,
    setSmsFill,
  };
  return <PhoneContext.Provider value={scope}>{props.children}</PhoneContext.Provider>;
}

/** The phone in scope; throws outside a PhoneProvider. */
export function usePhone(): PhoneScope {
  const scope = useContext(PhoneContext);
  if (!scope) throw new Error('usePhone must be used inside <PhoneProvider>');
  return scope;
}
