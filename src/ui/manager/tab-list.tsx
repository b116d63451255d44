// An accessible tab list (WAI-ARIA tabs pattern): arrow keys, Home and End move between tabs; panels are the caller's.
import { For } from 'solid-js';

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

/** The id of a tab's element, for the panel's aria-labelledby. */
export function tabElementId(prefix: string, id: string): string {
  return `${prefix}-tab-${id}`;
}

/** The id of a tab's panel, for the tab's aria-controls. */
export function panelElementId(prefix: string, id: string): string {
  return `${prefix}-panel-${id}`;
}

export function TabList<T extends string>(props: { label: string; prefix: string; items: TabItem<T>[]; active: T; onSelect: (id: T) => void; class?: string }) {
  const move = (event: KeyboardEvent) => {
    const index = props.items.findIndex((item) => item.id === props.active);
    const last = props.items.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined || props.items.length === 0) return;
    event.preventDefault();
    const item = props.items[(next + props.items.length) % props.items.length];
    if (!item) return;
    props.onSelect(item.id);
    document.getElementById(tabElementId(props.prefix, item.id))?.focus();
  };
  return (
    <div class={`mgr-tabs ${props.class ?? ''}`} role="tablist" aria-label={props.label} onKeyDown={move}>
      <For each={props.items}>
        {(item) => (
          <button
            type="button"
            role="tab"
            id={tabElementId(props.prefix, item.id)}
            aria-selected={props.active === item.id}
            aria-controls={panelElementId(props.prefix, item.id)}
            tabindex={props.active === item.id ? 0 : -1}
            onClick={() => props.onSelect(item.id)}
          >
            {item.label}
          </button>
        )}
      </For>
    </div>
  );
}
