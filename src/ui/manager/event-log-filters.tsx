// The event log's filters (R-MGR-4): time range (ISO, UTC) with quick ranges on the server clock, username, type or story, free text.
import { For } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { EVENT_LOG_TYPES } from '../../domain';
import type { EventLogType } from '../../domain';
import { useManager } from './manager-session';
import { EMPTY_EVENT_FILTER, EVENT_STORIES, isFilterEmpty, isStory } from './event-filter';
import type { EventFilter, EventStory } from './event-filter';
import { TimeField } from './time-field';
import { QuickRanges } from './quick-ranges';

export function EventLogFilters(props: { usernames: string[] }) {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const session = useManager();
  const filter = () => session.eventFilter();
  const set = (patch: Partial<EventFilter>) => session.setEventFilter({ ...filter(), ...patch });
  const isType = (value: string): value is EventLogType => EVENT_LOG_TYPES.some((type) => type === value);
  const readType = (value: string): EventLogType | EventStory | '' => (isType(value) || isStory(value) ? value : '');

  return (
    <form class="mgr-filters" aria-label={t().manager.filters} onSubmit={(event) => event.preventDefault()}>
      <fieldset class="mgr-time-range">
        <legend class="visually-hidden">{t().manager.timeRange}</legend>
        <TimeField id="mgr-filter-from" label={t().manager.from} value={filter().from} placeholder={sandbox.now()} errorClass="mgr-error-from" onCommit={(from) => set({ from })} />
        <TimeField id="mgr-filter-to" label={t().manager.to} value={filter().to} placeholder={sandbox.now()} errorClass="mgr-error-to" onCommit={(to) => set({ to })} />
        <p class="mgr-small muted mgr-time-hint">{t().manager.timeHint}</p>
        <QuickRanges onPick={(range) => set(range)} />
      </fieldset>
      <label class="mgr-field">
        <span>{t().manager.username}</span>
        <input type="search" list="mgr-log-usernames" value={filter().username} onInput={(event) => set({ username: event.currentTarget.value })} />
        <datalist id="mgr-log-usernames">
          <For each={props.usernames}>{(name) => <option value={name} />}</For>
        </datalist>
      </label>
      <label class="mgr-field">
        <span>{t().manager.type}</span>
        <select value={filter().type} onChange={(event) => set({ type: readType(event.currentTarget.value) })}>
          <option value="">{t().manager.allTypes}</option>
          <optgroup label={t().manager.stories}>
            <For each={EVENT_STORIES}>{(story) => <option value={story}>{t().manager.story[story]}</option>}</For>
          </optgroup>
          <optgroup label={t().manager.types}>
            <For each={EVENT_LOG_TYPES}>{(type) => <option value={type}>{type}</option>}</For>
          </optgroup>
        </select>
      </label>
      <div class="mgr-filter-text">
        <label class="mgr-field">
          <span>{t().manager.text}</span>
          <input type="search" value={filter().text} onInput={(event) => set({ text: event.currentTarget.value })} />
        </label>
        <button type="button" class="mgr-clear" disabled={isFilterEmpty(filter())} onClick={() => session.setEventFilter(EMPTY_EVENT_FILTER)}>
          {t().manager.clearFilters}
        </button>
      </div>
    </form>
  );
}
