// Where the demo player appears: at the bottom of the page while the open sandbox is the one this tab's demo plays on.
// The player (and the scenario code it needs) loads the first time a demo is shown.
import { lazy, Show, Suspense } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { demoSession } from './demo-session';

const DemoPlayer = lazy(() => import('./demo-player'));

export function DemoHost() {
  const sandbox = useSandbox();
  /** The demo's sandbox is open (a boolean, so the player stays mounted while the demo moves on). */
  const shown = () => demoSession()?.sandboxId === sandbox.info().id;
  return (
    <Show when={shown()}>
      <Suspense>
        <DemoPlayer />
      </Suspense>
    </Show>
  );
}
