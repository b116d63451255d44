// Where the demo player appears: at the bottom of the page while the open sandbox is the one this tab's demo plays on.
// The player (and the scenario code it needs) loads the first time a demo is shown.
import { lazy, onMount, Show, Suspense } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { demoKept, demoSession } from './demo-signal';

const DemoPlayer = lazy(() => import('./demo-player'));

export function DemoHost() {
  const sandbox = useSandbox();
  /** The demo's sandbox is open (a boolean, so the player stays mounted while the demo moves on). */
  const shown = () => demoSession()?.sandboxId === sandbox.info().id;
  // A reload during a demo: read it back (its schema loads only then).
  onMount(() => {
    if (demoKept()) void import('./demo-session').then((module) => module.restoreDemo());
  });
  return (
    <Show when={shown()}>
      <Suspense>
        <DemoPlayer />
      </Suspense>
    </Show>
  );
}
