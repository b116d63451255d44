// The legend, which is also the filter by kind, and the filters by person, organization and text.
import { For, Show } from 'solid-js';
import type { TimelineModel } from './create-timeline';
import { ENTRY_KINDS } from '../../runtime/replay/entry-kind';
import type { EntryKind } from '../../runtime/replay/entry-kind';
import { MARK_STYLE, NOTE_STYLE } from './mark-style';
import type { Shape } from './mark-style';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';

const PATHS: Record<Shape, string> = {
  circle: 'M6 1a5 5 0 1 0 0.01 0Z', dot: 'M6 3.3a2.7 2.7 0 1 0 0.01 0Z', ring: 'M6 1.8a4.2 4.2 0 1 0 0.01 0Z', square: 'M1 1h10v10H1Z', bar: 'M4 1h4v10H4Z',
  diamond: 'M6 0.5 11.5 6 6 11.5 0.5 6Z', 'triangle-up': 'M6 1 11 11H1Z', 'triangle-down': 'M1 1h10L6 11Z', cross: 'M1.5 1.5 10.5 10.5M10.5 1.5 1.5 10.5', plus: 'M6 1v10M1 6h10',
};
const STROKED: ReadonlySet<Shape> = new Set(['ring', 'cross', 'plus']);

/** A kind's mark as a small picture, the same shape and colour as on the canvas. */
export function MarkIcon(props: { kind: EntryKind }) {
  const style = () => MARK_STYLE[props.kind];
  const stroked = () => STROKED.has(style().shape);
  return (
    <svg class="tl-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d={PATHS[style().shape]} fill={stroked() ? 'none' : style().color} stroke={stroked() ? style().color : 'none'} stroke-width="2" />
    </svg>
  );
}

/** The trainer's-note marker as a small picture: the shaded cell with its folded corner, as on the canvas (framed, to stand out in the legend). */
export function NoteIcon() {
  return (
    <svg class="tl-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M0.5 0.5h11v11h-11Z" fill={NOTE_STYLE.shade} stroke={NOTE_STYLE.corner} stroke-width="1" />
      <path d="M6.5 0h5.5v5.5Z" fill={NOTE_STYLE.corner} />
      <path d="M6 0 12 6" stroke="#ffffff" stroke-width="1" />
    </svg>
  );
}

export function TimelineFilters(props: { model: TimelineModel }) {
  const sandbox = useSandbox();
  const { t } = useI18n();
  return (
    <div class="tl-filters">
      <fieldset class="tl-legend">
        <legend>{t().timeline.legend}</legend>
        <For each={ENTRY_KINDS}>
          {(kind) => (
            <label class="tl-kind">
              <input type="checkbox" checked={props.model.kinds().has(kind)} onChange={() => props.model.toggleKind(kind)} />
              <MarkIcon kind={kind} />
              {t().timeline.kinds[kind]}
            </label>
          )}
        </For>
        <Show when={props.model.steps().some((step) => step.note)}>
          <span class="tl-kind tl-note-key"><NoteIcon />{t().links.noteLegend}</span>
        </Show>
      </fieldset>
      <label class="inline">
        <span>{t().timeline.person}</span>
        <select value={props.model.person()} onChange={(e) => props.model.setPerson(e.currentTarget.value)}>
          <option value="">{t().timeline.everyone}</option>
          <For each={Object.values(sandbox.world().people)}>{(person) => <option value={person.mobile}>{person.name} ({person.mobile})</option>}</For>
        </select>
      </label>
      <label class="inline">
        <span>{t().timeline.org}</span>
        <select value={props.model.org()} onChange={(e) => props.model.setOrg(e.currentTarget.value)}>
          <option value="">{t().timeline.allOrgs}</option>
          <For each={Object.values(sandbox.world().server.orgs)}>{(org) => <option value={org.id}>{org.name}</option>}</For>
        </select>
      </label>
      <label class="inline">
        <span>{t().timeline.search}</span>
        <input type="search" value={props.model.search()} onInput={(e) => props.model.setSearch(e.currentTarget.value)} />
      </label>
      <span class="tl-count" role="status">{t().timeline.shown(props.model.shown().length, props.model.total())}</span>
    </div>
  );
}
