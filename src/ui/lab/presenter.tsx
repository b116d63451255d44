// The presenter view: larger type, a large server clock, the lab bar hidden on request, the control that acted
// highlighted, and the next 30-s step on one key (N). Remembered in this browser.
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js';
import type { Accessor } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { formatDateTime } from '../../i18n/format';
import { policy } from '../../domain';

const KEY = 'code-sandbox:presenter';
const HIGHLIGHT_MS = 1_200;

function stored(): { on: boolean; labHidden: boolean } {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (value && typeof value === 'object' && 'on' in value && 'labHidden' in value) return { on: value.on === true, labHidden: value.labHidden === true };
  } catch {
    // Storage may be unavailable or hold something else: start with the normal view.
  }
  return { on: false, labHidden: false };
}

const initial = stored();
const [on, setOn] = createSignal(initial.on);
const [labHidden, setLabHidden] = createSignal(initial.labHidden);

export const presenter: { on: Accessor<boolean>; labHidden: Accessor<boolean>; toggle(): void; setLabHidden(hidden: boolean): void } = {
  on,
  labHidden: () => on() && labHidden(),
  toggle: () => setOn(!on()),
  setLabHidden,
};

/** Moves focus to the element the selector finds, when there is one: where focus goes when the lab bar hides or shows. */
export function focusFirst(selector: string): void {
  document.querySelector<HTMLElement>(selector)?.focus();
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Applies the view to the page and listens for its key and clicks while it is on. Renders the strip shown instead of a hidden lab bar. */
export function PresenterEffects() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const next = () => void sandbox.dispatch({ type: 'AdvanceClock', byMs: policy.OFFLINE_STEP_MS });

  createEffect(() => {
    document.documentElement.classList.toggle('presenter', on());
    document.documentElement.classList.toggle('lab-hidden', presenter.labHidden());
    try {
      localStorage.setItem(KEY, JSON.stringify({ on: on(), labHidden: labHidden() }));
    } catch {
      // Not remembered where storage is unavailable; the view still works.
    }
  });

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!on() || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        next();
      }
    };
    // The control that acted stays lit a moment, so a room can follow what was clicked.
    const onClick = (event: MouseEvent) => {
      if (!on()) return;
      const control = event.target instanceof Element ? event.target.closest('button, summary, [role="tab"]') : null;
      if (!control) return;
      control.classList.add('acted');
      setTimeout(() => control.classList.remove('acted'), HIGHLIGHT_MS);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick, true);
    onCleanup(() => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick, true);
    });
  });

  return (
    <Show when={presenter.labHidden()}>
      <div class="presenter-strip" role="region" aria-label={t().history.presenterOn}>
        {/* The page's title stays for assistive technology while the lab bar (and its heading) is hidden. */}
        <h1 class="visually-hidden">{t().appTitle}</h1>
        <time class="presenter-clock" datetime={new Date(sandbox.now()).toISOString()}>{formatDateTime(sandbox.now())} UTC</time>
        <button type="button" onClick={next} title={t().history.nextStepKey}>{t().history.nextStep}</button>
        <button type="button" class="presenter-show" onClick={() => { setLabHidden(false); focusFirst('.lab .presenter-hide'); }}>{t().history.showLab}</button>
      </div>
    </Show>
  );
}
