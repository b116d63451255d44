// The three panes side by side; on a phone-sized screen one pane at a time, with tabs to switch.
import { createSignal, For } from 'solid-js';
import type { JSX } from 'solid-js';
import { useI18n } from './i18n/i18n-provider';
import { PhonePane } from './phone/phone-pane';
import { ManagerPane } from './manager/manager-pane';
import { LoginPane } from './login/login-pane';
import { useSandbox } from './sandbox/sandbox-provider';

type PaneId = 'phone' | 'manager' | 'login';

export function Workspace() {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const [active, setActive] = createSignal<PaneId>('phone');
  const panes: { id: PaneId; label: () => string; render: () => JSX.Element }[] = [
    { id: 'phone', label: () => t().paneCodeApp, render: () => <PhonePane /> },
    { id: 'manager', label: () => t().paneManager, render: () => <ManagerPane /> },
    { id: 'login', label: () => t().paneLogin, render: () => <LoginPane /> },
  ];
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = panes.findIndex((pane) => pane.id === active());
    const next = panes[(index + (event.key === 'ArrowRight' ? 1 : panes.length - 1)) % panes.length];
    if (next) {
      setActive(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  };
  return (
    <main class="workspace" classList={{ replaying: sandbox.replay() !== null }}>
      <div class="pane-tabs" role="tablist" aria-label={t().panes} onKeyDown={onKey}>
        <For each={panes}>
          {(pane) => (
            <button
              type="button"
              role="tab"
              id={`tab-${pane.id}`}
              aria-selected={active() === pane.id}
              aria-controls={`pane-${pane.id}`}
              tabindex={active() === pane.id ? 0 : -1}
              onClick={() => setActive(pane.id)}
            >
              {pane.label()}
            </button>
          )}
        </For>
      </div>
      <div class="panes">
        <For each={panes}>
          {(pane) => (
            <div id={`pane-${pane.id}`} role="tabpanel" aria-labelledby={`tab-${pane.id}`} class={`pane pane-${pane.id}`} classList={{ 'pane-active': active() === pane.id }}>
              {pane.render()}
            </div>
          )}
        </For>
      </div>
    </main>
  );
}
